import Foundation

/// An .xlsx workbook read as text: its sheets in tab order, each a grid of cells as Excel shows
/// them (``Sheet``). Only what a budget table needs is read: sheet names, cell values (numbers as
/// their stored digits), shared and inline strings, merged ranges, and the number formats that
/// make a number a date or a percentage; formulas count by their cached value.
///
///     let workbook = try Workbook(bytes)        // throws WorkbookError
///     for sheet in workbook.sheetNames { … }
///     let first = try workbook.sheet(at: 0)
///
/// Sheets are parsed when asked for, so a workbook whose first sheet is the table does not pay for
/// the others. Every part inflates within a bound (``XLSXArchive``); a sheet holds at most a
/// million cells.
public struct Workbook {
    let archive: XLSXArchive
    /// Each sheet's name and part path, in tab order.
    let parts: [(name: String, path: String)]
    let sharedStrings: [String]
    let styles: CellStyles
    let date1904: Bool

    /// The names on the tabs, in order.
    public var sheetNames: [String] { parts.map(\.name) }

    /// Opens the workbook in `bytes` and reads its sheet list, shared strings and styles.
    public init(_ bytes: [UInt8]) throws(WorkbookError) {
        archive = try XLSXArchive(bytes)
        guard let workbook = try archive.part("xl/workbook.xml") else { throw .missingPart("xl/workbook.xml") }
        let (sheets, date1904) = try PackageParts.sheets(workbook)
        guard !sheets.isEmpty else { throw .noSheets }
        var relations: [String: String] = [:]
        if let data = try archive.part("xl/_rels/workbook.xml.rels") {
            relations = try PackageParts.relationships(data, part: "xl/_rels/workbook.xml.rels", base: "xl")
        }
        parts = sheets.enumerated().map { i, sheet in (sheet.name, relations[sheet.id] ?? "xl/worksheets/sheet\(i + 1).xml") }
        var strings: [String] = []
        if let data = try archive.part("xl/sharedStrings.xml") {
            strings = try PackageParts.sharedStrings(data, limit: XLSXArchive.maximumPartSize)
        }
        sharedStrings = strings
        var styles = CellStyles()
        if let data = try archive.part("xl/styles.xml") { styles = try CellStyles(data) }
        self.styles = styles
        self.date1904 = date1904
    }

    /// The sheet at `index` (in tab order), read now.
    public func sheet(at index: Int) throws(WorkbookError) -> Sheet {
        let (name, path) = parts[index]
        guard let data = try archive.part(path) else { throw .missingPart(path) }
        return try SheetPart(name: name, sharedStrings: sharedStrings, styles: styles, date1904: date1904).read(data, part: path)
    }
}
