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
        var text = String.UnicodeScalarView()
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
                let shown = CSVRenderer.field(String(value.map { $0.isNewline ? " " : $0 }))
                cells.add(CellReference(column: column, row: row.number).description, at: offset)
                let count = shown.unicodeScalars.count
                fields.append(TableCell(text: value, span: SourceSpan(file: file, start: offset, end: offset + max(1, count))))
                text.append(contentsOf: shown.unicodeScalars)
                offset += count
            }
            rows.append(fields)
        }
        source = SourceFile(name: "\(path)[\(sheet.name)]", text: String(text), cells: cells)
        self.rows = rows
    }
}
