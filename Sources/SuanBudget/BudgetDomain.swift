import SuanCore

/// The budget domain behind `load`, scenarios, `show`, `compare` and `export`.
public struct BudgetDomain: DomainHost {
    /// False under `suan --no-write`: export and chart files are refused, for running someone else's script.
    public var allowsWrites: Bool

    public init(allowsWrites: Bool = true) { self.allowsWrites = allowsWrites }

    func checkWrite(_ path: String, span: SourceSpan) throws(Diagnostic) {
        guard allowsWrites else {
            throw Diagnostic(id: .noWrite, "writing \"\(path)\" is forbidden by --no-write", at: span)
        }
    }

    /// A year from CSV text, as `load "file.csv"` reads it (for the fuzzers).
    public static func year(fromCSV text: String, name: String, file: Int32) throws(Diagnostic) -> Record {
        try ProjectTableImport.year(fromCSV: text, name: name, file: file, span: .none)
    }

    public func locate(_ target: LoadTarget, span: SourceSpan, file: Int32) throws(Diagnostic) -> DataSource {
        try YearLocator().locate(target, span: span, file: file)
    }

    public func prepare(_ year: Record, file: Int32) -> (year: Record, problems: [Diagnostic]) {
        let problems = YearRules.validate(year, file: file)
        if problems.contains(where: { $0.severity == .error }) { return (year, problems) }
        return (YearRules.derive(year, firstLoad: true), problems)
    }

    public func rederive(_ year: Record, span: SourceSpan) throws(Diagnostic) -> Record {
        YearRules.rederive(year)
    }

    public func show(_ value: Value, format: ValueFormatter) -> String? {
        YearReport(format: format).show(value)
    }

    public func compare(_ items: [(label: String, value: Value)], extra: [[Record]], only: [String], format: ValueFormatter, span: SourceSpan) throws(Diagnostic) -> String {
        try Comparison(format: format).table(items, extra: extra, only: only, span: span)
    }

    public func chart(_ items: [(label: String, value: Value)], to path: String?, force: Bool, unicode: Bool, format: ValueFormatter, span: SourceSpan) throws(Diagnostic) -> String {
        let chart = BarChart(format: format)
        let bars = try chart.bars(items)
        guard !bars.isEmpty else { throw Diagnostic(id: .chart, "nothing to chart: give a year, a record of figures or a list", at: span) }
        guard let path else { return chart.text(bars, unicode: unicode) }
        guard path.lowercased().hasSuffix(".svg") else { throw Diagnostic(id: .chart, "charts are written as .svg files", at: span) }
        try checkWrite(path, span: span)
        try FileText.write(chart.svg(bars), to: path, force: force, span: span)
        return "wrote a chart of \(bars.count) bars to \(path)"
    }

    public func export(_ value: Value, to path: String, force: Bool, format: ValueFormatter, span: SourceSpan) throws(Diagnostic) -> String {
        try checkWrite(path, span: span)
        return try Exporter(format: format).export(value, to: path, force: force, span: span)
    }
}
