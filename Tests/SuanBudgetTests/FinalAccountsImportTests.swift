import Foundation
import Testing
import SuanTestSupport
@testable import SuanBudget
@testable import SuanCore

/// The 部门决算 tables read from a workbook, recognised by their headers wherever they stand.
@Suite struct FinalAccountsImportTests {
    typealias X = XLSXFixture

    func load(_ sheets: [(name: String, body: String)], into harness: SessionHarness = SessionHarness()) throws -> SessionHarness {
        let dir = try Scratch()
        var h = harness
        h.run("load \"\(try dir.write("d.xlsx", bytes: try XLSXFixture(sheets: sheets).bytes()))\" as d")
        return h
    }

    static func row(_ number: Int, _ cells: [(String, String)]) -> String {
        "<row r=\"\(number)\">" + cells.map { column, text in
            let reference = "\(column)\(number)"
            return Double(text) != nil ? X.number(reference, text) : X.text(reference, text)
        }.joined() + "</row>"
    }

    /// 收入支出决算总表 moved one column right and down, without 行次, 决算数 for 金额, in 元.
    var summary: (name: String, body: String) {
        X.sheet("总表", [
            Self.row(2, [("B", "收入支出决算总表")]),
            Self.row(3, [("B", "编制单位：测试区司法局"), ("F", "单位：元")]),
            Self.row(5, [("B", "项目"), ("C", "决算数"), ("D", "项目"), ("E", "决算数")]),
            Self.row(6, [("B", "（一）一般公共预算财政拨款收入"), ("C", "9500000"), ("D", "基本支出"), ("E", "7000000")]),
            Self.row(7, [("B", "（二）其他收入"), ("C", "500000"), ("D", "项目支出"), ("E", "3000000")]),
            Self.row(8, [("B", "（三）事业收入"), ("C", "0")]),
            Self.row(9, [("B", "本年收入合计"), ("C", "10000000"), ("D", "本年支出合计"), ("E", "10000000")]),
            Self.row(10, [("B", "年初结转和结余"), ("C", "300000")]),
        ].joined())
    }

    /// 支出决算表 with 基本支出 over 小计, 人员经费 and 公用经费.
    func expenditure(total: String = "1000") -> (name: String, body: String) {
        X.sheet("支出", [
            Self.row(1, [("A", "支出决算表")]),
            Self.row(2, [("A", "金额单位：万元")]),
            Self.row(3, [("A", "科目名称"), ("B", "本年支出合计"), ("C", "基本支出"), ("F", "项目支出")]),
            Self.row(4, [("C", "小计"), ("D", "人员经费"), ("E", "公用经费")]),
            Self.row(5, [("A", "合计"), ("B", total), ("C", "700"), ("D", "560"), ("E", "140"), ("F", "300")]),
        ].joined(), after: "<mergeCells count=\"1\"><mergeCell ref=\"C3:E3\"/></mergeCells>")
    }

    @Test func theSummaryTableIsReadByItsHeaders() throws {
        var h = try load([summary])
        #expect(h.diagnostics.isEmpty, "\(h.rendered)")
        #expect(h.value("d.收入") == "{一般公共预算财政拨款收入: 950.00万元, 其他收入: 50.00万元}")
        #expect(h.value("d.总收入") == "1,000.00万元")
        #expect(h.value("d.基本支出") == "700.00万元")
        #expect(h.value("d.项目支出") == "300.00万元")
        #expect(h.value("d.部门") == "测试区司法局")
        #expect(h.value("len(d.项目)") == "0")
    }

    @Test func theExpenditureTableGivesBasicSpendingAndItsParts() throws {
        var h = try load([expenditure()])
        #expect(h.diagnostics.isEmpty, "\(h.rendered)")
        #expect(h.value("d.基本支出") == "700.00万元")
        #expect(h.value("d.人员经费") == "560.00万元")
        #expect(h.value("d.公用经费") == "140.00万元")
        #expect(h.value("d.项目支出") == "300.00万元")
        #expect(h.value("d.总支出") == "1,000.00万元")
    }

    /// The declared 本年支出合计 of the second sheet disagrees with its parts: the error is at that
    /// sheet's cell, not at the first sheet's text.
    @Test func aTotalThatDisagreesIsAnErrorAtItsCellInItsSheet() throws {
        let h = try load([X.sheet("封面", Self.row(1, [("A", "说明")])), X.sheet("目录", Self.row(1, [("A", "目录")])), expenditure(total: "1100")])
        #expect(h.diagnostics.first?.id == .totalMismatch, "\(h.rendered)")
        #expect(h.rendered.first?.contains("/d.xlsx[支出]!B5: error: 总支出 is declared as 1,100.00万元") == true, "\(h.rendered)")
        #expect(h.rendered.first?.contains(" 5 | 合计,1100,700,560,140,300\n") == true, "\(h.rendered)")
    }

    /// Two 决算 tables that give different totals: an error at the later one's cell.
    @Test func twoTablesWithDifferentTotalsAreAnError() throws {
        let h = try load([summary, expenditure(total: "1100")])
        #expect(h.diagnostics.first?.id == .totalMismatch, "\(h.rendered)")
        #expect(h.rendered.first?.contains("/d.xlsx[支出]!B5: error: 总支出 is 1,100.00万元 here, but 1,000.00万元 on an earlier sheet") == true, "\(h.rendered)")
    }

    @Test func aBadAmountInADecisionTableIsAtItsCell() throws {
        var sheet = summary
        sheet.body = sheet.body.replacingOccurrences(of: X.number("C7", "500000"), with: X.text("C7", "五十万"))
        let h = try load([sheet])
        #expect(h.diagnostics.first?.id == .xlsx, "\(h.rendered)")
        #expect(h.rendered.first?.contains("/d.xlsx[总表]!C7: error: '五十万' is not an amount") == true, "\(h.rendered)")
    }

    @Test func anUnrecognisedWorkbookNamesTheDecisionTablesHeaders() throws {
        let sheets = [X.sheet("Sheet1", Self.row(1, [("A", "科目"), ("B", "金额")]) + Self.row(2, [("A", "甲"), ("B", "1")]))]
        let h = try load(sheets)
        #expect(h.diagnostics.first?.id == .xlsx, "\(h.rendered)")
        #expect(h.diagnostics.first?.notes.contains { $0.description.contains("本年收入合计") } == true, "\(h.rendered)")
        let zh = try load(sheets, into: .chinese)
        #expect(zh.rendered.first?.contains("提示：部门决算表须有“项目 … 金额”表头") == true, "\(zh.rendered)")
    }
}
