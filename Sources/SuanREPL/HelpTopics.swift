/// The `:help` topics. Examples are run live against the bundled 2022 year when shown.
enum HelpTopics {
    struct Topic {
        var name: String
        var summary: String
        var text: String
        var examples: [String]
    }

    static let all: [Topic] = [
        Topic(name: "language", summary: "numbers, units, arithmetic, functions", text: """
            Money is exact: 3622.4万元, 5000元, 3.31亿元 (ASCII: 5000yuan, 3wan, 1yi).
            Ratios: 67.2%, 1.3‰, 17.4pp or 17.4个百分点. Counts carry a word: 7730件, 24147人.
            x + 10% is a relative change; a% − b% shows in 个百分点; p% of x is x × p%.
            x -> 亿元, r -> ‰ change the display, never the value. round(x, 0.1%) rounds to a step.
            let a = 1万元      fn 占比(part, whole) = part / whole      if a > b then a else b
            Full reference: docs/language.md
            """, examples: ["0.1元 + 0.2元 == 0.3元", "100万元 + 10%", "67.3% - 49.9%", "round(2433.84万元 / 3622.4万元, 0.1%)"]),
        Topic(name: "data", summary: "load, show, validation, CSV, export", text: """
            load 2022            the bundled 2022 year (or ./2022.suan, or one on SUAN_PATH); binds y2022
            load 示例 2021       the fictional training department
            load "file.suan"     a year file;  load "表.csv" as t   a CSV project table
            show y2022           the year as tables;  show 项目   any list of records
            export y2022 to "y.csv" [force]    (.csv or .md; load reads the CSV back)
            export compare A, B to "c.csv"     also: export explain …, export table …
            A year's fields become names: 基本支出, 项目支出, 总支出, 收支差额, 项目, …
            Full reference: docs/data.md
            """, examples: ["基本支出 / 总支出", "项目支出占比", "len(项目)"]),
        Topic(name: "what-if", summary: "scenario, compare, solve, table, count, estimate, chart", text: """
            scenario 压缩 from y2022 { 基本支出 -= 5%; 项目支出 += 100万元 }
            A scenario is a whole year: a part moves its totals (公用经费 → 基本支出 → 总支出), a total
            spreads over its parts in proportion, 执行 follows 预算; impossible results are warnings.
            项目 += project "新" { 预算: 20万元 }    项目 -= "名称"    项目["名称"].指标["指标"].目标 = >= 100件
            compare y2022, 压缩 [only 总支出, 收支差额]
            solve x in 0万元..1000万元 where (项目支出 + x) / (总支出 + x) == 35%
            table r in 0%..10% step 5% { 总支出 + r }      (two variables: a grid)
            count a in 0%..10% step 1%, b in 0%..10% step 1% where 条件     (how many cells hold)
            explain estimate(years, "项目", "产出指标", 计划量)    (next year's budget from history)
            chart y2022, 压缩 [to "file.svg"]
            Full reference: docs/what-if.md
            """, examples: ["(scenario from y2022 { 基本支出 -= 5% }).总支出",
                            "solve x in 0万元..1000万元 where (项目支出 + x) / (总支出 + x) == 35%",
                            "count r in 0%..10% step 1% where 项目支出 + r > 1250万元"]),
        Topic(name: "scoring", summary: "indicators and the 自评表 rules", text: """
            Indicators: indicator "名称" { 类别: 产出.数量, 目标: >= 7000件, 实际: 7730件, 分值: 10 }
            score(i), score(p), grade(p), completion(i), met(i)  (得分, 等级, 完成率, 达标)
            explain score(p)     the 自评表: target, actual, 分值, 得分 and rule per indicator, total, grade
            部门评分(y)          every project's score and grade
            Rules: 正向, 反向 (linear deviation), 等于, 定性; 执行率 × 10; bands 90/80/60.
            Weights, bands and rules live in Stdlib/scoring.suan. Full reference: docs/scoring.md
            """, examples: ["score(indicator \"x\" { 目标: >= 8000件, 实际: 7730件, 分值: 50 })",
                            "score(indicator \"x\" { 目标: <= 10件, 实际: 13件, 分值: 30 })"]),
        Topic(name: "commands", summary: "the REPL's own commands", text: """
            :help [TOPIC]   this help; topics: language, data, what-if, scoring, commands
            :vars           your variables and their values
            :type EXPR      the type of an expression, without running it
            :load FILE      run a script into this session
            :save FILE      save this session's successful inputs as a script (:save FILE force to replace)
            :reset          start afresh
            :quit           leave (or Ctrl-D)
            Tab completes names, fields after '.', project names after 项目[" and after compare … only,
            paths after load ", years after load 示例, units.
            Up/Down recall history (kept across sessions; a multi-line input comes back as its lines), Ctrl-R searches it.
            Ctrl-C clears the line, or interrupts a long evaluation. ans (or _) is the last result.
            """, examples: []),
    ]

    static func topic(_ name: String) -> Topic? {
        all.first { $0.name == name || ($0.name == "what-if" && (name == "whatif" || name == "what_if")) }
    }

    static var overview: String {
        "Suan (算): exact budget arithmetic, year data and what-if planning.\n"
            + all.map { "  :help \($0.name.padding(9))  \($0.summary)" }.joined(separator: "\n")
            + "\nStart with:  load 2022   then   show y2022"
    }
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
