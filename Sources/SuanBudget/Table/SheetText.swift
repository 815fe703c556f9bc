import SuanCore
import SuanSheets

/// A sheet of a workbook as text that diagnostics can point into, and its rows as table cells.
///
/// Line *n* of the text is row *n* of the sheet, its cells from column A on separated by commas
/// (quoted as in CSV when they hold a comma or a quote; a line break inside a cell shows as a
/// space). The source is named `x.xlsx[Sheet1]` and knows where each cell starts
/// (``SourceCells``), so an error in a cell prints as `x.xlsx[Sheet1]!C7: error: …` with the row
/// under it and the caret under the cell.
struct SheetText {
    let source: SourceFile
    /// The sheet's non-empty rows, each from column A to its last cell.
    let rows: [[TableCell]]

    init(_ sheet: Sheet, path: String, file: Int32) {
        // A String, appended to in place: a UnicodeScalarView copied itself on each append of a
        // long cell's scalars, which made a sheet of long notes quadratic.
        var text = ""
        var offset = 0
        var line = 1
        var cells = SourceCells()
        var rows: [[TableCell]] = []
        for row in sheet.rows {
            while line < row.number {
                text.append("\n")
                offset += 1
                line += 1
            }
            var byColumn: [Int: String] = [:]
            for cell in row.cells { byColumn[cell.column] = cell.text }
            let last = row.cells.last?.column ?? 0
            var fields: [TableCell] = []
            for column in 0...last {
                if column > 0 { text.append(","); offset += 1 }
                let value = byColumn[column] ?? ""
                let shown = SheetText.plain(value) ? value : CSVRenderer.field(String(value.map { $0.isNewline ? " " : $0 }))
                cells.add(CellReference(column: column, row: row.number).description, at: offset)
                let count = shown.unicodeScalars.count
                fields.append(TableCell(text: value, span: SourceSpan(file: file, start: offset, end: offset + max(1, count))))
                text += shown
                offset += count
            }
            rows.append(fields)
        }
        source = SourceFile(name: "\(path)[\(sheet.name)]", text: text, cells: cells)
        self.rows = rows
    }

    /// Whether a cell shows as it is: no comma, quote or control character, and no lead byte of a
    /// line or paragraph separator (U+0085, U+2028) — a byte scan, where the full check walks the
    /// cell's characters, which for a sheet of long notes is most of the read.
    static func plain(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 != 0x2C && $0 != 0x22 && $0 != 0xC2 && $0 != 0xE2 }
    }
}
