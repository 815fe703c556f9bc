import Testing
import SuanTestSupport
@testable import SuanCore

/// Issue 18, item 4 (part): sort, group, top, unique, join, range on lists of records.
@Suite struct ListOfRecordsTests {
    let rows = "[{n: \"b\", v: 1}, {n: \"a\", v: 1}, {n: \"c\", v: 0}]"

    @Test func sortIsStableByFieldOrFunctionInEitherDirection() {
        var h = SessionHarness()
        // A bare list of plain records prints as a table; `print` shows the value itself.
        #expect(h.value("print sort(\(rows), \"v\")") == "[{n: \"c\", v: 0}, {n: \"b\", v: 1}, {n: \"a\", v: 1}]")
        #expect(h.value("print sort(\(rows), fn(r) = r.v, \"desc\")") == "[{n: \"b\", v: 1}, {n: \"a\", v: 1}, {n: \"c\", v: 0}]")
        #expect(h.value("print sort(\(rows), \"n\")") == "[{n: \"a\", v: 1}, {n: \"b\", v: 1}, {n: \"c\", v: 0}]")
        #expect(h.value("sort([3, 1, 2], fn(x) = x)") == "[1, 2, 3]")
        #expect(h.value("sort([2万元, 3万元, 1万元], fn(x) = x, \"asc\")") == "[1.00万元, 2.00万元, 3.00万元]")
        // As a value, and by its Chinese name.
        h.run("let s = sort")
        #expect(h.value("s([2, 1], fn(x) = x)") == "[1, 2]")
        #expect(h.value("排序([1, 2], fn(x) = -x)") == "[2, 1]")
    }

    @Test func groupTopUniqueJoinRange() {
        var h = SessionHarness()
        #expect(h.value("print group([1, 2, 3, 4], fn(x) = x > 2)") == "[{key: false, items: [1, 2]}, {key: true, items: [3, 4]}]")
        #expect(h.value("map(group(\(rows), \"v\"), fn(g) = len(g.items))") == "[2, 1]")
        #expect(h.value("top([5, 1, 9, 3], 2, fn(x) = x)") == "[9, 5]")
        #expect(h.value("top([5], 3, fn(x) = x)") == "[5]")
        #expect(h.value("unique([1, 2, 1, \"a\", \"a\", 1万元, 1万元])") == "[1, 2, \"a\", 1.00万元]")
        #expect(h.value("join([\"a\", \"b\", \"c\"], \"、\")") == "a、b、c")
        #expect(h.value("join([], \",\")") == "")
        #expect(h.value("range(0, 3)") == "[0, 1, 2]")
        #expect(h.value("range(3, 0)") == "[]")
    }

    @Test func badKeysAreErrorsBeforeRunningWhereTypesAreKnown() {
        var h = SessionHarness()
        #expect(h.errorID("sort([{a: 1}], \"b\")") == "unknown-field")
        #expect(h.errorID("sort([{a: 1}], fn(r) = r.a > 1)") == "type-mismatch")
        #expect(h.errorID("sort([1], fn(x) = x, \"up\")") == "type-mismatch")
        #expect(h.errorID("sort([1万元, 2件], fn(x) = x)") == "dimension-mismatch")
        #expect(h.errorID("range(1.5, 3)") == "type-mismatch")
        #expect(h.errorID("join([1], \",\")") == "type-mismatch")
        #expect(h.errorID("sort([1], 3)") == "type-mismatch")
    }

    @Test func worksOnTheBundledYears() {
        var h = SessionHarness()
        h.run("load 示例 2022")
        #expect(h.value("map(sort(项目, fn(p) = p.预算), fn(p) = p.名称)") == "[\"法治宣传教育\", \"社区法律顾问服务\", \"人民调解补贴\"]")
        #expect(h.value("map(top(项目, 1, \"执行率\"), fn(p) = p.名称)") == "[\"人民调解补贴\"]")
        h.run("load 2022")
        #expect(h.value("len(group(y2022.指标, fn(i) = i.领域))") == "14")
        #expect(h.value("range(y2022.年度 - 2, y2022.年度 + 1)") == "[2020, 2021, 2022]")
    }
}
