import Foundation
import Testing
import SuanTestSupport
@testable import SuanBudget
@testable import SuanCore

/// The official 自评表 layouts, read through a session.
@Suite struct CSVFormImportTests {
    func load(_ csv: String) throws -> SessionHarness {
        let dir = try Scratch()
        var h = SessionHarness()
        h.run("load \"\(try dir.write("t.csv", csv))\" as t")
        return h
    }

    @Test func amountsOnTheFirstIndicatorsRowAreKept() throws {
        var h = try load("项目名称,全年预算数,全年执行数,三级指标,年度指标值\n甲,1188.56,100,件数,≥5件\n,,,人数,≥3人\n")
        #expect(h.diagnostics.isEmpty, "\(h.rendered)")
        #expect(h.value("t.项目[\"甲\"].预算") == "1,188.56万元")
        #expect(h.value("t.项目[\"甲\"].执行") == "100.00万元")
        #expect(h.value("t.项目[\"甲\"].指标[\"人数\"].目标") == "≥ 3人")
    }

    @Test func aRepeatedProjectNameContinuesTheProject() throws {
        var h = try load("项目名称,全年预算数,三级指标\n甲,10,a\n甲,10,b\n乙,5,c\n")
        #expect(h.diagnostics.isEmpty, "\(h.rendered)")
        #expect(h.value("len(t.项目)") == "2")
        #expect(h.value("len(t.项目[\"甲\"].指标)") == "2")
    }

    @Test func 年初预算IsTheBudgetOnlyWithoutAnother() throws {
        var alone = try load("项目名称,年初预算\n甲,80\n")
        #expect(alone.value("t.项目[\"甲\"].预算") == "80.00万元")
        var both = try load("项目名称,年初预算数,全年预算数\n甲,80,90\n")
        #expect(both.value("t.项目[\"甲\"].预算") == "90.00万元")
        #expect(both.value("t.项目[\"甲\"].年初预算") == "80.00万元")
    }

    @Test func relationAndUnitColumnsMakeTargets() throws {
        var h = try load("项目名称,三级指标,指标性质,年度指标值,度量单位,实际完成值\n甲,时间,小于等于,2,天,1\n,比例,=,100,%,100%\n,质量,定性,达成,,达成\n")
        #expect(h.diagnostics.isEmpty, "\(h.rendered)")
        #expect(h.value("t.项目[\"甲\"].指标[\"时间\"].目标") == "≤ 2天")
        #expect(h.value("t.项目[\"甲\"].指标[\"时间\"].实际") == "1天")
        #expect(h.value("t.项目[\"甲\"].指标[\"比例\"].目标") == "== 100%")
        #expect(h.value("t.项目[\"甲\"].指标[\"质量\"].实际") == "达成")
    }

    @Test func amountsInYuanByHeaderOrHint() throws {
        var byHeader = try load("项目名称,全年预算数(元)\n甲,\"1,000,000\"\n")
        #expect(byHeader.value("t.项目[\"甲\"].预算") == "100.00万元")
        var byHint = try load("金额单位：元,\n项目名称,全年预算数\n甲,50000\n")
        #expect(byHint.value("t.项目[\"甲\"].预算") == "5.00万元")
    }

    @Test func aTableOfProjectsHasUnknownIncome() throws {
        var h = try load("项目名称,全年预算数\n甲,10\n")
        #expect(h.value("t.总收入") == "—")
        #expect(h.value("t.基本支出") == "—")
    }

    @Test func overExecutionIsAWarningSummedUpAfterFive() throws {
        var csv = "项目名称,全年预算数,全年执行数\n"
        for i in 0..<8 { csv += "p\(i),10,11\n" }
        var h = try load(csv)
        #expect(h.value("len(t.项目)") == "8")
        #expect(h.diagnostics.map(\.id) == Array(repeating: .overExecution, count: 6))
        #expect(h.diagnostics.allSatisfy { $0.severity == .warning })
        #expect(h.diagnostics.last?.message == "… and 3 more projects executed more than their budget")
    }

    @Test(arguments: [
        "项目名称,指标性质,三级指标\n甲,约等于,x\n",
        "项目名称,三级指标,分值\n甲,x,二十\n",
        "项目名称,三级指标,随预算\n甲,x,也许\n",
        "项目名称,全年预算数\na\u{0}b,1\n",
    ])
    func badCellsArePositionedErrors(_ csv: String) throws {
        let h = try load(csv)
        #expect(h.diagnostics.first?.id == .csv, "\(h.rendered)")
        #expect(h.rendered.first?.contains("t.csv:2:") == true, "\(h.rendered)")
    }
}
