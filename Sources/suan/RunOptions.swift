import SuanBudget
import SuanCommandLine
import SuanCore
import SuanREPL
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// The options of a plain `suan` run (a script, `-e` expressions, standard input or the REPL) and
/// the run itself.
///
/// ``SuanCommand`` parses them with ArgumentParser; the commonest command lines, `suan -e …` and
/// `suan FILE`, are read without it (``plain(_:expressions:)``), because its reflection over the
/// options cost about 1.5 ms of every start (docs/performance.md, "Start-up").
struct RunOptions {
    var file: String? = nil
    var expression: [String] = []
    var interactive = false
    var noColor = false
    var rounding = "half-up"
    var maxDepth = 400
    var timeout: Double? = nil
    var jobs = RunOptions.coreCount
    var format = "terminal"
    var step = false
    var noWrite = false
    var machine = false

    /// The options of a command line that names at most a FILE besides its `-e` expressions (which
    /// `separatingExpressions` took out): every other option at its default, as ArgumentParser would
    /// leave it. Nil for any other command line, which ``SuanCommand`` parses.
    static func plain(_ arguments: [String], expressions: [String]) -> RunOptions? {
        guard arguments.count <= 1, arguments.allSatisfy({ !$0.hasPrefix("-") }) else { return nil }
        return RunOptions(file: arguments.first, expression: expressions)
    }

    /// Why these options cannot run together, in the run's language; nil when they can.
    var problem: String? {
        if machine && (file != nil || !expression.isEmpty || interactive || step) {
            return CommandEnvironment.language.pick("--machine 不能与 FILE、-e、-i 或 --step 同用", "--machine goes with no FILE, -e, -i or --step")
        }
        if step && file == nil { return CommandEnvironment.language.pick("--step 需要一个逐条运行的 FILE", "--step needs a FILE to step through") }
        guard RoundingMode(rawValue: rounding) != nil, rounding != RoundingMode.towardZero.rawValue else {
            return CommandEnvironment.language.pick("--rounding 必须是 half-up 或 half-even", "--rounding must be half-up or half-even")
        }
        guard Console.Format(rawValue: format) != nil else {
            return CommandEnvironment.language.pick("--format 必须是以下之一：", "--format must be one of: ") + Console.Format.allCases.map(\.rawValue).joined(separator: ", ")
        }
        guard maxDepth > 0 && maxDepth <= 100_000 else { return CommandEnvironment.language.pick("--max-depth 必须在 1 到 100000 之间", "--max-depth must be between 1 and 100000") }
        guard jobs > 0 && jobs <= 256 else { return CommandEnvironment.language.pick("--jobs 必须在 1 到 256 之间", "--jobs must be between 1 and 256") }
        if let timeout, !(timeout > 0 && timeout <= 86_400 * 365) { return CommandEnvironment.language.pick("--timeout 必须是正的秒数", "--timeout must be a positive number of seconds") }
        return nil
    }

    var settings: Settings {
        var s = Settings()
        s.rounding = RoundingMode(rawValue: rounding) ?? .halfAwayFromZero
        s.maximumCallDepth = maxDepth
        s.jobs = jobs
        s.unicode = RunOptions.terminalIsUTF8
        s.language = CommandEnvironment.language
        // After the language: the progress line speaks it too.
        if !machine { s.progress = ProgressLine.reporter(words: CommandWords(language: s.language)) }
        return s
    }

    /// The online cores (`--jobs`'s default).
    static var coreCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// Whether the locale's character set is UTF-8 (charts then use Unicode blocks).
    static var terminalIsUTF8: Bool {
        for name in ["LC_ALL", "LC_CTYPE", "LANG"] {
            if let raw = getenv(name), !String(cString: raw).isEmpty {
                // Compared as bytes: Foundation's `contains`, which this module would otherwise call,
                // loads CoreFoundation's Unicode tables on its first call (~60 µs of every start).
                let value = Array(String(cString: raw).lowercased().utf8)
                return ["utf-8", "utf8"].contains { name in
                    let needle = Array(name.utf8)
                    return value.count >= needle.count && (0...(value.count - needle.count)).contains { value[$0..<$0 + needle.count].elementsEqual(needle) }
                }
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
                              width: RunOptions.terminalWidth, values: session.formatter, unicode: settings.unicode)

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
