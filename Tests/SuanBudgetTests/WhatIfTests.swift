import Testing
import SuanTestSupport
@testable import SuanCore

@Suite struct WhatIfTests {
    func loaded() -> SessionHarness {
        var h = SessionHarness()
        h.run("load 2022")
        return h
    }

    @Test func theDoneMeansFiguresOnTheBundledYear() {
        var h = loaded()
        h.run("scenario s from y2022 { 基本支出 -= 5% }")
        #expect(h.value("s.总支出") == "3,500.71万元")
        #expect(h.value("s.总支出 == 3500.708万元") == "true")
        #expect(h.value("s.项目支出占比") == "33.95%")
        #expect(h.value("round(solve x in 0万元..1000万元 where (项目支出 + x) / (总支出 + x) == 35%, 0.01万元)") == "121.97万元")
        h.run("table r in 0%..10% step 5% { 总支出 + r }")
        let table = h.output.joined(separator: "\n")
        for figure in ["3,622.40万元", "3,803.52万元", "3,984.64万元"] { #expect(table.contains(figure)) }
    }

    @Test func scenariosNeverChangeTheirBaseAndChain() {
        var h = loaded()
        h.run("scenario a from y2022 { 基本支出 -= 100万元 }")
        h.run("scenario b from a { 项目支出 += 50万元 }")
        #expect(h.value("y2022.基本支出") == "2,433.84万元")
        #expect(h.value("a.项目支出") == "1,188.56万元")
        #expect(h.value("b.总支出") == "3,572.40万元")
        #expect(h.value("b.收支差额") == "50.00万元")
        #expect(h.value("b.基于") == "a")
    }

    @Test func changesByAmountSetAndScale() {
        var h = loaded()
        #expect(h.value("(scenario from y2022 { 基本支出 = 2300万元 }).总支出") == "3,488.56万元")
        #expect(h.value("(scenario from y2022 { 基本支出 *= 2 }).基本支出") == "4,867.68万元")
        #expect(h.value("(scenario from y2022 { 收入.一般公共预算财政拨款收入 += 100万元 }).收支差额") == "100.00万元")
    }

    @Test func projectBudgetsFlowIntoProjectSpendingAndOutputsFollow() {
        var h = SessionHarness()
        h.run("load 示例 2022")
        h.run("scenario s from 示例2022 { 项目[\"社区法律顾问服务\"].预算 += 14万元 }")
        #expect(h.value("s.项目支出") == "464.00万元")
        #expect(h.value("s.项目[\"社区法律顾问服务\"].指标[\"提供法律服务\"].预计") == "6,622件")
        h.run("scenario t from 示例2022 { 项目 += project \"新项目\" { 预算: 10万元, 执行: 0万元 } }")
        #expect(h.value("t.项目支出") == "460.00万元")
        h.run("scenario u from 示例2022 { 项目[\"人民调解补贴\"].指标[\"调解案件\"].目标 = >= 4000宗 }")
        #expect(h.value("score(u.项目[\"人民调解补贴\"]) < score(项目[\"人民调解补贴\"])") == "true")
    }

    @Test func solveWorksOnScenarioResultsAndBoundaries() {
        var h = loaded()
        #expect(h.value("solve x in 0%..20% where (scenario from y2022 { 基本支出 -= x }).总支出 == 3500万元") == "5.03%")
        #expect(h.value("solve x in 0万元..1000万元 where 项目支出 + x <= 1200万元") == "11.44万元")
        #expect(h.value("solve x in 0万元..1000万元 where 项目支出 + x >= 1200万元") == "11.44万元")
    }

    @Test func errorPaths() {
        var h = loaded()
        #expect(h.errorID("solve x in 0万元..10万元 where 总支出 + x == 1万元") == "no-solution")
        #expect(h.rendered.last?.contains("at 0.00万元 the left side is 3,622.40万元") == true)
        #expect(h.errorID("scenario s from y2022 { 公用经费 -= 5% }") == "unknown-line")
        #expect(h.errorID("scenario s from y2022 { 基本支出 += 3件 }") == "dimension-mismatch")
        #expect(h.errorID("scenario s from y2022 { 项目[\"不存在\"].预算 += 1万元 }") == "unknown-item")
        #expect(h.errorID("scenario s from 5 { 基本支出 -= 5% }") == "type-mismatch")
        #expect(h.errorID("table r in 0%..10% step 0% { r }") == "invalid-step")
        #expect(h.errorID("table r in 0%..10% step 1万元 { r }") == "dimension-mismatch")
        #expect(h.errorID("compare y2022, 5") == "type-mismatch")
    }

    @Test func compareShowsDeltasSharesInPointsAndFolds() {
        var h = loaded()
        h.run("scenario s from y2022 { 基本支出 -= 5% }")
        h.run("compare y2022, s")
        let table = h.output.last ?? ""
        #expect(table.contains("-121.69万元"))
        #expect(table.contains("+1.14个百分点"))
        #expect(table.contains("收支差额"))
        h.run("compare y2022, s only 总支出")
        #expect(h.output.last?.split(separator: "\n").count == 3)
    }

    @Test func twoVariableTablesAreGrids() {
        var h = loaded()
        h.run("table a in 0%..10% step 5%, b in 0%..10% step 5% { round((项目支出 + b) / (基本支出 - a + (项目支出 + b)), 0.01%) }")
        let grid = h.output.joined(separator: "\n")
        #expect(grid.contains("a \\ b"))
        #expect(grid.contains("37.38%"))
    }

    /// The numeric fast path and the general path agree (`not (x < y)` takes the general one).
    /// Scenarios from one base share its preparation (its lines found, its projects derived once):
    /// built in turn from two bases, again from the same one, with and without changes to projects
    /// and from a scenario, each prints exactly as it does in a session of its own.
    @Test func scenariosFromOneBasePrintAsInAFreshSession() {
        let setup = "load 2022\nload 示例 2022"
        let scenarios = [
            "(scenario from 示例2022 { 基本支出 -= 1万元 })",
            "(scenario from y2022 { 项目支出 += 1万元; 基本支出 -= 2万元 })",
            "(scenario from 示例2022 { 项目支出 -= 5% })",
            "(scenario from 示例2022 { 基本支出 -= 1万元 })",
            "(scenario from 示例2022 { 项目[\"社区法律顾问服务\"].预算 += 10万元 })",
            "(scenario from 示例2022 { 总支出 += 3% })",
            "(scenario from (scenario from 示例2022 { 项目支出 -= 5% }) { 基本支出 -= 2万元 })",
            "(scenario from y2022 { })",
        ]
        var shared = SessionHarness()
        shared.run(setup)
        for scenario in scenarios {
            var fresh = SessionHarness()
            fresh.run(setup)
            let expected = fresh.value(scenario)
            #expect(!expected.hasPrefix("FAILED"), "\(scenario): \(expected)")
            #expect(shared.value(scenario) == expected, "\(scenario)")
        }
    }

    @Test func countAgreesWithThePeerAndTheGeneralPath() {
        var h = loaded()
        let share = "(项目支出 + b) / (基本支出 - a + (项目支出 + b))"
        // 5131 is what Python's decimal counts on the same 100 × 100 grid.
        #expect(h.value("count a in 0%..9.9% step 0.1%, b in 0%..9.9% step 0.1% where \(share) >= 35%") == "5131")
        #expect(h.value("count a in 0%..9.9% step 0.1%, b in 0%..9.9% step 0.1% where not (\(share) < 35%)") == "5131")
        // A comparison that meets an unknown figure falls back to the general path: unknown.
        h.run("let p = 项目[0].预算")
        #expect(h.value("count a in 0%..1% step 1% where p * a >= 1万元") == "—")
    }

    /// A part written more than once in a grid condition is computed once per cell (NumericProgram);
    /// the count is the general path's, for a part repeated three times, on both sides, and for more
    /// repeated parts than the program keeps.
    @Test func repeatedPartsOfAGridConditionCountAsTheGeneralPath() {
        var h = loaded()
        let grid = "count a in 0%..9.9% step 0.3%, b in 0%..9.9% step 0.3% where"
        let conditions = [
            "(项目支出 + b) / (基本支出 - a + (项目支出 + b)) + (项目支出 + b) / (基本支出 - a) >= 85%",
            "(项目支出 + b) / (基本支出 - a) >= (基本支出 - a) / (项目支出 + b) * 25%",
            "(项目支出 + b) + (基本支出 - a) + (项目支出 - b) + (基本支出 + a) + (项目支出 + a) + (基本支出 + b) + (项目支出 + b) + (基本支出 - a) + (项目支出 - b) + (基本支出 + a) + (项目支出 + a) + (基本支出 + b) >= 22100万元",
        ]
        for condition in conditions {
            let fast = h.value("\(grid) \(condition)")
            let general = h.value("\(grid) not (\(condition.replacingOccurrences(of: ">=", with: "<")))")
            #expect(fast == general, "\(condition)")
            #expect(fast != "0" && fast != "1156", "\(condition): \(fast) cells is no test")
        }
    }

    /// A grid condition with a quotient is compared as dividing rounds the quotient, though most
    /// cells are decided by multiplying (NumericComparison): the counts are the general path's for
    /// every operator, with the quotient on either side, on the sweep, on exact ties (p/(p+q) is
    /// 35% exactly where 13p = 7q) and on 2/3, which rounds up to the bound …667 above it.
    @Test func quotientConditionsOfAGridCountAsTheGeneralPath() {
        var h = loaded()
        h.run("fn id(x) = x")
        let mirrored = [">=": "<=", ">": "<", "==": "==", "!=": "!=", "<": ">", "<=": ">="]
        let grids = [
            ("count a in 0%..9.9% step 0.1%, b in 0%..9.9% step 0.1% where", "(项目支出 + b) / (基本支出 - a + (项目支出 + b))", "35%", ">=", "5131"),
            ("count p in 1万元..70万元 step 1万元, q in 1万元..130万元 step 1万元 where", "p / (p + q)", "35%", "==", "10"),
            ("count k in 1..30 step 1, m in 1..3 step 1 where", "(2 * k) / (3 * k * m)", "0.6666666666666666666666666666666666667", "==", "30"),
        ]
        for (grid, quotient, bound, witnessOp, witness) in grids {
            for (op, mirror) in mirrored {
                let general = h.value("\(grid) id(\(quotient)) \(op) \(bound)")
                #expect(h.value("\(grid) \(quotient) \(op) \(bound)") == general, "\(quotient) \(op) \(bound)")
                #expect(h.value("\(grid) \(bound) \(mirror) \(quotient)") == general, "\(bound) \(mirror) \(quotient)")
            }
            // The cells at or past the bound: the sweep's answer, the ties, the rounded 2/3.
            #expect(h.value("\(grid) \(quotient) \(witnessOp) \(bound)") == witness, "\(quotient)")
        }
    }

    /// A grid's numeric condition reads the inner variable as a bare number; a cell it cannot
    /// test goes to the general code with the variable in its slot: a division by zero in the
    /// middle of a row (the error is the general code's), an unknown figure at every cell, a year
    /// axis (no bare number), and an inner variable the condition does not read.
    @Test func cellsThatFallBackSeeTheirInnerVariable() {
        var h = loaded()
        #expect(h.errorID("count a in 1..2 step 1, b in 1..5 step 1 where b * 1万元 / (b - 3) >= a * 1万元") == "division-by-zero")
        #expect(h.rendered.last?.contains("b * 1万元 / (b - 3)") == true, "\(h.rendered.last ?? "")")
        #expect(h.value("count a in 1..2 step 1, b in 1..5 step 1 where b * 1万元 / (b - 2.5) >= a * 1万元") == "6")
        h.run("let p = 项目[0].预算")
        #expect(h.value("count a in 1..2 step 1, b in 1..5 step 1 where p * b >= a * 1万元") == "—")
        #expect(h.value("count a in 0..1 step 1, y in 2020..2022 step 1 where y / 2 >= 1010 + a") == "4")
        #expect(h.value("count a in 1..3 step 1, b in 1..5 step 1 where a / 3 >= 0.5") == "10")
    }

    @Test func chartsUseBlocksOrASCII() {
        var h = loaded()
        h.run("chart y2022")
        #expect(h.output.last?.contains("████") == true)
        h.session.settings.unicode = false
        h.run("chart {甲: 1万元, 乙: 2万元}")
        #expect(h.output.last == "甲 |#################### 1.00万元\n乙 |######################################## 2.00万元")
    }

    /// A chart of several years looks each project up by name in each year: names in the order they
    /// first appear, the first project of a name where two share it, a gap where a year lacks one.
    @Test func chartsFindEachYearsProjectByName() {
        var h = SessionHarness()
        h.session.settings.unicode = false
        h.run("let a = year 2030 { 基本支出: 1万元, 项目支出: 3万元, 项目: [project \"甲\" {预算: 1万元}, project \"乙\" {预算: 2万元}, project \"甲\" {预算: 9万元}] }")
        h.run("let b = year 2031 { 基本支出: 1万元, 项目支出: 9万元, 项目: [project \"丙\" {预算: 4万元}, project \"乙\" {预算: 5万元}] }")
        h.run("chart a, b")
        let bars = (h.output.last ?? "").split(separator: "\n").filter { $0.hasPrefix("  ") }
        #expect(bars == ["  甲 · a     |##### 1.00万元", "  甲 · b     | —",
                         "  乙 · a     |######### 2.00万元", "  乙 · b     |###################### 5.00万元",
                         "  丙 · a     | —", "  丙 · b     |################## 4.00万元"])
    }

    @Test func estimatesFromHistoryShowTheirBasis() {
        var h = SessionHarness()
        h.run("load 示例 2020\nload 示例 2021\nload 示例 2022\nlet ys = [示例2020, 示例2021, 示例2022]")
        h.run("let e = estimate(ys, \"社区法律顾问服务\", \"提供法律服务\", 6500件)")
        #expect(h.value("e.平均法") == "130.00万元")
        #expect(h.value("e.趋势法") == "150.00万元")
        #expect(h.value("e.单位成本") == "222.13元/件")
        #expect(h.value("e.单位成本法") == "144.38万元")
        #expect(h.value("e.差距") == "20.00万元")
        h.run("explain estimate(ys, \"社区法律顾问服务\", \"提供法律服务\", 6500件)")
        #expect(h.output.last?.contains("219.23元/件") == true)
    }
}
