import SuanStdlib

/// One Suan session: the names in scope, their values, the sources read so far, and settings.
///
/// The REPL and the CLI are thin shells over this type. Each call to ``run(_:name:transactional:emit:)``
/// reads, checks and runs one piece of source; with `transactional` (the REPL, `-e`), a failure
/// leaves the session exactly as it was, because the session is a value and the new copy is kept
/// only on success.
public struct Session: Sendable {
    public var settings: Settings
    public private(set) var sources: [SourceFile] = []
    var scope = GlobalScope()
    var globals: [Value] = []
    let domain: any DomainHost
    /// The scope and values after the Stdlib, in which year files are evaluated.
    var stdlibScope = GlobalScope()
    var stdlibGlobals: [Value] = []
    /// Statements that succeeded, for `:save`.
    public private(set) var history: [String] = []
    /// Whether year files that are pure data are read directly (tests turn it off to compare).
    var useFastDataReader = true
    /// Problems in the Stdlib itself (empty unless a Stdlib file was edited badly).
    public private(set) var stdlibProblems: [String] = []

    /// What a run produced, in order.
    public enum Event: Sendable {
        /// The value of a bare expression statement, and its static type.
        case result(Value, SuanType)
        /// Text from `print`, `show`, `table`, `compare`, `export`.
        case text(String)
        /// A year was loaded (the REPL confirms it; scripts stay silent).
        case loaded(name: String, label: String)
        /// An error or a warning, to render with ``render(_:colour:)``.
        case diagnostic(Diagnostic)
    }

    public enum Status: Sendable, Equatable {
        case success
        case failure
        /// The input ends inside an open bracket or after an operator: read more lines. A diagnostic
        /// pointing at the open bracket is emitted too, for callers that have no more to read.
        case incomplete
        /// Ctrl-C stopped it.
        case interrupted
    }

    public init(domain: any DomainHost = NoDomain(), settings: Settings = Settings(), stdlib: [(name: String, text: String)]? = nil) {
        self.domain = domain
        self.settings = settings
        for b in Builtin.allCases {
            let slot = scope.define(b.rawValue, type: .function(arity: b.arity))
            scope.builtins[slot] = b
            globals.append(.function(.builtin(b)))
        }
        // `unknown` is the value of a figure the data does not give; ans and _ hold the last result.
        for name in ["unknown", "ans", "_"] {
            _ = scope.define(name, type: .any)
            globals.append(.unknown)
        }
        for (name, text) in stdlib ?? StdlibFiles.all {
            var problems: [String] = []
            let status = run(text, name: name, transactional: false) { event in
                if case .diagnostic(let d) = event { problems.append(d.message) }
            }
            if status != .success { stdlibProblems.append("\(name): " + problems.joined(separator: "; ")) }
        }
        stdlibScope = scope
        stdlibGlobals = globals
        history = []
    }

    /// Renders a diagnostic against this session's sources.
    public func render(_ d: Diagnostic, colour: Bool = false) -> String {
        DiagnosticRenderer(colour: colour).render(d, in: sources)
    }

    public var formatter: ValueFormatter { ValueFormatter(rounding: settings.rounding) }

    /// Reads, checks and runs `text`. Emits results and diagnostics as it goes.
    @discardableResult
    public mutating func run(_ text: String, name: String, transactional: Bool, emit: (Event) -> Void) -> Status {
        let saved = self
        var copy = self
        // Parsing, checking and evaluation recurse; their depth limits, not the caller's stack, must decide.
        let status = LargeStack.run { copy.runUnsaved(text, name: name, emit: emit) }
        self = copy
        if status == .success {
            history.append(text)
        } else if transactional {
            let kept = sources
            self = saved
            sources = kept  // diagnostics already printed may refer to the new source
        }
        return status
    }

    mutating func runUnsaved(_ text: String, name: String, emit: (Event) -> Void) -> Status {
        let file = Int32(sources.count)
        sources.append(SourceFile(name: name, text: text))
        let statements: [Statement]
        switch Parser.parse(sources[Int(file)], file: file) {
        case .success(let s): statements = s
        case .failure(let f):
            emit(.diagnostic(f.diagnostic))
            if f.incomplete { return .incomplete }
            return .failure
        }
        // Check everything before running anything.
        let collector = LoadCollector()
        let snapshot = self
        var checker = Checker(scope: scope, sourceText: { [sources] span in
            span.file >= 0 && Int(span.file) < sources.count ? sources[Int(span.file)].text(span) : ""
        }, loader: { (target, span) throws(Diagnostic) -> LoadedYear in
            try snapshot.loadYear(target, span: span, into: collector)
        })
        checker.predeclare(statements)
        var checked: [CheckedStatement] = []
        for statement in statements {
            var c = checker.check(statement)
            if case .function = statement.kind { c.definesFunction = true }
            checked.append(c)
        }
        // Functions first: a script may call a function it defines further down.
        checked = checked.filter(\.definesFunction) + checked.filter { !$0.definesFunction }
        sources += collector.sources
        if !checker.diagnostics.isEmpty {
            for d in checker.diagnostics { emit(.diagnostic(d)) }
            return .failure
        }
        scope = checker.scope
        if globals.count < scope.count { globals += repeatElement(Value.unknown, count: scope.count - globals.count) }
        for statement in checked {
            if Interruption.pending { Interruption.clear(); return .interrupted }
            do {
                try execute(statement, emit: emit)
            } catch {
                if error.id == "interrupted" { Interruption.clear(); return .interrupted }
                emit(.diagnostic(error))
                return .failure
            }
        }
        return .success
    }

    var interpreter: Interpreter { Interpreter(globals: globals, settings: settings, domain: domain) }

    mutating func execute(_ statement: CheckedStatement, emit: (Event) -> Void) throws(Diagnostic) {
        var frame = [Value](repeating: .unknown, count: statement.frameSize)
        switch statement.instruction {
        case .none:
            break
        case .evaluate(let code, let type, _):
            let value = try interpreter.eval(code, &frame)
            if let ans = scope.slot("ans") { globals[ans] = value }
            if let underscore = scope.slot("_") { globals[underscore] = value }
            emit(.result(value, type))
        case .bind(let slot, let code):
            globals[slot] = try interpreter.eval(code, &frame)
        case .assert(let code, let text, let sides, let span):
            let value = try interpreter.eval(code, &frame)
            if case .bool(true) = value { return }
            var notes: [String] = []
            if let (l, r) = sides {
                notes.append("left:  \(formatter.text(try interpreter.eval(l, &frame)))")
                notes.append("right: \(formatter.text(try interpreter.eval(r, &frame)))")
            }
            if case .unknown = value { notes.append("the condition is unknown: it depends on a figure the data does not give") }
            throw Diagnostic(id: "assert", "assertion failed: \(text)", at: span, notes: notes)
        case .print(let code, _):
            emit(.text(formatter.text(try interpreter.eval(code, &frame))))
        case .load(let year, let slot, let fields, let label, let warnings):
            for w in warnings { emit(.diagnostic(w)) }
            globals[slot] = year
            if case .record(let r) = year {
                for (fieldSlot, key) in fields { globals[fieldSlot] = r[key] ?? .unknown }
            }
            emit(.loaded(name: scope.names[slot], label: label))
        case .chart(let items, let path, let force, let span):
            var values: [(label: String, value: Value)] = []
            for (label, code) in items { values.append((label, try interpreter.eval(code, &frame))) }
            emit(.text(try domain.chart(values, to: path, force: force, unicode: settings.unicode, format: formatter, span: span)))
        case .show(let code, let span):
            let value = try interpreter.eval(code, &frame)
            if let text = domain.show(value, format: formatter) { emit(.text(text)) } else {
                try TableWriter.show(value, format: formatter, span: span, emit: { emit(.text($0)) })
            }
        case .compare(let items, let only, let span):
            var values: [(label: String, value: Value)] = []
            for (label, code) in items { values.append((label, try interpreter.eval(code, &frame))) }
            // Lines the Stdlib adds (project scores), computed by its `比较行` function.
            var extra: [[Record]] = []
            if let slot = scope.slot("比较行"), case .function = globals[slot] {
                for (_, value) in values {
                    guard case .list(let rows) = try interpreter.call(globals[slot], [value], span: span, depth: 0) else { extra.append([]); continue }
                    extra.append(rows.compactMap { if case .record(let r) = $0 { r } else { nil } })
                }
            }
            emit(.text(try domain.compare(values, extra: extra, only: only, format: formatter, span: span)))
        case .table(let plan):
            try TableWriter(interpreter: interpreter, format: formatter).run(plan, &frame, emit: { emit(.text($0)) })
        case .export(let code, let path, let force, let span):
            let value = try interpreter.eval(code, &frame)
            emit(.text(try domain.export(value, to: path, force: force, format: formatter, span: span)))
        }
    }

    // MARK: Loading

    /// Sources read while checking a `load`, added to the session afterwards.
    final class LoadCollector: @unchecked Sendable {
        var sources: [SourceFile] = []
    }

    func loadYear(_ target: LoadTarget, span: SourceSpan, into collector: LoadCollector) throws(Diagnostic) -> LoadedYear {
        let defaultName: String = switch target {
        case .year(let y, let collection): collection.map { "\($0)\(y)" } ?? "y\(y)"
        case .path: ""
        }
        let file = Int32(sources.count + collector.sources.count)
        switch try domain.locate(target, span: span, file: file) {
        case .invalid(let error, let label, let text):
            collector.sources.append(SourceFile(name: label, text: text))
            throw error
        case .record(let record, let label, let text):
            collector.sources.append(SourceFile(name: label, text: text))
            let (year, problems) = domain.prepare(record, file: file)
            if let error = problems.first(where: { $0.severity == .error }) { throw error }
            return LoadedYear(record: year, defaultName: defaultName.isEmpty ? Session.name(for: year) : defaultName,
                              label: label, warnings: problems)
        case .source(let name, let text):
            let source = SourceFile(name: name, text: text)
            collector.sources.append(source)
            let record = try evaluateDataFile(source, file: file, span: span)
            let (year, problems) = domain.prepare(record, file: file)
            if let error = problems.first(where: { $0.severity == .error }) {
                var e = error
                e.notes += problems.filter { $0.severity == .error }.dropFirst().map { "also: \($0.message)" }
                throw e
            }
            return LoadedYear(record: year, defaultName: defaultName.isEmpty ? Session.name(for: year) : defaultName,
                              label: name, warnings: problems)
        }
    }

    /// Reads a year file's text as `load` does (direct reader, else the general pipeline), then
    /// validates it; for the fuzzers and tools. Errors are thrown as diagnostics.
    public func evaluateYearText(_ text: String, name: String) throws(Diagnostic) -> Record {
        let file = Int32(sources.count)
        let record = try evaluateDataFile(SourceFile(name: name, text: text), file: file, span: .none)
        let (year, problems) = domain.prepare(record, file: file)
        if let error = problems.first(where: { $0.severity == .error }) { throw error }
        return year
    }

    static func name(for year: Record) -> String {
        if case .number(let y) = year["年度"] { return "y\(y)" }
        return "year"
    }

    /// Evaluates a year file in a scope holding only the Stdlib: it must be one `year … { … }` block.
    func evaluateDataFile(_ source: SourceFile, file: Int32, span: SourceSpan) throws(Diagnostic) -> Record {
        if useFastDataReader, let record = YearFileReader.read(source, file: file, units: stdlibScope.units, lookup: { [stdlibScope, stdlibGlobals] name in
            stdlibScope.slot(name).map { stdlibGlobals[$0] }
        }) {
            return record
        }
        let statements: [Statement]
        switch Parser.parse(source, file: file) {
        case .success(let s): statements = s
        case .failure(let f): throw f.diagnostic
        }
        guard statements.count == 1, case .expression(let e) = statements[0].kind, case .block(.year, _, _) = e.kind else {
            let at = statements.first(where: { if case .expression(let e) = $0.kind, case .block(.year, _, _) = e.kind { false } else { true } })?.span
                ?? SourceSpan(file: file, start: 0, end: 1)
            throw Diagnostic(id: "data-file", "a year file holds one 'year YYYY { … }' block and nothing else", at: at)
        }
        var checker = Checker(scope: stdlibScope, sourceText: { _ in "" }, loader: { (_, span) throws(Diagnostic) -> LoadedYear in
            throw Diagnostic(id: "data-file", "a year file cannot load other files", at: span)
        })
        let checked = checker.check(statements[0])
        if let first = checker.diagnostics.first {
            var d = first
            d.notes += checker.diagnostics.dropFirst().prefix(5).map { "also: \($0.message)" }
            throw d
        }
        guard case .evaluate(let code, _, _) = checked.instruction else {
            throw Diagnostic(id: "data-file", "a year file holds one 'year YYYY { … }' block", at: span)
        }
        var frame = [Value](repeating: .unknown, count: checked.frameSize)
        let interpreter = Interpreter(globals: stdlibGlobals, settings: settings, domain: domain)
        guard case .record(let record) = try interpreter.eval(code, &frame) else {
            throw Diagnostic(id: "data-file", "a year file must build a year", at: span)
        }
        return record
    }

    // MARK: Introspection for the REPL

    /// Names in scope with their current values, user-defined first.
    public var variables: [(name: String, value: Value)] {
        scope.visibleNames.compactMap { name in
            guard let slot = scope.slot(name), slot < globals.count, stdlibScope.slot(name) == nil else { return nil }
            return (name, globals[slot])
        }.sorted { $0.name < $1.name }
    }

    /// Count words declared in the Stdlib and the session.
    public var countWords: Set<String> { scope.units }

    /// Every name in scope, for completion.
    public var names: [String] { scope.visibleNames.sorted() }

    /// The value bound to a name, if any.
    public func value(of name: String) -> Value? {
        guard let slot = scope.slot(name), slot < globals.count else { return nil }
        return globals[slot]
    }

    /// The static type of an expression, without running it (`:type`).
    public func typeOf(_ text: String) -> Result<SuanType, Diagnostic> {
        var copy = self
        let file = Int32(copy.sources.count)
        copy.sources.append(SourceFile(name: "<type>", text: text))
        guard case .success(let statements) = Parser.parse(copy.sources[Int(file)], file: file),
              statements.count == 1, case .expression(let e) = statements[0].kind else {
            return .failure(Diagnostic(id: "syntax", ":type takes one expression", at: .none))
        }
        var checker = Checker(scope: scope, sourceText: { _ in "" }, loader: { (_, span) throws(Diagnostic) -> LoadedYear in
            throw Diagnostic(id: "syntax", ":type cannot load", at: span)
        })
        let (_, type) = checker.check(e)
        if let d = checker.diagnostics.first { return .failure(d) }
        return .success(type)
    }

    /// Whether `text` is an unfinished statement (open bracket, trailing operator): the REPL reads on.
    public static func isIncomplete(_ text: String) -> Bool {
        if case .failure(let f) = Parser.parse(SourceFile(name: "<input>", text: text), file: 0) { return f.incomplete }
        return false
    }
}
