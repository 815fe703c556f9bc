import Testing
import SuanTestSupport
@testable import SuanCore

/// A scenario built where warnings are muted (`count`, `solve`: no problems worked out, derived lines
/// refreshed only when a change reads them) is the same year as one built with every warning.
@Suite struct ScenarioMutedTests {
    static let changes = [
        "基本支出 -= 5%",
        "基本支出 -= 100万元; 总支出 += 10万元",
        "项目支出 += 50万元; 总支出 -= 1%; 基本支出 -= 3万元",
        "收入.一般公共预算财政拨款收入 += 100万元; 总收入 -= 10万元",
        "基本支出 -= 3000万元; 项目支出 += 0.005万元",
    ]

    static let exampleChanges = [
        "项目[\"社区法律顾问服务\"].预算 += 14万元; 项目支出 -= 2万元",
        "项目支出 += 20万元; 项目[\"人民调解补贴\"].指标[\"调解案件\"].目标 = >= 4000宗",
        "项目 += project \"新项目\" { 预算: 10万元, 执行: 0万元 }; 总支出 += 1%",
    ]

    func check(_ base: String, _ load: String, _ changes: [String]) {
        var h = SessionHarness()
        h.run(load)
        for change in changes {
            h.run("let warned = text(scenario from \(base) { \(change) })")
            #expect(h.value("count k in 1..1 step 1 where text(scenario from \(base) { \(change) }) == warned") == "1", "\(change)")
        }
    }

    @Test func mutedAndWarnedScenariosAreTheSameYear() {
        check("y2022", "load 2022", Self.changes)
        check("示例2022", "load 示例 2022", Self.exampleChanges)
    }
}
