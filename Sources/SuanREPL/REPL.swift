import CEditLine
import SuanBudget
import SuanCore
@preconcurrency import Glibc

/// The interactive shell: libedit line editing, history, completion, multi-line input, commands,
/// and results shown with their types. Every input is a transaction on the ``Session``.
public struct REPL {
    public static let version = "0.1.0"

    var session: Session
    let colour: Bool
    /// The language of the REPL's own lines (the session's).
    var language: Language { session.settings.language }

    /// A type's name in the session's language (`金额` / `Money`).
    func typeName(_ t: SuanType) -> String { language == .chinese ? MessageCatalogue.term(t.name) : t.name }
    /// The terminal's width, for fitting tables (`COLUMNS`, else the terminal's own).
    var width: Int? { REPL.terminalWidth }
    /// Keeps a streamed table's layout across its parts.
    let layouts = TerminalRenderer.LayoutMemory()
    let fresh: Session
    var history = HistoryFile()
    var entries: [String] = []
    var inputCount = 0

    let allowsWrites: Bool

    public init(session: Session, colour: Bool, allowsWrites: Bool = true) {
        self.session = session
        self.colour = colour
        self.allowsWrites = allowsWrites
        self.fresh = Session(domain: BudgetDomain(allowsWrites: allowsWrites), settings: session.settings)
        if !allowsWrites { history = HistoryFile(path: nil) }
    }

    public mutating func run() -> Int32 {
        REPL.installInterruptHandler()
        guard let editor = LineEditor() else {
            fputs(language.pick("suan: 无法启动行编辑\n", "suan: cannot start line editing\n"), suan_stderr())
            return 1
        }
        let (loaded, warning) = history.load()
        entries = loaded
        if let warning { warn(warning) }
        for e in entries { editor.add(e) }
        print(paint("suan \(REPL.version) — 算", .heading) + language.pick("  输入 load 2022 开始；:help 查看帮助；Ctrl-D 退出。",
                                                                        "  load 2022 to start; :help for help; Ctrl-D quits."))
        var buffer = ""
        while true {
            let snapshot = session
            editor.state.complete = { Completer(session: snapshot).complete($0) }
            switch editor.read(prompt: buffer.isEmpty ? "算> " : "..> ") {
            case .endOfInput:
                if !buffer.isEmpty { buffer = ""; print(""); continue }
                print("")
                saveHistory()
                return 0
            case .interrupted:
                buffer = ""
                print("")
                continue
            case .line(let line):
                buffer += buffer.isEmpty ? line : "\n" + line
            }
            if buffer.trimmingCharacters.isEmpty { buffer = ""; continue }
            if !buffer.hasPrefix(":") && Session.isIncomplete(buffer) { continue }
            let input = buffer
            buffer = ""
            let entry = HistoryFile.entry(for: input)
            editor.add(entry)
            entries.append(entry)
            if input.hasPrefix(":") {
                if handleCommand(input) == .quit { saveHistory(); return 0 }
            } else {
                evaluate(input)
            }
            saveHistory()
        }
    }

    /// The REPL reads Ctrl-C itself: without SA_RESTART, libedit's read returns so the line clears,
    /// and the evaluator sees the flag.
    static func installInterruptHandler() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = Interruption.signalHandler
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
    }

    mutating func saveHistory() {
        if let warning = history.save(entries) {
            warn(warning)
            history = HistoryFile(path: nil)  // warn once
        }
        entries = HistoryFile.normalized(entries)
    }

    func warn(_ text: String) { fputs(paint(text, .warning) + "\n", suan_stderr()) }

    func paint(_ text: String, _ style: Markup.Style) -> String { Markup(text, style).rendered(colour: colour) }

    // MARK: Evaluation

    mutating func evaluate(_ input: String, name: String? = nil, directory: String? = nil) {
        inputCount += 1
        Interruption.clear()
        var events: [Session.Event] = []
        let status = session.run(input, name: name ?? "<input:\(inputCount)>", directory: directory, transactional: true) { events.append($0) }
        for event in events { show(event) }
        if status == .interrupted { print(paint(language.pick("已中断", "interrupted"), .warning)) }
    }

    func show(_ event: Session.Event) {
        switch event {
        case .result(let value, let type):
            let t = type == .any ? value.type : type
            // An unknown figure whose type the checker could not tell (`score(p)` of a project
            // without a budget) is shown as `—` alone: `[Any]` told the planner nothing.
            let tag = t == .any && { if case .unknown = value { true } else { false } }() ? Markup("") : Markup("  [\(typeName(t))]", .type)
            print((Markup("= ", .dim) + session.formatter.markup(value) + tag).rendered(colour: colour))
        case .document(let document):
            let renderer = TerminalRenderer(format: session.formatter, colour: colour, width: width, unicode: session.settings.unicode,
                                            sources: session.sources, layouts: layouts)
            print(renderer.render(document))
        case .loaded(let name, let label):
            print(paint(language.pick("已载入 \(name)（来自 \(label)）", "loaded \(name) from \(label)"), .dim))
        case .diagnostic(let d):
            fputs(session.render(d, colour: colour) + "\n", suan_stderr())
        }
        fflush(suan_stdout())
    }

    // MARK: Commands

    enum CommandResult { case proceed, quit }

    mutating func handleCommand(_ input: String) -> CommandResult {
        let parts = input.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        let command = String(parts.first ?? "")
        let argument = parts.count > 1 ? String(parts[1]).trimmingTrailingSpaces : ""
        switch command {
        case ":quit", ":q", ":exit":
            return .quit
        case ":help", ":h", ":?":
            help(argument)
        case ":vars":
            let vars = session.variables
            if vars.isEmpty { print(language.pick("还没有变量；试试：load 2022", "no variables yet; try: load 2022")) }
            // Values are cut with … so that each line fits the terminal.
            let names = vars.map { DisplayWidth.of($0.name) }.max() ?? 4
            let types = vars.map { DisplayWidth.of(typeName($0.value.type)) }.max() ?? 4
            let room = max(16, (width ?? 100) - max(names, 4) - max(types, 4) - 4)
            var table = TextTable(headers: language.pick("名称 值 类型", "name value type").split(separator: " ").map(String.init),
                                  alignments: [.left, .left, .left])
            for (name, value) in vars {
                table.add([name, DisplayWidth.truncated(session.formatter.text(value), to: room), typeName(value.type)])
            }
            if !vars.isEmpty { print(table.rendered) }
        case ":type", ":t":
            switch session.typeOf(argument) {
            case .success(let t): print(paint(typeName(t), .type))
            case .failure(let d): fputs((d.span == .none ? d.message : session.render(d, colour: colour)) + "\n", suan_stderr())
            }
        case ":load":
            let path = argument.trimmingQuotes
            do {
                let text = try FileText.read(path, span: .none)
                evaluate(text, name: path, directory: FileText.directory(of: path))
            } catch {
                fputs(session.render(error, colour: colour) + "\n", suan_stderr())
            }
        case ":save":
            var path = argument
            var force = false
            if path.hasSuffix(" force") { force = true; path = String(path.dropLast(" force".count)).trimmingTrailingSpaces }
            path = path.trimmingQuotes
            guard !path.isEmpty else { fputs(language.pick("用法：:save 文件 [force]\n", "usage: :save FILE [force]\n"), suan_stderr()); break }
            let script = session.history.joined(separator: "\n") + "\n"
            do {
                try BudgetDomain(allowsWrites: allowsWrites).checkWrite(path, span: .none)
                try FileText.write(script, to: path, force: force, by: .save, span: .none)
                print(language.pick("已把 \(session.history.count) 条输入保存到 \(path)", "saved \(session.history.count) inputs to \(path)"))
            } catch {
                fputs(session.render(error, colour: colour) + "\n", suan_stderr())
            }
        case ":reset":
            session = fresh
            print(language.pick("会话已重置；尚未载入任何数据", "the session is fresh; nothing is loaded"))
        default:
            fputs(language.pick("未知的命令 \(command)；:help commands 列出所有命令\n", "unknown command \(command); :help commands lists them\n"), suan_stderr())
        }
        return .proceed
    }

    func help(_ topicName: String) {
        guard !topicName.isEmpty else { print(HelpTopics.overview(language)); return }
        guard let topic = HelpTopics.topic(topicName) else {
            print(language.pick("没有帮助主题“\(topicName)”。", "no help topic '\(topicName)'. ") + HelpTopics.overview(language))
            return
        }
        print(paint(topic.name, .heading))
        print(topic.text(in: language))
        if topic.name == "language" {
            // The builtins describe themselves; the prelude's functions are in Stdlib/prelude.suan.
            print(language.pick("内置函数：\n", "Builtins:\n") + Builtin.allCases.map { "  " + Message(stringLiteral: $0.summary).text(in: language) }.joined(separator: "\n"))
        }
        guard !topic.examples.isEmpty else { return }
        print(paint(language.pick("示例（现在在内置的 2022 年度上运行）：", "examples (run now on the bundled 2022 year):"), .dim))
        var scratch = fresh
        scratch.run("load 2022", name: "<help>", transactional: true) { _ in }
        for line in HelpTopics.shownExamples(topic, in: scratch) { print(line) }
    }
}

extension String {
    var trimmingQuotes: String {
        var s = self
        if s.hasPrefix("\"") { s.removeFirst() }
        if s.hasSuffix("\"") { s.removeLast() }
        return s
    }

    var trimmingCharacters: String { Substring(self).trimmingCharacters }
}

extension REPL {
    /// `COLUMNS`, else the terminal's width.
    static var terminalWidth: Int? {
        if let raw = getenv("COLUMNS"), let n = Int(String(cString: raw)), n > 0 { return n }
        var size = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
