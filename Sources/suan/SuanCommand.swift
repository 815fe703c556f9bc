import ArgumentParser
import SuanBudget
import SuanCommandLine
import SuanCore
import SuanREPL
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// `suan`: runs a script, evaluates `-e` expressions, reads a script from a pipe, or opens the REPL.
struct SuanCommand: ParsableCommand {
    static let version = CommandEnvironment.version

    /// The help text in the locale's language (`LANG=zh_CN.UTF-8` or `SUAN_LANG=zh`: Chinese).
    static var configuration: CommandConfiguration {
        let zh = CommandEnvironment.language == .chinese
        return CommandConfiguration(
            commandName: "suan",
            abstract: zh ? "Suan（算）：精确的预算运算、年度数据与假设测算。" : "Suan (算): exact budget arithmetic, year data and what-if planning.",
            discussion: zh ? """
                没有 FILE 也没有 -e 时：在终端上打开 REPL，否则运行标准输入中的脚本。
                退出码：0 成功，1 出错或断言不成立，2 用法错误，130 被中断。
                从这里开始：  suan -e 'load 2022' -e '基本支出 / 总支出'
                浏览器视图：  suan serve [FILE] [--port N]   （suan serve --help）
                Jupyter 与编辑器：  suan kernel install（docs/machine.md）、suan lsp（docs/lsp.md）
                """ : """
                With no FILE and no -e, suan opens the REPL on a terminal, or runs the script on standard input.
                Exit codes: 0 success, 1 an error or a failed assert, 2 a usage error, 130 interrupted.
                Start with:  suan -e 'load 2022' -e '基本支出 / 总支出'
                The browser view:  suan serve [FILE] [--port N]   (suan serve --help)
                Notebooks, editors:  suan kernel install, suan lsp   (docs/machine.md, lsp.md)
                """,
            version: "suan \(version)"
        )
    }

    /// One option's help in the locale's language.
    static func help(_ chinese: String, _ english: String) -> ArgumentHelp { ArgumentHelp(CommandEnvironment.language.pick(chinese, english)) }

    @Argument(help: help("要运行的脚本（*.suan）。", "A script to run (*.suan)."))
    var file: String?

    @Option(name: .shortAndLong, help: help("求值一个表达式或语句并打印其值（可重复）。", "Evaluate an expression or statement and print its value (repeatable)."))
    var expression: [String] = []

    @Flag(name: .shortAndLong, help: help("运行 FILE 或 -e 之后进入 REPL。", "Enter the REPL after running FILE or -e."))
    var interactive = false

    @Flag(name: .customLong("no-color"), help: help("不使用颜色（设置了 NO_COLOR 时也是如此）。", "Never use colour (also when NO_COLOR is set)."))
    var noColor = false

    @Option(name: .customLong("rounding"), help: help("显示时的舍入：half-up（四舍五入）或 half-even（银行家舍入）。", "Display rounding: half-up (四舍五入) or half-even."))
    var rounding: String = "half-up"

    @Option(name: .customLong("max-depth"), help: help("嵌套调用的最大深度。", "Maximum depth of nested calls."))
    var maxDepth: Int = 400

    @Option(name: .customLong("timeout"), help: help("脚本运行超过这么多秒即停止（退出码 1）。", "Stop a script after this many seconds (exit 1)."))
    var timeout: Double?

    // Optional, so that the help states the default in words (the core count) and not also this
    // machine's number.
    @Option(name: .customLong("jobs"), parsing: .unconditional, help: help("读取长的年度数据、map、filter、count 和 table 最多分给多少个线程（默认：CPU 核数；1 为串行）。结果与串行相同。",
                                                   "Threads that reading a long year, map, filter, count and table may split their work across (default: the core count; 1 is serial). The answer is the same."))
    var jobs: Int?

    @Option(name: .customLong("format"), help: help("结果的输出格式：terminal、md、csv、html 或 json。", "How results print: terminal, md, csv, html or json."))
    var format: String = "terminal"

    @Flag(name: .customLong("step"), help: help("培训模式：逐条显示 FILE 的注释和语句，等待按键（q 退出），再显示结果。", "Trainer mode: show each comment and statement of FILE, wait for a key (q quits), then show its result."))
    var step = false

    @Flag(name: .customLong("no-write"), help: help("禁止写入任何文件（export、图表文件、:save、历史）：用于运行别人的脚本。", "Forbid every file write (export, chart files, :save, history): for someone else's script."))
    var noWrite = false

    @Flag(name: .customLong("machine"), help: help("供程序使用：每行一个 JSON 请求，每个请求一行 JSON 回复（docs/machine.md）。", "For programs: one JSON request per line in, one JSON reply per line out (docs/machine.md)."))
    var machine = false

    func validate() throws {
        if let problem = options.problem { throw ValidationError(problem) }
    }

    /// The parsed options, for ``RunOptions/execute()``.
    var options: RunOptions {
        RunOptions(file: file, expression: expression, interactive: interactive, noColor: noColor, rounding: rounding, maxDepth: maxDepth, timeout: timeout, jobs: jobs ?? RunOptions.coreCount, format: format, step: step, noWrite: noWrite, machine: machine)
    }
}
