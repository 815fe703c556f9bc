/// Evaluates a data file — one block literal such as `year 2022 { … }` — in a scope that holds only
/// the Stdlib, and returns the record it builds. It knows nothing of years: deriving, validating and
/// naming are the budget domain's, which calls this for Suan-syntax data.
///
/// Files that are pure data are read by ``YearFileReader`` straight to values; anything else goes
/// through the general pipeline (parse, check, run), which also gives positioned diagnostics.
public struct DataFileEvaluator: Sendable {
    let scope: GlobalScope
    let globals: [Value]
    let settings: Settings
    /// Threads a long year may be read and checked on (`--jobs`).
    public var jobs: Int { settings.jobs }
    /// Whether pure-data files are read directly (tests turn it off to compare the two routes).
    var usesDirectReader = true

    /// Evaluates `source` (to be stored at index `file` among the session's sources).
    ///
    /// Without `keepsSpans`, a file read directly gives records without spans (their `spans` are
    /// empty, the year's too); the general pipeline's records always have them. A caller that finds
    /// a problem in a year without spans reads it again with them, for the problem's position.
    public func evaluate(_ source: SourceFile, file: Int32, keepsSpans: Bool = true) throws(Diagnostic) -> Record {
        if usesDirectReader, let record = YearFileReader.read(source, file: file, units: scope.units, lookup: { [scope, globals] name in
            scope.slot(name).map { globals[$0] }
        }, progress: settings.progress, keepsSpans: keepsSpans, jobs: settings.jobs) {
            return record
        }
        let statements: [Statement]
        switch Parser.parse(source, file: file) {
        case .success(let s): statements = s
        case .failure(let f): throw f.diagnostic
        }
        guard statements.count == 1, case .expression(let e) = statements[0].kind, case .block = e.kind else {
            let at = statements.first(where: { if case .expression(let e) = $0.kind, case .block = e.kind { false } else { true } })?.span
                ?? SourceSpan(file: file, start: 0, end: 1)
            throw Diagnostic(id: .dataFile, "a year file holds one 'year YYYY { … }' block and nothing else", at: at)
        }
        var checker = Checker(scope: scope, sourceText: { _ in "" }, loads: [])
        let checked = checker.check(statements[0])
        if let first = checker.diagnostics.first {
            var d = first
            d.notes += checker.diagnostics.dropFirst().prefix(5).map { "also: \($0.message)" }
            throw d
        }
        guard case .evaluate(let code, _, _) = checked.instruction else {
            throw Diagnostic(id: .dataFile, "a year file holds one 'year YYYY { … }' block", at: statements[0].span)
        }
        let storage = Interpreter.Frame.Storage(count: checked.frameSize)
        defer { withExtendedLifetime(storage) {} }
        var frame = storage.frame
        let interpreter = Interpreter(globals: globals, settings: settings, domain: NoDomain())
        guard case .record(let record) = try interpreter.eval(code, &frame) else {
            throw Diagnostic(id: .dataFile, "a year file must build a year", at: statements[0].span)
        }
        return record
    }
}

extension DataFileEvaluator {
    /// A count of the bytes a data file's reader has read, of `total`, reported as the session's
    /// settings ask (nothing when no one listens).
    public func loadProgress(total: Int) -> LoadProgress {
        LoadProgress(meter: ProgressMeter(.load, total: total, report: settings.progress))
    }
}
