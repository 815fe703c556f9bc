/// What the language asks of the budget domain (`SuanBudget`): answering a program's `load`s before
/// it is checked, applying a scenario's changes to a year, and rendering years and comparisons.
/// The language itself knows records, never files, paths or year names.
public protocol DomainHost: Sendable {
    /// Answers one `load`: finds and reads the data, derives and validates the year, names it.
    /// Runs in the resolve phase, after parsing and before checking.
    func load(_ request: LoadRequest) -> LoadAnswer

    /// Reads the file of a `use "path"`, in the resolve phase. The language parses and runs it.
    func module(_ request: ModuleRequest) -> Result<ModuleText, Diagnostic>

    /// The name `load 2020..2022` (or `load 示例 2020..2022`) binds the list of its years to, when the
    /// program gives none with `as`.
    func listName(collection: String?) -> String

    /// A scenario: `base` with `changes` applied in order, derived lines recomputed and the result
    /// validated. Problems that make the year impossible are passed to `warn` at the change that
    /// caused them; with no `warn` (`count`, `solve`: warnings muted) they need not be worked out.
    /// Changes that cannot be made at all throw.
    func scenario(from base: Record, name: String?, changes: [ScenarioEdit], span: SourceSpan,
                  warn: ((Diagnostic) -> Void)?) throws(Diagnostic) -> Record

    /// Help for a name that is not defined, when the domain knows what would define it
    /// (`y2023` → "'load 2023' binds y2023").
    func hint(forUnknownName name: String) -> Message?

    /// A table for `show`, or `nil` to print the value plainly.
    func show(_ value: Value, format: ValueFormatter) -> Document?

    /// The side-by-side table of `compare`. `extra` holds, per item, further lines that the Stdlib's
    /// `比较行` function computed (scores), as `{行: label, 值: value}` records. With `consecutive`
    /// (a list of years) each change is from the column before; otherwise from the first.
    func compare(_ items: [(label: String, value: Value)], extra: [[Record]], only: [String], consecutive: Bool, format: ValueFormatter, span: SourceSpan) throws(Diagnostic) -> Document

    /// A bar chart in the terminal, or written as SVG when `path` is given (relative to `directory`).
    func chart(_ items: [(label: String, value: Value)], to path: String?, directory: String?, force: Bool, unicode: Bool, format: ValueFormatter, span: SourceSpan) throws(Diagnostic) -> Document

    /// Writes what `export` names as .csv, .md, .html, .json or .xlsx by the path's extension (`path`
    /// relative to `directory`): a value, or the
    /// lines of a `compare`; the domain builds the table.
    func export(_ content: ExportContent, to path: String, directory: String?, force: Bool, format: ValueFormatter, span: SourceSpan) throws(Diagnostic) -> Document

    /// The host as one statement's run uses it (each `--jobs` part asks for its own): a host that keeps work
    /// between calls, such as a scenario's prepared base, starts it afresh, so that nothing it keeps
    /// outlives the statement or passes between sessions. By default the host itself.
    func forStatement() -> any DomainHost
}

extension DomainHost {
    public func forStatement() -> any DomainHost { self }
}

/// What `export` hands the domain: a value (a year, a list of records, an `explain` or `table`
/// result), or the inputs of `compare` as ``DomainHost/compare(_:extra:only:format:span:)`` takes them.
public enum ExportContent: Sendable {
    case value(Value)
    case comparison([(label: String, value: Value)], extra: [[Record]], only: [String], consecutive: Bool)
}

/// One `load` of a program, as the resolve phase asks the domain to answer it.
public struct LoadRequest: Sendable {
    /// What the program names: `2022`, `示例 2021`, or a path (a range is asked one year at a time).
    public var target: LoadTarget
    /// The name after `as`, if any.
    public var alias: String?
    /// The `load` statement, for diagnostics.
    public var span: SourceSpan
    /// The index the data's text will have among the session's sources, for positions into it.
    public var file: Int32
    /// The folder relative paths start from: the script's own folder, or nil for the current one.
    public var directory: String?
    /// Evaluates Suan data text (a year file) in the Stdlib's scope.
    public var evaluator: DataFileEvaluator
}

/// The domain's answer to a ``LoadRequest``.
public struct LoadAnswer: Sendable {
    /// The year, when it could be read: its record, the name to bind, and where it came from.
    public var year: (record: Record, name: String, label: String)?
    /// The texts that were read, at the request's `file` index and the indices after it (a workbook
    /// gives one per sheet), so diagnostics can point into each of them.
    public var sources: [SourceFile]
    /// Errors (the load fails) and warnings (printed when the load runs).
    public var diagnostics: [Diagnostic]

    public init(year: (record: Record, name: String, label: String)?, sources: [SourceFile], diagnostics: [Diagnostic]) {
        self.year = year
        self.sources = sources
        self.diagnostics = diagnostics
    }

    /// An answer with at most one text read (a year file, a CSV table).
    public init(year: (record: Record, name: String, label: String)?, source: SourceFile?, diagnostics: [Diagnostic]) {
        self.init(year: year, sources: source.map { [$0] } ?? [], diagnostics: diagnostics)
    }

    public static func failure(_ d: Diagnostic, source: SourceFile? = nil) -> LoadAnswer {
        LoadAnswer(year: nil, source: source, diagnostics: [d])
    }
}

/// One `use "path"` of a program, as the resolve phase asks the host to read it.
public struct ModuleRequest: Sendable {
    /// The path as written.
    public var path: String
    /// The folder it is relative to: the using file's own, or nil for the current one.
    public var directory: String?
    /// The `use` statement, for diagnostics.
    public var span: SourceSpan
}

/// The text of a module file, as the host read it.
public struct ModuleText: Sendable {
    /// What makes two `use`s of one file the same (its canonical path), so that it runs once.
    public var identity: String
    /// The path as diagnostics show it.
    public var name: String
    public var text: String
    /// The folder the module's own `use`s start from.
    public var directory: String?

    public init(identity: String, name: String, text: String, directory: String?) {
        self.identity = identity
        self.name = name
        self.text = text
        self.directory = directory
    }
}

/// One line of a scenario, with its value computed: `公用经费 -= 100万元`.
public struct ScenarioEdit: Sendable {
    /// The path as written: names and string indexes, e.g. `["项目", "法治宣传教育", "预算"]`.
    public var path: [String]
    public var operation: ScenarioChange.Operation
    public var value: Value
    /// The change as written, for warnings at the user's own line.
    public var span: SourceSpan
}

/// A host with no budget domain: `load` and friends report that they are unavailable.
public struct NoDomain: DomainHost {
    public init() {}
    func unavailable(_ what: String, _ span: SourceSpan) -> Diagnostic {
        Diagnostic(id: .noDomain, "\(what) is not available in this build", at: span)
    }
    public func load(_ request: LoadRequest) -> LoadAnswer { .failure(unavailable("year data", request.span)) }
    public func module(_ request: ModuleRequest) -> Result<ModuleText, Diagnostic> { .failure(unavailable("reading modules", request.span)) }
    public func listName(collection: String?) -> String { "years" }
    public func scenario(from base: Record, name: String?, changes: [ScenarioEdit], span: SourceSpan, warn: ((Diagnostic) -> Void)?) throws(Diagnostic) -> Record {
        throw unavailable("scenario", span)
    }
    public func hint(forUnknownName name: String) -> Message? { nil }
    public func show(_ value: Value, format: ValueFormatter) -> Document? { nil }
    public func compare(_ items: [(label: String, value: Value)], extra: [[Record]], only: [String], consecutive: Bool, format: ValueFormatter, span: SourceSpan) throws(Diagnostic) -> Document {
        throw unavailable("compare", span)
    }
    public func chart(_ items: [(label: String, value: Value)], to path: String?, directory: String?, force: Bool, unicode: Bool, format: ValueFormatter, span: SourceSpan) throws(Diagnostic) -> Document {
        throw unavailable("chart", span)
    }
    public func export(_ content: ExportContent, to path: String, directory: String?, force: Bool, format: ValueFormatter, span: SourceSpan) throws(Diagnostic) -> Document {
        throw unavailable("export", span)
    }
}
