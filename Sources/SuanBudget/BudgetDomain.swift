import SuanCore

/// The budget domain behind `load`, scenarios, `show`, `compare` and `export`.
public struct BudgetDomain: DomainHost {
    /// False under `suan --no-write`: export and chart files are refused, for running someone else's script.
    public var allowsWrites: Bool
    /// The year scenarios were last built from, prepared once for the next (`count` over scenarios);
    /// one for each statement (``forStatement()``).
    private var scenarioBases = ScenarioBase.Memo()

    public init(allowsWrites: Bool = true) { self.allowsWrites = allowsWrites }

    /// Refuses a write under `--no-write` (export, chart files, the REPL's :save).
    public func checkWrite(_ path: String, span: SourceSpan) throws(Diagnostic) {
        guard allowsWrites else {
            throw Diagnostic(id: .noWrite, "writing \"\(path)\" is forbidden by --no-write", at: span)
        }
    }

    /// A year from its text (a year file, or CSV when `name` ends in .csv) as `load` reads it:
    /// validated and derived; the first error is thrown (for the fuzzers and tools).
    public static func year(fromText text: String, name: String, evaluator: DataFileEvaluator) throws(Diagnostic) -> Record {
        var source = SourceFile(name: name, text: text)
        let (year, problems) = YearLoader.year(&source, file: 0, span: .none, evaluator: evaluator)
        guard let year else { throw problems.first(where: { $0.severity == .error }) ?? Diagnostic(id: .dataFile, "no year", at: .none) }
        return year.record
    }

    public func load(_ request: LoadRequest) -> LoadAnswer {
        YearLoader().load(request)
    }

    public func module(_ request: ModuleRequest) -> Result<ModuleText, Diagnostic> {
        ModuleFile.read(request)
    }

    public func listName(collection: String?) -> String {
        Year.listName(collection: collection)
    }

    /// This domain with a scenario memo of its own, for one statement.
    public func forStatement() -> any DomainHost {
        var domain = self
        domain.scenarioBases = ScenarioBase.Memo()
        return domain
    }

    public func scenario(from base: Record, name: String?, changes: [ScenarioEdit], span: SourceSpan,
                         warn: ((Diagnostic) -> Void)?) throws(Diagnostic) -> Record {
        try ScenarioBuilder.build(from: base, name: name, changes: changes, span: span, warn: warn, bases: scenarioBases)
    }

    public func hint(forUnknownName name: String) -> Message? {
        YearLoader.hint(forUnknownName: name)
    }

    public func show(_ value: Value, format: ValueFormatter) -> Document? {
        YearReport(format: format).show(value)
    }

    public func compare(_ items: [(label: String, value: Value)], extra: [[Record]], only: [String], consecutive: Bool, format: ValueFormatter, span: SourceSpan) throws(Diagnostic) -> Document {
        try Comparison(format: format, consecutive: consecutive).table(items, extra: extra, only: only, span: span)
    }

    public func chart(_ items: [(label: String, value: Value)], to path: String?, directory: String?, force: Bool, unicode: Bool, format: ValueFormatter, span: SourceSpan) throws(Diagnostic) -> Document {
        guard let chart = BarChart(format: format).chart(items) else {
            throw Diagnostic(id: .chart, "nothing to chart: give a year, a record of figures or a list", at: span)
        }
        guard let path else { return Document([.chart(chart)]) }
        guard path.lowercased().hasSuffix(".svg") else { throw Diagnostic(id: .chart, "charts are written as .svg files", at: span) }
        try checkWrite(path, span: span)
        try FileText.write(SVGChart(format: format).render(chart), to: YearLoader.resolved(path, from: directory), force: force, by: .chart, span: span)
        let bars = chart.categories.count * chart.series.count
        let wrote: Message = "wrote a chart of \(bars) bars to \(path)"
        return .text(wrote.text(in: format.language))
    }

    public func export(_ content: ExportContent, to path: String, directory: String?, force: Bool, format: ValueFormatter, span: SourceSpan) throws(Diagnostic) -> Document {
        try checkWrite(path, span: span)
        let wrote = try Exporter(format: format).export(content, to: YearLoader.resolved(path, from: directory), force: force, span: span)
        return .text(wrote.text(in: format.language))
    }
}
