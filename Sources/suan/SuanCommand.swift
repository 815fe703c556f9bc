import ArgumentParser
import SuanBudget
import SuanCore
import SuanREPL
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// `suan`: runs a script, evaluates `-e` expressions, reads a script from a pipe, or opens the REPL.
struct SuanCommand: ParsableCommand {
    static let version = "0.1.0"

    /// The help text in the locale's language (`LANG=zh_CN.UTF-8` or `SUAN_LANG=zh`: Chinese).
    static var configuration: CommandConfiguration {
        let zh = language == .chinese
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
    static func help(_ chinese: String, _ english: String) -> ArgumentHelp { ArgumentHelp(language.pick(chinese, english)) }

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

    @Option(name: .customLong("jobs"), help: help("map、filter、count 和 table 最多分给多少个线程（默认：CPU 核数；1 为串行）。结果与串行相同。",
                                                   "Threads that map, filter, count and table may split long work across (default: the core count; 1 is serial). The answer is the same."))
    var jobs: Int = SuanCommand.coreCount

    @Option(name: .customLong("format"), help: help("结果的输出格式：terminal、md、csv、html 或 json。", "How results print: terminal, md, csv, html or json."))
    var format: String = "terminal"

    @Flag(name: .customLong("step"), help: help("培训模式：逐条显示 FILE 的注释和语句，等待按键（q 退出），再显示结果。", "Trainer mode: show each comment and statement of FILE, wait for a key (q quits), then show its result."))
    var step = false

    @Flag(name: .customLong("no-write"), help: help("禁止写入任何文件（export、图表文件、:save、历史）：用于运行别人的脚本。", "Forbid every file write (export, chart files, :save, history): for someone else's script."))
    var noWrite = false

    @Flag(name: .customLong("machine"), help: help("供程序使用：每行一个 JSON 请求，每个请求一行 JSON 回复（docs/machine.md）。", "For programs: one JSON request per line in, one JSON reply per line out (docs/machine.md)."))
    var machine = false

    func validate() throws {
        if machine && (file != nil || !expression.isEmpty || interactive || step) {
            throw ValidationError(Self.language.pick("--machine 不能与 FILE、-e、-i 或 --step 同用", "--machine goes with no FILE, -e, -i or --step"))
        }
        if step && file == nil { throw ValidationError(Self.language.pick("--step 需要一个逐条运行的 FILE", "--step needs a FILE to step through")) }
        guard RoundingMode(rawValue: rounding) != nil, rounding != RoundingMode.towardZero.rawValue else {
            throw ValidationError(Self.language.pick("--rounding 必须是 half-up 或 half-even", "--rounding must be half-up or half-even"))
        }
        guard Console.Format(rawValue: format) != nil else {
            throw ValidationError(Self.language.pick("--format 必须是以下之一：", "--format must be one of: ") + Console.Format.allCases.map(\.rawValue).joined(separator: ", "))
        }
        guard maxDepth > 0 && maxDepth <= 100_000 else { throw ValidationError(Self.language.pick("--max-depth 必须在 1 到 100000 之间", "--max-depth must be between 1 and 100000")) }
        guard jobs > 0 && jobs <= 256 else { throw ValidationError(Self.language.pick("--jobs 必须在 1 到 256 之间", "--jobs must be between 1 and 256")) }
        if let timeout, !(timeout > 0 && timeout <= 86_400 * 365) { throw ValidationError(Self.language.pick("--timeout 必须是正的秒数", "--timeout must be a positive number of seconds")) }
    }

    var settings: Settings {
        var s = Settings()
        s.rounding = RoundingMode(rawValue: rounding) ?? .halfAwayFromZero
        s.maximumCallDepth = maxDepth
        s.jobs = jobs
        s.unicode = SuanCommand.terminalIsUTF8
        s.language = SuanCommand.language
        // After the language: the progress line speaks it too.
        if !machine { s.progress = ProgressLine.reporter(words: CommandWords(language: s.language)) }
        return s
    }

    /// The online cores (`--jobs`'s default).
    static var coreCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// The language of messages: `SUAN_LANG=zh|en`, else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`).
    static var language: Language {
        func value(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }
        return Language.from(suanLang: value("SUAN_LANG"), lcAll: value("LC_ALL"), lcMessages: value("LC_MESSAGES"), lang: value("LANG"))
    }

    /// Whether the locale's character set is UTF-8 (charts then use Unicode blocks).
    static var terminalIsUTF8: Bool {
        for name in ["LC_ALL", "LC_CTYPE", "LANG"] {
            if let raw = getenv(name), !String(cString: raw).isEmpty {
                let value = String(cString: raw).lowercased()
                return value.contains("utf-8") || value.contains("utf8")
            }
        }
        return false
    }

    /// The width output is fitted to: `COLUMNS`, else the terminal's when standard output is one,
    /// else unlimited.
    static var terminalWidth: Int? {
        if let raw = getenv("COLUMNS"), let n = Int(String(cString: raw)), n > 0 { return n }
        guard isatty(1) == 1 else { return nil }
        var size = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// Runs the command; returns the process exit status.
    func execute() -> Int32 {
        let terminalIn = isatty(0) == 1
        let colour = !noColor && getenv("NO_COLOR") == nil && isatty(1) == 1
        var session = Session(domain: BudgetDomain(allowsWrites: !noWrite), settings: settings)
        if let timeout { Watchdog.start(after: timeout) }
        Watchdog.startBackstop(CommandWords(language: settings.language))
        for problem in session.stdlibProblems { Console.error(CommandWords(language: settings.language).stdlibProblem(problem)) }
        if machine {
            Watchdog.stopBackstop()
            ParentWatch.start()
            var mode = MachineMode(session: session)
            return mode.run()
        }
        let chosen = Console.Format(rawValue: format) ?? .terminal
        let printer = Console(format: chosen, colour: colour && chosen == .terminal,
                              colourErrors: !noColor && getenv("NO_COLOR") == nil && isatty(2) == 1,
                              width: SuanCommand.terminalWidth, values: session.formatter, unicode: settings.unicode)

        if let file, step {
            var runner = StepRunner(printer: printer)
            if let status = runner.run(file, session: &session) { return status }
        } else if let file {
            let status = ScriptRunner.runFile(file, session: &session, printer: printer)
            if status != 0 { return status }
        }
        for (i, text) in expression.enumerated() {
            let result = ScriptRunner.run(text, name: expression.count == 1 ? "<expr>" : "<expr:\(i + 1)>",
                                          transactional: true, session: &session, printer: printer)
            if let status = ScriptRunner.exitStatus(result, printer: printer, session: session) { return status }
        }
        if interactive || (file == nil && expression.isEmpty && terminalIn) {
            Watchdog.stopBackstop()
            var repl = REPL(session: session, colour: colour, allowsWrites: !noWrite)
            return repl.run()
        }
        if file == nil && expression.isEmpty {
            return ScriptRunner.runStandardInput(session: &session, printer: printer)
        }
        // Leave without tearing down a session that may hold a large year: the process ends anyway.
        fflush(stdout)
        Glibc.exit(0)
    }
}
