import Testing
import SuanTestSupport
@testable import SuanCore

/// Issue 18, item 5: string interpolation `"{名称}: {预算}"` and `format(x, digits)`.
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

    /// A string inside `{…}` has its own quotes and escapes, as in Swift and Python 3.12.
    @Test func aStringInsideAnInsertedValue() {
        var h = SessionHarness()
        h.run("let x = 12345万元")
        #expect(h.value(#""总额 {format(x, "亿元")}""#) == "总额 1.23亿元")
        #expect(h.value(#""{"a\"b}"} {len([1, {a: "}"}])}""#) == "a\"b} 2")
        #expect(h.value(#"“{“内”}”"#) == "内")
        #expect(h.errorID(#""{x + "a"}""#) == "type-mismatch")
        h.run(#""总额 {x + "元"}""#)
        #expect(h.rendered.last?.contains("<expr>:1:10:") == true, "\(h.rendered.last ?? "")")
        #expect(h.errorID(#""{format(x, "亿元)}""#) == "lexical")
    }

    @Test func formatChoosesDecimalsOrAUnit() {
        var h = SessionHarness()
        #expect(h.value("format(3622.4万元, 1)") == "3,622.4万元")
        #expect(h.value("format(2433.84万元 / 3622.4万元, 1)") == "67.2%")
        #expect(h.value("format(1 / 3, 4)") == "0.3333")
        #expect(h.value("format(7730件, 0)") == "7,730件")
        #expect(h.value("format(3622.4万元, \"亿元\")") == "0.36亿元")
        #expect(h.value("format(0.672, \"%\")") == "67.2%")
        #expect(h.value("\"执行率 {format(97.2727%, 1)}\"") == "执行率 97.3%")
        #expect(h.errorID("format(1, 11)") == "type-mismatch")
        #expect(h.errorID("format(1万元, \"斤\")") == "type-mismatch")
        #expect(h.errorID("format(\"a\", 1)") == "type-mismatch")
        #expect(h.errorID("format(1件, \"万元\")") == "dimension-mismatch")
    }
}
