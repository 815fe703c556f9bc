import Foundation
import ZIPFoundation

/// Builds small .xlsx workbooks from hand-written sheet XML, so that a test controls exactly what a
/// writer stores: shared strings with rich runs and phonetic guides, inline strings, formulas with
/// cached values, merged ranges, 17-digit numbers, exponents, date and percent formats.
struct XLSXFixture {
    /// Each sheet's name and the XML inside its `<sheetData>` (and after it, e.g. `<mergeCells>`).
    var sheets: [(name: String, body: String)]
    /// The `<si>` elements of `xl/sharedStrings.xml`.
    var sharedStrings: [String] = []
    /// `cellXfs` number formats by index: 0 plain; tests add 14 (a date) or 10 (a percent).
    var formats: [Int] = [0, 14, 10]

    /// A sheet whose rows are given as `<row>` XML.
    static func sheet(_ name: String, _ rows: String, after: String = "") -> (name: String, body: String) {
        (name, "<sheetData>\(rows)</sheetData>\(after)")
    }

    var parts: [(String, String)] {
        var parts: [(String, String)] = []
        parts.append(("[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/></Types>
            """))
        var workbook = "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
        var rels = "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for (i, sheet) in sheets.enumerated() {
            workbook += "<sheet name=\"\(sheet.name)\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
            rels += "<Relationship Id=\"rId\(i + 1)\" Type=\"worksheet\" Target=\"worksheets/s\(i + 1).xml\"/>"
            parts.append(("xl/worksheets/s\(i + 1).xml",
                          "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">\(sheet.body)</worksheet>"))
        }
        parts.append(("xl/workbook.xml", workbook + "</sheets></workbook>"))
        parts.append(("xl/_rels/workbook.xml.rels", rels + "</Relationships>"))
        if !sharedStrings.isEmpty {
            parts.append(("xl/sharedStrings.xml", "<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                          + sharedStrings.joined() + "</sst>"))
        }
        parts.append(("xl/styles.xml", "<?xml version=\"1.0\"?><styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><cellXfs>"
                      + formats.map { "<xf numFmtId=\"\($0)\"/>" }.joined() + "</cellXfs></styleSheet>"))
        return parts
    }

    /// The workbook's bytes.
    func bytes() throws -> [UInt8] {
        try XLSXFixture.zip(parts)
    }

    /// Zips `parts` (path, text), deflated.
    static func zip(_ parts: [(String, String)]) throws -> [UInt8] {
        let archive = try Archive(accessMode: .create)
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return [UInt8](archive.data ?? Data())
    }

    /// An inline-string cell.
    static func text(_ reference: String, _ text: String) -> String {
        "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>"
    }

    /// A number cell holding `digits` as stored.
    static func number(_ reference: String, _ digits: String, style: Int? = nil) -> String {
        "<c r=\"\(reference)\"\(style.map { " s=\"\($0)\"" } ?? "")><v>\(digits)</v></c>"
    }
}
