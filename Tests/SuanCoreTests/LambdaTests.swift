import Testing
import SuanTestSupport
@testable import SuanCore

/// Issue 18, item 1: anonymous functions `fn(x) = expr`, closures by value, checked before running.
@Suite struct LambdaTests {
    @Test func anonymousFunctionsAreValues() {
        var h = SessionHarness()
        #expect(h.value("map([1, 2, 3], fn(x) = x * 2)") == "[2, 4, 6]")
        #expect(h.value("filter([1, 5, 9], fn(x) = x > 3)") == "[5, 9]")
        #expect(h.value("(fn(a, b) = a + b)(1, 2)") == "3")
        #expect(h.value("fn(x, y) = x") == "fn(x, y)")
        h.run("let f = fn(x, y) = x * y")
        #expect(h.value("f(2万元, 3)") == "6.00万元")
        #expect(h.value("map([], fn(x) = x)") == "[]")
    }

    @Test func closuresCaptureLocalsByValue() {
        var h = SessionHarness()
        h.run("fn adder(n) = fn(x) = x + n")
        h.run("let add3 = adder(3)")
        h.run("let add5 = adder(5)")
        #expect(h.value("[add3(1), add5(1)]") == "[4, 6]")
        h.run("fn scale(xs, k) = map(xs, fn(x) = x * k)")
        #expect(h.value("scale([1万元, 2万元], 2)") == "[2.00万元, 4.00万元]")
        // Nested anonymous functions capture through each other.
        h.run("fn f(a) = map([1, 2], fn(x) = map([10], fn(y) = x + y + a))")
        #expect(h.value("f(100)") == "[[111], [112]]")
        // A table's variable is a local too.
        h.run("table r in 0..1 step 1 { map([1], fn(x) = x + r) }")
        #expect(h.output.last?.contains("[2]") == true)
    }

    /// `filter` whose function answers unknown for an item says so, and which item.
    @Test func aFilterThatAnswersUnknownSaysSo() {
        var h = SessionHarness()
        #expect(h.errorID("filter([1, 2], fn(x) = if x > 1 then unknown else true)") == "unknown-condition")
        #expect(h.errorID("filter([1, 2], fn(x) = 5)") == "type-mismatch")
    }

    /// An error climbing out of a recursion of `map`s keeps a few notes, not one per level: the
    /// same note is not repeated, and past six the outermost (the user's own map) takes the last.
    @Test func notesOfNestedWorkStayFew() {
        var h = SessionHarness()
        h.run("fn k(n) = if n <= 0 then 1/0 else map([1], fn(x) = k(n - 1) + x)[0]")
        h.run("k(150)")
        #expect(h.diagnostics.last?.notes.count == 1, "\(h.diagnostics.last?.notes ?? [])")
        h.run("fn d(n) = if n <= 0 then 1/0 else sum(map(range(0, n + 1), fn(x) = if x == n then d(n - 1) else 0))")
        h.run("d(10)")
        let notes = h.diagnostics.last?.notes.map(\.description) ?? []
        #expect(notes.count == Interpreter.keptNotes, "\(notes)")
        #expect(notes.first?.contains("index 1 ") == true && notes.last?.contains("index 10 ") == true, "\(notes)")
    }

    @Test func dimensionErrorsAreFoundBeforeRunning() {
        var h = SessionHarness()
        #expect(h.errorID("map([1万元], fn(x) = x + 1件)") == "dimension-mismatch")
        #expect(h.errorID("filter([1万元], fn(x) = x > 5件)") == "dimension-mismatch")
        #expect(h.errorID("(fn(x) = x + 1件)(3万元)") == "dimension-mismatch")
        h.run("let g = fn(x) = x + 1件")
        #expect(h.errorID("g(3万元)") == "dimension-mismatch")
        #expect(h.errorID("filter([1, 2], fn(x) = x + 1)") == "type-mismatch")
        // Nothing ran: a script with the error prints nothing before it.
        let before = h.output.count
        #expect(h.errorID("print 1\nmap([1万元], fn(x) = x + 1件)") == "dimension-mismatch")
        #expect(h.output.count == before)
    }

    @Test func malformedAnonymousFunctionsArePositionedErrors() {
        var h = SessionHarness()
        #expect(h.errorID("fn(x, x) = 1") == "duplicate-parameter")
        #expect(h.errorID("fn(x = 1") == "syntax")
        #expect(h.errorID("(fn(x) = x)(1, 2)") == "argument-count")
    }

    @Test func filtersTheLoadedYearsProjects() {
        var h = SessionHarness()
        h.run("load 示例 2022")
        #expect(h.value("map(filter(项目, fn(p) = p.执行率 < 95%), fn(p) = p.名称)") == "[\"法治宣传教育\"]")
    }

    /// Inference knows a function by where its body is: two `fn(p)` in one program are two functions.
    @Test func lambdasWithTheSameParametersAreInferredApart() {
        var h = SessionHarness()
        h.run("load 示例 2022")
        #expect(h.run("filter(项目, fn(p) = p.执行率 < 95%)\nsort(项目, fn(p) = p.预算)\nsum(项目, fn(p) = p.执行)") == .success, "\(h.rendered)")
        #expect(h.errorID("map(项目, fn(p) = p.预算 > 1万元)\nmap(项目, fn(p) = p.预算 + 1件)") == "dimension-mismatch")
    }
}
