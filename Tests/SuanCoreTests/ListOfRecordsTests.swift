import Testing
import SuanTestSupport
@testable import SuanCore

/// Issue 18, item 4: sort, group, top, unique, join, range, sum/avg/min/max with a key, rank and zip
/// on lists of records.
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

    @Test func aGroupedTableKeepsAnItemFieldNamedLikeItsKeyColumn() {
        var h = SessionHarness()
        let shown = h.value("group([{group: \"x\", a: 2}, {group: \"y\", a: 3}], \"a\")")
        #expect(shown.hasPrefix("group′    group  a\n"), "\(shown)")
        #expect(shown.contains("  x      2\n"), "\(shown)")
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

    @Test func sumAvgMinMaxTakeAKey() {
        var h = SessionHarness()
        #expect(h.value("sum(\(rows), \"v\")") == "2")
        #expect(h.value("avg([{a: 1万元}, {a: 2万元}], \"a\")") == "1.50万元")
        #expect(h.value("avg([{a: 1万元}, {a: 2万元}], fn(r) = r.a * 2)") == "3.00万元")
        #expect(h.value("min(\(rows), fn(r) = r.v)") == "0")
        #expect(h.value("max(\(rows), \"v\")") == "1")
        #expect(h.errorID("max(\(rows), \"n\")") == "type-mismatch")
        // Without a key they are what they were, also through a name bound to them.
        #expect(h.value("avg([1, 2])") == "1.5")
        #expect(h.value("min(3, 1)") == "1")
        #expect(h.value("合计([{x: 1件}, {x: 2件}], \"x\")") == "3件")
        h.run("let 平均值 = avg")
        #expect(h.value("平均值([{x: 1}, {x: 2}], \"x\")") == "1.5")
        #expect(h.value("sum([], \"x\")") == "0")
        #expect(h.errorID("avg([], \"x\")") == "empty-list")
    }

    @Test func keyedAggregatesAreCheckedBeforeRunning() {
        var h = SessionHarness()
        #expect(h.errorID("print 1\nsum([{a: 1万元}], \"a\") + 1件") == "dimension-mismatch")
        #expect(h.output.isEmpty)
        #expect(h.errorID("avg([{a: 1万元}], fn(r) = r.a + 1件)") == "dimension-mismatch")
        #expect(h.errorID("sum([{a: 1}], \"b\")") == "unknown-field")
        #expect(h.errorID("sum([{a: \"x\"}], \"a\")") == "type-mismatch")
        #expect(h.errorID("sum([{a: 1}], 3)") == "type-mismatch")
        #expect(h.errorID("max([{a: 1}], fn(r) = r.a > 0)") == "type-mismatch")
        #expect(h.errorID("sum([{a: 1万元}, {a: 1件}], \"a\")") == "dimension-mismatch")
        // A key function given by name is checked with the item type as well.
        h.run("fn 加件(r) = r.a + 1件")
        #expect(h.errorID("max([{a: 1万元}], 加件)") == "dimension-mismatch")
        h.run("fn 取(r) = r.a")
        #expect(h.errorID("sum([{a: 1万元}], 取) + 1件") == "dimension-mismatch")
        #expect(h.value("sum([{a: 1万元}], 取)") == "1.00万元")
    }

    @Test func rankNumbersTheItemsAndTiesShareAPlace() {
        var h = SessionHarness()
        #expect(h.value("print rank([3, 1, 3, 2], fn(x) = x, \"desc\")") == "[{名次: 1, 值: 3}, {名次: 1, 值: 3}, {名次: 3, 值: 2}, {名次: 4, 值: 1}]")
        #expect(h.value("print rank(\(rows), \"v\")") == "[{名次: 1, n: \"c\", v: 0}, {名次: 2, n: \"b\", v: 1}, {名次: 2, n: \"a\", v: 1}]")
        // An unknown key ranks last with an unknown 名次; ranking again replaces the 名次.
        #expect(h.value("print rank([{v: 2}, {v: unknown}, {v: 1}], \"v\")") == "[{名次: 1, v: 1}, {名次: 2, v: 2}, {名次: —, v: —}]")
        #expect(h.value("print rank(rank([{v: 2}, {v: 1}], \"v\"), \"v\", \"desc\")") == "[{名次: 1, v: 2}, {名次: 2, v: 1}]")
        #expect(h.value("排名([2, 1], fn(x) = x)[0].名次") == "1")
        #expect(h.errorID("rank([{v: 1}], \"v\")[0].名次 + 1万元") == "dimension-mismatch")
        #expect(h.errorID("rank([{v: 1}], \"w\")") == "unknown-field")
        #expect(h.errorID("rank([1], fn(x) = x, \"up\")") == "type-mismatch")
    }

    @Test func zipPairsTwoLists() {
        var h = SessionHarness()
        #expect(h.value("zip([\"a\", \"b\", \"c\"], [1万元, 2万元])") == "[[\"a\", 1.00万元], [\"b\", 2.00万元]]")
        #expect(h.value("map(配对([1, 2], [10, 20]), fn(p) = p[0] * p[1])") == "[10, 40]")
        #expect(h.value("zip([], [1])") == "[]")
    }

    @Test func listFunctionsOnTheBundledYear() {
        var h = SessionHarness()
        h.run("load 示例 2022")
        #expect(h.value("sum(项目, \"预算\") == sum(map(项目, fn(p) = p.预算))") == "true")
        #expect(h.value("min(项目, \"执行率\")") == "93.33%")
        #expect(h.value("map(rank(项目, \"执行率\", \"desc\"), fn(p) = \"{p.名次} {p.名称}\")")
                == "[\"1 人民调解补贴\", \"2 社区法律顾问服务\", \"3 法治宣传教育\"]")
        // A ranked project is still a project: the Stdlib's scoring reads it.
        #expect(h.value("kind(rank(项目, \"预算\")[0])") == "Project")
    }
}
