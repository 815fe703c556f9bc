import SuanCore

/// One row of a table of projects as ``ProjectTableImport`` reads it: the cells' text as UTF-8
/// bytes in one buffer, each cell a range of it with its span.
///
/// A CSV row is read straight into it (``CSVReader/next(into:)``), and one row is kept and refilled
/// for the whole table, so reading a cell makes no `String`: figures, numbers and units are read
/// from the bytes, and only text the year keeps (names, categories, notes) becomes a `String`.
/// A sheet's rows (``TableCell``s) are copied into one as they are read.
struct TableRow {
    /// The cells' bytes, one after another (a quoted CSV field's without its quotes).
    private(set) var bytes: [UInt8] = []
    /// Where each cell's bytes are, and its span.
    private(set) var cells: [Cell] = []

    struct Cell {
        var bytes: Range<Int>
        var span: SourceSpan
    }

    init() {}

    /// The row of `cells`, with their text and spans.
    init(_ cells: [TableCell]) {
        for cell in cells { append(cell.text.utf8, span: cell.span) }
    }

    var count: Int { cells.count }

    /// Empties the row for the next one, keeping its room.
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        cells.removeAll(keepingCapacity: true)
    }

    /// Adds a cell holding `utf8`.
    mutating func append(_ utf8: some Collection<UInt8>, span: SourceSpan) {
        let start = bytes.count
        bytes.append(contentsOf: utf8)
        cells.append(Cell(bytes: start..<bytes.count, span: span))
    }

    func span(at i: Int) -> SourceSpan { cells[i].span }

    /// The whole text of cell `i`, spaces and all.
    func text(at i: Int) -> String { String(decoding: bytes[cells[i].bytes], as: UTF8.self) }

    /// The row's cells as ``TableCell``s, for the rows above a table that are searched for labels.
    var tableCells: [TableCell] { cells.indices.map { TableCell(text: text(at: $0), span: cells[$0].span) } }

    /// The bytes of cell `i` without surrounding spaces (those ``Swift/String/trimmed`` drops);
    /// empty for a cell of spaces.
    func trimmed(at i: Int) -> Range<Int> {
        let range = cells[i].bytes
        return bytes.withUnsafeBufferPointer { UTF8Spaces.trimmed(range, of: $0) }
    }

    /// The trimmed text of the bytes in `range` (from ``trimmed(at:)``).
    func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    /// Whether every cell is spaces or nothing.
    var isBlank: Bool { cells.indices.allSatisfy { trimmed(at: $0).isEmpty } }

    /// Calls `body` with the bytes of `range`.
    func withBytes<R, E: Error>(_ range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
        // withUnsafeBufferPointer rethrows untyped; the result carries the typed error through it.
        let result: Result<R, E> = bytes.withUnsafeBufferPointer { all in
            Result { () throws(E) in try body(UnsafeBufferPointer(rebasing: all[range])) }
        }
        return try result.get()
    }
}
