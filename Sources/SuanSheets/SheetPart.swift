import Foundation

/// Reads one worksheet part (`xl/worksheets/sheet1.xml`) into a ``Sheet``: each `<c>` by its
/// type (`t`: shared string `s`, inline string, formula string `str`, boolean `b`, error `e`,
/// ISO date `d`, else a number) and style (dates and percentages), formulas by their cached
/// `<v>`, then merged ranges filled from their first cell.
///
/// Bounded: at most ``maximumCells`` cells (merged ones included) and ``maximumCellLength``
/// characters in a cell, Excel's own limit; past either the read stops at that cell.
struct SheetPart {
    /// The most cells read from one sheet.
    static let maximumCells = 1_000_000
    /// Excel's limit on the characters in one cell.
    static let maximumCellLength = 32_767

    let name: String
    let sharedStrings: [String]
    let styles: CellStyles
    let date1904: Bool

    /// A cell as it is read: where, its type and style, and its raw text.
    struct RawCell {
        var reference: CellReference
        var type = ""
        var style: Int?
        var value = ""
        var inline = ""
    }

    func read(_ data: Data, part: String) throws(WorkbookError) -> Sheet {
        var cells: [Int: [Int: String]] = [:]
        var count = 0
        var merges: [(CellReference, CellReference)] = []
        var rowNumber = 0, nextColumn = 0
        var cell: RawCell? = nil
        var inValue = false, inText = false, phonetic = 0
        let name = self.name
        func tooLong(_ c: RawCell) -> WorkbookError { .cellTooLong(sheet: name, c.reference, limit: SheetPart.maximumCellLength) }
        try XMLEvents.parse(data, part: part) { event throws(WorkbookError) in
            switch event {
            case .start(let element, let attributes):
                switch PackageParts.local(element) {
                case "row":
                    if let r = attributes["r"] {
                        guard let n = Int(r), n >= 1, n <= CellReference.maximumRow else { throw .badReference(sheet: name, "row \(r)") }
                        rowNumber = n
                    } else {
                        rowNumber += 1
                    }
                    nextColumn = 0
                case "c":
                    var reference = CellReference(column: nextColumn, row: max(rowNumber, 1))
                    if let r = attributes["r"] {
                        guard let parsed = CellReference(r) else { throw .badReference(sheet: name, r) }
                        reference = parsed
                    }
                    nextColumn = reference.column + 1
                    cell = RawCell(reference: reference, type: attributes["t"] ?? "", style: attributes["s"].flatMap { Int($0) })
                case "v" where cell != nil: inValue = true
                case "t" where cell != nil: inText = true
                case "rPh": phonetic += 1
                case "mergeCell":
                    let pieces = (attributes["ref"] ?? "").split(separator: ":")
                    if pieces.count == 2, let from = CellReference(pieces[0]), let to = CellReference(pieces[1]) { merges.append((from, to)) }
                default: break
                }
            case .text(let text):
                guard var c = cell, phonetic == 0 else { return }
                if inValue { c.value += text } else if inText { c.inline += text } else { return }
                guard c.value.utf16.count <= SheetPart.maximumCellLength * 2, c.inline.utf16.count <= SheetPart.maximumCellLength * 2 else { throw tooLong(c) }
                cell = c
            case .end(let element):
                switch PackageParts.local(element) {
                case "v": inValue = false
                case "t": inText = false
                case "rPh": phonetic -= 1
                case "c":
                    guard let c = cell else { return }
                    cell = nil
                    let text = try self.text(of: c)
                    guard !text.isEmpty else { return }
                    // Characters are counted only when the bytes could exceed the limit: counting
                    // walks the text's grapheme clusters, the most expensive part of a plain cell.
                    guard text.utf8.count <= SheetPart.maximumCellLength || text.count <= SheetPart.maximumCellLength else { throw tooLong(c) }
                    count += 1
                    guard count <= SheetPart.maximumCells else { throw .tooManyCells(sheet: name, c.reference, limit: SheetPart.maximumCells) }
                    cells[c.reference.row, default: [:]][c.reference.column] = text
                default: break
                }
            }
        }
        try fill(&cells, merges, count: &count)
        let rows = cells.keys.sorted().map { row in
            Sheet.Row(number: row, cells: (cells[row] ?? [:]).sorted { $0.key < $1.key }.map { Sheet.Cell(column: $0.key, text: $0.value) })
        }
        return Sheet(name: name, rows: rows)
    }

    /// The text a cell shows.
    func text(of c: RawCell) throws(WorkbookError) -> String {
        switch c.type {
        case "s":
            guard let i = Int(c.value.trimmingASCIISpaces), i >= 0, i < sharedStrings.count else {
                throw .badSharedString(sheet: name, c.reference, c.value)
            }
            return sharedStrings[i]
        case "inlineStr": return c.inline
        case "str", "e", "d": return c.value
        case "b": return c.value.trimmingASCIISpaces == "1" ? "TRUE" : "FALSE"
        default:
            guard let digits = SheetNumber.plain(c.value) else { return c.value.trimmingASCIISpaces }
            switch styles[c.style] {
            case .plain: return digits
            case .percent: return SheetNumber.percent(digits)
            case .date: return SheetNumber.date(digits, date1904: date1904)
            }
        }
    }

    /// Copies each merged range's first cell into the range's other empty cells, within the rows
    /// and columns the sheet uses (a range over the whole sheet costs no more than its cells).
    func fill(_ cells: inout [Int: [Int: String]], _ merges: [(CellReference, CellReference)], count: inout Int) throws(WorkbookError) {
        guard !merges.isEmpty, let lastRow = cells.keys.max() else { return }
        let lastColumn = cells.values.compactMap { $0.keys.max() }.max() ?? 0
        for (from, to) in merges {
            guard let text = cells[from.row]?[from.column] else { continue }
            for row in from.row...max(from.row, min(to.row, lastRow)) {
                for column in from.column...max(from.column, min(to.column, lastColumn)) where cells[row]?[column] == nil {
                    count += 1
                    guard count <= SheetPart.maximumCells else {
                        throw .tooManyCells(sheet: name, CellReference(column: column, row: row), limit: SheetPart.maximumCells)
                    }
                    cells[row, default: [:]][column] = text
                }
            }
        }
    }
}
