import SuanCore

/// The `:help` topics. Examples are run live against the bundled 2022 year when shown.
public enum HelpTopics {
    struct Topic {
        var name: String
        var summary: String
        var text: String
        var examples: [String]

        /// The summary and text in `language` (Chinese from ``HelpTopics/chinese``).
        func summary(in language: Language) -> String { language == .chinese ? HelpTopics.chinese[name]?.summary ?? summary : summary }
        func text(in language: Language) -> String { language == .chinese ? HelpTopics.chinese[name]?.text ?? text : text }
    }

    /// The topics in Chinese, by name.
    static let chinese: [String: (summary: String, text: String)] = [
        "language": ("数、单位、运算、函数", """
            金额是精确的：3622.4万元、5000元、3.31亿元（ASCII：5000yuan、3wan、1yi）。
            比率：67.2%、1.3‰、17.4pp 或 17.4个百分点。数量带计量单位：7730件、24147人。
            x + 10% 是相对变动；a% − b% 以个百分点显示；p% of x 即 x × p%。
            x -> 亿元、r -> ‰ 只改变显示，不改变数值。round(x, 0.1%) 按步长舍入。
            let a = 1万元      fn 占比(part, whole) = part / whole      if a > b then a else b
            匿名函数：map([1, 2, 3], fn(x) = x * 2)、filter(项目, fn(p) = p.执行率 < 95%)（按值捕获局部变量）
            列表：sort(项目, "预算", "desc")、group(指标, fn(i) = i.领域)、top(项目, 3, "执行率")、unique、join(文本, "、")、range(a, b)
            文本插值："{p.名称}：预算 {p.预算}"（\\{ 写大括号）；format(x, 1)、format(x, "亿元")
            完整说明：docs/language.md
            """),
        "data": ("载入、显示、校验、CSV、导出", """
            load 2022            内置的 2022 年度（或 ./2022.suan、SUAN_PATH 中的文件）；绑定为 y2022
            load 示例 2021       虚构的培训用部门
            load "file.suan"     年度文件；  load "表.csv" as t   CSV 项目表（.xlsx 工作簿亦可）
            show y2022           以表格显示年度；  show 项目   任何记录列表
            export y2022 to "y.csv" [force]    （.csv、.xlsx、.md、.html、.json；load 可读回 CSV 和 .xlsx）
            export compare A, B to "c.csv"     另有：export explain …、export table …
            年度的字段成为名称：基本支出、项目支出、总支出、收支差额、项目……
            完整说明：docs/data.md
            """),
        "what-if": ("情景、比较、求解、测算表、计数、估算、图表", """
            scenario 压缩 from y2022 { 基本支出 -= 5%; 项目支出 += 100万元 }
            情景是完整的年度：分项变动带动合计（公用经费 → 基本支出 → 总支出），合计变动按比例分摊到分项，
            执行随预算变化；不可能的结果给出警告。
            项目 += project "新" { 预算: 20万元 }    项目 -= "名称"    项目["名称"].指标["指标"].目标 = >= 100件
            compare y2022, 压缩 [only 总支出, 收支差额]
            solve x in 0万元..1000万元 where (项目支出 + x) / (总支出 + x) == 35%
            table r in 0%..10% step 5% { 总支出 + r }      （两个变量：网格）
            count a in 0%..10% step 1%, b in 0%..10% step 1% where 条件     （满足条件的格数）
            explain estimate(years, "项目", "产出指标", 计划量)    （依历史数据估算下一年预算）
            chart y2022, 压缩 [to "file.svg"]
            完整说明：docs/what-if.md
            """),
        "scoring": ("指标与自评表评分规则", """
            指标：indicator "名称" { 类别: 产出.数量, 目标: >= 7000件, 实际: 7730件, 分值: 10 }
            score(i)、score(p)、grade(p)、completion(i)、met(i)（得分、等级、完成率、达标）
            explain score(p)     自评表：每个指标的目标、实际、分值、得分和规则，合计与等级
            部门评分(y)          每个项目的得分和等级
            规则：正向、反向（线性偏差）、等于、定性；执行率 × 10；等级线 90/80/60。
            权重、等级线和规则在 Stdlib/scoring.suan 中。完整说明：docs/scoring.md
            """),
        "commands": ("REPL 自身的命令", """
            :help [主题]    本帮助；主题：language、data、what-if、scoring、commands
            :vars           你的变量及其值
            :type 表达式    不运行而给出表达式的类型
            :load 文件      在本会话中运行脚本
            :save 文件      把本会话中成功的输入保存为脚本（:save 文件 force 可替换）
            :reset          重新开始
            :quit           退出（或 Ctrl-D）
            Tab 补全名称、“.”后的字段、项目[" 和 compare … only 后的项目名、load " 后的路径、
            load 示例 后的年份、数字后的单位。
            上下键调出历史（跨会话保留；多行输入按原来的行恢复），Ctrl-R 搜索历史。
            Ctrl-C 清除当前行或中断长时间的计算。ans（或 _）是上一个结果。
            REPL 之外：suan serve（浏览器）、suan kernel install（Jupyter 笔记本，docs/machine.md；
            单元格里也可以写 :help 和 :type）、suan lsp（编辑器的诊断、悬停和补全，docs/lsp.md）。
            """),
    ]

    static let all: [Topic] = [
        Topic(name: "language", summary: "numbers, units, arithmetic, functions", text: """
            Money is exact: 3622.4万元, 5000元, 3.31亿元 (ASCII: 5000yuan, 3wan, 1yi).
            Ratios: 67.2%, 1.3‰, 17.4pp or 17.4个百分点. Counts carry a word: 7730件, 24147人.
            x + 10% is a relative change; a% − b% shows in 个百分点; p% of x is x × p%.
            x -> 亿元, r -> ‰ change the display, never the value. round(x, 0.1%) rounds to a step.
            let a = 1万元      fn 占比(part, whole) = part / whole      if a > b then a else b
            Anonymous functions: map([1, 2, 3], fn(x) = x * 2), filter(项目, fn(p) = p.执行率 < 95%) (capture by value)
            Lists: sort(项目, "预算", "desc"), group(指标, fn(i) = i.领域), top(项目, 3, "执行率"), unique, join(strings, "、"), range(a, b)
            Interpolation: "{p.名称}: budget {p.预算}" (\\{ writes a brace); format(x, 1), format(x, "亿元")
            Full reference: docs/language.md
            """, examples: ["0.1元 + 0.2元 == 0.3元", "100万元 + 10%", "67.3% - 49.9%", "round(2433.84万元 / 3622.4万元, 0.1%)"]),
        Topic(name: "data", summary: "load, show, validation, CSV, export", text: """
            load 2022            the bundled 2022 year (or ./2022.suan, or one on SUAN_PATH); binds y2022
            load 示例 2021       the fictional training department
            load "file.suan"     a year file;  load "表.csv" as t   a CSV project table (or an .xlsx workbook)
            show y2022           the year as tables;  show 项目   any list of records
            export y2022 to "y.csv" [force]    (.csv, .xlsx, .md, .html or .json; load reads .csv and .xlsx back)
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
            Beyond the REPL: suan serve (a browser), suan kernel install (Jupyter notebooks, docs/machine.md;
            :help and :type work in a cell too), suan lsp (diagnostics, hover and completion in an editor, docs/lsp.md).
            """, examples: []),
    ]

    static func topic(_ name: String) -> Topic? {
        all.first { $0.name == name || ($0.name == "what-if" && (name == "whatif" || name == "what_if")) }
    }

    static func overview(_ language: Language) -> String {
        language.pick("Suan（算）：精确的预算运算、年度数据与假设测算。\n", "Suan (算): exact budget arithmetic, year data and what-if planning.\n")
            + all.map { "  :help \($0.name.padding(9))  \($0.summary(in: language))" }.joined(separator: "\n")
            + language.pick("\n从这里开始：  load 2022   然后   show y2022", "\nStart with:  load 2022   then   show y2022")
    }
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
