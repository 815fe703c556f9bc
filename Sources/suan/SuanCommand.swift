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

    static let configuration = CommandConfiguration(
        commandName: "suan",
        abstract: "Suan (算): exact budget arithmetic, year data and what-if planning.",
        discussion: """
            With no FILE and no -e, suan opens the REPL on a terminal, or runs the script on standard input.
            Exit codes: 0 success, 1 an error or a failed assert, 2 a usage error, 130 interrupted.
            Start with:  suan -e 'load 2022' -e '基本支出 / 总支出'
            The browser view:  suan serve [FILE] [--port N]   (suan serve --help)
            """,
        version: "suan \(version)"
    )

    @Argument(help: "A script to run (*.suan).")
    var file: String?

    @Option(name: .shortAndLong, help: "Evaluate an expression or statement and print its value (repeatable).")
    var expression: [String] = []

    @Flag(name: .shortAndLong, help: "Enter the REPL after running FILE or -e.")
    var interactive = false

    @Flag(name: .customLong("no-color"), help: "Never use colour (also when NO_COLOR is set).")
    var noColor = false

    @Option(name: .customLong("rounding"), help: "Display rounding: half-up (四舍五入) or half-even.")
    var rounding: String = "half-up"

    @Option(name: .customLong("max-depth"), help: "Maximum depth of nested calls.")
    var maxDepth: Int = 400

    @Option(name: .customLong("timeout"), help: "Stop a script after this many seconds (exit 1).")
    var timeout: Double?

    @Option(name: .customLong("format"), help: "How results print: terminal, md, csv, html or json.")
    var format: String = "terminal"

    @Flag(name: .customLong("step"), help: "Trainer mode: show each comment and statement of FILE, wait for a key (q quits), then show its result.")
    var step = false

    @Flag(name: .customLong("no-write"), help: "Forbid every file write (export, chart files, :save, history): for someone else's script.")
    var noWrite = false

    func validate() throws {
        if step && file == nil { throw ValidationError("--step needs a FILE to step through") }
        guard RoundingMode(rawValue: rounding) != nil, rounding != RoundingMode.towardZero.rawValue else {
            throw ValidationError("--rounding must be half-up or half-even")
        }
        guard Console.Format(rawValue: format) != nil else {
            throw ValidationError("--format must be one of: " + Console.Format.allCases.map(\.rawValue).joined(separator: ", "))
        }
        guard maxDepth > 0 && maxDepth <= 100_000 else { throw ValidationError("--max-depth must be between 1 and 100000") }
        if let timeout, !(timeout > 0 && timeout <= 86_400 * 365) { throw ValidationError("--timeout must be a positive number of seconds") }
    }

    var settings: Settings {
        var s = Settings()
        s.rounding = RoundingMode(rawValue: rounding) ?? .halfAwayFromZero
        s.maximumCallDepth = maxDepth
        s.unicode = SuanCommand.terminalIsUTF8
        s.language = SuanCommand.language
        return s
    }

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
