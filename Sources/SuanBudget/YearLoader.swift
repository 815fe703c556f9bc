import SuanCore
import SuanStdlib
@preconcurrency import Glibc

/// Answers `load`: finds the data (`./2022.suan`, then `SUAN_PATH`, then the bundled years; or a
/// path, relative to the script's folder), reads it (a year file through the core's data evaluator,
/// a CSV table through ``ProjectTableImport``), validates and derives the ``Year``, and names it
/// (`y2022`, `示例2022`, or the name after `as`). Files are opened read-only.
struct YearLoader {
    /// Directories from `SUAN_PATH` (colon-separated), read once per lookup.
    var searchPath: [String] {
        guard let raw = getenv("SUAN_PATH") else { return [] }
        return String(cString: raw).split(separator: ":").map(String.init).filter { !$0.isEmpty }
    }

    /// `path` as seen from `directory` (absolute paths and a nil directory leave it as it is), with
    /// the `./` and `../` it starts with taken off the directory when that is safe (``LexicalPath``):
    /// `/srv/lib/共用.suan`, not `/srv/app/../lib/共用.suan`, in what is opened and in messages.
    static func resolved(_ path: String, from directory: String?) -> String {
        guard let directory, !directory.isEmpty, !path.hasPrefix("/") else { return path }
        return LexicalPath.joined(directory, path)
    }

    func load(_ request: LoadRequest) -> LoadAnswer {
        let span = request.span
        // The text is held by the source alone, so that a year that loads clean can let it go.
        var source: SourceFile
        var collection: String? = nil
        var number: Int? = nil
        do throws(Diagnostic) {
            switch request.target {
            case .path(let written):
                let path = YearLoader.resolved(written, from: request.directory)
                if path.lowercased().hasSuffix(".xlsx") { return loadWorkbook(path, request) }
                source = SourceFile(name: path, text: try FileText.read(path, span: span))
            case .year(let year, let c):
                collection = c
                number = year
                let (name, text) = try locate(year, collection: c, span: span)
                source = SourceFile(name: name, text: text)
            case .years(let first, let last, let c):
                // The resolve phase asks for a range's years one at a time; a range here is a caller's slip.
                throw Diagnostic(id: .loadRange, "load \(c.map { "\($0) " } ?? "")\(String(first))..\(String(last)) reads one year at a time", at: span)
            }
        } catch {
            return .failure(error)
        }
        let name = source.name
        let (read, problems) = YearLoader.year(&source, file: request.file, span: span, evaluator: request.evaluator)
        return YearLoader.answer(read, problems, sources: [source], label: name, request: request,
                                 defaultName: { Year.name(year: number ?? $0.yearNumber, collection: collection) })
    }

    /// The answer for a year read (or not): bound to the `as` name, else to `defaultName`.
    static func answer(_ read: Year?, _ problems: [Diagnostic], sources: [SourceFile], label: String, request: LoadRequest,
                       defaultName: (Year) -> String) -> LoadAnswer {
        guard var year = read else { return LoadAnswer(year: nil, sources: sources, diagnostics: problems) }
        let bound = request.alias ?? defaultName(year)
        year.record["名称"] = .string(bound)
        return LoadAnswer(year: (year.record, bound, label), sources: sources, diagnostics: problems)
    }

    /// `load "x.xlsx"`: the recognised sheets of the workbook as one year (``WorkbookImport``), validated.
    func loadWorkbook(_ path: String, _ request: LoadRequest) -> LoadAnswer {
        let bytes: [UInt8]
        switch FileText.readBytes(path) {
        case .success(let b): bytes = b
        case .failure(let e): return .failure(Diagnostic(id: .loadIo, "cannot open \"\(path)\": \(e.message)", at: request.span))
        }
        let (result, sources) = WorkbookImport.year(bytes, path: path, file: request.file, span: request.span)
        let (year, problems): (Year?, [Diagnostic])
        switch result {
        case .success(let record): (year, problems) = YearLoader.validated(record)
        case .failure(let error): (year, problems) = (nil, [error])
        }
        return YearLoader.answer(year, problems, sources: sources, label: path, request: request,
                                 defaultName: { Year.name(year: $0.yearNumber, collection: nil) })
    }

    /// Reads a year (a year file, or CSV when the source's name ends in .csv), validates and derives
    /// it. The year is nil when an error stops it; the problems hold errors and warnings.
    ///
    /// The year is read without spans first (when its reader can: a year file read directly, a CSV
    /// table): a year that passes every check needs no positions, and those of 100,000 projects
    /// take 60 MB. A year with a problem is read again with them, for the problems' positions. A
    /// year read without spans that passes every check has nothing that points into its text (no
    /// diagnostic, no span, no code), so `source` is left with its name only, before deriving.
    static func year(_ source: inout SourceFile, file: Int32, span: SourceSpan, evaluator: DataFileEvaluator) -> (Year?, [Diagnostic]) {
        func read(keepingSpans: Bool) throws(Diagnostic) -> Record {
            if source.name.lowercased().hasSuffix(".csv") {
                return try ProjectTableImport.year(fromCSV: source, file: file, span: span,
                                                   progress: evaluator.loadProgress(total: source.text.utf8.count), keepsSpans: keepingSpans,
                                                   jobs: evaluator.jobs)
            }
            return try evaluator.evaluate(source, file: file, keepsSpans: keepingSpans)
        }
        do throws(Diagnostic) {
            let first = try read(keepingSpans: false)
            guard first.spans.isEmpty else { return validated(first, jobs: evaluator.jobs) }
            let (checked, unreadable, found) = YearValidation.checked(first, jobs: evaluator.jobs)
            // A problem needs positions: the spanless read is dropped before it is derived.
            guard unreadable.isEmpty && found.isEmpty else { return validated(try read(keepingSpans: true), jobs: evaluator.jobs) }
            source = SourceFile(name: source.name, text: "")
            return (derived(checked), [])
        } catch {
            return (nil, [error])
        }
    }

    /// A year read, validated and derived; nil when an error stops it.
    static func validated(_ read: Record, jobs: Int = 1) -> (Year?, [Diagnostic]) {
        let (read, unreadable, found) = YearValidation.checked(read, jobs: jobs)
        let problems = unreadable + found
        if problems.contains(where: { $0.severity == .error }) { return (nil, problems) }
        return (derived(read), problems)
    }

    /// The year of a validated record, its lines derived.
    private static func derived(_ read: Record) -> Year {
        var year = Year(read)
        year.derive()
        return year
    }

    /// `y2023` or `示例2021` as a name: the `load` that would bind it.
    static func hint(forUnknownName name: String) -> Message? {
        if name.hasPrefix("y"), let year = Int(name.dropFirst()) { return "'load \(year)' binds \(name)" }
        for bundled in StdlibFiles.bundled {
            if let c = bundled.collection, name == "\(c)\(bundled.year)" { return "'load \(c) \(bundled.year)' binds \(name)" }
        }
        let collections = StdlibFiles.bundled.compactMap(\.collection)
        if let c = collections.first(where: { Year.listName(collection: $0) == name }) {
            let years = StdlibFiles.bundled.filter { $0.collection == c }.map(\.year)
            if let first = years.min(), let last = years.max() { return "'load \(c) \(String(first))..\(String(last))' binds \(name)" }
        }
        return nil
    }

    /// The name and text of the file for a year number.
    func locate(_ year: Int, collection: String?, span: SourceSpan) throws(Diagnostic) -> (String, String) {
        let fileName = collection.map { "\($0)-\(year).suan" } ?? "\(year).suan"
        for directory in ["."] + searchPath {
            let path = directory == "." ? fileName : directory + "/" + fileName
            if FileText.exists(path) { return (path, try FileText.read(path, span: span)) }
        }
        if let bundled = StdlibFiles.year(year, collection: collection) {
            return (bundled.name, bundled.text)
        }
        let available = StdlibFiles.bundled.map { ($0.collection.map { "\($0) " } ?? "") + "\($0.year)" }
        throw Diagnostic(id: .loadNotFound, "no year \(collection.map { "\($0) " } ?? "")\(year): no ./\(fileName), none on SUAN_PATH, and none bundled",
                         at: span, notes: ["help: bundled years: \(available.joined(separator: ", "))"])
    }
}
