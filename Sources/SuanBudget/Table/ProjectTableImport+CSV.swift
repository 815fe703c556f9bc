import SuanCore

/// A CSV table read into a year, on one thread or, when long, in two halves at once.
///
/// The second half starts at a guess: the first row past the middle of the text that names a
/// project (``projectRow(from:_:)``), from the first row start there that the syntax check found
/// (it follows the reader's quotes, so a line break inside a quoted field is never taken for one).
/// The first half reads from the table's start exactly as one thread would, and the guess stands
/// only if it arrives there and the row there begins a new project — the place where nothing read
/// before it changes what the rows after it give (``startsProject(_:)``). Otherwise the first half
/// reads on to the end and the second half is dropped. Either way the year is the serial read's,
/// and a half that fails fails the read with the error one thread gives.
extension ProjectTableImport {
    /// Tables shorter than this many bytes are read by one thread.
    static let smallestSplit = 256 * 1024

    /// The year a CSV table describes, unvalidated (``YearValidation`` checks it next).
    ///
    /// The text is read twice, both times from its bytes: once for its syntax only (a quote left
    /// open anywhere is the error, before any row's content), then row by row into the year. Only
    /// the rows before the table's own are kept — up to the 绩效指标 header that a one-project form
    /// is recognised by, and the 项目名称 header with the row below it; the rows after them are read
    /// into projects one at a time, in two halves with `jobs` over 1 and a long table. A
    /// one-project form, or a table without a 一级指标 and 三级指标 header, is kept whole, as its
    /// labels are searched in every row.
    ///
    /// Without `keepsSpans` a table's records hold no spans (a one-project form's keep theirs), as
    /// ``DataFileEvaluator/evaluate(_:file:keepsSpans:)`` reads a year file.
    static func year(fromCSV source: SourceFile, file: Int32, span: SourceSpan, progress: LoadProgress, keepsSpans: Bool = true,
                     jobs: Int = 1) throws(Diagnostic) -> Record {
        var result: Result<Record, Diagnostic> = .failure(Diagnostic(id: .csv, "\"\(source.name)\" is empty", at: span))
        source.withUTF8 { bytes in
            result = Result { () throws(Diagnostic) in
                try year(fromCSV: bytes, name: source.name, file: file, span: span, progress: progress, keepsSpans: keepsSpans, jobs: jobs)
            }
        }
        return try result.get()
    }

    static func year(fromCSV bytes: UnsafeBufferPointer<UInt8>, name: String, file: Int32, span: SourceSpan, progress: LoadProgress,
                     keepsSpans: Bool, jobs: Int) throws(Diagnostic) -> Record {
        try read(fromCSV: bytes, name: name, file: file, span: span, progress: progress, keepsSpans: keepsSpans, jobs: jobs).year
    }

    /// The year, and the byte where the second half started when the table was read in two.
    static func read(fromCSV bytes: UnsafeBufferPointer<UInt8>, name: String, file: Int32, span: SourceSpan, progress: LoadProgress,
                     keepsSpans: Bool, jobs: Int) throws(Diagnostic) -> (year: Record, split: Int?) {
        var reader = CSVReader(bytes, file: file)
        let guess: Int?
        do {
            guess = try reader.check(rowStartFrom: jobs > 1 && bytes.count >= smallestSplit ? bytes.count / 2 : .max)
        } catch {
            throw failed(error, file: file)
        }
        var progress = progress
        defer { progress.clear() }
        var row = TableRow()
        func next() throws(Diagnostic) -> [TableCell]? {
            guard try read(&reader, into: &row, progress: &progress, file: file) else { return nil }
            return row.tableCells
        }
        var rows: [[TableCell]] = []
        var labels = ProjectFormImport.Labels()
        var searched = false
        while let r = try next() {
            rows.append(r)
            if labels.see(r, at: rows.count - 1) { searched = true; break }
        }
        let streams = searched && labels.layout == nil
        if streams {
            var named = rows.firstIndex(where: ProjectTableHeader.namesProjects)
            while named.map({ rows.count < $0 + 2 }) ?? true, let r = try next() {
                rows.append(r)
                if named == nil && ProjectTableHeader.namesProjects(r) { named = rows.count - 1 }
            }
        } else {
            while let r = try next() { rows.append(r) }
        }
        guard let first = rows.first else { throw Diagnostic(id: .csv, "\"\(name)\" is empty", at: span) }
        // The one-project form saved as CSV: its 项目名称 label would otherwise read as a header.
        if let layout = labels.layout {
            let project = try ProjectFormImport(id: .csv, file: file, name: name).project(rows, layout: layout)
            let titles = rows[..<layout.nameRow].flatMap { $0.map(\.text) }
            return (ProjectFormImport.parts([project], titles: titles, file: file).record(fileName: name, origin: SourceSpan(file: file, start: 0, end: 1)), nil)
        }
        if let cutShort = labels.incomplete(rows, id: .csv) { throw cutShort }
        guard let header = ProjectTableHeader.find(in: rows) else {
            throw Diagnostic(id: .csv, "no 项目名称 column in \"\(name)\"", at: first[0].span,
                             notes: ["help: the header row needs 项目名称 and usually 全年预算数 and 全年执行数"])
        }
        var table = ProjectTableImport(header: header, file: file, name: name, id: .csv)
        table.keepsSpans = keepsSpans
        var kept = rows.dropFirst(header.row + 1).makeIterator()
        let parts: YearParts
        var split: Int? = nil
        if streams, let rowStart = guess, rowStart > reader.i, let guess = table.projectRow(from: rowStart, reader) {
            (parts, split) = try table.readInHalves(kept: Array(kept), reader, from: guess, progress: progress)
        } else {
            try table.read { (r: inout TableRow) throws(Diagnostic) -> Bool in
                if let k = kept.next() { r = TableRow(k); return true }
                return streams ? try read(&reader, into: &r, progress: &progress, file: file) : false
            }
            parts = table.finished()
        }
        return (parts.record(fileName: name, origin: SourceSpan(file: file, start: 0, end: 1), keepsSpans: keepsSpans), split)
    }

    /// The diagnostic of a CSV syntax error.
    static func failed(_ error: CSVReader.Failure, file: Int32) -> Diagnostic {
        Diagnostic(id: .csv, Message(verbatim: error.message), at: SourceSpan(file: file, start: error.offset, end: error.offset + 1))
    }

    /// Reads `reader`'s next row into `row`, counting the bytes read; false at the end.
    static func read(_ reader: inout CSVReader, into row: inout TableRow, progress: inout LoadProgress, file: Int32) throws(Diagnostic) -> Bool {
        do { guard try reader.next(into: &row) else { return false } } catch { throw failed(error, file: file) }
        progress.advance(to: reader.i)
        return true
    }

    /// The start of the first row from `rowStart` on (a row's start) that begins a project as far
    /// as the rows from there tell — a 项目 row, or a row naming a project other than the row
    /// before it — within 64 KB: where the second half is guessed to start. Nil when there is none.
    func projectRow(from rowStart: Int, _ reader: CSVReader) -> Int? {
        // The rows' spans do not matter here: the reader counts no scalars before `rowStart`.
        var scan = reader
        scan.i = rowStart
        var row = TableRow()
        // The name on the row before (nil when it has none), unknown before the first row.
        var before: [UInt8]?? = .none
        while scan.i - rowStart < 65_536 {
            let start = scan.i
            guard (try? scan.next(into: &row)) == true else { return nil }
            let name = namesProject(row) ? cell(row, .name).map { Array(row.bytes[$0.bytes]) } : nil
            if let name {
                if cell(row, .rowKind) != nil { return start }
                if case .some(let previous) = before, previous != name { return start }
            }
            before = .some(name)
        }
        return nil
    }

    /// The rest of the table read in two halves at once, this import reading the first (the
    /// `kept` rows, then `reader`'s up to `guess`) and a fresh one the rows from `guess` on; with
    /// `guess` when the halves were joined there, nil when the first half read on to the end.
    mutating func readInHalves(kept: [[TableCell]], _ reader: CSVReader, from guess: Int,
                               progress: LoadProgress) throws(Diagnostic) -> (YearParts, Int?) {
        var second = ProjectTableImport(header: header, file: origin.file, name: "", id: id)
        second.keepsSpans = keepsSpans
        let halves = UncheckedHalves(first: self, second: second,
                                     firstReader: reader, secondReader: CSVReader(reader.bytes, file: reader.file, from: guess),
                                     progress: progress, guess: guess, kept: kept)
        let outcomes = LargeStack.runAll([
            { @Sendable () -> UncheckedHalf in halves.readFirst() },
            { @Sendable () -> UncheckedHalf in halves.readSecond() },
        ])
        // A first half that fails fails as one thread would, wherever the second stopped.
        let stopped = try outcomes[0].read.get()
        self = outcomes[0].table
        guard stopped else { return (finished(), nil) }
        _ = try outcomes[1].read.get()
        var rest = outcomes[1].table
        var parts = finished()
        parts.append(rest.finished())
        return (parts, guess)
    }
}

/// What the two halves start from, handed to the threads that read them: the bytes the readers
/// point into stay alive and unchanged until both are done (``LargeStack/runAll(_:)`` returns
/// after both).
private struct UncheckedHalves: @unchecked Sendable {
    let first: ProjectTableImport
    let second: ProjectTableImport
    let firstReader: CSVReader
    let secondReader: CSVReader
    let progress: LoadProgress
    let guess: Int
    let kept: [[TableCell]]

    /// The first half: the kept rows, then rows up to the guess, where it stops if a project starts
    /// there (true), else on to the end (false).
    func readFirst() -> UncheckedHalf {
        var table = first, reader = firstReader, progress = progress
        var kept = kept.makeIterator()
        var atGuess = false
        let file = reader.file
        let read = Result { () throws(Diagnostic) -> Bool in
            try table.read({ (row: inout TableRow) throws(Diagnostic) -> Bool in
                if let k = kept.next() { row = TableRow(k); return true }
                atGuess = reader.i == guess
                return try ProjectTableImport.read(&reader, into: &row, progress: &progress, file: file)
            }, atSecondHalf: { atGuess })
        }
        return UncheckedHalf(table: table, read: read)
    }

    /// The second half: the rows from the guess to the end.
    func readSecond() -> UncheckedHalf {
        var table = second, reader = secondReader, progress = progress.starting(at: guess)
        let file = reader.file
        let read = Result { () throws(Diagnostic) -> Bool in
            try table.read { (row: inout TableRow) throws(Diagnostic) -> Bool in
                try ProjectTableImport.read(&reader, into: &row, progress: &progress, file: file)
            }
        }
        return UncheckedHalf(table: table, read: read)
    }
}

/// A half's import where it stopped, and whether the first stopped at the guess, or the error it met.
private struct UncheckedHalf: @unchecked Sendable {
    var table: ProjectTableImport
    let read: Result<Bool, Diagnostic>
}
