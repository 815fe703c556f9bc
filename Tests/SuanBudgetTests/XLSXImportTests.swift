import Foundation
import Testing
import SuanTestSupport
@testable import SuanBudget
@testable import SuanCore
@testable import SuanSheets

/// `load "x.xlsx"`: the official 自评表 read from a workbook, through a session.
@Suite struct XLSXImportTests {
    typealias X = XLSXFixture

    func load(_ fixture: XLSXFixture, as name: String = "t") throws -> SessionHarness {
        let dir = try Scratch()
        var h = SessionHarness()
        h.run("load \"\(try dir.write("t.xlsx", bytes: try fixture.bytes()))\" as \(name)")
        return h
    }

    /// The flat form as Excel stores it: shared strings (rich runs, phonetic guides), a merged
    /// project name and budget over two indicator rows, an empty row, a formula's cached value,
    /// a 17-digit binary artefact, an exponent, a percent-formatted actual.
    var form: XLSXFixture {
        let header = ["项目名称", "全年预算数", "全年执行数", "三级指标", "年度指标值", "度量单位", "实际完成值", "分值"]
        var strings = header.map { "<si><t>\($0)</t></si>" }
        strings.append("<si><r><t>法律</t></r><r><rPr><b/></rPr><t>援助</t></r><rPh sb=\"0\" eb=\"2\"><t>ホウリツ</t></rPh></si>")  // 8
        var rows = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>2023年度项目支出绩效自评表</t></is></c></row>"
        rows += "<row r=\"2\">" + header.indices.map { "<c r=\"\(CellReference(column: $0, row: 2))\" t=\"s\"><v>\($0)</v></c>" }.joined() + "</row>"
        rows += "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>8</v></c>" + X.number("B3", "1188.5599999999999") + "<c r=\"C3\"><f>B3-88.56</f><v>1100</v></c>"
            + X.text("D3", "办理案件") + X.number("E3", "1.2E3") + X.text("F3", "件") + X.number("G3", "1298") + X.number("H3", "20") + "</row>"
        rows += "<row r=\"4\">" + X.text("D4", "满意率") + X.number("E4", "0.9", style: 2) + X.number("G4", "0.955", style: 2) + X.number("H4", "3.36") + "</row>"
        rows += "<row r=\"6\">" + X.text("A6", "人民调解") + X.number("B6", "220") + X.number("C6", "214") + X.text("D6", "调解案件") + "</row>"
        return XLSXFixture(sheets: [X.sheet("自评表", rows, after: "<mergeCells count=\"2\"><mergeCell ref=\"A3:A4\"/><mergeCell ref=\"B3:B4\"/></mergeCells>")],
                           sharedStrings: strings)
    }

    @Test func theFlatFormLoadsWithExactFigures() throws {
        var h = try load(form)
        #expect(h.diagnostics.isEmpty, "\(h.rendered)")
        #expect(h.value("len(t.项目)") == "2")
        #expect(h.value("t.项目[\"法律援助\"].预算") == "1,188.56万元")
        #expect(h.value("t.项目[\"法律援助\"].执行") == "1,100.00万元")
        #expect(h.value("t.项目[\"法律援助\"].指标[\"办理案件\"].目标") == "≥ 1,200件")
        #expect(h.value("t.项目[\"法律援助\"].指标[\"满意率\"].目标") == "≥ 90%")
        #expect(h.value("t.项目[\"法律援助\"].指标[\"满意率\"].实际") == "95.5%")
        #expect(h.value("t.项目[\"法律援助\"].指标[\"满意率\"].分值") == "3.36")
        #expect(h.value("t.项目[\"人民调解\"].执行") == "214.00万元")
        #expect(h.value("t.项目支出") == "1,408.56万元")
        #expect(h.value("t.部门") == "t")
    }

    @Test func aBadAmountNamesItsSheetAndCell() throws {
        var fixture = form
        fixture.sheets[0].body = fixture.sheets[0].body.replacingOccurrences(of: X.number("B6", "220"), with: X.text("B6", "abc"))
        let h = try load(fixture)
        #expect(h.diagnostics.first?.id == .xlsx)
        let rendered = h.rendered.first ?? ""
        #expect(rendered.contains("t.xlsx[自评表]!B6: error: 'abc' is not an amount"), "\(rendered)")
        // The excerpt is the row, with the caret under the cell.
        #expect(rendered.contains(" 6 | 人民调解,abc,214,调解案件\n   |          ^~~"), "\(rendered)")
    }

    @Test func theFirstRecognisedSheetIsRead() throws {
        var fixture = form
        fixture.sheets.insert(X.sheet("封面", "<row r=\"1\">\(X.text("A1", "说明"))</row>"), at: 0)
        var h = try load(fixture)
        #expect(h.diagnostics.isEmpty, "\(h.rendered)")
        #expect(h.value("len(t.项目)") == "2")
    }

    @Test func anUnrecognisedWorkbookNamesItsSheetsAndTheHeaders() throws {
        let fixture = XLSXFixture(sheets: [X.sheet("Sheet1", "<row r=\"1\">\(X.text("A1", "名字"))\(X.text("B1", "金额"))</row>"),
                                           X.sheet("Sheet2", "")])
        let h = try load(fixture)
        #expect(h.diagnostics.first?.id == .xlsx)
        #expect(h.diagnostics.first?.message.contains("no sheet of") == true)
        #expect(h.diagnostics.first?.message.contains("(sheets: 'Sheet1', 'Sheet2')") == true, "\(h.rendered)")
        #expect(h.diagnostics.first?.notes.first?.description.contains("项目名称") == true)
    }

    @Test func datesShowAsTextAndBooleansAsWords() throws {
        let rows = "<row r=\"1\">\(X.text("A1", "项目名称"))\(X.text("B1", "三级指标"))\(X.text("C1", "实际完成值"))\(X.text("D1", "备注"))</row>"
            + "<row r=\"2\">\(X.text("A2", "甲"))\(X.text("B2", "完成时间"))\(X.number("C2", "44621", style: 1))<c r=\"D2\" t=\"b\"><v>1</v></c></row>"
        var h = try load(XLSXFixture(sheets: [X.sheet("S", rows)]))
        // A date is no figure to score: as an indicator's 实际 it is unknown, with a warning at the cell.
        #expect(h.diagnostics.map(\.id) == [.notAFigure], "\(h.rendered)")
        #expect(h.rendered.first?.contains("(2022-03-01)") == true, "\(h.rendered)")
        #expect(h.value("t.项目[\"甲\"].指标[\"完成时间\"].实际") == "—")
        #expect(h.value("t.项目[\"甲\"].指标[\"完成时间\"].备注") == "TRUE")
    }

    @Test func sheetNumbersAreReadExactly() {
        #expect(SheetNumber.plain("3.36") == "3.36")
        #expect(SheetNumber.plain("1188.5599999999999") == "1188.56")
        #expect(SheetNumber.plain("0.30000000000000004") == "0.3")
        #expect(SheetNumber.plain("1.5E-3") == "0.0015")
        #expect(SheetNumber.plain("1.2E3") == "1200")
        #expect(SheetNumber.plain("-0") == "0")
        #expect(SheetNumber.plain("12345678901234567890") == "12345678901234567890")
        #expect(SheetNumber.plain("abc") == nil)
        // The plain forms most cells hold, and the ones that only look plain.
        for (raw, plain) in [("0", "0"), ("1200", "1200"), ("0.5", "0.5"), ("1.50", "1.50"), ("007", "7"), ("00.5", "0.5"), (".5", "0.5"),
                             ("5.", "5"), ("123456789012345", "123456789012345"), ("0.1234567890123456", "0.123456789012346")] {
            #expect(SheetNumber.plain(raw) == plain, "\(raw)")
        }
        #expect(SheetNumber.isPlain("1200") && SheetNumber.isPlain("0.955") && !SheetNumber.isPlain("007") && !SheetNumber.isPlain("5.") && !SheetNumber.isPlain(""))
        #expect(SheetNumber.date("44621", date1904: false) == "2022-03-01")
        #expect(SheetNumber.date("60", date1904: false) == "1900-02-29")
        #expect(SheetNumber.date("1", date1904: false) == "1900-01-01")
        #expect(SheetNumber.date("44621.5", date1904: false) == "2022-03-01 12:00:00")
        #expect(SheetNumber.date("0", date1904: true) == "1904-01-01")
    }

    @Test(arguments: [
        ("not a zip", "is not an .xlsx workbook (not a zip archive)"),
        ("no workbook", "has no part xl/workbook.xml"),
        ("bad xml", "is not well-formed XML"),
        ("long cell", "!B2: the cell holds more than 32767 characters"),
        ("bad shared string", "!A2: shared string '7' does not exist"),
    ])
    func badWorkbooksArePositionedErrors(_ kind: String, _ expected: String) throws {
        let header = "<row r=\"1\">\(X.text("A1", "项目名称"))\(X.text("B1", "全年预算数"))</row>"
        let bytes: [UInt8] = switch kind {
        case "not a zip": Array("项目名称,全年预算数\n甲,1\n".utf8)
        case "no workbook": try XLSXFixture.zip([("xl/styles.xml", "<styleSheet/>")])
        case "bad xml": try XLSXFixture(sheets: [("S", "<sheetData><row><c></row></sheetData>")]).bytes()
        case "long cell": try XLSXFixture(sheets: [X.sheet("S", header + "<row r=\"2\">\(X.text("A2", "甲"))\(X.number("B2", String(repeating: "9", count: 100_000)))</row>")]).bytes()
        default: try XLSXFixture(sheets: [X.sheet("S", header + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>7</v></c></row>")]).bytes()
        }
        let dir = try Scratch()
        var h = SessionHarness()
        h.run("load \"\(try dir.write("bad.xlsx", bytes: bytes))\" as b")
        #expect(h.diagnostics.first?.id == .xlsx, "\(h.rendered)")
        #expect(h.diagnostics.first?.message.contains(expected) == true, "\(h.rendered)")
    }

    @Test func aZipBombStopsAtTheLimitWithoutInflating() throws {
        // A sheet part that declares 300 MiB: refused before it is inflated.
        let archive = try ZIPFoundationArchive.bomb(megabytes: 300)
        let dir = try Scratch()
        var h = SessionHarness()
        h.run("load \"\(try dir.write("bomb.xlsx", bytes: archive))\" as b")
        #expect(h.diagnostics.first?.message.contains("xl/worksheets/s1.xml in") == true, "\(h.rendered)")
        #expect(h.diagnostics.first?.message.contains("inflates to more than 256 MiB") == true, "\(h.rendered)")
    }
}
