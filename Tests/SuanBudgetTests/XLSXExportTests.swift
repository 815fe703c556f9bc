import Foundation
import Testing
import SuanTestSupport
@testable import SuanBudget
@testable import SuanCore
@testable import SuanSheets

/// `export … to "x.xlsx"`: the workbook Suan writes, read back by Suan's own reader and by `load`.
@Suite struct XLSXExportTests {
    func session(_ lines: [String]) -> SessionHarness {
        var h = SessionHarness()
        for line in lines {
            let status = h.run(line)
            #expect(status == .success, "\(line): \(h.rendered)")
        }
        return h
    }

    func sheet(_ path: String) throws -> Sheet {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        return try Workbook(bytes).sheet(at: 0)
    }

    func cell(_ sheet: Sheet, _ reference: String) -> String? {
        guard let r = CellReference(reference) else { return nil }
        return sheet.rows.first { $0.number == r.row }?.cells.first { $0.column == r.column }?.text
    }

    /// The first sheet's XML as written.
    func sheetXML(_ bytes: [UInt8]) throws -> String {
        let data = try #require(try XLSXArchive(bytes).part("xl/worksheets/sheet1.xml"))
        return String(decoding: data, as: UTF8.self)
    }

    @Test func anEstimateIsANumberCellInItsMoneyColumn() throws {
        let dir = try Scratch()
        let path = dir.url.appendingPathComponent("e.xlsx").path
        _ = session(["load 示例 2020..2022", "export explain estimate(示例年份, \"人民调解补贴\", \"调解案件\", 3500宗) to \"\(path)\""])
        let xml = try sheetXML([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
        #expect(xml.contains("<v>221.23</v>"), "\(xml)")
        #expect(xml.contains("<v>632.26</v>"), "\(xml)")
        #expect(!xml.contains("元/宗</t>"), "\(xml)")
    }

    @Test(arguments: ["示例 2022", "2022"])
    func aYearRoundTripsThroughXLSX(_ year: String) throws {
        let dir = try Scratch()
        let path = dir.url.appendingPathComponent("y.xlsx").path
        let name = year == "2022" ? "y2022" : "示例2022"
        var h = session(["load \(year)", "export \(name) to \"\(path)\"", "load \"\(path)\" as back"])
        // The same lines as the CSV round trip (ExportTests): the bundled 2022 has no 人员经费 and unknown budgets.
        let lines = year == "2022" ? ["总支出", "收入", "基本支出", "项目支出", "指标", "项目数", "自评覆盖资金", "年度", "部门"]
                                   : ["总支出", "总收入", "收入", "基本支出", "人员经费", "公用经费", "项目支出", "部门", "年度", "项目", "示例数据"]
        for line in lines {
            #expect(h.value("back.\(line) == \(name).\(line)") == "true", "\(line)")
        }
    }

    @Test func cellsAreNumbersPercentagesAndTextWithABoldFrozenHeader() throws {
        let dir = try Scratch()
        let path = dir.url.appendingPathComponent("y.xlsx").path
        _ = session(["load 示例 2022", "export 示例2022 to \"\(path)\""])
        let s = try sheet(path)
        #expect(cell(s, "A1") == "类型")
        #expect(cell(s, "D1") == "金额（万元）")
        #expect(cell(s, "B2") == "一般公共预算财政拨款收入")
        #expect(cell(s, "D2") == "2090.00")   // a number cell, read as its stored digits
        #expect(cell(s, "E2") == "97.21%")    // the share, as a fraction with a percent format
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let xml = try sheetXML(bytes)
        #expect(xml.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(xml.contains("<c r=\"A1\" s=\"1\" t=\"inlineStr\"><is><t>类型</t></is></c>"))
        #expect(xml.contains("<c r=\"D2\"><v>2090.00</v></c>"))
        #expect(xml.contains("<c r=\"E2\" s=\"2\"><v>0.9721</v></c>"))
        // Column B holds 一般公共预算财政拨款收入: 24 columns wide, plus 2.
        #expect(xml.contains("<col min=\"2\" max=\"2\" width=\"26\" customWidth=\"1\"/>"))
    }

    @Test func moreThanFifteenSignificantDigitsAreWrittenAsText() throws {
        let renderer = XLSXRenderer()
        #expect(renderer.number("1234567890123.45", percent: false) == .number("1234567890123.45"))
        #expect(renderer.number("12345678901234.567", percent: false) == .text("12345678901234.567"))
        #expect(renderer.number("97.21", percent: true) == .percent("0.9721"))
        var table = Document.Table(headers: ["名称", "金额"])
        table.add([.text("甲"), .value(.money(try ExactDecimal(parsing: "123456789012345678"), .wan))])
        let bytes = try #require(renderer.render(Document([.table(table)])))
        let xml = try sheetXML(bytes)
        #expect(xml.contains("<c r=\"B2\" t=\"inlineStr\"><is><t>12345678901234.5678</t></is></c>"), "\(xml)")
        #expect(xml.contains("<t>金额（万元）</t>"))
    }

    @Test func compareAndTableExportToSheets() throws {
        let dir = try Scratch()
        let c = dir.url.appendingPathComponent("c.xlsx").path, t = dir.url.appendingPathComponent("t.xlsx").path
        _ = session(["load 示例 2021", "load 示例 2022", "export compare 示例2021, 示例2022 to \"\(c)\"",
                     "export table r in 0%..10% step 5% { 示例2022.总支出 * (1 - r) } to \"\(t)\""])
        let compare = try sheet(c)
        #expect(compare.rows.count > 5)
        let table = try sheet(t)
        #expect(cell(table, "A1") == "r（%）")
        #expect(cell(table, "B3") == "2042.50")
        #expect(cell(table, "A3") == "5%")
    }
}
