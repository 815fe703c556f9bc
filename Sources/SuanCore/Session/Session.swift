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
    /// Warnings of the statement being run; set only while one runs.
    var warnings: WarningLog?
    /// The scope and values after the Stdlib, in which year files are evaluated.
    var stdlibScope = GlobalScope()
    var stdlibGlobals: [Value] = []
    /// Statements that succeeded, for `:save`.
    public private(set) var history: [String] = []
    /// Whether year files that are pure data are read directly (tests turn it off to compare).
    var useFastDataReader = true
    /// The folder of the script being run: its `load`, `export` and `chart` paths start there.
    /// Nil on the REPL and with `-e`, where paths start from the current directory.
    var directory: String?
    /// Names the user bound (`let`, `fn`, `scenario`), also when they shadow a Stdlib name.
    var userNames: Set<String> = []
    /// Problems in the Stdlib itself (empty unless a Stdlib file was edited badly).
    public private(set) var stdlibProblems: [String] = []
    /// The Stdlib files this session loaded, for `use scoring`.
    let stdlibFiles: [(name: String, text: String)]
    /// File modules run so far, by identity (their canonical path): a second `use` only binds.
    var modules: [String: ModuleExports] = [:]

    /// What a run produced, in order.
    public enum Event: Sendable {
        /// The value of a bare expression statement, and its static type.
        case result(Value, SuanType)
        /// What `print`, `show`, `table`, `compare`, `chart`, `explain` and `export` produce, as a
        /// document each front end renders (terminal, Markdown, CSV, HTML, JSON).
        case document(Document)
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
        self.stdlibFiles = stdlib ?? StdlibFiles.all
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
        // The session's language ("zh" or "en"), so that the Stdlib's own sentences (why a score is
        // missing, a hint in explain) can be written in both.
        _ = scope.define("语言", type: .string)
        globals.append(.string(settings.language.rawValue))
        for (name, text) in stdlibFiles {
            var problems: [String] = []
            let status = run(text, name: name, transactional: false) { event in
                if case .diagnostic(let d) = event { problems.append(d.message) }
            }
            if status != .success { stdlibProblems.append("\(name): " + problems.joined(separator: "; ")) }
        }
        stdlibScope = scope
        stdlibGlobals = globals
        history = []
        userNames = []
    }

    /// Renders a diagnostic against this session's sources.
    public func render(_ d: Diagnostic, colour: Bool = false) -> String {
        DiagnosticRenderer(colour: colour, language: settings.language).render(d, in: sources)
    }

    public var formatter: ValueFormatter {
        var f = ValueFormatter(rounding: settings.rounding)
        f.language = settings.language
        return f
    }

    /// Reads, checks and runs `text`. Emits results and diagnostics as it goes. Paths in the text
    /// start from `directory` (a script's own folder), or from the current directory when nil.
    @discardableResult
    public mutating func run(_ text: String, name: String, directory: String? = nil, transactional: Bool, emit: (Event) -> Void) -> Status {
        let saved = self
        var copy = self
        copy.directory = directory
        // Parsing, checking and evaluation recurse; their depth limits, not the caller's stack, must decide.
        let status = LargeStack.run { copy.runUnsaved(text, name: name, emit: emit) }
        self = copy
        self.directory = saved.directory
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
        // Resolve: the domain answers each `load`, so that checking needs no I/O.
        let resolution = LoadResolver(host: domain, evaluator: dataEvaluator, directory: directory)
            .resolve(statements, firstFile: Int32(sources.count))
        sources += resolution.sources
        // Modules: read, checked and run (definitions only) before the program that uses them is checked.
        let used = ModuleResolver(host: domain, stdlib: stdlibFiles, known: Set(modules.keys))
            .resolve(statements, directory: directory, firstFile: Int32(sources.count))
        sources += used.sources
        if !used.errors.isEmpty {
            for d in resolution.errors + used.errors { emit(.diagnostic(d)) }
            return .failure
        }
        for module in used.modules {
            let status = runModule(module, emit: emit)
            guard status == .success else { return status }
        }
        // Check everything before running anything.
        var checker = checker(loads: resolution.loads)
        checker.uses = used.links.map(exports)
        checker.protectedNames = userNames.union(statements.compactMap(\.definedName))
        let checked = checker.checkProgram(statements)
        let problems = (resolution.errors + checker.diagnostics).sorted(by: { ($0.span.file, $0.span.start) < ($1.span.file, $1.span.start) })
        // Warnings of the checker (round's step on a ratio) print before anything runs and do not stop it.
        if problems.contains(where: { $0.severity == .error }) {
            for d in problems { emit(.diagnostic(d)) }
            return .failure
        }
        for d in problems { emit(.diagnostic(d)) }
        scope = checker.scope
        userNames.formUnion(statements.compactMap(\.definedName))
        for statement in checked {
            if case .use(let copies, let prefix) = statement.instruction {
                userNames.formUnion(copies.map { scope.names[$0.to] } + (prefix.map { [scope.names[$0.slot]] } ?? []))
            }
        }
        growGlobals()
        return runChecked(checked, emit: emit)
    }

    /// Runs checked statements in order: stops at the first error (emitted as `located` makes it)
    /// or at an interruption.
    mutating func runChecked(_ checked: [CheckedStatement], emit: (Event) -> Void,
                             located: (Diagnostic) -> Diagnostic = { $0 }) -> Status {
        for statement in checked {
            if Interruption.pending { Interruption.clear(); return .interrupted }
            do {
                try run(statement, emit: emit)
            } catch {
                if error.id == .interrupted { Interruption.clear(); return .interrupted }
                emit(.diagnostic(located(error)))
                return .failure
            }
        }
        return .success
    }

    var interpreter: Interpreter {
        var interpreter = Interpreter(globals: globals, settings: settings, domain: domain.forStatement(), warnings: warnings)
        interpreter.libraryFiles = Int32(stdlibFiles.count)
        return interpreter
    }

    mutating func run(_ statement: CheckedStatement, emit: (Event) -> Void) throws(Diagnostic) {
        // Warnings raised while evaluating (an impossible scenario) print before the statement's output.
        let log = WarningLog()
        warnings = log
        defer { warnings = nil }
        func flushThenEmit(_ event: Event) {
            if case .diagnostic = event {} else { for w in log.take() { emit(.diagnostic(w)) } }
            emit(event)
        }
        do {
            try execute(statement, emit: flushThenEmit)
        } catch {
            for w in log.take() { emit(.diagnostic(w)) }
            throw error
        }
        for w in log.take() { emit(.diagnostic(w)) }
    }

    mutating func execute(_ statement: CheckedStatement, emit: (Event) -> Void) throws(Diagnostic) {
        let storage = Interpreter.Frame.Storage(count: statement.frameSize)
        defer { withExtendedLifetime(storage) {} }
        var frame = storage.frame
        switch statement.instruction {
        case .none:
            break
        case .evaluate(let code, let type, let span):
            let value = try interpreter.eval(code, &frame)
            if let ans = scope.slot("ans") { globals[ans] = value }
            if let underscore = scope.slot("_") { globals[underscore] = value }
            if case .global(let slot) = code, scope.prefixes[slot] != nil, case .record(let members) = value {
                emit(.document(prefixListing(members)))
            } else if try !emitTable(for: value, span: span, emit: { emit(.document($0)) }) {
                emit(.result(value, type))
            }
        case .bind(let slot, let code):
            globals[slot] = try interpreter.eval(code, &frame)
        case .assert(let code, let text, let sides, let span):
            let value = try interpreter.eval(code, &frame)
            if case .bool(true) = value { return }
            var notes: [Message] = []
            if let (l, r) = sides {
                notes.append("left:  \(formatter.text(try interpreter.eval(l, &frame)))")
                notes.append("right: \(formatter.text(try interpreter.eval(r, &frame)))")
            }
            if case .unknown = value { notes.append("the condition is unknown: it depends on a figure the data does not give") }
            throw Diagnostic(id: .assert, "assertion failed: \(text)", at: span, notes: notes)
        case .print(let code, _):
            emit(.document(Document([.paragraph(formatter.markup(try interpreter.eval(code, &frame)))])))
        case .load(let years, let list):
            for loaded in years {
                for w in loaded.warnings { emit(.diagnostic(w)) }
                globals[loaded.slot] = loaded.year
                if case .record(let r) = loaded.year {
                    for (fieldSlot, key) in loaded.fields { globals[fieldSlot] = r[key] ?? .unknown }
                }
                emit(.loaded(name: scope.names[loaded.slot], label: loaded.label))
            }
            if let list {
                globals[list.slot] = list.value
                emit(.loaded(name: scope.names[list.slot], label: list.label))
            }
        case .chart(let items, let path, let force, let span):
            var values: [(label: String, value: Value)] = []
            for (label, code) in items { values.append((label, try interpreter.eval(code, &frame))) }
            emit(.document(try domain.chart(values, to: path, directory: directory, force: force, unicode: settings.unicode, format: formatter, span: span)))
        case .show(let code, let span):
            let value = try interpreter.eval(code, &frame)
            if let document = domain.show(value, format: formatter) { emit(.document(document)) } else {
                try TableWriter.show(value, format: formatter, span: span, emit: { emit(.document($0)) })
            }
        case .compare(let items, let only, let span):
            let (values, extra, consecutive) = try compared(items, span: span, &frame)
            emit(.document(try domain.compare(values, extra: extra, only: only, consecutive: consecutive, format: formatter, span: span)))
        case .table(let plan):
            try TableWriter(interpreter: interpreter.muted, format: formatter).run(plan, &frame, emit: { emit(.document($0)) })
        case .export(let plan, let path, let force, let span):
            let content: ExportContent
            switch plan {
            case .value(let code):
                content = .value(try interpreter.eval(code, &frame))
            case .compare(let items, let only):
                let (values, extra, consecutive) = try compared(items, span: span, &frame)
                content = .comparison(values, extra: extra, only: only, consecutive: consecutive)
            case .table(let table):
                content = .value(try TableWriter(interpreter: interpreter.muted, format: formatter).records(table, &frame))
            }
            emit(.document(try domain.export(content, to: path, directory: directory, force: force, format: formatter, span: span)))
        case .use(let copies, let prefix):
            for (to, from) in copies { globals[to] = globals[from] }
            if let (slot, members) = prefix {
                globals[slot] = .record(Record(keys: members.map(\.name), values: members.map { globals[$0.slot] }))
            }
        }
    }

    /// The values `compare` shows, and per value the lines the Stdlib adds (project scores),
    /// computed by its `比较行` function. A list (`compare 示例年份`) stands for its items, each
    /// labelled by its name; its changes are then counted from one column to the next.
    func compared(_ items: [(label: String, code: Code)], span: SourceSpan, _ frame: inout Interpreter.Frame) throws(Diagnostic) -> ([(label: String, value: Value)], [[Record]], consecutive: Bool) {
        var values: [(label: String, value: Value)] = []
        var consecutive = false
        for (label, code) in items {
            let value = try interpreter.eval(code, &frame)
            guard case .list(let years) = value else { values.append((label, value)); continue }
            consecutive = true
            for (i, year) in years.enumerated() {
                let name = if case .record(let r) = year, case .string(let n)? = r["名称"] { n } else { "\(label)[\(i)]" }
                values.append((name, year))
            }
        }
        guard !values.isEmpty else {
            throw Diagnostic(id: .emptyList, "compare needs at least one year or scenario; the list is empty", at: span)
        }
        var extra: [[Record]] = []
        if let slot = scope.slot("比较行"), case .function = globals[slot] {
            for (_, value) in values {
                guard case .list(let rows) = try interpreter.call(globals[slot], [value], span: span, depth: 0) else { extra.append([]); continue }
                extra.append(rows.compactMap { if case .record(let r) = $0 { r } else { nil } })
            }
        }
        return (values, extra, consecutive)
    }

    // MARK: Data files

    /// Evaluates year files in a scope holding only the Stdlib (for the domain's `load`).
    public var dataEvaluator: DataFileEvaluator {
        DataFileEvaluator(scope: stdlibScope, globals: stdlibGlobals, settings: settings, usesDirectReader: useFastDataReader)
    }

    // MARK: Introspection for the REPL

    /// The user's names with their current values (years, scenarios, `let` and `fn`), including
    /// those that shadow a Stdlib name; the Stdlib's own names are left out.
    public var variables: [(name: String, value: Value)] {
        scope.visibleNames.compactMap { name in
            guard let slot = scope.slot(name), slot < globals.count, stdlibScope.slot(name) == nil || userNames.contains(name) else { return nil }
            return (name, globals[slot])
        }.sorted { $0.name < $1.name }
    }

    /// The Stdlib's helpers that are not for users: the names its `内部名称` list declares.
    public var internalNames: Set<String> {
        guard let slot = stdlibScope.slot("内部名称"), slot < stdlibGlobals.count, case .list(let items) = stdlibGlobals[slot] else { return [] }
        return Set(items.compactMap { if case .string(let name) = $0 { name } else { nil } })
    }

    /// The Stdlib modules `use` takes by bare name (`scoring` for `Stdlib/scoring.suan`), in load order.
    public var stdlibModules: [String] { stdlibFiles.map { ModuleResolver.bareName($0.name) } }

    /// Count words declared in the Stdlib and the session.
    public var countWords: Set<String> { scope.units }

    /// Every name in scope for completion, without the Stdlib's helpers (unless the user rebound one).
    public var names: [String] {
        let hidden = internalNames.subtracting(userNames)
        return scope.visibleNames.filter { !hidden.contains($0) }.sorted()
    }

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
            return .failure(Diagnostic(id: .syntax, ":type takes one expression", at: .none))
        }
        var checker = Checker(scope: scope, sourceText: { _ in "" }, loads: [])
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
