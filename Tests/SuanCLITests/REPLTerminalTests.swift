import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

@_silgen_name("forkpty")
private func c_forkpty(_ master: UnsafeMutablePointer<Int32>, _ name: UnsafeMutablePointer<CChar>?,
                       _ termios: UnsafeRawPointer?, _ winsize: UnsafeRawPointer?) -> Int32

/// The real binary on a pseudo-terminal, driven key by key, read with deadlines.
final class Terminal {
    let pid: pid_t
    let master: Int32
    private var raw = ""
    /// What the terminal showed, with escape sequences (colour, cursor moves) removed.
    private(set) var transcript = ""

    static func plain(_ raw: String) -> String {
        raw.replacingOccurrences(of: "\u{1B}\\[[0-9;]*[A-Za-z]", with: "", options: .regularExpression)
    }

    /// The REPL in `directory` (the test's own working directory when nil).
    init(home: String, arguments: [String] = [], environment: [String] = [], directory: String? = nil) throws {
        let binary = Binary.path
        // Everything the child needs is built before fork: after it, only async-signal-safe calls.
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup(binary)] + arguments.map { strdup($0) } + [nil]
        var settings: [String] = ["LANG=C.UTF-8", "TERM=xterm", "HOME=\(home)", "PATH=/usr/bin:/bin"] + environment
        for key in ["ASAN_OPTIONS", "LSAN_OPTIONS", "TSAN_OPTIONS"] {
            if let value = ProcessInfo.processInfo.environment[key] { settings.append("\(key)=\(value)") }
        }
        let envp: [UnsafeMutablePointer<CChar>?] = settings.map { strdup($0) } + [nil]
        let folder: UnsafeMutablePointer<CChar>? = directory.flatMap { strdup($0) }
        defer { free(folder) }
        var fd: Int32 = -1
        let child = c_forkpty(&fd, nil, nil, nil)
        if child == 0 {
            var none = sigset_t()
            sigemptyset(&none)
            sigprocmask(SIG_SETMASK, &none, nil)
            for descriptor in 3..<1024 { close(Int32(descriptor)) }
            if let folder, chdir(folder) != 0 { _exit(126) }
            execve(binary, argv, envp)
            _exit(127)
        }
        for p in argv + envp { free(p) }
        guard child > 0 else { throw POSIXError(.ECHILD) }
        pid = child
        master = fd
    }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBufferPointer { write(master, $0.baseAddress, $0.count) }
    }

    /// How much of the transcript earlier expectations consumed.
    private var consumed = 0

    /// Reads until `needle` appears after what earlier expectations matched, or the deadline passes.
    @discardableResult
    func expect(_ needle: String, within seconds: Double = 10, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            let unread = transcript.dropFirst(consumed)
            if let range = unread.range(of: needle) {
                consumed = transcript.distance(from: transcript.startIndex, to: range.upperBound)
                return true
            }
            guard Date() < deadline else { break }
            var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            if poll(&poller, 1, 50) > 0 {
                var buffer = [UInt8](repeating: 0, count: 4096)
                let n = read(master, &buffer, buffer.count)
                if n <= 0 { break }
                raw += String(decoding: buffer[0..<n], as: UTF8.self)
                transcript = Terminal.plain(raw)
            }
        }
        Issue.record("did not see \(needle.debugDescription) in: \(transcript.dropFirst(consumed).suffix(600).debugDescription)", sourceLocation: sourceLocation)
        return false
    }

    /// Waits for the prompt, then a moment more: libedit prints the prompt before it puts the
    /// terminal in raw mode, and a Ctrl-D typed in that window is lost to the cooked line discipline.
    func prompt(sourceLocation: SourceLocation = #_sourceLocation) {
        expect("> ", sourceLocation: sourceLocation)
        Thread.sleep(forTimeInterval: 0.1)
    }

    /// Waits for the process to end; its exit status (0 when another reaper took it), or nil after the deadline.
    func exitStatus(within seconds: Double = 10) -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        var status: Int32 = 0
        while Date() < deadline {
            var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            if poll(&poller, 1, 20) > 0 {
                var buffer = [UInt8](repeating: 0, count: 4096)
                let n = read(master, &buffer, buffer.count)
                if n > 0 { raw += String(decoding: buffer[0..<n], as: UTF8.self); transcript = Terminal.plain(raw) }
            }
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid { return (status >> 8) & 0xFF }
            // Foundation's Process machinery may reap children of this test process first.
            if reaped == -1 && errno == ECHILD { return kill(pid, 0) == -1 ? 0 : nil }
        }
        kill(pid, SIGKILL)
        return nil
    }

    deinit {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        close(master)
    }
}

@Suite(.serialized, .timeLimit(.minutes(2))) struct REPLTerminalTests {
    /// A new, empty home folder for one REPL (its history file lands there).
    static func freshHome() throws -> String {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("suan-pty-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        return home
    }

    @Test func aPlannersSessionOnARealTerminal() throws {
        let home = try Self.freshHome()

        let t = try Terminal(home: home)
        t.prompt()
        t.send("load 2022\r")
        t.expect("loaded y2022")
        t.prompt()
        // A CJK expression with a Backspace: the whole character 'x' is removed, not a byte.
        t.send("基本支出 / 总支出x\u{7F}\r")
        t.expect("67.19%")
        t.prompt()
        // Tab completes a CJK name in scope.
        t.send("基本支\t")
        t.expect("出")
        t.send("\r")
        t.expect("2,433.84万元")
        t.prompt()
        // Multi-line input continues while a bracket is open.
        t.send("(1万元 +\r")
        t.expect("..")
        t.prompt()
        t.send("2万元)\r")
        t.expect("3.00万元")
        t.prompt()
        // Ctrl-C interrupts a long evaluation and the session goes on.
        t.send("fn f(n) = if n <= 0 then 0 else f(n - 1) + f(n - 1)\r")
        t.prompt()
        t.send("f(60)\r")
        Thread.sleep(forTimeInterval: 0.5)
        t.send("\u{03}")
        t.expect("interrupted")
        t.prompt()
        t.send("y2022.总支出\r")
        t.expect("3,622.40万元")
        t.prompt()
        // An unknown of no known type shows as — alone, not `— [Any]`.
        t.send("unknown\r")
        t.expect("= —")
        t.prompt()
        #expect(!t.transcript.contains("[Any]"), "\(t.transcript.suffix(200).debugDescription)")
        // Ctrl-C at the prompt clears the line.
        t.send("garbage\u{03}")
        t.prompt()
        t.send("1 + 1\r")
        t.expect("= 2")
        t.prompt()
        // Ctrl-D quits.
        t.send("\u{04}")
        let firstExit = t.exitStatus()
        #expect(firstExit == 0, "\(t.transcript.suffix(300).debugDescription)")

        // After a restart, Up recalls the previous line from the persisted history.
        let again = try Terminal(home: home)
        again.prompt()
        again.send("\u{1B}[A")
        again.expect("1 + 1")
        again.send("\r")
        again.expect("= 2")
        again.prompt()
        again.send("\u{04}")
        let secondExit = again.exitStatus()
        #expect(secondExit == 0, "\(again.transcript.suffix(300).debugDescription)")
        let history = try String(contentsOfFile: home + "/.local/state/suan/history", encoding: .utf8)
        #expect(history.contains("(1万元 +\\\n2万元)"))  // a multi-line entry keeps its lines
        #expect(!history.contains("garbage"))
    }

    @Test func manyYearsOnARealTerminal() throws {
        let home = try Self.freshHome()
        let t = try Terminal(home: home)
        t.prompt()
        t.send("load 示例 2020..2022\r")
        t.expect("loaded 示例2022")
        t.expect("loaded 示例年份 from 示例2020, 示例2021, 示例2022")
        t.prompt()
        t.send("series(示例年份, fn(y) = y.项目支出)\r")
        t.expect("2021  425.00万元  25.00万元  6.25%")
        t.expect("6.07%")
        t.prompt()
        t.send(":help years\r")
        t.expect("history(示例年份")
        t.expect("632.26元/宗")
        t.prompt()
        t.send(":help data\r")
        t.expect("a two-row header reads as one")
        t.prompt()
        t.send(":quit\r")
        #expect(t.exitStatus() == 0)
    }

    @Test func commandsHelpVarsTypeSaveAndReset() throws {
        let home = try Self.freshHome()
        let saved = home + "/session.suan"
        let t = try Terminal(home: home)
        t.prompt()
        t.send(":help\r")
        t.expect(":help commands")
        t.prompt()
        t.send(":help language\r")
        t.expect("round(x, step)")
        t.prompt()
        t.send(":help what-if\r")
        t.expect("examples (run now on the bundled 2022 year)")
        t.expect("121.97万元")
        t.prompt()
        t.send("let 公用 = 380万元\r")
        t.prompt()
        t.send("1 / 0\r")
        t.expect("division by zero")
        t.prompt()
        t.send(":vars\r")
        t.expect("公用")
        t.prompt()
        t.send(":type 公用 / 2件\r")
        t.expect("Rate(per 件)")
        t.prompt()
        t.send(":save \(saved)\r")
        t.expect("saved 1 inputs")
        t.prompt()
        t.send(":save \(saved)\r")
        t.expect("already exists")
        t.expect(":save \(saved) force")
        t.prompt()
        t.send(":reset\r")
        t.expect("fresh")
        t.prompt()
        t.send("公用\r")
        t.expect("unknown name")
        t.prompt()
        t.send(":quit\r")
        #expect(t.exitStatus() == 0)
        // The saved script holds the successful input only, and runs.
        #expect(try String(contentsOfFile: saved, encoding: .utf8) == "let 公用 = 380万元\n")
    }

    /// `--no-write` holds at the REPL too: `:save` is refused through the same check as `export`.
    /// Issue 18: in the REPL a module's path starts at the current directory; a clash is an error
    /// after which the session goes on with what it had.
    @Test func modulesInTheREPLStartAtTheCurrentDirectory() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("suan-pty-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: home + "/lib", withIntermediateDirectories: true)
        try "let 基准 = 100万元\nfn 人均(total, n) = total / n\n".write(toFile: home + "/lib/口径.suan", atomically: true, encoding: .utf8)
        let t = try Terminal(home: home, directory: home)
        t.prompt()
        t.send("use \"lib/口径.suan\" as 口径\r")
        t.prompt()
        t.send("口径.人均(300万元, 3人)\r")
        t.expect("100.00万元/人")
        t.prompt()
        t.send("let 人均 = 1\r")
        t.prompt()
        t.send("use \"lib/口径.suan\"\r")
        t.expect("error: '人均' from lib/口径.suan is already defined")
        t.prompt()
        t.send("[人均, 口径.基准]\r")
        t.expect("[1, 100.00万元]")
        t.prompt()
        t.send(":quit\r")
        #expect(t.exitStatus() == 0)
    }

    @Test func saveIsRefusedUnderNoWrite() throws {
        let home = try Self.freshHome()
        let saved = home + "/session.suan"
        let t = try Terminal(home: home, arguments: ["--no-write"])
        t.prompt()
        t.send("1 + 1\r")
        t.prompt()
        t.send(":save \(saved)\r")
        t.expect("forbidden by --no-write")
        t.prompt()
        t.send(":quit\r")
        #expect(t.exitStatus() == 0)
        #expect(!FileManager.default.fileExists(atPath: saved))
    }

    /// Chinese first: the banner, results' type names, help and errors follow the language.
    @Test func theREPLSpeaksChinese() throws {
        let home = try Self.freshHome()
        let t = try Terminal(home: home, environment: ["SUAN_LANG=zh"])
        t.expect("输入 load 2022 开始")
        t.prompt()
        t.send("1万元 + 2万元\r")
        t.expect("[金额]")
        t.prompt()
        t.send("1万元 + 3件\r")
        t.expect("错误：不能把数量（件）加到金额上")
        t.prompt()
        t.send(":help\r")
        t.expect("从这里开始")
        t.prompt()
        t.send("\u{04}")
        #expect(t.exitStatus() == 0)
    }

    @Test func multiLineInputComesBackFromHistoryAsItsLines() throws {
        let home = try Self.freshHome()
        let t = try Terminal(home: home)
        t.prompt()
        t.send("load 2022\r")
        t.expect("loaded y2022")
        t.prompt()
        t.send("scenario s from y2022 {\r")
        t.prompt()
        t.send("基本支出 -= 5%\r")
        t.prompt()
        t.send("项目支出 -= 1%\r")
        t.prompt()
        t.send("}\r")
        t.expect("changed alone")
        t.prompt()
        t.send("s.总支出\r")
        t.expect("3,488.82万元")
        t.prompt()
        t.send(":quit\r")
        #expect(t.exitStatus() == 0)

        // In a new session the scenario comes back as the lines it was typed in, and runs.
        let again = try Terminal(home: home)
        again.prompt()
        again.send("load 2022\r")
        again.expect("loaded y2022")
        again.prompt()
        again.send("\u{1B}[A\u{1B}[A\u{1B}[A\u{1B}[A")  // load 2022, :quit, s.总支出, then the scenario
        again.expect("基本支出 -= 5%")
        Thread.sleep(forTimeInterval: 0.1)
        again.send("\r")
        again.expect("changed alone")
        again.prompt()
        again.send("s.总支出\r")
        again.expect("3,488.82万元")
        again.prompt()
        again.send(":quit\r")
        #expect(again.exitStatus() == 0)
    }

    @Test func tabListsACompleteNameBesideLongerOnesAndOffersYearsAndProjects() throws {
        let home = try Self.freshHome()
        let t = try Terminal(home: home)
        t.prompt()
        // After `load 示例 ` Tab offers the collection's years.
        t.send("load 示例 \t")
        t.expect("202")
        t.send("\t")
        t.expect("2020  2021  2022")
        t.send("1\r")
        t.expect("loaded 示例2021")
        t.prompt()
        t.send("load 2022\r")
        t.expect("loaded y2022")
        t.prompt()
        // Tab on a complete name that is also a prefix lists both and keeps what was typed.
        t.send("基本支出\t")
        t.expect("基本支出占比")
        t.send("\r")
        t.expect("= 2,433.84万元")
        t.prompt()
        // After `only`, Tab completes a project name.
        t.send("compare y2022 only 海\t")
        t.expect("珠区专职人民调解服务项目")
        t.send("\u{03}")
        t.prompt()
        // :vars shows a user's variable that shadows a prelude name.
        t.send("let 占比 = 3\r")
        t.prompt()
        t.send(":vars\r")
        t.expect("占比")
        t.prompt()
        t.send("\u{04}")
        #expect(t.exitStatus() == 0)
    }
}
