/// Static check: resolves names to slots, applies the arithmetic table to types, checks argument
/// counts, and compiles the syntax tree to ``Code``. Every problem in a script is reported before any
/// statement runs.
struct Checker {
    var scope: GlobalScope
    var diagnostics: [Diagnostic] = []
    /// Innermost last: function parameters and the variables of `solve` and `table`.
    var locals: [[(name: String, slot: Int, type: SuanType, known: KnownArgument?)]] = []
    var nextLocal = 0
    var frameSize = 0
    /// The years the resolve phase read, one entry per `load` statement in order (nil: it failed and
    /// was reported), so that their names are known before the script runs.
    let loads: [ResolvedLoad?]
    var nextLoad = 0
    /// Functions being inferred (by where their body is), to stop recursive inference.
    var inferring: Set<String> = []
    /// Calls already checked with these argument types (and known arguments): the result type, and
    /// the problems found, reported again at each call so that checking stays linear.
    var inferred: [String: (type: SuanType, problems: [Diagnostic])] = [:]
    /// Above zero while checking list items past the type sample: their records need no shape.
    var shapeless = 0
    /// The native stack's end: checking stops with `stack-limit` before reaching it.
    let stack = StackGuard.current()
    /// Set while a module's definitions are checked (and while a call of a module's function is).
    var module: ModuleContext? = nil
    /// What each `use` statement brings in, in order (nil: it failed and was reported).
    var uses: [ModuleExports?] = []
    var nextUse = 0
    /// Names a `use` without `as` may not bind: the user's own, and those the program defines.
    var protectedNames: Set<String> = []
    /// The names the program's own `load`s will bring in: a `use` may not bind them either.
    var yearNamesAhead: Set<String> = []

    /// The source text of a span, for table headings and assert messages.
    let sourceText: (SourceSpan) -> String

    /// What the host knows of an unknown name (`y2023`: "load 2023 binds y2023"); pure, no I/O.
    let nameHint: (String) -> Message?

    init(scope: GlobalScope, sourceText: @escaping (SourceSpan) -> String, loads: [ResolvedLoad?],
         nameHint: @escaping (String) -> Message? = { _ in nil }) {
        self.scope = scope
        self.sourceText = sourceText
        self.loads = loads
        self.nameHint = nameHint
    }

    /// While a call is checked with its arguments' types, problems inside an `if` branch are not
    /// certain (the branch may never run for these arguments), so only unconditional ones count.
    var inferenceDepth = 0
    var branchDepth = 0

    mutating func report(_ message: Message, at span: SourceSpan, id: DiagnosticID, notes: [Message] = []) {
        if inferenceDepth > 0 && branchDepth > 0 { return }
        diagnostics.append(Diagnostic(id: id, message, at: span, notes: notes))
    }

    // MARK: Statements

    /// Declares every `fn` of a program first, so that functions may call ones defined later.
    mutating func predeclare(_ statements: [Statement]) {
        for statement in statements {
            guard case .function(let name, _, let parameters, let types, let body) = statement.kind, Keyword(rawValue: name) == nil else { continue }
            let slot = defineName(name, type: .function(arity: parameters.count))
            scope.functions[slot] = .init(name: name, parameters: parameters.map(\.0), body: body, parameterTypes: types, module: module)
        }
    }

    mutating func check(_ statement: Statement) -> CheckedStatement {
        nextLocal = 0
        frameSize = 0
        locals = [[]]
        let instruction = instructionFor(statement)
        return CheckedStatement(instruction: instruction, frameSize: frameSize)
    }

    mutating func instructionFor(_ statement: Statement) -> Instruction {
        switch statement.kind {
        case .expression(let e):
            let (code, type) = check(e)
            return .evaluate(code, type: type, span: e.span)
        case .binding(let name, let nameSpan, let value):
            guard !isReserved(name, at: nameSpan) else { return .none }
            let (code, type) = check(value)
            let slot = defineName(name, type: type)
            // `let f = fn(x) = …`: calls of f are checked with their arguments' types, as for `fn f(x)`.
            if case .lambda(let parameters, let body) = value.kind {
                scope.functions[slot] = .init(name: name, parameters: parameters.map(\.0), body: body,
                                              captured: capturedLocals(parameters, body), module: module)
            } else if let named = namedFunction(value) {
                // `let 项目历史 = history`: the alias is checked as the function is, typed parameters too.
                scope.functions[slot] = named
            }
            return .bind(slot: slot, code)
        case .function(let name, let nameSpan, let parameters, let types, let body):
            guard !isReserved(name, at: nameSpan) else { return .none }
            let slot = defineName(name, type: .function(arity: parameters.count))
            scope.functions[slot] = .init(name: name, parameters: parameters.map(\.0), body: body, parameterTypes: types, module: module)
            checkParameterTypes(types)
            var seen: Set<String> = []
            for (p, span) in parameters where !seen.insert(p).inserted {
                report("the parameter '\(p)' appears twice", at: span, id: .duplicateParameter)
            }
            let (code, size) = checkBody(body, parameters: parameters.map { ($0.0, SuanType.any) })
            let function = UserFunction(name: name, parameters: parameters.map(\.0), body: code, frameSize: size, span: statement.span)
            return .bind(slot: slot, .constant(.function(.user(function))))
        case .assert(let e):
            let (code, type) = check(e)
            expect(type, .bool, at: e.span, "an assert needs a true/false condition")
            var sides: (Code, Code)? = nil
            if case .comparison(_, let l, let r) = e.kind {
                // The sides were checked as part of the condition: their diagnostics are already reported.
                let reported = diagnostics.count
                sides = (check(l).0, check(r).0)
                diagnostics.removeSubrange(reported...)
            }
            return .assert(code, text: sourceText(e.span), sides: sides, span: e.span)
        case .print(let e):
            return .print(check(e).0, span: e.span)
        case .unitDeclaration(let words):
            for (w, span) in words {
                if UnitWord.builtin(w) != nil {
                    report("'\(w)' is a built-in unit and cannot be declared again", at: span, id: .unitRedeclared)
                } else {
                    scope.units.insert(w)
                }
            }
            return .none
        case .load:
            return load()
        case .use(_, let alias, let aliasSpan):
            defer { nextUse += 1 }
            guard nextUse < uses.count, let exports = uses[nextUse] else { return .none }
            return use(exports, alias: alias, aliasSpan: aliasSpan, span: statement.span)
        case .scenario(let clause, let nameSpan):
            let (code, type) = checkScenario(clause, span: statement.span)
            guard !isReserved(clause.name ?? "", at: nameSpan) else { return .none }
            return .bind(slot: scope.define(clause.name ?? "_", type: type), code)
        case .compare(let items, let only):
            return .compare(checkCompared(items), only: only, span: statement.span)
        case .show(let e):
            return .show(check(e).0, span: e.span)
        case .explain(let e):
            return explain(e)
        case .chart(let items, let path, let force):
            return .chart(items.map { (label($0), check($0).0) }, path: path, force: force, span: statement.span)
        case .table(let clause):
            return .table(checkTable(clause, span: statement.span))
        case .export(let source, let path, let force):
            let plan: ExportPlan
            switch source {
            case .value(let e): plan = .value(check(e).0)
            case .compare(let items, let only): plan = .compare(checkCompared(items), only: only)
            case .explain(let call):
                guard case .show(let code, _) = explain(call) else { return .none }
                plan = .value(code)
            case .table(let clause): plan = .table(checkTable(clause, span: statement.span))
            }
            return .export(plan, path: path, force: force, span: statement.span)
        }
    }

    /// The years and scenarios of `compare`, with their labels; a list of years (`示例年份`) stands
    /// for its years, in order.
    mutating func checkCompared(_ items: [Expr]) -> [(label: String, code: Code)] {
        var checked: [(label: String, code: Code)] = []
        for item in items {
            let (code, type) = check(item)
            var compared = type
            if case .list(let element) = type { compared = element }
            if compared != .any, case .record(let shape) = compared, shape.kind?.isYear == true {
            } else if compared != .any {
                report("compare takes years and scenarios, or a list of them; this is a \(type.name)", at: item.span, id: .typeMismatch)
            }
            checked.append((label(item), code))
        }
        return checked
    }

    /// `explain f(args)` shows `说明.f(args)`: the Stdlib decides which functions have a table.
    mutating func explain(_ e: Expr) -> Instruction {
        guard case .call(let callee, let args) = e.kind, case .name(let f) = callee.kind else {
            report("explain takes a call, e.g. explain score(p)", at: e.span, id: .explain)
            return .none
        }
        guard let slot = scope.slot("说明"), case .record(let shape) = scope.type(slot), shape.fields[f] != nil else {
            let known: [String] = if let slot = scope.slot("说明"), case .record(let shape) = scope.type(slot) { shape.fields.keys.sorted() } else { [] }
            report("there is no explanation for \(f)", at: callee.span, id: .explain,
                   notes: known.isEmpty ? [] : ["help: explain works for \(known.joined(separator: ", "))"])
            return .none
        }
        let explainer = Expr(kind: .field(Expr(kind: .name("说明"), span: callee.span), f), span: callee.span)
        return .show(check(Expr(kind: .call(explainer, args), span: e.span)).0, span: e.span)
    }

    /// Keywords cannot be names; the lexer already stops them, so this guards only generated names.
    func isReserved(_ name: String, at span: SourceSpan) -> Bool { Keyword(rawValue: name) != nil }

    func label(_ e: Expr) -> String {
        switch e.kind {
        case .name(let n): n
        case .field(_, let f): f
        case .scenario(let c): c.name ?? "scenario"
        default: "value"
        }
    }

    /// Binds the next resolved load: each of its years in order, the last one's fields (it is the
    /// current year), and for a range the list of its years. A load that failed binds nothing.
    mutating func load() -> Instruction {
        defer { nextLoad += 1 }
        guard nextLoad < loads.count, let loaded = loads[nextLoad], let current = loaded.years.last else { return .none }
        // Each year's shape is worked out once: it walks a sample of every list in the year, and
        // the names bound from the current year take their types from it.
        let shapes = loaded.years.map(\.record.shape)
        var bound: [Instruction.LoadedYear] = []
        for (year, shape) in zip(loaded.years.dropLast(), shapes) {
            bound.append(.init(year: .record(year.record), slot: scope.define(year.name, type: .record(shape)),
                               fields: [], label: year.label, warnings: year.warnings))
        }
        for old in scope.yearNames { scope.remove(old) }
        var fields: [(Int, String)] = []
        var names: [String] = []
        let currentShape = shapes[shapes.count - 1]
        for (key, value) in current.record.entries where Checker.isBindable(key) {
            if scope.slot(key) != nil && !scope.yearNames.contains(key) && scope.functions[scope.slot(key)!] != nil { continue }
            fields.append((scope.define(key, type: currentShape.fields[key] ?? value.type), key))
            names.append(key)
        }
        scope.yearNames = names
        bound.append(.init(year: .record(current.record), slot: scope.define(current.name, type: .record(currentShape)),
                           fields: fields, label: current.label, warnings: current.warnings))
        guard let listName = loaded.listName else { return .load(bound, list: nil) }
        let type = shapes.dropFirst().reduce(SuanType.record(shapes[0])) { $0.joined(with: .record($1)) }
        let list = Instruction.LoadedList(value: .list(bound.map(\.year)), slot: scope.define(listName, type: .list(type)),
                                          label: loaded.years.map(\.name).joined(separator: ", "))
        return .load(bound, list: list)
    }

    /// The fields of a year that `load` binds as names.
    static func plainFieldNames(_ year: ResolvedYear) -> [String] {
        year.record.entries.map(\.0).filter(isBindable)
    }

    /// Whether `load` binds a year's field as a name: a plain name that is no keyword.
    static func isBindable(_ key: String) -> Bool { isPlainName(key) && Keyword(rawValue: key) == nil }

    /// Whether a field name can be written as a bare name (no punctuation).
    static func isPlainName(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, Lexer.isIdentifierStart(first) else { return false }
        return key.unicodeScalars.allSatisfy { Lexer.isIdentifierContinue($0) && Lexer.normalized($0) == $0 }
    }

    /// Checks a function body with its parameters bound; returns its code and frame size.
    mutating func checkBody(_ body: Expr, parameters: [(String, SuanType)], captured: [Captured] = []) -> (Code, Int) {
        let saved = (locals, nextLocal, frameSize)
        locals = [[]]
        nextLocal = 0
        frameSize = 0
        for (p, t) in parameters { _ = declareLocal(p, type: t) }
        for c in captured { _ = declareLocal(c.name, type: c.type, known: c.known) }
        let (code, _) = check(body)
        let size = frameSize
        (locals, nextLocal, frameSize) = saved
        return (code, size)
    }

    mutating func declareLocal(_ name: String, type: SuanType, known: KnownArgument? = nil) -> Int {
        let slot = nextLocal
        nextLocal += 1
        frameSize = max(frameSize, nextLocal)
        locals[locals.count - 1].append((name, slot, type, known))
        return slot
    }

    /// Runs `body` with a new local scope holding `name`.
    mutating func withLocal<T>(_ name: String, type: SuanType, _ body: (inout Checker, Int) -> T) -> T {
        locals.append([])
        let slot = declareLocal(name, type: type)
        defer { locals.removeLast(); nextLocal -= 1 }
        return body(&self, slot)
    }

    mutating func expect(_ type: SuanType, _ wanted: SuanType, at span: SourceSpan, _ message: String) {
        if type != .any && type != wanted {
            report("\(message); this is a \(type.name)", at: span, id: .typeMismatch)
        }
    }

    // MARK: Expressions

    mutating func check(_ e: Expr) -> (Code, SuanType) {
        guard !stack.exhausted else {
            // Reported once, whatever the inference state: nothing deeper can be checked.
            if !diagnostics.contains(where: { $0.id == .stackLimit }) { diagnostics.append(StackGuard.failure(e.span)) }
            return (.constant(.unknown), .any)
        }
        switch e.kind {
        case .number(let value, let unit, let unitSpan):
            return literal(value, unit: unit, span: e.span, unitSpan: unitSpan)
        case .string(let s):
            return (.constant(.string(s)), .string)
        case .bool(let b):
            return (.constant(.bool(b)), .bool)
        case .name(let n):
            return resolve(n, at: e.span)
        case .list(let items):
            // Beyond the sample that decides the element type, records need no shape (hashing
            // every field name of 10,000 projects is most of the cost of checking a big year).
            var checked: [(Code, SuanType)] = []
            checked.reserveCapacity(items.count)
            for (n, item) in items.enumerated() {
                if n == SuanType.elementSample { shapeless += 1 }
                checked.append(check(item))
            }
            if items.count > SuanType.elementSample { shapeless -= 1 }
            return (.list(checked.map(\.0), span: e.span), .list(SuanType.element(of: checked.prefix(SuanType.elementSample + 1).map(\.1))))
        case .record(let entries):
            return record(kind: nil, entries: entries)
        case .negate(let inner):
            let (code, type) = check(inner)
            if type != .any && type.dimension == nil {
                report("cannot negate a \(type.name)", at: e.span, id: .typeMismatch)
            }
            if case .constant(let v) = code, let d = v.decimal, let negated = try? Arithmetic.negate(v, span: e.span) {
                _ = d
                return (.constant(negated), type)
            }
            return (.negate(code, e.span), type)
        case .not(let inner):
            let (code, type) = check(inner)
            expect(type, .bool, at: inner.span, "'not' needs a true/false value")
            return (.not(code, e.span), .bool)
        case .arithmetic(let op, let l, let r):
            let (lc, lt) = check(l)
            let (rc, rt) = check(r)
            return (.arithmetic(op, lc, rc, e.span), arithmeticType(op, lt, rt, span: e.span, left: l, right: r))
        case .comparison(let op, let l, let r):
            let (lc, lt) = check(l)
            let (rc, rt) = check(r)
            comparisonCheck(op, lt, rt, span: e.span)
            let general = Code.comparison(op, lc, rc, e.span)
            if let ln = numeric(lc, lt), let rn = numeric(rc, rt), let ld = lt.dimension, let rd = rt.dimension,
               DimensionRules.comparable(ld, rd) {
                return (.numericComparison(op, ln, rn, general: general), .bool)
            }
            return (general, .bool)
        case .logical(let op, let l, let r):
            let (lc, lt) = check(l)
            let (rc, rt) = check(r)
            expect(lt, .bool, at: l.span, "'\(op.rawValue)' needs true/false values")
            expect(rt, .bool, at: r.span, "'\(op.rawValue)' needs true/false values")
            return (.logical(op, lc, rc, e.span), .bool)
        case .percentOf(let l, let r):
            let (lc, lt) = check(l)
            let (rc, rt) = check(r)
            if lt != .any && lt != .ratio && lt != .number {
                report("'of' needs a ratio on its left (10% of x); this is a \(lt.name)", at: l.span, id: .typeMismatch)
                return (.percentOf(lc, rc, e.span), .any)
            }
            return (.percentOf(lc, rc, e.span), arithmeticType(.multiply, lt, rt, span: e.span, left: l, right: r))
        case .convert(let inner, let unit, let unitSpan):
            let (code, type) = check(inner)
            let result = convertType(type, to: unit, span: unitSpan)
            return (.convert(code, unit, e.span), result)
        case .call(let callee, let args):
            return call(callee, args, span: e.span)
        case .field(let base, let name):
            // `口径.人均` after `use "…" as 口径` is the module's function itself, so calls are checked.
            if let member = prefixedMember(base, name) { return (.global(member), scope.type(member)) }
            let (code, type) = check(base)
            return (.field(code, FieldName(name), e.span), fieldType(type, name, span: e.span, baseSpan: base.span))
        case .index(let base, let index):
            let (bc, bt) = check(base)
            let (ic, it) = check(index)
            if case .text(let key, let given)? = knownLocal(index), case .record = bt {
                // x[key] with the key a user's text given to a Stdlib function: checked where it was written.
                return (.index(bc, ic, e.span), fieldType(bt, key, span: given.span, baseSpan: given.span))
            }
            return (.index(bc, ic, e.span), indexType(bt, it, index: index, span: e.span))
        case .conditional(let c, let yes, let no):
            let (cc, ct) = check(c)
            expect(ct, .bool, at: c.span, "the condition of 'if' must be true or false")
            if let taken = decidedByTypes(c) {
                // `if kind(key) == "String" then x[key] else key(x)` with key's type known: only one
                // branch can run, and its problems are certain; the other's are not reported.
                let (live, liveType) = check(taken ? yes : no)
                let reported = diagnostics.count
                branchDepth += 1
                let (dead, _) = check(taken ? no : yes)
                branchDepth -= 1
                diagnostics.removeSubrange(reported...)
                return (taken ? .conditional(cc, live, dead, e.span) : .conditional(cc, dead, live, e.span), liveType)
            }
            branchDepth += 1
            let (yc, yt) = check(yes)
            let (nc, nt) = check(no)
            branchDepth -= 1
            // A branch that fails has no value: the `if` has the other branch's type.
            let type = yt == nt || nc.fails ? yt : yc.fails ? nt : .any
            return (.conditional(cc, yc, nc, e.span), type)
        case .solve(let clause):
            return solve(clause, span: e.span)
        case .count(let axes, let condition):
            let plans = checkAxes(axes)
            let (code, type) = check(condition)
            expect(type, .bool, at: condition.span, "count needs a true/false condition")
            for _ in plans { locals.removeLast(); nextLocal -= 1 }
            return (.count(plans, code, e.span), .number)
        case .scenario(let clause):
            return checkScenario(clause, span: e.span)
        case .target(let op, let value):
            let (code, type) = check(value)
            if type != .any && type.dimension == nil {
                report("a target needs an amount, ratio or count; this is a \(type.name)", at: value.span, id: .typeMismatch)
            }
            return (.target(op, code), .target)
        case .block(let kind, let header, let entries):
            var all = entries
            let key = kind == .year ? "年度" : "名称"
            if !entries.contains(where: { $0.key == key }) {
                all.insert(RecordEntry(key: key, keySpan: header.span, value: header), at: 0)
            }
            return record(kind: kind, entries: all)
        case .lambda(let parameters, let body):
            return lambda(parameters, body, span: e.span)
        case .interpolation(let items):
            // join([text(part), …], ""): each value shows as text(x) shows it.
            let parts = items.map { item -> Code in
                let (code, type) = check(item)
                return type == .string ? code : .builtin(.text, [code], item.span)
            }
            return (.builtin(.join, [.list(parts, span: e.span), .constant(.string(""))], e.span), .string)
        }
    }

    /// The enclosing locals that `fn(params) = body` names: it captures them by value.
    func capturedLocals(_ parameters: [(String, SourceSpan)], _ body: Expr) -> [Captured] {
        var names: [String] = [], seen = Set(parameters.map(\.0))
        body.mentionedNames(into: &names, seen: &seen)
        return names.compactMap { n in localBinding(n).map { Captured(name: n, type: $0.type, known: $0.known) } }
    }

    /// The innermost local variable called `name`, if any.
    func localBinding(_ name: String) -> (slot: Int, type: SuanType, known: KnownArgument?)? {
        for level in locals.reversed() {
            if let local = level.last(where: { $0.name == name }) { return (local.slot, local.type, local.known) }
        }
        return nil
    }

    /// `fn(x, y) = body`: checked as a function body whose frame holds the parameters, then the
    /// captured locals; running it makes a function value holding those locals' current values.
    mutating func lambda(_ parameters: [(String, SourceSpan)], _ body: Expr, span: SourceSpan) -> (Code, SuanType) {
        var seen: Set<String> = []
        for (p, pspan) in parameters where !seen.insert(p).inserted {
            report("the parameter '\(p)' appears twice", at: pspan, id: .duplicateParameter)
        }
        let captured = capturedLocals(parameters, body)
        let slots = captured.compactMap { localBinding($0.name)?.slot }
        let (code, size) = checkBody(body, parameters: parameters.map { ($0.0, SuanType.any) }, captured: captured)
        let function = UserFunction(name: "", parameters: parameters.map(\.0), body: code, frameSize: size, span: span)
        return (.closure(function, captures: slots), .function(arity: parameters.count))
    }

    /// The result type of an anonymous function written as an argument, called with `argumentTypes`:
    /// checking its body with them finds dimension errors before anything runs.
    mutating func inferLambda(_ e: Expr, argumentTypes: [SuanType]) -> SuanType {
        guard case .function(let syntax, _)? = knownArgument(e, givenTo: ""), syntax.parameters.count == argumentTypes.count else { return .any }
        return inferCall(syntax, argumentTypes: argumentTypes, span: e.span)
    }

    mutating func record(kind: RecordKind?, entries: [RecordEntry]) -> (Code, SuanType) {
        var keys: [String] = [], codes: [Code] = [], fields: [String: SuanType] = [:], spans: [SourceSpan] = []
        for entry in entries {
            if keys.contains(where: { ExactText($0) == ExactText(entry.key) }) {
                report("the field '\(entry.key)' appears twice", at: entry.keySpan, id: .duplicateField)
                continue
            }
            let (code, type) = check(entry.value)
            keys.append(entry.key); codes.append(code)
            if shapeless == 0 { fields[entry.key] = type }
            spans.append(entry.value.span)
        }
        if shapeless > 0 {
            return (.record(kind: kind, keys: keys, values: codes, spans: kind == nil ? [] : spans), .record(RecordShape(kind: kind, fields: [:], open: true)))
        }
        return (.record(kind: kind, keys: keys, values: codes, spans: kind == nil ? [] : spans), .record(RecordShape(kind: kind, fields: fields)))
    }

    mutating func literal(_ value: ExactDecimal, unit: UnitWord?, span: SourceSpan, unitSpan: SourceSpan?) -> (Code, SuanType) {
        guard let unit else { return (.constant(.number(value)), .number) }
        if case .tag(let t) = unit, !scope.units.contains(t) {
            let known = Array(scope.units) + ["元", "万元", "亿元", "pp"]
            let hint: [Message] = NameSuggestion.closest(to: t, among: known).map { ["help: did you mean '\($0)'?"] }
                ?? ["help: count words are declared in Stdlib/units.suan with 'unit \(t)'"]
            report("unknown unit '\(t)'", at: unitSpan ?? span, id: .unknownUnit, notes: hint)
            return (.constant(.unknown), .any)
        }
        do {
            let v = try Arithmetic.literal(value, unit: unit)
            return (.constant(v), v.type)
        } catch {
            report("this amount is too large to hold exactly", at: span, id: .numberRange)
            return (.constant(.unknown), .any)
        }
    }

    mutating func resolve(_ name: String, at span: SourceSpan) -> (Code, SuanType) {
        for scopeLevel in locals.reversed() {
            if let local = scopeLevel.last(where: { $0.name == name }) { return (.local(local.slot), local.type) }
        }
        if let slot = globalSlot(name) { return (.global(slot), scope.type(slot)) }
        var candidates = module.map { Array($0.stdlibNames) } ?? scope.visibleNames
        for level in locals { candidates += level.map(\.name) }
        var notes: [Message] = []
        if let s = NameSuggestion.closest(to: name, among: candidates) { notes.append("help: did you mean '\(s)'?") }
        if let hint = nameHint(name) { notes.append("help: \(hint)") }
        report("unknown name '\(name)'", at: span, id: .unknownName, notes: notes)
        return (.constant(.unknown), .any)
    }

    /// The numeric form of checked code, when every operand's dimension is known statically.
    /// Re-derives operand types from the code's structure, so it only follows arithmetic nodes.
    func numeric(_ code: Code, _ type: SuanType) -> NumericCode? {
        if let leaf = NumericCode.compile(code, type) { return leaf }
        guard case .arithmetic(let op, let l, let r, _) = code, let lt = staticType(l), let rt = staticType(r),
              let ln = numeric(l, lt), let rn = numeric(r, rt) else { return nil }
        return NumericCode.combine(op, ln, lt, rn, rt)
    }

    /// The type of checked code built from constants, slots and arithmetic, or nil.
    func staticType(_ code: Code) -> SuanType? {
        switch code {
        case .constant(let v): return v.dimension.map(SuanType.init)
        case .global(let slot): return scope.type(slot).dimension != nil ? scope.type(slot) : nil
        case .local(let slot):
            for level in locals.reversed() { if let l = level.last(where: { $0.slot == slot }) { return l.type.dimension != nil ? l.type : nil } }
            return nil
        case .arithmetic(let op, let l, let r, _):
            guard let lt = staticType(l)?.dimension, let rt = staticType(r)?.dimension else { return nil }
            switch DimensionRules.outcome(op, lt, rt) {
            case .result(let d), .relativeChange(let d): return SuanType(d)
            case .failure: return nil
            }
        default: return nil
        }
    }

    // MARK: Types of operations

    mutating func arithmeticType(_ op: ArithmeticOperator, _ l: SuanType, _ r: SuanType, span: SourceSpan, left: Expr, right: Expr) -> SuanType {
        if op == .add, case .list(let a) = l, case .list(let b) = r { return .list(a.joined(with: b)) }
        if op == .add, l == .string, r == .string || r == .any { return .string }
        if op == .add, r == .string, l == .any { return .string }
        if op == .add, case .list = l, r == .any { return l }
        if op == .add, case .list = r, l == .any { return r }
        if l == .any || r == .any { return .any }
        guard let ld = l.dimension, let rd = r.dimension else {
            let bad = l.dimension == nil ? (l, left) : (r, right)
            report("cannot \(op.verb) a \(bad.0.name)", at: bad.1.span, id: .typeMismatch,
                   notes: ["help: '\(op.rawValue)' works on numbers, money, ratios and counts"])
            return .any
        }
        switch DimensionRules.outcome(op, ld, rd) {
        case .result(let d), .relativeChange(let d):
            return SuanType(d)
        case .failure(let message, let help):
            report(message, at: span, id: .dimensionMismatch,
                   notes: ["left: \(ld.name), right: \(rd.name)"] + (help.map { ["help: \($0)"] } ?? []))
            return .any
        }
    }

    mutating func comparisonCheck(_ op: ComparisonOperator, _ l: SuanType, _ r: SuanType, span: SourceSpan) {
        if l == .any || r == .any { return }
        if let ld = l.dimension, let rd = r.dimension {
            if !DimensionRules.comparable(ld, rd) {
                report("cannot compare \(ld.name) with \(rd.name)", at: span, id: .dimensionMismatch)
            }
            return
        }
        if op == .equal || op == .notEqual {
            // Records and lists compare by their contents, whatever fields their shapes list
            // (a year read back from its export against the year it came from).
            switch (l, r) {
            case (.record, .record), (.list, .list): return
            default: if l != r { report("cannot compare \(l.name) with \(r.name)", at: span, id: .typeMismatch) }
            }
            return
        }
        report("'\(op.rawValue)' orders numbers, money, ratios and counts, not \(l.dimension == nil ? l.name : r.name)", at: span, id: .typeMismatch)
    }

    mutating func convertType(_ type: SuanType, to unit: UnitWord, span: SourceSpan) -> SuanType {
        switch (type, unit) {
        case (.any, _): return .any
        case (.money, .money), (.rate, .money), (.ratio, .ratio): return type
        case (.number, .ratio(let style)) where style != .points: return .ratio
        case (.quantity(let a), .tag(let b)) where a == b: return type
        default:
            report("cannot show a \(type.name) in \(Arithmetic.unitName(unit))", at: span, id: .dimensionMismatch)
            return .any
        }
    }

    mutating func fieldType(_ type: SuanType, _ name: String, span: SourceSpan, baseSpan: SourceSpan) -> SuanType {
        switch type {
        case .any: return .any
        case .record(let shape):
            if let t = shape.fields[name] { return t }
            if shape.open { return .any }
            let hint: [Message] = NameSuggestion.closest(to: name, among: Array(shape.fields.keys)).map { ["help: did you mean '\($0)'?"] } ?? []
            report("\(type.name) has no field '\(name)'", at: span, id: .unknownField, notes: hint)
            return .any
        case .target where name == "值" || name == "value":
            return .any
        case .target where name == "方向" || name == "direction":
            return .string
        default:
            report("a \(type.name) has no fields", at: baseSpan, id: .typeMismatch)
            return .any
        }
    }

    mutating func indexType(_ base: SuanType, _ index: SuanType, index expr: Expr, span: SourceSpan) -> SuanType {
        switch base {
        case .any: return .any
        case .list(let element):
            if index != .any && index != .number && index != .string {
                report("a list is indexed by position (0, 1, …) or by name (\"名称\")", at: expr.span, id: .typeMismatch)
            }
            return element
        case .record(let shape):
            if case .string(let key) = expr.kind { return fieldType(base, key, span: span, baseSpan: span) }
            expect(index, .string, at: expr.span, "a record is indexed by a field name in quotes")
            return shape.fields.count == 1 ? shape.fields.values.first! : .any
        default:
            report("a \(base.name) cannot be indexed", at: span, id: .typeMismatch)
            return .any
        }
    }

    // MARK: Calls

    mutating func call(_ callee: Expr, _ args: [Expr], span: SourceSpan) -> (Code, SuanType) {
        let checked = args.map { check($0) }
        let (calleeCode, calleeType) = check(callee)
        guard case .constant(.unknown) = calleeCode else {
            if case .global(let slot) = calleeCode, let builtin = scope.builtins[slot] {
                guard builtin.arityRange.contains(args.count) else {
                    let r = builtin.arityRange
                    arityError(builtin.rawValue, expected: r.count == 1 ? "\(r.lowerBound)" : "\(r.lowerBound) to \(r.upperBound)", got: args.count, span: span)
                    return (.constant(.unknown), .any)
                }
                return (.builtin(builtin, checked.map(\.0), span), builtinType(builtin, checked.map(\.1), args: args, span: span))
            }
            if case .global(let slot) = calleeCode, let syntax = scope.functions[slot] {
                if syntax.parameters.count != args.count {
                    arityError(syntax.name, expected: "\(syntax.parameters.count)", got: args.count, span: span)
                    return (.constant(.unknown), .any)
                }
                if argumentsMistyped(syntax, args: args, types: checked.map(\.1)) { return (.call(calleeCode, checked.map(\.0), span), .any) }
                let known = args.map { knownArgument($0, givenTo: syntax.name) }
                let type = inferCall(syntax, argumentTypes: checked.map(\.1), known: known, span: span)
                return (.call(calleeCode, checked.map(\.0), span), type)
            }
            if case .local = calleeCode, case .name(let n) = callee.kind, case .function(let syntax, let given)? = localBinding(n)?.known {
                // A function given as an argument, called by the function it was given to.
                guard syntax.parameters.count == args.count else {
                    if let given {
                        givenArityError(given, takes: syntax.parameters.count, calledWith: args.count)
                    } else {
                        arityError(syntax.name, expected: "\(syntax.parameters.count)", got: args.count, span: span)
                    }
                    return (.call(calleeCode, checked.map(\.0), span), .any)
                }
                let known = args.map { knownArgument($0, givenTo: syntax.name) }
                return (.call(calleeCode, checked.map(\.0), span), inferCall(syntax, argumentTypes: checked.map(\.1), known: known, span: span))
            }
            if case .lambda(let parameters, _) = callee.kind {
                guard parameters.count == args.count else {
                    arityError("fn", expected: "\(parameters.count)", got: args.count, span: span)
                    return (.constant(.unknown), .any)
                }
                return (.call(calleeCode, checked.map(\.0), span), inferLambda(callee, argumentTypes: checked.map(\.1)))
            }
            if case .global(let slot) = calleeCode, case .function(let arity) = scope.type(slot), let arity, arity != args.count {
                arityError(scope.names[slot], expected: "\(arity)", got: args.count, span: span)
            } else if calleeType != .any, case .function = calleeType {
            } else if calleeType != .any {
                report("a \(calleeType.name) cannot be called", at: callee.span, id: .notCallable)
            }
            return (.call(calleeCode, checked.map(\.0), span), .any)
        }
        return (.constant(.unknown), .any)
    }

    mutating func builtinType(_ b: Builtin, _ types: [SuanType], args: [Expr], span: SourceSpan) -> SuanType {
        let first = types.first ?? .any
        switch b {
        case .round:
            if types.count == 2, first != .any, types[1] != .any, let a = first.dimension, let s = types[1].dimension,
               !DimensionRules.comparable(a, s) {
                report("round's step must have the value's dimension: \(a.name) rounded to a \(s.name) step", at: args[1].span,
                       id: .dimensionMismatch, notes: ["help: e.g. round(x, 0.01万元) for money, round(r, 0.1%) for a ratio"])
            }
            // round(基本支出 / 总支出, 0.1) rounds to 10%, not to 0.1%: say so.
            if types.count == 2, first.dimension == .ratio, types[1].dimension == .number, case .number(let step, unit: nil, _) = args[1].kind,
               let percent = try? step.multiplied(by: ExactDecimal(100)) {
                let n = sourceText(args[1].span)
                diagnostics.append(Diagnostic(.warning, id: .ratioStep, "round's step \(n) on a ratio means \(percent.description)%", at: args[1].span,
                                              notes: ["help: write \(n)% to round to \(n) of a percent (or \(n)个百分点)"]))
            }
            return first
        case .abs: return first
        case .min, .max:
            if types.count == 1, case .list(let e) = first { return e }
            if types.count == 2, case .list = first, types[1] == .string || types[1].isFunction { return keyType(b, types, args: args) }
            return Set(types).count == 1 ? first : .any
        case .sum, .avg:
            if types.count == 2 { return keyType(b, types, args: args) }
            if case .list(let e) = first { return e }
            if first != .any { report("\(b.rawValue) takes a list, e.g. \(b.rawValue)([1万元, 2万元])", at: args[0].span, id: .typeMismatch) }
            return .any
        case .len, .value: return .number
        case .root: return first
        case .kind, .text, .digits: return .string
        case .starts: return .bool
        case .has: return .bool
        case .sort, .rank:
            _ = keyType(b, types, args: args)
            if args.count == 3, case .string(let d) = args[2].kind, d != "asc", d != "desc" {
                report("\(b.rawValue)'s direction is \"asc\" or \"desc\", not \(d)", at: args[2].span, id: .typeMismatch)
            }
            guard b == .rank else { return first }
            if case .list(.record(var shape)) = first {
                shape.fields["名次"] = .number
                return .list(.record(shape))
            }
            if case .list(let e) = first, e != .any { return .list(.record(RecordShape(kind: nil, fields: ["名次": .number, "值": e]))) }
            return .list(.any)
        case .unique: return first
        case .join, .format: return .string
        case .fail:
            if first != .any && first != .string { report("fail takes a message in quotes, not a \(first.name)", at: args[0].span, id: .typeMismatch) }
            return .any
        case .range: return .list(.number)
        case .map:
            if givenWrongArity(b, args: args, types: types) { return .list(.any) }
            if case .list(let element) = first, element != .any, args.count == 2 {
                return .list(inferLambda(args[1], argumentTypes: [element]))
            }
            return .list(.any)
        case .filter:
            if givenWrongArity(b, args: args, types: types) { return first }
            if case .list(let element) = first, element != .any, args.count == 2 {
                let result = inferLambda(args[1], argumentTypes: [element])
                expect(result, .bool, at: args[1].span, "filter's function must return true or false")
            }
            return first
        }
    }

    /// The key of `sort`, `rank`, `sum`, `avg`, `min` or `max` on a list (`f(list, key, …)`): a field
    /// name must exist on the items; a function is checked with the item type and must give
    /// something orderable (a number of some dimension for `sum`, `avg`, `min` and `max`, which also
    /// take strings for `sort` and `rank`). The key's type, or `.any`.
    mutating func keyType(_ b: Builtin, _ types: [SuanType], args: [Expr]) -> SuanType {
        if givenWrongArity(b, args: args, types: types) { return .any }
        guard types.count >= 2, case .list(let element) = types[0], element != .any else { return .any }
        let keyType: SuanType
        if case .string(let field) = args[1].kind {
            keyType = fieldType(element, field, span: args[1].span, baseSpan: args[0].span)
        } else if case .text(let field, let given)? = knownLocal(args[1]) {
            // A key in quotes given to a Stdlib function (top's): checked where the user wrote it.
            keyType = fieldType(element, field, span: given.span, baseSpan: given.span)
        } else if case .function(let f, _)? = knownArgument(args[1], givenTo: b.rawValue), f.parameters.count == 1 {
            // A lambda, or a function by name (`sum(项目, 执行率)`, `rank(项目, 口径.执行率)`): checked with the item type.
            keyType = inferCall(f, argumentTypes: [element], span: args[1].span)
        } else {
            if types[1] != .any && types[1] != .string && !types[1].isFunction {
                report("\(b.rawValue)'s key must be a field name in quotes or a function, not a \(types[1].name)", at: args[1].span, id: .typeMismatch)
            }
            return .any
        }
        if keyType != .any && keyType.dimension == nil && (b.reduces || keyType != .string) {
            let message: Message = switch b {
            case .sum, .avg: "\(b.rawValue) adds numbers, money, ratios or counts; a key here is a \(keyType.name)"
            case .min, .max: "\(b.rawValue) compares numbers, money, ratios or counts; a key here is a \(keyType.name)"
            default: "\(b.rawValue) orders numbers, money, ratios, counts or strings; a key here is a \(keyType.name)"
            }
            report(message, at: args[1].span, id: .typeMismatch)
            return .any
        }
        return keyType
    }

    mutating func arityError(_ name: String, expected: String, got: Int, span: SourceSpan) {
        report(Message.argumentCount(Message(verbatim: name), expected: expected, got: got), at: span, id: .argumentCount)
    }

    /// The result type of a call, found by checking the body with the arguments' types.
    mutating func inferCall(_ f: GlobalScope.FunctionSyntax, argumentTypes: [SuanType], known: [KnownArgument?] = [],
                            span: SourceSpan) -> SuanType {
        // A function is known by where its body is, not by its name: anonymous functions all have
        // names like fn(p), and a module's function may share its name with the script's own.
        let identity = "\(f.body.span.file):\(f.body.span.start)"
        let key = identity + "(" + zip(argumentTypes, known + repeatElement(nil, count: argumentTypes.count))
            .map { $0.name + ($1.map { " " + $0.identity } ?? "") }.joined(separator: ",") + ")"
        if let known = inferred[key] {
            reportInferred(known.problems, of: f, at: span)
            return known.type
        }
        if argumentTypes.allSatisfy({ $0 == .any }) || inferring.contains(identity) || inferring.count > 16 { return .any }
        inferring.insert(identity)
        inferenceDepth += 1
        defer { inferenceDepth -= 1 }
        let savedDiagnostics = diagnostics
        diagnostics = []
        let saved = (locals, nextLocal, frameSize, module)
        locals = [[]]
        nextLocal = 0
        module = f.module
        for (n, (p, t)) in zip(f.parameters, argumentTypes).enumerated() { _ = declareLocal(p, type: t, known: n < known.count ? known[n] : nil) }
        for c in f.captured { _ = declareLocal(c.name, type: c.type, known: c.known) }
        let (_, type) = check(f.body)
        (locals, nextLocal, frameSize, module) = saved
        let problems = diagnostics
        diagnostics = savedDiagnostics
        inferring.remove(identity)
        reportInferred(problems, of: f, at: span)
        inferred[key] = (type, problems)
        return type
    }

    // MARK: What-if

    mutating func solve(_ clause: SolveClause, span: SourceSpan) -> (Code, SuanType) {
        let (low, lowType) = check(clause.low)
        let (high, highType) = check(clause.high)
        if lowType != .any && highType != .any && lowType != highType {
            report("the range's ends differ: \(lowType.name) and \(highType.name)", at: clause.high.span, id: .dimensionMismatch)
        }
        if lowType != .any && lowType.dimension == nil {
            report("solve needs a range of numbers, money, ratios or counts", at: clause.low.span, id: .typeMismatch)
        }
        return withLocal(clause.variable, type: lowType) { c, slot in
            let (lhs, lt) = c.check(clause.lhs)
            let (rhs, rt) = c.check(clause.rhs)
            c.comparisonCheck(clause.relation, lt, rt, span: clause.lhs.span.through(clause.rhs.span))
            let plan = SolvePlan(slot: slot, low: low, high: high, lhs: lhs, relation: clause.relation, rhs: rhs, span: span)
            return (.solve(plan), lowType)
        }
    }

    mutating func checkTable(_ clause: TableClause, span: SourceSpan) -> TablePlan {
        let axes = checkAxes(clause.axes)
        let columns = clause.columns.indices.map { i in
            (title: (i < clause.titles.count ? clause.titles[i] : nil) ?? titleText(clause.columns[i]), code: check(clause.columns[i]).0)
        }
        for _ in axes { locals.removeLast(); nextLocal -= 1 }
        if axes.count == 2 && columns.count != 1 {
            report("a two-variable table has one expression", at: span, id: .tableShape)
        }
        return TablePlan(axes: axes, columns: columns, span: span)
    }

    /// Checks ranges and declares their variables in new local scopes (the caller pops them).
    mutating func checkAxes(_ clauseAxes: [TableClause.Axis]) -> [TablePlan.Axis] {
        var axes: [TablePlan.Axis] = []
        for axis in clauseAxes {
            let (low, lt) = check(axis.low)
            let (high, _) = check(axis.high)
            let (step, st) = check(axis.step)
            if lt != .any && st != .any, let ld = lt.dimension, let sd = st.dimension, !DimensionRules.comparable(ld, sd) {
                report("the step is a \(st.name) but the range is \(lt.name)", at: axis.step.span, id: .dimensionMismatch)
            }
            locals.append([])
            let slot = declareLocal(axis.variable, type: lt)
            axes.append(.init(name: axis.variable, slot: slot, low: low, high: high, step: step, span: axis.span))
        }
        return axes
    }

    /// Column headings print the expression as written; the session fills in the text.
    func titleText(_ e: Expr) -> String { sourceText(e.span) }

    mutating func checkScenario(_ clause: ScenarioClause, span: SourceSpan) -> (Code, SuanType) {
        let (base, baseType) = check(clause.base)
        var shape: RecordShape? = nil
        if case .record(let s) = baseType {
            if s.kind?.isYear == true { shape = s } else {
                report("a scenario starts from a year or another scenario; this is a \(baseType.name)", at: clause.base.span, id: .typeMismatch)
            }
        } else if baseType != .any {
            report("a scenario starts from a year or another scenario; this is a \(baseType.name)", at: clause.base.span, id: .typeMismatch)
        }
        var changes: [ScenarioPlan.Change] = []
        for change in clause.changes {
            let (value, valueType) = check(change.value)
            let lineType = shape.flatMap { pathType($0, change.path, span: change.pathSpan) } ?? .any
            changeCheck(change, lineType: lineType, valueType: valueType)
            changes.append(.init(path: change.path, operation: change.operation, value: value, span: change.pathSpan))
        }
        // A scenario may add fields to its projects and indicators (目标, 分值): their shapes are open.
        var resultShape = shape.map { s in RecordShape(kind: s.kind, fields: s.fields.mapValues { if case .list = $0 { $0.opened } else { $0 } }) }
            ?? RecordShape(kind: .scenario, fields: [:])
        resultShape.kind = .scenario
        resultShape.fields["名称"] = .string
        resultShape.fields["基于"] = .string
        return (.scenario(ScenarioPlan(name: clause.name, base: base, changes: changes, span: span)),
                shape == nil ? .any : .record(resultShape))
    }

    /// The type of the line a change names; reports an unknown line.
    mutating func pathType(_ shape: RecordShape, _ path: [String], span: SourceSpan) -> SuanType? {
        var type = SuanType.record(shape)
        var inItem = false
        for (i, key) in path.enumerated() {
            switch type {
            case .record(let s):
                guard let t = s.fields[key] else {
                    // An item of a list (a project, an indicator) may gain a field (目标, 分值): the
                    // domain decides which when the scenario runs.
                    if inItem { return .any }
                    let hint: [Message] = NameSuggestion.closest(to: key, among: Array(s.fields.keys)).map { ["help: did you mean '\($0)'?"] } ?? []
                    report(i == 0 ? "the year has no line '\(key)'" : "no field '\(key)' here", at: span, id: .unknownLine, notes: hint)
                    return nil
                }
                type = t
            case .list(let element):
                type = element  // 项目["名称"]: checked by name when the scenario runs
                inItem = true
            default:
                return .any
            }
        }
        return type
    }

    mutating func changeCheck(_ change: ScenarioChange, lineType: SuanType, valueType: SuanType) {
        // 项目 += project "新项目" { … } adds a project; a list may grow by a record or a list.
        if case .list = lineType {
            switch (change.operation, valueType) {
            case (_, .any), (.add, .record), (.add, .list), (.set, .list), (.subtract, .string), (.subtract, .list): return
            default:
                report("a list line takes '+= item' (add), '-= \"名称\"' (remove) or '= list'", at: change.pathSpan, id: .typeMismatch)
                return
            }
        }
        if lineType == .target, change.operation != .set, valueType.dimension != nil { return }
        guard lineType != .any, valueType != .any, let ld = lineType.dimension, let vd = valueType.dimension else {
            if lineType != .any && lineType.dimension == nil && lineType != .target {
                report("'\(change.path.joined(separator: "."))' is a \(lineType.name), not an amount", at: change.pathSpan, id: .typeMismatch)
            }
            return
        }
        let ok: Bool
        switch change.operation {
        case .set: ok = DimensionRules.comparable(ld, vd)
        case .add, .subtract:
            if case .result(let d) = DimensionRules.outcome(.add, ld, vd) { ok = d == ld } else {
                ok = DimensionRules.outcome(.add, ld, vd) == .relativeChange(ld)
            }
        case .multiply, .divide: ok = vd == .number || vd == .ratio
        }
        if !ok {
            // A bare number where money is meant: say how to write it (`基本支出 -= 5` → 5万元 or 5%).
            var notes: [Message] = []
            if ld == .money, vd == .number, change.operation != .multiply, change.operation != .divide,
               case .number(_, unit: nil, _) = change.value.kind {
                let n = sourceText(change.value.span)
                notes = [change.operation == .set ? "help: write \(n)万元 (or \(n)元, \(n)亿元)"
                                                  : "help: write \(n)万元 for an amount, or \(n)% for a relative change"]
            }
            report("cannot change \(change.path.joined(separator: ".")) (\(ld.name)) \(change.operation.rawValue) a \(vd.name)",
                   at: change.pathSpan.through(change.value.span), id: .dimensionMismatch, notes: notes)
        }
    }
}
