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
            参数可注明类型：fn 人均(总额: Money, 人数: Count) = …（另有 Figure、String、List of Year、Key of Figure 等），调用时先检查；fail("说明") 报错
            匿名函数：map([1, 2, 3], fn(x) = x * 2)、filter(项目, fn(p) = p.执行率 < 95%)（按值捕获局部变量）
            列表：sort(项目, "预算", "desc")、group(指标, fn(i) = i.领域)、top(项目, 3, "执行率")、unique、join(文本, "、")、range(a, b)
            按键汇总：sum(项目, "预算")、avg/min/max(项目, fn(p) = p.执行率)；rank(项目, "执行率", "desc") 加上名次（并列 1、2、2、4）；zip(a, b) 配对
            文本插值："{p.名称}：预算 {p.预算}"（\\{ 写大括号）；format(x, 1)、format(x, "亿元")
            完整说明：docs/language.md
            """),
        "lists": ("列表：匿名函数、排序、分组、排名、按键汇总", """
            键：引号中的字段名（"预算"）或取值的函数（fn(p) = p.预算）
            map(xs, fn(x) = …)、filter(xs, fn(x) = 条件)    匿名函数 fn(x) = 表达式（多个参数亦可），按值捕获局部变量
            sort(xs, 键[, "desc"])     按键排序（稳定；未知值排最后）
            group(xs, 键)              每个键一条 {key, items}；show 时按组列出，每组小计，最后合计
            top(xs, n, 键)             键最大的 n 项，大的在前
            rank(xs, 键[, "desc"])     按 sort 的顺序，每项加上名次（并列 1、2、2、4）
            sum/avg/min/max(xs, 键)    按键求和、平均、最小、最大（精确）
            unique(xs)、join(文本列表, "、")、range(a, b)（a … b−1）、zip(a, b)（配对）
            项目列表、排名、分组都按终端显示的列导出：export rank(项目, "执行率", "desc") to "r.csv"
            完整说明：docs/language.md 的“Lists of records”一节
            """),
        "text": ("文本：插值、format、写报告用的句子", """
            "{p.名称}：预算 {p.预算}"   大括号中的表达式按 text(x) 显示插入；\\{ 和 \\} 写大括号
            format(x, 1)                指定小数位数（0 到 10，按本次运行的舍入方式）：format(97.27%, 1) 是 97.3%
            format(x, "亿元")           换成该单位显示：format(3622.4万元, "亿元") 是 0.36亿元
            text(x)                     值的精确文本；join(文本列表, "、") 连成一句
            print "…"                   在脚本中输出一行
            完整说明：docs/language.md 的“String interpolation”一节
            """),
        "modules": ("在脚本之间共用定义：use", """
            use "lib/口径.suan"           运行文件中的定义（只运行一次），其 let 和 fn 名称进入作用域
            use "lib/口径.suan" as 口径   名称放在前缀下：口径.人均(总支出, 24147人)
            use scoring as 评分           按名称引用标准库模块（units、prelude、scoring、planning）
            路径相对于引用它的文件所在的文件夹（脚本在任何目录下都能运行）；REPL 和 -e 中相对于当前目录。
            模块中只能有定义（let、fn、unit、use），只看得到标准库和它自己的名称；同一文件再次引用不会再运行。
            循环引用（a.suan 引用 b.suan，b.suan 又引用 a.suan）和已有定义的名称都是 use 处的错误；
            模块中的错误报在模块文件自己的行列上，并注明引用处。
            完整说明：docs/language.md 的“Modules”一节
            """),
        "data": ("载入、显示、校验、CSV、导出", """
            load 2022            内置的 2022 年度（或 ./2022.suan、SUAN_PATH 中的文件）；绑定为 y2022
            load 示例 2021       虚构的培训用部门
            load "file.suan"     年度文件；  load "表.csv" as t   CSV 项目表（.xlsx 工作簿亦可）
            load "决算.xlsx" as d   工作簿的各表合为一个年度：部门决算表、单项目自评表（各工作表一个项目）、项目表
                                 两行表头按一个表头读；指标值、完成值为 #DIV/0!、TRUE 或日期时按未知读入，在单元格处警告
            大的年度文件或 CSV 项目表（十万个项目）几秒内载入；超过一秒时，终端上显示载入进度（suan：正在载入 40%）
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
            大的 count、table、map、filter 和长的年度文件、CSV 表的读入分给多个 CPU 核（suan --jobs N），结果与串行相同；超过一秒显示进度行。
            explain estimate(years, "项目", "产出指标", 计划量)    （依历史数据估算下一年预算）
            chart y2022, 压缩 [to "file.svg"]
            完整说明：docs/what-if.md
            """),
        "years": ("多年对比：年度范围、序列、项目历史、分组小计", """
            load 示例 2020..2022   逐年载入（示例2020、示例2021、示例2022，最后一年为当前年度）及其列表 示例年份
            load 2021..2022        有年度文件时（./2021.suan 或 SUAN_PATH 中）绑定 y2021、y2022 和 年份；
                                   内置的只有 2022 和 示例 2020–2022；  … as 三年  给列表另起名
            series(示例年份, fn(y) = y.项目支出)   每年的 年度、值、Δ、同比，末行为年均增长率（CAGR）
            history(示例年份, "人民调解补贴")      项目逐年的 预算、执行、执行率、单位成本、指标结果
            explain history(示例年份, "…")         另列每个指标逐年的 目标、实际、得分
            单位成本(p)                            执行 ÷ 首个产出数量指标的实际值（元）
            compare 示例年份 [only 项目支出]       各年并列，Δ 为与前一年相比
            show group(项目, fn(p) = …)            按组列出，每组小计，最后合计
            列表函数见 :help lists；写报告用的句子见 :help text
            完整说明：docs/what-if.md（Many years）
            """),
        "scoring": ("指标与自评表评分规则", """
            指标：indicator "名称" { 类别: 产出.数量, 目标: >= 7000件, 实际: 7730件, 分值: 10 }
            score(i)、score(p)、grade(p)、completion(i)、met(i)（得分、等级、完成率、达标）
            explain score(p)     自评表：每个指标的目标、实际、分值、得分和规则，合计与等级
                                 从表格载入的项目另列表上的自评得分，并指出与规则不符的指标
            部门评分(y)          每个项目的得分和等级
            规则：正向、反向（线性偏差）、等于、定性；执行率 × 10；等级线 90/80/60。
            权重、等级线和规则在 Stdlib/scoring.suan 中。完整说明：docs/scoring.md
            """),
        "commands": ("REPL 自身的命令", """
            :help [主题]    本帮助；主题：language、lists、text、modules、data、what-if、years、scoring、commands
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
            Typed parameters: fn 人均(总额: Money, 人数: Count) = … (also Figure, String, List of Year, Key of Figure…), checked at each call; fail("why") stops with an error
            Anonymous functions: map([1, 2, 3], fn(x) = x * 2), filter(项目, fn(p) = p.执行率 < 95%) (capture by value)
            Lists: sort(项目, "预算", "desc"), group(指标, fn(i) = i.领域), top(项目, 3, "执行率"), unique, join(strings, "、"), range(a, b)
            By a key: sum(项目, "预算"), avg/min/max(项目, fn(p) = p.执行率); rank(项目, "执行率", "desc") adds 名次 (ties 1, 2, 2, 4); zip(a, b) pairs
            Interpolation: "{p.名称}: budget {p.预算}" (\\{ writes a brace); format(x, 1), format(x, "亿元")
            Full reference: docs/language.md
            """, examples: ["0.1元 + 0.2元 == 0.3元", "100万元 + 10%", "67.3% - 49.9%", "round(2433.84万元 / 3622.4万元, 0.1%)",
                            "avg([{预算: 90万元}, {预算: 140万元}], \"预算\")"]),
        Topic(name: "lists", summary: "lists: anonymous functions, sort, group, rank, totals by key", text: """
            A key is a field name in quotes ("预算") or a function of an item (fn(p) = p.预算).
            map(xs, fn(x) = …), filter(xs, fn(x) = test)   fn(x) = expr is a function (several parameters too); captures locals by value
            sort(xs, key[, "desc"])     ordered by key (stable; an unknown key sorts last)
            group(xs, key)              one {key, items} per key; show prints the groups with subtotals and a total
            top(xs, n, key)             the n items with the largest keys, largest first
            rank(xs, key[, "desc"])     in sort's order, each with its 名次 (ties 1, 2, 2, 4)
            sum/avg/min/max(xs, key)    the exact total, mean, least or greatest key
            unique(xs), join(strings, "、"), range(a, b) (a … b − 1), zip(a, b) (pairs)
            Lists of projects, ranks and groups export the columns the terminal shows: export rank(项目, "执行率", "desc") to "r.csv"
            Full reference: docs/language.md, "Lists of records"
            """, examples: ["map([1, 2, 3], fn(x) = x * 2)", "sum([{预算: 90万元}, {预算: 140万元}], \"预算\")",
                            "join(map(sort([{名: \"乙\", 预算: 140万元}, {名: \"甲\", 预算: 90万元}], \"预算\"), fn(p) = p.名), \"、\")",
                            "map(rank([3, 1, 3], fn(x) = x, \"desc\"), fn(r) = r.名次)"]),
        Topic(name: "text", summary: "text: interpolation, format, sentences for a report", text: """
            "{p.名称}: budget {p.预算}"  each {expression} is inserted as text(x) shows it; \\{ and \\} write braces
            format(x, 1)                exactly that many decimals (0 to 10, rounded by the run's mode): format(97.27%, 1) is 97.3%
            format(x, "亿元")           in that unit: format(3622.4万元, "亿元") is 0.36亿元
            text(x)                     a value's exact text; join(strings, "、") makes one sentence of many
            print "…"                   writes a line from a script
            Full reference: docs/language.md, "String interpolation"
            """, examples: ["\"总支出 {总支出}，项目支出占 {format(项目支出占比, 1)}\"", "format(3622.4万元, \"亿元\")"]),
        Topic(name: "modules", summary: "sharing definitions between scripts: use", text: """
            use "lib/口径.suan"           run the file's definitions (once); its let and fn names come into scope
            use "lib/口径.suan" as 口径   keep them under a prefix: 口径.人均(总支出, 24147人)
            use scoring as 评分           a Stdlib module by its bare name (units, prelude, scoring, planning)
            Paths start at the using file's folder (a script runs from any directory); in the REPL and
            with -e at the current directory. A module holds only definitions (let, fn, unit, use) and
            sees only the Stdlib and its own names; using a file again does not run it again.
            A cycle (a.suan uses b.suan, which uses a.suan) and a name that is already defined are errors
            at the use; an error inside a module points at its own file:line:col, with a note at the use.
            Full reference: docs/language.md, "Modules"
            """, examples: []),
        Topic(name: "data", summary: "load, show, validation, CSV, export", text: """
            load 2022            the bundled 2022 year (or ./2022.suan, or one on SUAN_PATH); binds y2022
            load 示例 2021       the fictional training department
            load "file.suan"     a year file;  load "表.csv" as t   a CSV project table (or an .xlsx workbook)
            load "决算.xlsx" as d   a workbook's sheets as one year: 部门决算 tables, one-project forms, a project table
                                 a two-row header reads as one; #DIV/0!, TRUE or a date as a target or actual is unknown, with a warning at its cell
            A large year file or CSV table (100,000 projects) loads in seconds; past a second a terminal shows suan: loading 40%
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
            Large count, table, map and filter, and loading a long year file or CSV table, split across
            cores (suan --jobs N), same answer as serial; past a second they show a progress line.
            explain estimate(years, "项目", "产出指标", 计划量)    (next year's budget from history)
            chart y2022, 压缩 [to "file.svg"]
            Full reference: docs/what-if.md
            """, examples: ["(scenario from y2022 { 基本支出 -= 5% }).总支出",
                            "solve x in 0万元..1000万元 where (项目支出 + x) / (总支出 + x) == 35%",
                            "count r in 0%..10% step 1% where 项目支出 + r > 1250万元"]),
        Topic(name: "years", summary: "many years: ranges, series, history, grouped subtotals", text: """
            load 示例 2020..2022   each year (示例2020, 示例2021, 示例2022; the last is current) and their list 示例年份
            load 2021..2022        binds y2021, y2022 and 年份 when the year files exist (./2021.suan or
                                   on SUAN_PATH); only 2022 and 示例 2020–2022 are bundled;  … as 三年  names the list
            series(示例年份, fn(y) = y.项目支出)   年度, 值, Δ, 同比 per year, then the CAGR (年均增长) row
            history(示例年份, "人民调解补贴")      the project per year: 预算, 执行, 执行率, 单位成本, 指标结果
            explain history(示例年份, "…")         also each indicator's 目标, 实际 and 得分 per year
            单位成本(p)                            执行 ÷ the 实际 of its first 产出.数量 indicator, in 元
            compare 示例年份 [only 项目支出]       the years side by side, each Δ from the year before
            show group(项目, fn(p) = …)            the groups with a subtotal row each and a total
            More on lists: :help lists; on sentences for a report: :help text
            Full reference: docs/what-if.md ("Many years")
            """, examples: ["load 示例 2020..2022", "len(示例年份)", "series(示例年份, \"项目支出\")[3].同比",
                            "history(示例年份, \"人民调解补贴\")[0].单位成本"]),
        Topic(name: "scoring", summary: "indicators and the 自评表 rules", text: """
            Indicators: indicator "名称" { 类别: 产出.数量, 目标: >= 7000件, 实际: 7730件, 分值: 10 }
            score(i), score(p), grade(p), completion(i), met(i)  (得分, 等级, 完成率, 达标)
            explain score(p)     the 自评表: target, actual, 分值, 得分 and rule per indicator, total, grade
                                 a project read from a form adds the form's 自评得分 and names what differs
            部门评分(y)          every project's score and grade
            Rules: 正向, 反向 (linear deviation), 等于, 定性; 执行率 × 10; bands 90/80/60.
            Weights, bands and rules live in Stdlib/scoring.suan. Full reference: docs/scoring.md
            """, examples: ["score(indicator \"x\" { 目标: >= 8000件, 实际: 7730件, 分值: 50 })",
                            "score(indicator \"x\" { 目标: <= 10件, 实际: 13件, 分值: 30 })"]),
        Topic(name: "commands", summary: "the REPL's own commands", text: """
            :help [TOPIC]   this help; topics: language, lists, text, modules, data, what-if, years, scoring, commands
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

    /// Other names a topic answers to: `:help fn` (anonymous functions) is `:help lists`.
    static let aliases = ["whatif": "what-if", "what_if": "what-if", "fn": "lists", "lambda": "lists", "format": "text"]

    static func topic(_ name: String) -> Topic? {
        let name = aliases[name] ?? name
        return all.first { $0.name == name }
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
