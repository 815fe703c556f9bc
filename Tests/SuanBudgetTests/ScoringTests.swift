import Foundation
import Testing
import SuanTestSupport
import SuanBudget
import SuanStdlib
@testable import SuanCore

/// A project with 预算 100万元, 执行 95万元 and three indicators: a ≥ target missed by 3.375%,
/// a ≤ target overshot by 30%, and a satisfaction target met.
let scoredYear = """
year 2024 {
  部门: "评分测试局"
  收入: { 拨款: 100万元 }
  基本支出: 0万元
  项目支出: 100万元
  项目: [
    project "测试项目" {
      预算: 100万元
      执行: 95万元
      指标: [
        indicator "服务件数" { 类别: 产出.数量, 目标: >= 8000件, 实际: 7730件, 分值: 50 },
        indicator "投诉件数" { 类别: 效益.社会效益, 目标: <= 10件, 实际: 13件, 分值: 30 },
        indicator "满意度" { 类别: 满意度.满意度, 目标: >= 90%, 实际: 95%, 分值: 10 }
      ]
    }
  ]
}
"""

@Suite struct ScoringTests {
    func loaded(_ session: Session = SessionHarness.chinese.session) throws -> SessionHarness {
        let dir = try Scratch()
        let path = try dir.write("2024.suan", scoredYear)
        var h = SessionHarness(session: session)
        #expect(h.run("load \"\(path)\"\nlet p = 项目[\"测试项目\"]\nlet i = p.指标") == .success, "\(h.rendered)")
        return h
    }

    @Test func theDoneMeansProjectScoresAsComputedByHand() throws {
        var h = try loaded()
        // 执行率 95% → 9.5; 7730/8000 × 50 = 48.3125 → 48.31; (1 − 3/10) × 30 = 21; 10 in full.
        #expect(h.value("执行率得分(p)") == "9.5")
        #expect(h.value("score(i[\"服务件数\"])") == "48.31")
        #expect(h.value("score(i[\"投诉件数\"])") == "21")
        #expect(h.value("score(i[\"满意度\"])") == "10")
        #expect(h.value("score(p)") == "88.81")
        #expect(h.value("grade(p)") == "良")
        #expect(h.value("得分(p) == score(p)") == "true")
        #expect(h.value("等级(p)") == "良")
    }

    /// A `== 0` target (or a 反向 outcome of 0) has no completion rate: —, not a division by zero,
    /// and the 自评表 of a project with one still shows (its ≥ 130% hint reads the rate).
    @Test func aZeroTargetHasNoCompletionRate() {
        var h = SessionHarness()
        #expect(h.value("completion(indicator \"x\" { 目标: == 0件, 实际: 0件, 分值: 10 })") == "—")
        #expect(h.value("completion(indicator \"x\" { 目标: <= 10件, 实际: 0件, 分值: 10 })") == "—")
        #expect(h.value("completion(indicator \"x\" { 目标: >= 10件, 实际: 5件, 分值: 10 })") == "50%")
        h.run("let p = project \"p\" { 预算: 10万元, 执行: 9万元, 指标: [indicator \"x\" { 目标: == 0件, 实际: 0件, 分值: 10 }] }")
        #expect(h.value("score(p)") == "19")
        h.run("explain score(p)")
        #expect(h.output.last?.contains("等于") == true, "\(h.output.last ?? "")")
    }

    @Test func scoreOfSomethingElseIsAnErrorNotADash() throws {
        var h = try loaded()
        // A list of projects, a number or a text is a mistake to show, at the user's call.
        #expect(h.errorID("score(项目)") == "failed")
        #expect(h.errorID("score(1)") == "failed")
        #expect(h.errorID("score(\"测试项目\")") == "failed")
        #expect(h.value("score(p)") == "88.81")
        // The grade bands are for a project's 100 points: an indicator (30 of 30) is no 差.
        #expect(h.errorID("grade(p.指标[0])") == "failed")
    }

    @Test func completionAndMet() throws {
        var h = try loaded()
        #expect(h.value("completion(i[\"服务件数\"])") == "96.63%")
        #expect(h.value("met(i[\"服务件数\"])") == "false")
        #expect(h.value("met(i[\"投诉件数\"])") == "false")
        #expect(h.value("met(i[\"满意度\"])") == "true")
    }

    @Test(arguments: [
        // (target, actual, points, expected score)
        (">= 100件", "130件", "10", "10"),          // capped at 分值
        (">= 100件", "50件", "10", "5"),
        ("<= 10件", "10件", "10", "10"),
        ("<= 10件", "20件", "10", "0"),              // 2 × target → 0
        ("<= 10件", "25件", "10", "0"),
        ("<= 10件", "15件", "20", "10"),
        ("<= 48件", "53件", "30", "26.88"),          // exactly 26.875: a tie, rounded up (divide last)
        ("== 0件", "0件", "10", "10"),               // a zero target scores full only at 实际 ≤ 0
        ("== 0件", "1件", "10", "0"),
        ("== 100%", "99%", "10", "9.9"),
        ("达成", "达成", "10", "10"),
        ("达成", "部分达成", "10", "7"),
        ("达成", "未达成", "10", "3"),
        (">= 3件", "1件", "10", "3.33"),             // rounded to 2 decimals, half away from zero
    ])
    func rules(_ target: String, _ actual: String, _ points: String, _ expected: String) {
        var h = SessionHarness()
        let text = "score(indicator \"x\" { 类别: 产出.数量, 目标: \(target), 实际: \(actual), 分值: \(points) })"
        #expect(h.value(text) == expected, "\(target) / \(actual)")
    }

    @Test func anExplicitQualitativeFractionIsUsed() {
        var h = SessionHarness()
        #expect(h.value("score(indicator \"x\" { 目标: 达成, 实际: 部分达成, 得分比例: 75%, 分值: 10 })") == "7.5")
    }

    @Test func explainPrintsTheSelfEvaluationTable() throws {
        var h = try loaded()
        h.run("explain score(p)")
        let table = h.output.last ?? ""
        #expect(table.contains("预算执行率"))
        #expect(table.contains("48.31"))
        #expect(table.contains("反向"))
        #expect(table.contains("等级 良"))
        // 分值 add up to 50 + 30 + 10 here? 产出 50, 效益 30, 满意度 10: no warning.
        #expect(!table.contains("应为"))
    }

    @Test func categoryPointsThatDoNotAddUpAreFlagged() {
        var h = SessionHarness.chinese
        h.run("let q = project \"q\" { 预算: 10万元, 执行: 10万元, 指标: [indicator \"a\" { 类别: 产出.数量, 目标: >= 1件, 实际: 1件, 分值: 40 }] }")
        h.run("explain score(q)")
        #expect(h.output.last?.contains("产出分值合计 40，应为 50") == true)
    }

    @Test func theSeedProjectsHaveUnknownScoresNotZero() {
        var h = SessionHarness()
        h.run("load 2022")
        #expect(h.value("score(项目[0])") == "—")
        #expect(h.value("score(项目[0].指标[\"提供各类法律服务\"])") == "—")
    }

    /// Policy lives in the Stdlib: an edited rules file changes the result, with no Swift change.
    @Test func editingTheStdlibRulesChangesScores() throws {
        let edited = StdlibFiles.all.map { file -> (name: String, text: String) in
            guard file.name.hasSuffix("scoring.suan") else { return file }
            var text = file.text
            text = text.replacingOccurrences(of: "let 反向得分 = 反向线性得分", with: "let 反向得分 = 反向比例得分")
            text = text.replacingOccurrences(of: "{下限: 90, 等级: \"优\"}, {下限: 80, 等级: \"良\"}, {下限: 60, 等级: \"中\"}",
                                             with: "{下限: 80, 等级: \"优\"}, {下限: 70, 等级: \"良\"}, {下限: 60, 等级: \"中\"}")
            return (file.name, text)
        }
        let session = Session(domain: BudgetDomain(), stdlib: edited)
        #expect(session.stdlibProblems.isEmpty)
        var h = try loaded(session)
        // 目标/实际 × 分值 = 10/13 × 30 = 23.08, so 9.5 + 48.31 + 23.08 + 10 = 90.89; the 80/70/60 bands make it 优.
        #expect(h.value("score(i[\"投诉件数\"])") == "23.08")
        #expect(h.value("score(p)") == "90.89")
        #expect(h.value("grade(p)") == "优")
    }
}
