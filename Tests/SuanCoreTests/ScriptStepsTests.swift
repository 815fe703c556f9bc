import Testing
@testable import SuanCore

/// How `suan --step` cuts a script: statements with the comments above them.
@Suite struct ScriptStepsTests {
    @Test func eachStatementCarriesTheCommentsAboveIt() throws {
        let text = "# intro\n\n# ## 概况\nlet a = 1   # one\n(a +\n  2)\n# 合计\na\n# the end\n"
        let steps = try ScriptSteps(SourceFile(name: "t.suan", text: text)).steps
        #expect(steps.count == 4)
        #expect(steps[0].comments == ["# intro", "# ## 概况"])
        #expect(steps[0].lines == ["let a = 1   # one"] && steps[0].label == nil)
        #expect(steps[1].comments.isEmpty && steps[1].lines == ["(a +", "  2)"] && steps[1].label == "(a + 2)")
        #expect(steps[2].comments == ["# 合计"] && steps[2].label == "a")
        #expect(steps[3].comments == ["# the end"] && steps[3].lines.isEmpty && steps[3].runnable.isEmpty)
    }

    /// A step runs in the script's coordinates: its statement sits on its own line and column.
    @Test func aStepKeepsItsLineAndColumn() throws {
        let text = "let a = 1\n  a + 1\n"
        let step = try ScriptSteps(SourceFile(name: "t.suan", text: text)).steps[1]
        #expect(step.runnable == "         \n  a + 1")
        let source = SourceFile(name: "t.suan", text: step.runnable)
        #expect(source.line(2) == "  a + 1")
    }

    @Test(arguments: [
        ("# ## 概况", "概况", 2), ("# # 一级", "一级", 1), ("  #   ### 细节  ", "细节", 3),
    ])
    func headingsAreMarkedComments(_ comment: String, _ text: String, _ level: Int) {
        let h = ScriptSteps.heading(comment)
        #expect(h?.text == text && h?.level == level)
    }

    @Test func ordinaryCommentsAreNotHeadings() {
        for comment in ["# 说明", "## 说明", "# #说明", "# ##", "#"] { #expect(ScriptSteps.heading(comment) == nil, "\(comment)") }
    }

    @Test func aScriptThatDoesNotParseIsItsDiagnostic() {
        #expect(throws: Diagnostic.self) { try ScriptSteps(SourceFile(name: "t.suan", text: "let = 1\n")) }
    }
}
