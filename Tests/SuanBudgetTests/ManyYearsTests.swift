import Testing
import SuanTestSupport
@testable import SuanCore

/// Issue 18, item 3: many years at once — `load 示例 2020..2022`, `series`, `history`, `compare` of a
/// list of years — and the tables of grouped lists, single projects and explanations.
@Suite struct ManyYearsTests {
    func threeYears() -> SessionHarness {
        var h = SessionHarness()
        #expect(h.run("load 示例 2020..2022") == .success)
        return h
    }

    @Test func aRangeBindsEachYearTheirListAndTheLastAsCurrent() {
        var h = threeYears()
        #expect(h.value("print map(示例年份, fn(y) = y.名称)") == "[\"示例2020\", \"示例2021\", \"示例2022\"]")
        #expect(h.value("示例2020.项目支出") == "400.00万元")
        #expect(h.value("示例2021.项目支出") == "425.00万元")
        #expect(h.value("项目支出 == 示例2022.项目支出") == "true")
        // `as` names the list; the years keep their own names.
        #expect(h.run("load 示例 2021..2022 as 两年") == .success)
        #expect(h.value("print map(两年, fn(y) = y.年度)") == "[2021, 2022]")
        // Bare years bind y2022 … and 年份.
        #expect(h.run("load 2022..2022") == .success)
        #expect(h.value("len(年份)") == "1")
    }

    @Test func theREPLConfirmsEachYearAndTheList() {
        var session = SessionHarness().session
        var loaded: [String] = []
        session.run("load 示例 2020..2021", name: "<input:1>", transactional: true) { event in
            if case .loaded(let name, _) = event { loaded.append(name) }
        }
        #expect(loaded == ["示例2020", "示例2021", "示例年份"])
    }

    @Test func aBadRangeIsAPositionedErrorAndTheSessionKeepsItsState() {
        var h = SessionHarness()
        #expect(h.errorID("load 示例 2022..2020") == "load-range")
        #expect(h.diagnostics.last?.span.start == 8)
        #expect(h.errorID("load 1900..2100") == "load-range")
        #expect(h.errorID("load 0..9223372036854775807") == "load-range")
        #expect(h.errorID("load 示例 2019..2021") == "load-not-found")
        // Nothing of the range was bound: the load is one statement.
        #expect(h.errorID("示例2020") == "unknown-name")
        #expect(h.rendered.last?.contains("'load 示例 2020..2022' binds 示例年份") == false)
        #expect(h.errorID("示例年份") == "unknown-name")
        #expect(h.rendered.last?.contains("'load 示例 2020..2022' binds 示例年份") == true)
    }

    @Test func rangeErrorsReadInChinese() {
        var h = SessionHarness.chinese
        #expect(h.errorID("load 示例 2022..2020") == "load-range")
        #expect(h.rendered.last?.contains("范围 2022..2020 是倒序的") == true, "\(h.rendered)")
        #expect(h.errorID("load 2000..2100") == "load-range")
        #expect(h.rendered.last?.contains("超过 50 个年度") == true, "\(h.rendered)")
    }

    @Test func seriesHasGrowthPerYearAndTheCompoundRateExactly() {
        var h = threeYears()
        h.run("let s = series(示例年份, fn(y) = y.项目支出)")
        #expect(h.value("len(s)") == "4")
        #expect(h.value("kind(s[0].Δ)") == "Unknown")
        #expect(h.value("s[1].Δ == 25万元") == "true")
        #expect(h.value("s[1].同比 == 25 / 400") == "true")
        #expect(h.value("s[2].同比 == 25 / 425") == "true")
        #expect(h.value("s[3].同比 == cagr(400, 450, 2)") == "true")
        // A field name works as the key; ratios give their change in 个百分点.
        #expect(h.value("series(示例年份, \"项目支出占比\")[1].Δ") == "0.48个百分点")
        // Any rows with a 年度 make a series: the unit cost's trend from a history.
        #expect(h.value("series(history(示例年份, \"人民调解补贴\"), \"单位成本\")[2].Δ == 214万元 / 3390宗 - 205万元 / 3240宗") == "true")
        // Text has no change: — rather than an error.
        #expect(h.value("kind(series(示例年份, \"名称\")[1].Δ)") == "Unknown")
        // Bare, it prints as a table.
        let table = h.value("series(示例年份, fn(y) = y.项目支出)")
        #expect(table.contains("2021  425.00万元  25.00万元  6.25%"), "\(table)")
        #expect(table.contains("2022  450.00万元  25.00万元  5.88%"), "\(table)")
        #expect(table.contains("CAGR           —          —  6.07%"), "\(table)")
    }

    @Test func historyLinesAProjectUpByName() {
        var h = threeYears()
        h.run("let r = history(示例年份, \"人民调解补贴\")")
        #expect(h.value("print map(r, fn(x) = x.预算)") == "[200.00万元, 210.00万元, 220.00万元]")
        #expect(h.value("r[0].单位成本 == 196万元 / 3100宗") == "true")
        #expect(h.value("r[2].执行率 == 214 / 220") == "true")
        #expect(h.value("starts(r[0].指标结果, \"调解案件 3,100宗；\")") == "true")
        // A year without the project shows as missing, not as an error.
        h.run("scenario 撤并 from 示例2022 { 项目 -= \"法治宣传教育\" }")
        h.run("let m = history([示例2021, 撤并], \"法治宣传教育\")")
        #expect(h.value("m[0].预算") == "85.00万元")
        #expect(h.value("kind(m[1].预算)") == "Unknown")
        #expect(h.value("m[1].指标结果") == "not in this year")
        // A name no year has is an error with a did-you-mean.
        #expect(h.errorID("history(示例年份, \"人民调解\")") == "unknown-item")
        #expect(h.rendered.last?.contains("did you mean \"人民调解补贴\"?") == true, "\(h.rendered)")
        let explained = h.value("explain history(示例年份, \"法治宣传教育\")")
        #expect(explained.hasPrefix("法治宣传教育 across the years"), "\(explained)")
        #expect(explained.contains("宣传活动        2020     ≥ 400场次     380场次  28.5    30"), "\(explained)")
    }

    @Test func compareOfAListShowsEachYearAgainstTheOneBefore() {
        var h = threeYears()
        let table = h.value("compare 示例年份 only 调解案件")
        #expect(table.contains("示例2020   示例2021   示例2022  Δ 示例2021  Δ% 示例2021  Δ 示例2022  Δ% 示例2022"), "\(table)")
        // 3,200 → 3,300: +100 from the year before (not +300 from the first).
        #expect(table.contains("≥ 3,300宗      +200宗       +6.67%      +100宗       +3.13%"), "\(table)")
        #expect(!table.contains("+300宗"), "\(table)")
        #expect(table.contains("Δ and Δ% are changes from the column before"), "\(table)")
        #expect(h.errorID("compare 项目") == "type-mismatch")
        #expect(h.errorID("compare []") == "empty-list")
    }

    @Test func groupedListsShowSubtotalsAndATotal() {
        var h = threeYears()
        let table = h.value("show group(项目, fn(p) = p.执行率 > 95%)")
        let rows = table.split(separator: "\n").map(String.init)
        #expect(rows.count == 8, "\(table)")
        #expect(rows[2].hasPrefix("true      社区法律顾问服务  140.00万元  136.00万元"), "\(table)")
        #expect(rows[4] == "subtotal                    360.00万元  350.00万元", "\(table)")
        #expect(rows[6] == "subtotal                     90.00万元   84.00万元", "\(table)")
        #expect(rows[7] == "total                       450.00万元  434.00万元", "\(table)")
        // A column of ratios does not add up; counts of one word do, of two words do not.
        #expect(h.value("print map(filter(项目, fn(p) = p.执行率 < 95%), fn(p) = p.名称)") == "[\"法治宣传教育\"]")
        let counts = h.value("show group([{n: 1件, r: 10%}, {n: 2件, r: 20%}, {n: 3宗, r: 5%}], fn(x) = x.r > 5%)")
        #expect(counts.contains("subtotal  3件"), "\(counts)")
        #expect(counts.hasSuffix("total"), "\(counts)")
    }

    @Test func aProjectOrIndicatorPrintsAsItsOwnTable() {
        var h = threeYears()
        let project = h.value("项目[\"人民调解补贴\"]")
        #expect(project.hasPrefix("人民调解补贴\n"), "\(project)")
        #expect(project.contains("220.00万元  214.00万元  97.27%"), "\(project)")
        let indicator = h.value("项目[\"人民调解补贴\"].指标[\"调解案件\"]")
        #expect(indicator.contains("调解案件  产出.数量  ≥ 3,300宗  3,390宗    30"), "\(indicator)")
        #expect(h.value("print 项目[\"人民调解补贴\"].预算") == "220.00万元")
        // A list of projects prints as their table, as `show 项目` does; a list of years stays a value.
        let sorted = h.value("sort(项目, fn(p) = p.预算, \"desc\")")
        #expect(sorted.hasPrefix("名称                    预算        执行  指标  执行率\n"), "\(sorted)")
        #expect(h.value("示例年份").hasPrefix("[year {年度: 2020"))
    }

    @Test func explainEstimateIsTitledWithWhatWasEstimated() {
        var h = threeYears()
        let text = h.value("explain estimate(示例年份, \"社区法律顾问服务\", \"提供法律服务\", 6500件)")
        #expect(text.hasPrefix("Next year's budget for 社区法律顾问服务 (at 提供法律服务 6,500件)\n"), "\(text)")
        var zh = SessionHarness.chinese
        zh.run("load 示例 2020..2022")
        let chinese = zh.value("explain estimate(示例年份, \"社区法律顾问服务\", \"提供法律服务\", 6500件)")
        #expect(chinese.hasPrefix("社区法律顾问服务 下一年度预算估算（按 提供法律服务 6,500件）\n"), "\(chinese)")
    }
}
