/// What the language asks of the budget domain (`SuanBudget`): finding and checking year data,
/// recomputing a year's derived lines, and rendering years and comparisons. The language itself
/// knows only records.
public protocol DomainHost: Sendable {
    /// Finds a year for `load`: a year file to evaluate, or a record already read (CSV).
    /// `file` is the index the data's text will have among the session's sources, for positions.
    func locate(_ target: LoadTarget, span: SourceSpan, file: Int32) throws(Diagnostic) -> DataSource

    /// Validates a year read from a file and adds its derived lines (总收入, 总支出, shares…).
    /// Errors stop the load; warnings are printed.
    func prepare(_ year: Record, file: Int32) -> (year: Record, problems: [Diagnostic])

    /// Recomputes derived lines after a scenario changed the year.
    func rederive(_ year: Record, span: SourceSpan) throws(Diagnostic) -> Record

    /// A table for `show`, or `nil` to print the value plainly.
    func show(_ value: Value, format: ValueFormatter) -> String?

    /// The side-by-side table of `compare`. `extra` holds, per item, further lines that the Stdlib's
    /// `比较行` function computed (scores), as `{行: label, 值: value}` records.
    func compare(_ items: [(label: String, value: Value)], extra: [[Record]], only: [String], format: ValueFormatter, span: SourceSpan) throws(Diagnostic) -> String

    /// A bar chart in the terminal, or written as SVG when `path` is given.
    func chart(_ items: [(label: String, value: Value)], to path: String?, force: Bool, unicode: Bool, format: ValueFormatter, span: SourceSpan) throws(Diagnostic) -> String

    /// Writes a value as CSV or Markdown for `export`.
    func export(_ value: Value, to path: String, force: Bool, format: ValueFormatter, span: SourceSpan) throws(Diagnostic) -> String
}

/// Where a year's data comes from.
public enum DataSource: Sendable {
    /// Suan source text (a year file) and the name diagnostics use for it.
    case source(name: String, text: String)
    /// A record built directly (from CSV), and the text it was read from.
    case record(Record, label: String, text: String)
    /// Data that could not be read; the text is kept so that the error can point into it.
    case invalid(Diagnostic, label: String, text: String)
}

/// A host with no budget domain: `load` and friends report that they are unavailable.
public struct NoDomain: DomainHost {
    public init() {}
    public func locate(_ target: LoadTarget, span: SourceSpan, file: Int32) throws(Diagnostic) -> DataSource {
        throw Diagnostic(id: .noDomain, "year data is not available in this build", at: span)
    }
    public func prepare(_ year: Record, file: Int32) -> (year: Record, problems: [Diagnostic]) { (year, []) }
    public func rederive(_ year: Record, span: SourceSpan) throws(Diagnostic) -> Record { year }
    public func show(_ value: Value, format: ValueFormatter) -> String? { nil }
    public func compare(_ items: [(label: String, value: Value)], extra: [[Record]], only: [String], format: ValueFormatter, span: SourceSpan) throws(Diagnostic) -> String {
        throw Diagnostic(id: .noDomain, "compare is not available in this build", at: span)
    }
    public func chart(_ items: [(label: String, value: Value)], to path: String?, force: Bool, unicode: Bool, format: ValueFormatter, span: SourceSpan) throws(Diagnostic) -> String {
        throw Diagnostic(id: .noDomain, "chart is not available in this build", at: span)
    }
    public func export(_ value: Value, to path: String, force: Bool, format: ValueFormatter, span: SourceSpan) throws(Diagnostic) -> String {
        throw Diagnostic(id: .noDomain, "export is not available in this build", at: span)
    }
}
