import Testing
import SuanTestSupport
import SuanCore

/// The year as one model: parts move totals, totals spread over parts, scenarios are validated like
/// loaded years, projects come and go, indicators get targets. Each quoted bug of the year-model
/// issue has a case here.
@Suite struct WholeYearTests {
    /// The training department in a Chinese session (the Stdlib's reasons are checked in Chinese).
    func training() -> SessionHarness {
        var h = SessionHarness.chinese
        h.run("load 示例 2022")
        return h
    }

    func warnings(_ h: SessionHarness) -> [DiagnosticID] {
        h.diagnostics.filter { $0.severity == .warning }.map(\.id)
    }

    @Test func aPartMovesItsTotals() {
        var h = training()
        h.run("scenario S from 示例2022 { 公用经费 -= 100万元 }")
        #expect(h.value("S.基本支出") == "1,600.00万元")
        #expect(h.value("S.总支出") == "2,050.00万元")
        #expect(h.value("S.基本支出 == 1600万元 and S.总支出 == 2050万元") == "true")
        // A goal over a part now has a solution: the change moves the total.
        #expect(h.value("solve x in 0万元..300万元 where (scenario from 示例2022 { 公用经费 -= x }).总支出 == 2000万元") == "150.00万元")
    }

    @Test func aTotalWithPartsSpreadsInProportionAndSaysSo() {
        var h = training()
        h.run("scenario S from 示例2022 { 基本支出 -= 5% }")
        #expect(h.value("S.人员经费") == "1,273.00万元")
        #expect(h.value("S.公用经费") == "342.00万元")
        #expect(h.value("S.人员经费 + S.公用经费 == S.基本支出") == "true")
        let note = h.diagnostics.first { $0.id == .spread }
        #expect(note?.severity == .note)
        #expect(note?.message.contains("人员经费 −67.00万元") == true)
        // 总支出 spreads over 基本支出 and 项目支出, and on down to the projects.
        h.run("scenario T from 示例2022 { 总支出 += 10% }")
        #expect(h.value("T.总支出") == "2,365.00万元")
        #expect(h.value("T.项目[\"人民调解补贴\"].预算") == "242.00万元")
        #expect(h.value("T.人员经费 + T.公用经费 == T.基本支出 and T.项目预算合计 == T.项目支出") == "true")
    }

    @Test func derivedLinesCannotBeSet() {
        var h = training()
        #expect(h.errorID("scenario S from 示例2022 { 收支差额 = 0万元 }") == "derived-line")
        #expect(h.errorID("scenario S from 示例2022 { 基本支出占比 = 50% }") == "derived-line")
    }

    @Test func aBudgetCutKeepsTheExecutionRate() {
        // Was: 执行率 120% and no word.
        var h = training()
        h.run("scenario S from 示例2022 { 项目[\"法治宣传教育\"].预算 -= 20万元 }")
        #expect(h.value("S.项目[\"法治宣传教育\"].执行率") == "93.33%")
        #expect(h.value("S.项目[\"法治宣传教育\"].基期执行") == "84.00万元")
        #expect(warnings(h).isEmpty)
        // Planning more execution than budget is a warning at the change.
        h.run("scenario T from 示例2022 { 项目[\"法治宣传教育\"].执行 = 100万元 }")
        #expect(warnings(h) == [.overExecution])
    }

    @Test func impossibleScenariosWarnAtTheUsersLine() {
        var h = training()
        let status = h.run("scenario S from 示例2022 {\n  基本支出 -= 3000万元\n}", name: "<expr:2>")
        #expect(status == .success)
        #expect(warnings(h).contains(.negativeAmount))
        let rendered = h.rendered.first { $0.contains("警告：") } ?? ""
        #expect(rendered.hasPrefix("<expr:2>:2:3: 警告："), "\(rendered)")
        // The session goes on.
        #expect(h.value("S.总支出") == "-850.00万元")
        // Coverage over 100% (was: show printed 自评覆盖率 103.48% silently).
        var seed = SessionHarness()
        seed.run("load 2022")
        seed.run("scenario s from y2022 { 基本支出 -= 5% }")
        #expect(warnings(seed) == [.overCoverage])
    }

    @Test func projectsCanBeAddedRemovedAndZeroed() {
        var h = training()
        h.run("scenario S from 示例2022 { 项目 += project \"新项目\" { 预算: 20万元, 执行: 0万元 } }")
        #expect(h.value("S.项目支出") == "470.00万元")
        h.run("compare 示例2022, S")
        #expect(h.diagnostics.allSatisfy { $0.severity != .error }, "\(h.rendered)")
        #expect(h.output.last?.contains("新项目 · 得分（S）：无绩效指标") == true)
        h.run("show 部门评分(S)")
        #expect(h.output.last?.contains("无绩效指标，无法评分") == true)

        h.run("scenario Z from 示例2022 { 项目[\"法治宣传教育\"].预算 = 0万元 }")
        h.run("compare 示例2022, Z")
        #expect(h.diagnostics.allSatisfy { $0.severity != .error }, "\(h.rendered)")
        #expect(h.output.last?.contains("预算为零") == true)
        h.run("show Z")
        #expect(h.diagnostics.allSatisfy { $0.severity != .error })

        h.run("scenario R from 示例2022 { 项目 -= \"法治宣传教育\" }")
        #expect(h.value("R.项目支出") == "360.00万元")
        #expect(h.value("len(R.项目)") == "2")
        #expect(h.errorID("scenario R2 from 示例2022 { 项目 -= \"不存在\" }") == "unknown-item")
    }

    @Test func indicatorsWithoutTargetsGetThem() {
        var h = SessionHarness()
        h.run("load 2022")
        let path = "项目[\"一村（社区）一法律顾问工作项目\"].指标[\"提供各类法律服务\"]"
        h.run("scenario T from y2022 { \(path).目标 = >= 8000件; \(path).分值 = 20 }")
        #expect(h.value("T.\(path).目标") == "≥ 8,000件")
        #expect(h.value("score(T.\(path))") == "19.33")
        h.run("compare y2022, T")
        #expect(h.output.last?.contains("提供各类法律服务 · 目标") == true)
        #expect(h.output.last?.contains("≥ 8,000件") == true)
    }

    @Test func aScenarioNamesItsRealBase() {
        var h = training()
        h.run("scenario D from 示例2022 { 公用经费 -= 10万元 }")
        h.run("show D")
        #expect(h.output.last?.contains("情景 D（基于 示例2022）") == true)
        #expect(h.output.last?.contains("基期执行") == true)
        #expect(h.output.last?.contains("预计规则：执行随预算") == true)
    }

    @Test func theYearIsAYear() {
        var h = SessionHarness()
        h.run("load 2022")
        #expect(h.value("y2022.年度") == "2022")
        #expect(h.value("y2022.年度 + 1") == "2023")
        #expect(h.value("y2022.年度 == 2022") == "true")
        h.run("show y2022")
        #expect(h.output.last?.hasPrefix("广州市海珠区司法局 2022年度") == true)
    }

    @Test func projectedCountsShowAsWholeNumbersAndDeltasAreExact() {
        var h = training()
        h.run("scenario 转移 from 示例2022 { 项目[\"社区法律顾问服务\"].预算 += 20万元 }")
        h.run("compare 示例2022, 转移")
        let table = h.output.last ?? ""
        #expect(table.contains("414宗"), "\(table)")
        #expect(!table.contains("+14.28%"), "\(table)")
        // The exact projection is kept.
        #expect(h.value("转移.项目[\"社区法律顾问服务\"].指标[\"化解矛盾纠纷\"].预计 > 413.7宗") == "true")
    }
}
