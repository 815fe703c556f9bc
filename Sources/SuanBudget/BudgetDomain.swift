import SuanCore

/// The budget domain: placeholder host until YearLoader lands.
public struct BudgetDomain: DomainHost {
    public init() {}
    public func locate(_ target: LoadTarget, span: SourceSpan) throws(Diagnostic) -> DataSource {
        try NoDomain().locate(target, span: span)
    }
    public func prepare(_ year: Record, file: Int32) -> (year: Record, problems: [Diagnostic]) { (year, []) }
    public func rederive(_ year: Record, span: SourceSpan) throws(Diagnostic) -> Record { year }
    public func show(_ value: Value, format: ValueFormatter) -> String? { nil }
    public func compare(_ items: [(label: String, value: Value)], only: [String], format: ValueFormatter, span: SourceSpan) throws(Diagnostic) -> String {
        try NoDomain().compare(items, only: only, format: format, span: span)
    }
    public func export(_ value: Value, to path: String, force: Bool, format: ValueFormatter, span: SourceSpan) throws(Diagnostic) -> String {
        try NoDomain().export(value, to: path, force: force, format: format, span: span)
    }
}
