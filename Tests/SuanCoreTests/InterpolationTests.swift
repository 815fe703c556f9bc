import Testing
import SuanTestSupport
@testable import SuanCore

/// Issue 18, item 5 (part): string interpolation `"{名称}: {预算}"`.
@Suite struct InterpolationTests {
    @Test func valuesShowAsTextShowsThem() {
        var h = SessionHarness()
        h.run("load 示例 2022")
        h.run("let p = 项目[0]")
        #expect(h.value("\"{p.名称}: {p.预算}\"") == "社区法律顾问服务: 140.00万元")
        #expect(h.value("join(map(项目, fn(p) = \"{p.名称} {p.执行率}\"), \"；\")")
                == "社区法律顾问服务 97.14%；人民调解补贴 97.27%；法治宣传教育 93.33%")
        #expect(h.value("\"{1 + 2} {[1, 2]} {{a: 1}.a}\"") == "3 [1, 2] 1")
        #expect(h.value("“{1}”") == "1")
        #expect(h.value("\"a \\{b\\}\"") == "a {b}")
        #expect(h.value("\"plain\"") == "plain")
    }

    @Test func problemsInsideArePositionedErrors() {
        var h = SessionHarness()
        #expect(h.errorID("\"{}\"") == "syntax")
        #expect(h.errorID("\"{1 +}\"") == "syntax")
        #expect(h.errorID("\"{1 2}\"") == "syntax")
        #expect(h.errorID("\"{abc\"") == "lexical")
        #expect(h.errorID("\"{nope}\"") == "unknown-name")
        #expect(h.errorID("\"{1万元 + 1件}\"") == "dimension-mismatch")
        h.run("\"x {1万元 + 1件}\"")
        #expect(h.rendered.last?.contains("<expr>:1:5:") == true, "\(h.rendered.last ?? "")")
    }
}
