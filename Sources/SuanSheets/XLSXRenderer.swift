import Foundation
import SuanCore
import ZIPFoundation

/// Renders the tables of a document as an .xlsx workbook, one sheet per table (a chart as its
/// table of figures), in the same cells as ``CSVRenderer``: a bold header row, frozen, with the
/// unit in the header (`金额（万元）`); numbers as Excel numbers holding their exact digits;
/// percentages as fractions with a percent format; column widths from the display width of their
/// text (CJK counts two); unknown figures as empty cells.
///
/// A number with more than 15 significant digits is written as text: Excel keeps 15 and would
/// round it silently. The workbook is the minimal valid package — content types, relationships,
/// workbook, styles, sheets — with fixed timestamps, so the same document gives the same bytes.
public struct XLSXRenderer: Sendable {
    public var format: ValueFormatter

    public init(format: ValueFormatter = ValueFormatter()) { self.format = format }

    /// One sheet: its name and rows of cells, the first row the header.
    struct SheetData {
        var name: String
        var rows: [[XLSXCell]]
    }

    /// The workbook's bytes; nil when the document has no table.
    public func render(_ document: Document) -> [UInt8]? {
        let tables = document.tabular
        guard !tables.isEmpty else { return nil }
        var sheets: [SheetData] = []
        for (i, table) in tables.enumerated() {
            sheets.append(SheetData(name: XLSXRenderer.sheetName(table.title, index: i + 1, taken: sheets.map(\.name)), rows: rows(table)))
        }
        return XLSXRenderer.package(sheets)
    }

    /// A table's rows: the header (titles with their column's unit), the cells, the footnotes.
    func rows(_ table: Document.Table) -> [[XLSXCell]] {
        let kinds = table.kinds
        let titles = table.columns.indices.map { i in kinds[i].unit.map { "\(table.columns[i].title)（\($0)）" } ?? table.columns[i].title }
        // A column of percent figures: a ratio column, or numbers under a `（%）` header (export's tables).
        let percent = table.columns.indices.map { i -> Bool in
            if case .ratio(.percent) = kinds[i] { return true }
            return titles[i].hasSuffix("（%）") || titles[i].hasSuffix("(%)")
        }
        var out: [[XLSXCell]] = [titles.map { .text($0) }]
        for row in table.rows {
            out.append(table.columns.indices.map { i -> XLSXCell in
                guard i < row.cells.count else { return .empty }
                switch row.cells[i] {
                case .empty: return .empty
                case .text(let s):
                    guard kinds[i].isNumeric, (try? ExactDecimal(parsing: s)) != nil else { return .text(s) }
                    return number(s, percent: percent[i])
                case .value(let v), .change(let v):
                    if case .unknown = v { return .empty }
                    // A percentage among other figures (a share row of compare's export) keeps its percent format.
                    if case .ratio(let d, .percent) = v, kinds[i] != .ratio(.percent), XLSXCell.fitsExcel(d.normalized.exactText) {
                        return .percent(d.normalized.exactText)
                    }
                    // A bare number in a text column (an export's 年度指标值 beside 定性 text) is a number.
                    let bare: String? = if kinds[i] == .text, case .number(let d) = v { d.exactText } else { nil }
                    guard let plain = kinds[i].plainNumber(v) ?? bare else { return .text(format.text(v)) }
                    if case .ratio(let style) = kinds[i], style != .percent { return number(plain, percent: false) }
                    return number(plain, percent: percent[i])
                }
            })
        }
        for note in table.footnotes { out.append([.text(note)]) }
        return out
    }

    /// Digits as a number cell (a percent cell holds the fraction: `97.21` → `0.9721`), or as text
    /// when Excel could not hold them.
    func number(_ digits: String, percent: Bool) -> XLSXCell {
        guard XLSXCell.fitsExcel(digits) else { return .text(digits) }
        guard percent else { return .number(digits) }
        guard let d = try? ExactDecimal(parsing: digits), let fraction = try? d.divided(by: ExactDecimal(100)) else { return .number(digits) }
        return .percent(fraction.normalized.exactText)
    }

    /// A valid, unique sheet name: the table's title without `[]:*?/\`, at most 31 characters,
    /// else `Sheet1`, `Sheet2`, ….
    static func sheetName(_ title: String?, index: Int, taken: [String]) -> String {
        let cleaned = String((title ?? "").filter { !"[]:*?/\\".contains($0) && !$0.isNewline }.prefix(31))
        let name = cleaned.isEmpty || cleaned.hasPrefix("'") ? "Sheet\(index)" : cleaned
        return taken.contains(where: { $0.lowercased() == name.lowercased() }) ? "Sheet\(index)" : name
    }

    // MARK: The package

    static func package(_ sheets: [SheetData]) -> [UInt8]? {
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes(sheets.count)),
            ("_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
                </Relationships>
                """),
            ("xl/workbook.xml", workbook(sheets)),
            ("xl/_rels/workbook.xml.rels", workbookRelationships(sheets.count)),
            ("xl/styles.xml", styles),
        ]
        for (i, sheet) in sheets.enumerated() { parts.append(("xl/worksheets/sheet\(i + 1).xml", worksheet(sheet))) }
        do {
            let archive = try Archive(accessMode: .create)
            // 1980-01-01, the zip format's first day: the same document gives the same bytes.
            let date = Date(timeIntervalSince1970: 315_532_800)
            for (path, text) in parts {
                let data = Data(text.utf8)
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                                     compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            return archive.data.map { [UInt8]($0) }
        } catch {
            return nil
        }
    }

    static func contentTypes(_ count: Int) -> String {
        var s = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
            """
        for i in 1...max(1, count) {
            s += "<Override PartName=\"/xl/worksheets/sheet\(i).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        return s + "</Types>"
    }

    static func workbook(_ sheets: [SheetData]) -> String {
        var s = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>
            """
        for (i, sheet) in sheets.enumerated() {
            s += "<sheet name=\"\(XMLText.escaped(sheet.name))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
        }
        return s + "</sheets></workbook>"
    }

    static func workbookRelationships(_ count: Int) -> String {
        var s = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            """
        for i in 1...max(1, count) {
            s += "<Relationship Id=\"rId\(i)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\(i).xml\"/>"
        }
        s += "<Relationship Id=\"rId\(count + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
        return s + "</Relationships>"
    }

    /// Cell formats: 0 plain, 1 bold (the header), 2 percent (`0.00%`, Excel's built-in format 10).
    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
        <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
        <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
        <xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>\
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
        </styleSheet>
        """

    static func worksheet(_ sheet: SheetData) -> String {
        let columns = sheet.rows.map(\.count).max() ?? 0
        var s = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>\
            <selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>
            """
        if columns > 0 {
            s += "<cols>"
            for c in 0..<columns {
                let widest = sheet.rows.map { c < $0.count ? DisplayWidth.of($0[c].shownText) : 0 }.max() ?? 0
                s += "<col min=\"\(c + 1)\" max=\"\(c + 1)\" width=\"\(min(60, max(8, widest + 2)))\" customWidth=\"1\"/>"
            }
            s += "</cols>"
        }
        s += "<sheetData>"
        for (r, row) in sheet.rows.enumerated() {
            s += "<row r=\"\(r + 1)\">"
            for (c, cell) in row.enumerated() {
                let reference = CellReference(column: c, row: r + 1).description
                let bold = r == 0 ? " s=\"1\"" : ""
                switch cell {
                case .empty: continue
                case .text(let t):
                    let preserve = t.first?.isWhitespace == true || t.last?.isWhitespace == true ? " xml:space=\"preserve\"" : ""
                    s += "<c r=\"\(reference)\"\(bold) t=\"inlineStr\"><is><t\(preserve)>\(XMLText.escaped(t))</t></is></c>"
                case .number(let digits): s += "<c r=\"\(reference)\"\(bold)><v>\(digits)</v></c>"
                case .percent(let digits): s += "<c r=\"\(reference)\" s=\"2\"><v>\(digits)</v></c>"
                }
            }
            s += "</row>"
        }
        return s + "</sheetData></worksheet>"
    }
}
