/// Runs checked ``Code``, compiled into closures (``compile(_:)``, in `Interpreter+Compile.swift`).
/// Names were resolved to slots by the checker, so the hot path does no string lookups: globals and
/// locals are array reads, and a field read checks its last position first (``FieldName``).
struct Interpreter {
    var globals: [Value] {
        didSet { functions = GlobalFunctions(globals) }
    }
    /// The Suan functions among the globals, by slot: a call of a named function takes it from
    /// here, a reference, instead of copying the global's value out.
    private(set) var functions: GlobalFunctions
    let settings: Settings
    var domain: any DomainHost
    /// Where warnings go (scenario problems); nil mutes them, as `solve` and `count` do for the
    /// trial points they evaluate.
    var warnings: WarningLog?
    /// Steps left under ``Settings/maximumSteps``; nil when unlimited.
    let budget: StepBudget?
    /// The native stack's end for this thread: calls stop with `stack-limit` before reaching it.
    var stack: StackGuard
    /// How many threads `map`, `filter`, `count` and `table` may split their work across (``Settings/jobs``);
    /// 1 in the parts of a split, which do not split again.
    var jobs: Int
    /// Where long work reports progress (``Settings/progress``); nil inside work that reports
    /// already, so that one line shows the outermost work.
    var progress: (@Sendable (ProgressReport) -> Void)?
    /// Files below this number are the Stdlib's: an error is never moved onto a call there (a user's
    /// lambda called by `group` keeps its own line; a Stdlib error goes on to the user's call).
    var libraryFiles: Int32 = 0
    /// In a part of a split, the part's own copies of the globals' functions, by the original
    /// (``takeOwnFunctions()``); empty otherwise.
    var ownFunctions: [ObjectIdentifier: UserFunction] = [:]
    /// The parts' copies of those functions, kept for this interpreter's splits (one statement).
    let partFunctions: PartFunctions
    /// The frames of the running calls (``Frame``): this thread's; a part of a split makes its own.
    var frames: FrameStack

    init(globals: [Value], settings: Settings, domain: any DomainHost, warnings: WarningLog? = nil) {
        self.globals = globals
        self.functions = GlobalFunctions(globals)
        self.settings = settings
        self.domain = domain
        self.warnings = warnings
        self.budget = settings.maximumSteps.map(StepBudget.init)
        self.stack = StackGuard.current()
        self.jobs = settings.jobs
        self.progress = settings.progress
        self.partFunctions = PartFunctions(parts: settings.jobs)
        self.frames = FrameStack()
    }

    /// This interpreter for the inside of work that reports its own progress.
    var withoutProgress: Interpreter {
        var copy = self
        copy.progress = nil
        return copy
    }

    /// This interpreter with warnings muted.
    var muted: Interpreter {
        var copy = self
        copy.warnings = nil
        return copy
    }

    /// A counter shared by the copies of one interpreter.
    final class StepBudget: @unchecked Sendable {
        var remaining: Int
        init(_ steps: Int) { remaining = steps }
    }

    /// Polled at every call and loop step: Ctrl-C, `--timeout` and the step budget stop work here.
    @inline(__always)
    func tick(_ span: SourceSpan, cost: Int = 1) throws(Diagnostic) {
        if Interruption.pending { throw Interpreter.interrupted(span) }
        if let budget {
            budget.remaining -= cost
            if budget.remaining < 0 {
                throw Arithmetic.fail("this needs more than \(settings.maximumSteps ?? 0) steps", span, id: .stepLimit)
            }
        }
    }

    static func interrupted(_ span: SourceSpan) -> Diagnostic {
        Diagnostic(id: .interrupted, "interrupted", at: span)
    }

    /// The value of `code`, compiled for this one run (``compile(_:)``). Code that runs many times
    /// (a function's body, a `table` column) is compiled once and the closure called instead.
    func eval(_ code: Code, _ frame: inout Frame, depth: Int = 0) throws(Diagnostic) -> Value {
        try Interpreter.compile(code)(self, &frame, depth)
    }

    /// `map(items, f)` or `filter(items, f)` over a run of a list, in order.
    func mapOrFilter(_ b: Builtin, _ items: ArraySlice<Value>, _ f: Value, span: SourceSpan, depth: Int,
                     meter: ProgressMeter?) throws(Diagnostic) -> [Value] {
        var out: [Value] = []
        out.reserveCapacity(items.count)
        // One frame for all the calls: each call writes its parameter before its body reads it,
        // and a body's locals are bound before they are read.
        var callee: Frame?
        defer { if let callee { release(callee) } }
        // A slice of a split keeps the list's own positions: a part's error names the item a
        // serial run would.
        for (index, item) in zip(items.indices, items) {
            try tick(span)
            meter?.advance()
            let v: Value
            do throws(Diagnostic) {
                if case .function(.user(let u)) = f, u.parameters.count == 1 {
                    if callee == nil {
                        let base = frames.push(u.callFrameSize(arguments: 1))
                        base.initialize(to: item)
                        callee = completedFrame(u, base, arguments: 1)
                    } else {
                        callee![0] = item
                    }
                    v = try enter(u, &callee!, span: span, depth: depth)
                } else {
                    v = try call(f, [item], span: span, depth: depth)
                }
            } catch {
                // Which item: among 20,000 projects, the error alone does not say.
                throw Interpreter.noting(error, Interpreter.itemNote(index, item, b))
            }
            if b == .map { out.append(v); continue }
            guard case .bool(let keep) = v else {
                if case .unknown = v {
                    throw Interpreter.noting(Arithmetic.fail("filter's function answered unknown (—): it must say true or false", span, id: .unknownCondition),
                                             Interpreter.itemNote(index, item, b))
                }
                throw Interpreter.noting(Arithmetic.fail("filter's function must return true or false, not a \(v.type.name)", span, id: .typeMismatch),
                                         Interpreter.itemNote(index, item, b))
            }
            if keep { out.append(item) }
        }
        return out
    }

    func truth(_ v: Value, _ span: SourceSpan) throws(Diagnostic) -> Bool? {
        switch v {
        case .bool(let b): return b
        case .unknown: return nil
        default: throw Arithmetic.fail("expected true or false, found a \(v.type.name)", span, id: .typeMismatch)
        }
    }

    func call(_ f: Value, _ args: [Value], span: SourceSpan, depth: Int) throws(Diagnostic) -> Value {
        guard case .function(let function) = f else {
            if case .unknown = f { return .unknown }
            throw Arithmetic.fail("a \(f.type.name) cannot be called", span, id: .notCallable)
        }
        switch function {
        case .builtin(let b):
            return try callBuiltin(b, args, span: span, depth: depth)
        case .user(let u):
            guard args.count == u.parameters.count else {
                // An anonymous function has no name to give: it is "this function".
                let name: Message = u.name.isEmpty ? "this function" : Message(verbatim: u.name)
                throw Arithmetic.fail(Message.argumentCount(name, expected: "\(u.parameters.count)", got: args.count), span, id: .argumentCount)
            }
            let base = frames.push(u.callFrameSize(arguments: args.count))
            for (k, a) in args.enumerated() { (base + k).initialize(to: a) }
            var frame = completedFrame(u, base, arguments: args.count)
            defer { release(frame) }
            return try enter(u, &frame, span: span, depth: depth)
        }
    }

    /// The frame of a call of `u` whose `arguments` values the caller has written at `base` (a
    /// ``FrameStack/push(_:)`` of ``UserFunction/callFrameSize(arguments:)``): its captures follow
    /// them, and its locals start unknown. The caller ``release(_:)``s it after the call.
    @inline(__always)
    func completedFrame(_ u: UserFunction, _ base: UnsafeMutablePointer<Value>, arguments: Int) -> Frame {
        let size = u.callFrameSize(arguments: arguments)
        var k = arguments
        for value in u.captured { (base + k).initialize(to: value); k += 1 }
        if size > k { (base + k).initialize(repeating: .unknown, count: size - k) }
        return Frame(base: base, count: size)
    }

    /// Calls `u` with the values of `arguments`, each written straight into its frame on the stack
    /// (one that fails takes the frame off again).
    @inline(__always)
    func enter(_ u: UserFunction, evaluating arguments: [Compiled], _ f: inout Frame, span: SourceSpan, depth: Int) throws(Diagnostic) -> Value {
        let base = frames.push(u.callFrameSize(arguments: arguments.count))
        var k = 0
        while k < arguments.count {
            do throws(Diagnostic) {
                (base + k).initialize(to: try arguments[k](self, &f, depth))
            } catch {
                base.deinitialize(count: k)
                frames.pop(to: base)
                throw error
            }
            k += 1
        }
        var frame = completedFrame(u, base, arguments: k)
        defer { release(frame) }
        return try enter(u, &frame, span: span, depth: depth)
    }

    /// Calls `u` with one argument, moved into its frame.
    @inline(__always)
    func enter(_ u: UserFunction, _ x: consuming Value, span: SourceSpan, depth: Int) throws(Diagnostic) -> Value {
        let base = frames.push(u.callFrameSize(arguments: 1))
        base.initialize(to: x)
        var frame = completedFrame(u, base, arguments: 1)
        defer { release(frame) }
        return try enter(u, &frame, span: span, depth: depth)
    }

    /// Calls `u` with two arguments, moved into its frame.
    @inline(__always)
    func enter(_ u: UserFunction, _ x: consuming Value, _ y: consuming Value, span: SourceSpan, depth: Int) throws(Diagnostic) -> Value {
        let base = frames.push(u.callFrameSize(arguments: 2))
        base.initialize(to: x)
        (base + 1).initialize(to: y)
        var frame = completedFrame(u, base, arguments: 2)
        defer { release(frame) }
        return try enter(u, &frame, span: span, depth: depth)
    }

    /// Releases the values of a call's frame and takes it off the stack.
    @inline(__always)
    func release(_ frame: Frame) {
        // One by one: `deinitialize(count:)` goes through the runtime's general array destroy,
        // which cost more than a frame's few values.
        for k in 0..<frame.count { _ = (frame.base + k).move() }
        frames.pop(to: frame.base)
    }


    /// Runs a Suan function on `frame` (``completedFrame(_:_:arguments:)``), which holds its
    /// arguments (and, when reused by `map`, the locals of the previous call, which are overwritten
    /// before they are read).
    @inline(__always)
    func enter(_ u: UserFunction, _ frame: inout Frame, span: SourceSpan, depth: Int) throws(Diagnostic) -> Value {
        guard depth < settings.maximumCallDepth else {
            throw Arithmetic.fail("calls nest deeper than \(settings.maximumCallDepth) levels (runaway recursion in \(u.name)?)",
                                  span, id: .recursionLimit)
        }
        guard !stack.exhausted else { throw StackGuard.failure(span) }
        try tick(span)
        do {
            return try u.compiled(self, &frame, depth + 1)
        } catch {
            throw Interpreter.atCall(error, span, libraryFiles: libraryFiles)
        }
    }

    /// Where in a list `map` or `filter` met an error: the item's index, as `list[index]` reads it,
    /// and for a project or an indicator its name (`project "法律援助"`), so that a nested list's
    /// note says which project's indicator it was.
    static func itemNote(_ index: Int, _ item: Value, _ b: Builtin) -> Message {
        if case .record(let r) = item, let kind = r.kind, kind == .project || kind == .indicator, case .string(let name)? = r["名称"] {
            return "note: at index \(index) of the list that \(b.rawValue) went through: \(kind.rawValue) \"\(name)\""
        }
        return "note: at index \(index) of the list that \(b.rawValue) went through"
    }

    /// The cell of a grid the frame is at: `k = 50, j = 3`.
    static func cell(_ axes: [TablePlan.Axis], _ frame: Frame) -> String {
        axes.map { "\($0.name) = \(ValueFormatter().text(frame[$0.slot]))" }.joined(separator: ", ")
    }

    /// `error` with a note of where in a long piece of work it arose; an interruption is left as it is.
    ///
    /// An error that climbs through a recursion of `map`s would gain a note per level (and copying
    /// the growing list at each made it quadratic): a note the level below already gave is not
    /// repeated, and past ``keptNotes`` notes the newest (outermost, the user's own) replaces the last.
    static func noting(_ error: Diagnostic, _ note: Message) -> Diagnostic {
        guard error.id != .interrupted, error.notes.last != note else { return error }
        var d = error
        if d.notes.count < keptNotes { d.notes.append(note) } else { d.notes[d.notes.count - 1] = note }
        return d
    }

    /// The notes an error keeps at most as it climbs out of nested work.
    static let keptNotes = 6

    /// An error raised in a function from another source (a Stdlib function called from a script)
    /// points at the call in this source; where it arose becomes a note (``Diagnostic/origin``).
    static func atCall(_ error: Diagnostic, _ call: SourceSpan, libraryFiles: Int32 = 0) -> Diagnostic {
        guard error.id != .interrupted, call.file >= libraryFiles, error.span.file >= 0, error.span.file != call.file else {
            return error
        }
        // Raised inside the Stdlib (perhaps through several of its files), or in a module's function:
        // the first call from outside carries it, and the innermost place it arose is the note.
        guard error.origin == nil || error.span.file < libraryFiles else { return error }
        var d = error
        if d.origin == nil { d.origin = error.span }
        d.originInLibrary = d.origin!.file < libraryFiles
        d.span = call
        return d
    }

    /// A field read written in the code: found by its last position first (``FieldName``).
    @inline(__always)
    func field(_ base: Value, _ name: FieldName, span: SourceSpan) throws(Diagnostic) -> Value {
        switch base {
        case .record(let r):
            if let i = name.index(in: r) { return r.value(at: i) }
        // `i.目标.值` and `i.目标.方向`: the part was worked out from the name when it was compiled.
        case .target(let op, let box):
            if let part = name.targetPart { return part.read(op, box) }
        default: break
        }
        return try field(base, name.text, span: span)
    }

    func field(_ base: Value, _ name: String, span: SourceSpan) throws(Diagnostic) -> Value {
        switch base {
        case .record(let r):
            if let v = r[name] { return v }
            let hint: [Message] = NameSuggestion.closest(to: name, among: r.keys).map { ["help: did you mean '\($0)'?"] } ?? []
            throw Arithmetic.fail("no field '\(name)' here", span, id: .unknownField, notes: hint)
        case .target(let op, let box):
            if let part = FieldName.TargetPart(name) { return part.read(op, box) }
            throw Arithmetic.fail("a \(base.type.name) has no fields", span, id: .typeMismatch)
        case .unknown:
            return .unknown
        default:
            throw Arithmetic.fail("a \(base.type.name) has no fields", span, id: .typeMismatch)
        }
    }

    func index(_ base: Value, _ index: Value, span: SourceSpan) throws(Diagnostic) -> Value {
        switch (base, index) {
        case (.list(let items), .number(let n)):
            guard n.isInteger, n >= .zero, n < ExactDecimal(items.count) else {
                throw Arithmetic.fail("index \(n) is out of range (the list has \(items.count) items, from 0)", span, id: .indexRange)
            }
            return items[Int(n.coefficient / ExactDecimal.power(Int(n.scale)))]
        case (.list(let items), .string(let name)):
            for case .record(let r) in items {
                if case .string(let n) = r["名称"], n == name { return .record(r) }
            }
            let names = items.compactMap { item -> String? in
                if case .record(let r) = item, case .string(let n) = r["名称"] { return n }
                return nil
            }
            let hint: [Message] = NameSuggestion.closest(to: name, among: names).map { ["help: did you mean \"\($0)\"?"] } ?? []
            throw Arithmetic.fail("no item named \"\(name)\"", span, id: .unknownItem, notes: hint)
        case (.record, .string(let key)):
            return try field(base, key, span: span)
        case (.unknown, _), (_, .unknown):
            return .unknown
        default:
            throw Arithmetic.fail("a \(base.type.name) cannot be indexed by a \(index.type.name)", span, id: .typeMismatch)
        }
    }

    // MARK: solve

    /// The precision `solve` finds a value to: 0.01元 for money, a millionth for ratios, 0.01 for counts.
    static func resolution(for value: Value) -> ExactDecimal {
        switch value {
        case .money, .rate: ExactDecimal(unchecked: 1, scale: 2)
        case .ratio: ExactDecimal(unchecked: 1, scale: 8)
        case .quantity: ExactDecimal(unchecked: 1, scale: 2)
        default: ExactDecimal(unchecked: 1, scale: 10)
        }
    }

    func solve(_ plan: SolvePlan, _ frame: inout Frame, depth: Int) throws(Diagnostic) -> Value {
        let lhs = Interpreter.compile(plan.lhs), rhs = Interpreter.compile(plan.rhs)
        let lowValue = try eval(plan.low, &frame, depth: depth)
        let highValue = try eval(plan.high, &frame, depth: depth)
        guard var a = lowValue.decimal, var b = highValue.decimal else {
            throw Arithmetic.fail("solve needs a range of numbers, money, ratios or counts", plan.span, id: .typeMismatch)
        }
        if a > b { swap(&a, &b) }
        let step = Interpreter.resolution(for: lowValue)
        func sides(_ x: ExactDecimal, _ frame: inout Frame) throws(Diagnostic) -> (Value, Value) {
            frame[plan.slot] = Arithmetic.rebuild(lowValue, x)
            return (try lhs(self, &frame, depth), try rhs(self, &frame, depth))
        }
        /// lhs − rhs, the function whose zero is sought.
        func gap(_ x: ExactDecimal, _ frame: inout Frame) throws(Diagnostic) -> ExactDecimal {
            let (l, r) = try sides(x, &frame)
            guard let ld = l.decimal, let rd = r.decimal else {
                throw Arithmetic.fail("the condition is unknown at \(Arithmetic.rebuild(lowValue, x).plainText)", plan.span, id: .unknownCondition)
            }
            do { return try ld.subtracting(rd) } catch { throw Arithmetic.wrap(error, plan.span) }
        }
        func holds(_ x: ExactDecimal, _ frame: inout Frame) throws(Diagnostic) -> Bool {
            let g = try gap(x, &frame)
            return plan.relation.holds(g.signum)
        }
        func noSolution(_ frame: inout Frame) throws(Diagnostic) -> Diagnostic {
            let (la, ra) = try sides(a, &frame), (lb, _) = try sides(b, &frame)
            return Arithmetic.fail("no solution in \(Arithmetic.rebuild(lowValue, a).plainText)..\(Arithmetic.rebuild(lowValue, b).plainText)",
                                   plan.span, id: .noSolution,
                                   notes: ["at \(Arithmetic.rebuild(lowValue, a).plainText) the left side is \(la.plainText); at \(Arithmetic.rebuild(lowValue, b).plainText) it is \(lb.plainText); the right side is \(ra.plainText)"])
        }
        let two = ExactDecimal(2)
        func midpoint(_ x: ExactDecimal, _ y: ExactDecimal) throws(Diagnostic) -> ExactDecimal {
            do { return try x.adding(y).divided(by: two).rounded(toScale: Int(step.scale) + 2, mode: .halfEven) } catch { throw Arithmetic.wrap(error, plan.span) }
        }
        func width(_ x: ExactDecimal, _ y: ExactDecimal) -> ExactDecimal { (try? y.subtracting(x)) ?? .zero }

        if plan.relation == .equal {
            let fa = try gap(a, &frame), fb = try gap(b, &frame)
            if fa.isZero { return Arithmetic.rebuild(lowValue, a) }
            if fb.isZero { return Arithmetic.rebuild(lowValue, b) }
            guard fa.signum != fb.signum else { throw try noSolution(&frame) }
            var lo = a, hi = b, flo = fa
            var rounds = 0
            while width(lo, hi) > step && rounds < 400 {
                rounds += 1
                try tick(plan.span)
                let m = try midpoint(lo, hi)
                let fm = try gap(m, &frame)
                if fm.isZero { lo = m; hi = m; break }
                if fm.signum == flo.signum { lo = m; flo = fm } else { hi = m }
            }
            // The grid point (a multiple of the resolution) nearest the root: every grid point from
            // just below lo to just above hi is a candidate (there are at most three).
            let scale = Int(step.normalized.scale)
            var floor = lo.rounded(toScale: scale, mode: .towardZero)
            if floor > lo, let below = try? floor.subtracting(step) { floor = below }
            var candidates: [ExactDecimal] = []
            var c = floor
            while candidates.count < 4 {
                candidates.append(c)
                if c >= hi { break }
                guard let next = try? c.adding(step) else { break }
                c = next
            }
            var best = candidates[0], bestGap = try gap(best, &frame).magnitude
            for c in candidates.dropFirst() {
                let g = try gap(c, &frame).magnitude
                if g < bestGap { best = c; bestGap = g }
            }
            return Arithmetic.rebuild(lowValue, best.normalized)
        }
        // <= / >=: the boundary of the part of the range where the condition holds.
        let ha = try holds(a, &frame), hb = try holds(b, &frame)
        if ha && hb { return Arithmetic.rebuild(lowValue, a) }
        guard ha || hb else { throw try noSolution(&frame) }
        var inside = ha ? a : b, outside = ha ? b : a
        var rounds = 0
        while width(min(inside, outside), max(inside, outside)) > step && rounds < 400 {
            rounds += 1
            try tick(plan.span)
            let m = try midpoint(min(inside, outside), max(inside, outside))
            if try holds(m, &frame) { inside = m } else { outside = m }
        }
        let scale = Int(step.normalized.scale)
        let snapped = inside.rounded(toScale: scale, mode: ha ? .towardZero : .halfAwayFromZero)
        return Arithmetic.rebuild(lowValue, (try holds(snapped, &frame) ? snapped : inside).normalized)
    }

    // MARK: count

    func count(_ axes: [TablePlan.Axis], _ condition: Code, span: SourceSpan, _ frame: inout Frame, depth: Int) throws(Diagnostic) -> Value {
        let writer = TableWriter(interpreter: self, format: ValueFormatter())
        let outer = try writer.axisValues(axes[0], &frame)
        let inner = axes.count > 1 ? try writer.axisValues(axes[1], &frame) : AxisSteps(template: .unknown, start: .zero, step: .one, count: 1)
        let meter = ProgressMeter(.count, total: outer.count, report: progress)
        defer { meter?.clear() }
        let quiet = meter == nil ? self : withoutProgress
        let parts = parts(for: outer.count, cells: outer.count * inner.count)
        if parts > 1 {
            let caller = frame
            // A part that meets an unknown cell answers unknown, as a serial run stops there.
            let answers = try quiet.split(outer.count, into: parts, endingAt: { (answer: Value) in if case .number = answer { false } else { true } }) { (worker, range) throws(Diagnostic) in
                let copy = Frame.Storage(copying: caller)
                defer { withExtendedLifetime(copy) {} }
                var frame = copy.frame
                return try worker.count(axes, condition, rows: outer.part(range), inner, span: span, &frame, depth: depth, meter: meter)
            }
            var hits = 0
            for answer in answers {
                guard case .number(let n) = answer else { return answer }
                hits += n.integerValue ?? 0
            }
            return .number(ExactDecimal(hits))
        }
        return try quiet.count(axes, condition, rows: outer, inner, span: span, &frame, depth: depth, meter: meter)
    }

    /// `count` over some rows of its grid: the number of cells where the condition holds, or the
    /// first unknown cell's answer (unknown).
    func count(_ axes: [TablePlan.Axis], _ condition: Code, rows outer: AxisSteps, _ inner: AxisSteps, span: SourceSpan,
               _ frame: inout Frame, depth: Int, meter: ProgressMeter?) throws(Diagnostic) -> Value {
        var hits = 0
        let whole = Interpreter.compile(condition), wholeNumeric = Interpreter.numericComparison(of: condition)
        // Read once: taking a slot out of `axes` per cell copies the axis and its code.
        let innerSlot = axes.count > 1 ? axes[1].slot : nil
        for x in outer {
            try tick(span, cost: inner.count)
            meter?.advance()
            frame[axes[0].slot] = x
            // Parts of the condition that do not depend on the inner variable are computed once per row.
            let hoisted = axes.count > 1 ? try hoisting(condition, invariantIn: axes[1].slot, &frame, depth: depth).code : condition
            let specialised = axes.count > 1 ? Interpreter.compile(hoisted) : whole
            // A numeric condition (a grid's usual one) is tested on bare decimals here, without a
            // closure call per cell; a value that is not a number takes the compiled general path.
            let numeric = axes.count > 1 ? Interpreter.numericComparison(of: hoisted, variable: inner.givesBareNumbers ? innerSlot : nil) : wholeNumeric
            let row: Int?
            do throws(Diagnostic) {
                row = try countRow(inner, at: innerSlot, numeric, specialised, span: span, &frame, depth: depth)
            } catch {
                // The cell it failed at (the variables' values), as a serial run meets it first.
                throw Interpreter.noting(error, "note: at the cell \(Interpreter.cell(axes, frame)) of the count")
            }
            guard let row else { return .unknown }
            hits += row
        }
        return .number(ExactDecimal(hits))
    }

    /// The cells of one row of a `count` grid where the condition holds, or nil at an unknown cell.
    /// The programs come in as arguments, borrowed: read from a local of the caller, each cell
    /// retained and released their steps.
    @inline(never)
    private func countRow(_ inner: AxisSteps, at innerSlot: Int?, _ numeric: NumericComparison?,
                          _ specialised: Compiled, span: SourceSpan, _ frame: inout Frame, depth: Int) throws(Diagnostic) -> Int? {
        if let innerSlot, let numeric, numeric.readsVariable {
            return try countRow(inner, at: innerSlot, reading: numeric, specialised, span: span, &frame, depth: depth)
        }
        var hits = 0
        for (j, y) in inner.enumerated() {
            if j & 4095 == 4095, Interruption.pending { throw Interpreter.interrupted(span) }
            if let innerSlot { frame[innerSlot] = y }
            if let numeric, let holds = try? numeric.holds(self, frame) {
                if holds { hits += 1 }
                continue
            }
            guard let holds = try cell(specialised, span: span, &frame, depth: depth) else { return nil }
            if holds { hits += 1 }
        }
        return hits
    }

    /// A row whose numeric condition reads the inner variable as a bare decimal: the variable's
    /// slot is written only for a cell that the general code tests, and at the end of the row,
    /// so that the frame is left as a row that wrote it at every cell leaves it.
    private func countRow(_ inner: AxisSteps, at innerSlot: Int, reading numeric: NumericComparison,
                          _ specialised: Compiled, span: SourceSpan, _ frame: inout Frame, depth: Int) throws(Diagnostic) -> Int? {
        var hits = 0, last: ExactDecimal?
        for (j, y) in inner.decimals.enumerated() {
            if j & 4095 == 4095, Interruption.pending { throw Interpreter.interrupted(span) }
            last = y
            if let holds = try? numeric.holds(self, frame, variable: y) {
                if holds { hits += 1 }
                continue
            }
            frame[innerSlot] = Arithmetic.rebuild(inner.template, y)
            guard let holds = try cell(specialised, span: span, &frame, depth: depth) else { return nil }
            if holds { hits += 1 }
        }
        if let last { frame[innerSlot] = Arithmetic.rebuild(inner.template, last) }
        return hits
    }

    /// Whether a cell's condition holds by its general code, or nil when it is unknown.
    @inline(__always)
    private func cell(_ specialised: Compiled, span: SourceSpan, _ frame: inout Frame, depth: Int) throws(Diagnostic) -> Bool? {
        switch try specialised(self, &frame, depth) {
        case .bool(let holds): return holds
        case .unknown: return nil
        case let v: throw Arithmetic.fail("count needs a true/false condition, not a \(v.type.name)", span, id: .typeMismatch)
        }
    }

    /// A numeric comparison ready for a grid's cells, reading `variable` (the inner axis's slot)
    /// as a bare decimal; nil for other conditions.
    static func numericComparison(of condition: Code, variable: Int? = nil) -> NumericComparison? {
        guard case .numericComparison(let op, let l, let r, _) = condition else { return nil }
        return NumericComparison(op, l, r, variable: variable)
    }

    /// `code` with each largest arithmetic subtree that does not read local `slot` replaced by its
    /// value. Suan expressions have no side effects, so this changes only how often work is done.
    func hoisting(_ code: Code, invariantIn slot: Int, _ frame: inout Frame, depth: Int) throws(Diagnostic) -> (code: Code, varies: Bool) {
        switch code {
        case .local(let s):
            return (code, s == slot)
        case .constant, .global:
            return (code, false)
        case .arithmetic(let op, let l, let r, let span):
            let (lc, lv) = try hoisting(l, invariantIn: slot, &frame, depth: depth)
            let (rc, rv) = try hoisting(r, invariantIn: slot, &frame, depth: depth)
            if !lv && !rv { return (.constant(try eval(code, &frame, depth: depth)), false) }
            return (.arithmetic(op, lc, rc, span), true)
        case .comparison(let op, let l, let r, let span):
            let (lc, lv) = try hoisting(l, invariantIn: slot, &frame, depth: depth)
            let (rc, rv) = try hoisting(r, invariantIn: slot, &frame, depth: depth)
            if !lv && !rv { return (.constant(try eval(code, &frame, depth: depth)), false) }
            return (.comparison(op, lc, rc, span), true)
        case .numericComparison(let op, let l, let r, let general):
            let (lc, lv) = try hoisting(l, invariantIn: slot, &frame)
            let (rc, rv) = try hoisting(r, invariantIn: slot, &frame)
            if !lv && !rv { return (.constant(try eval(code, &frame, depth: depth)), false) }
            return (.numericComparison(op, lc, rc, general: general), true)
        default:
            // Calls, conditionals and the rest are left as they are (they may read the variable).
            return (code, true)
        }
    }

    /// The numeric counterpart of ``hoisting(_:invariantIn:_:depth:)``.
    func hoisting(_ code: NumericCode, invariantIn slot: Int, _ frame: inout Frame) throws(Diagnostic) -> (code: NumericCode, varies: Bool) {
        func pair(_ l: NumericCode, _ r: NumericCode, _ make: (NumericCode, NumericCode) -> NumericCode) throws(Diagnostic) -> (NumericCode, Bool) {
            let (lc, lv) = try hoisting(l, invariantIn: slot, &frame)
            let (rc, rv) = try hoisting(r, invariantIn: slot, &frame)
            if !lv && !rv, let value = try? NumericProgram(make(lc, rc)).run(self, frame) { return (.constant(value), false) }
            return (make(lc, rc), lv || rv)
        }
        switch code {
        case .local(let s): return (code, s == slot)
        case .constant: return (code, false)
        case .global(let g):
            // A global's number is read once per row, not at every cell; one that holds no number
            // (an unknown figure) stays a read, so that the cell still falls back to the general code.
            guard let value = try? number(globals[g]) else { return (code, false) }
            return (.constant(value), false)
        case .add(let l, let r): return try pair(l, r, NumericCode.add)
        case .subtract(let l, let r): return try pair(l, r, NumericCode.subtract)
        case .multiply(let l, let r): return try pair(l, r, NumericCode.multiply)
        case .divide(let l, let r): return try pair(l, r, NumericCode.divide)
        case .scale(let l, let r, let increase): return try pair(l, r) { .scale($0, $1, increase: increase) }
        }
    }

    // MARK: scenario

    /// Evaluates a scenario's base and change values (compiled with it); the domain applies them to the year.
    func scenario(_ name: String?, base: Compiled, edits: [ScenarioEdit], values: [Compiled], span: SourceSpan,
                  _ frame: inout Frame, depth: Int) throws(Diagnostic) -> Value {
        guard case .record(let year) = try base(self, &frame, depth), year.kind?.isYear == true else {
            throw Arithmetic.fail("a scenario starts from a year or another scenario", span, id: .typeMismatch)
        }
        var edits = edits
        for k in edits.indices { edits[k].value = try values[k](self, &frame, depth) }
        let warn: ((Diagnostic) -> Void)? = warnings.map { log in { log.add($0) } }
        return .record(try domain.scenario(from: year, name: name, changes: edits, span: span, warn: warn))
    }
}
