import ArgumentParser
import Dispatch
import SuanBudget
import SuanCommandLine
import SuanCore
import SuanServe
import Synchronization
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// `suan serve [FILE] [--port N] [--host ADDR] [--open]`: the browser view (docs/serve.md).
///
/// The executable `suan-serve`, which `suan` runs in its place when its first argument is `serve`,
/// so that `suan FILE` keeps its positional FILE with no subcommand in the way (a script named
/// `serve` runs as `suan ./serve`), and so that `suan` itself does not load the server's networking.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suan serve",
        abstract: "Serve the browser view and its HTTP interface (docs/serve.md).",
        discussion: """
            Prints `Suan serving http://127.0.0.1:PORT/` once it listens; Ctrl-C stops it.
            Each browser tab gets a session of its own, a copy of the starting one (FILE, when given).
            Files are never written from the browser (as with --no-write).
            """
    )

    @Argument(help: "A script that sets up the starting session (*.suan).")
    var file: String?

    @Option(name: .customLong("port"), help: "The port to listen on (0 picks a free one).")
    var port: Int = 8080

    @Option(name: .customLong("host"), help: "The address to listen on; other than loopback, anyone on the network can run code.")
    var host: String = "127.0.0.1"

    @Flag(name: .customLong("open"), help: "Open the page in the default browser (xdg-open).")
    var open = false

    @Option(name: .customLong("timeout"), help: "Seconds one run may take before it is stopped.")
    var timeout: Double = 10

    @Option(name: .customLong("max-body"), help: "The largest request body, in bytes.")
    var maxBody: Int = 1 << 20

    @Option(name: .customLong("max-sessions"), help: "How many sessions may be open at once.")
    var maxSessions: Int = 50

    @Option(name: .customLong("idle"), help: "Seconds after which an unused session is closed.")
    var idle: Double = 1800

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard timeout > 0 && timeout <= 3600 else { throw ValidationError("--timeout must be between 0 and 3600 seconds") }
        guard maxBody > 0 else { throw ValidationError("--max-body must be a positive number of bytes") }
        guard maxSessions > 0 && maxSessions <= 10_000 else { throw ValidationError("--max-sessions must be between 1 and 10000") }
        guard idle > 0 else { throw ValidationError("--idle must be a positive number of seconds") }
    }

    var limits: ServeLimits {
        var l = ServeLimits()
        l.runSeconds = timeout
        l.bodyBytes = maxBody
        l.sessions = maxSessions
        l.idleSeconds = idle
        return l
    }

    /// Serves until Ctrl-C (or SIGTERM); returns the exit status.
    func execute() -> Int32 {
        var settings = Settings()
        settings.unicode = true
        settings.language = CommandEnvironment.language
        let words = CommandWords(language: settings.language)
        var template = Session(domain: BudgetDomain(allowsWrites: false), settings: settings)
        for problem in template.stdlibProblems { Console.error(words.stdlibProblem(problem)) }
        if let file {
            guard let status = ServeCommand.setUp(file, session: &template, words: words) else { return 1 }
            if status != 0 { return status }
        }
        let server: SuanServer
        do {
            server = try SuanServer(template: template, file: file, host: host, port: UInt16(port), limits: limits,
                                    language: settings.language, version: CommandEnvironment.version)
        } catch {
            Console.error(words.serveBadHost(host))
            return 2
        }
        let finished = DispatchSemaphore(value: 0)
        let outcome = ServeOutcome()
        let open = self.open
        let task = Task {
            do {
                try await server.run { url in
                    print("Suan serving \(url)")
                    fflush(stdout)
                    if open { ServeCommand.openBrowser(url, words: words) }
                }
            } catch {
                // Stopping closes the socket under the server, which then reports it as an error.
                if !outcome.stopping { outcome.failure = "\(error)" }
            }
            finished.signal()
        }
        let stops = ServeCommand.watchSignals {
            outcome.stopping = true
            task.cancel()
        }
        finished.wait()
        withExtendedLifetime(stops) {}
        if let failure = outcome.failure {
            Console.error(words.serveFailed(failure))
            return 1
        }
        fputs(words.serveStopped + "\n", stderr)
        return 0
    }

    /// Runs FILE in the starting session; prints its diagnostics. Nil when it could not be read.
    static func setUp(_ file: String, session: inout Session, words: CommandWords) -> Int32? {
        switch ScriptRunner.read(file, words: words) {
        case .failure(let failure):
            Console.error(failure.message)
            return nil
        case .success(let text):
            var problems: [Diagnostic] = []
            let status = session.run(text, name: file, directory: FileText.directory(of: file), transactional: false) { event in
                if case .diagnostic(let d) = event { problems.append(d) }
            }
            for d in problems { Console.error(session.render(d)) }
            return status == .success ? 0 : 1
        }
    }

    /// Ctrl-C and SIGTERM stop the server: the sources are kept alive by the caller.
    static func watchSignals(_ stop: @escaping @Sendable () -> Void) -> [any DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler(handler: stop)
            source.resume()
            return source
        }
    }

    /// `xdg-open URL`, when there is one; a failure to open is not an error.
    static func openBrowser(_ url: String, words: CommandWords) {
        var pid = pid_t()
        let arguments = ["xdg-open", url]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        if posix_spawnp(&pid, "xdg-open", nil, nil, &argv, environ) != 0 {
            Console.error(words.serveCannotOpen(url))
        }
    }
}

/// How the server task ended, for the thread that waits for it.
final class ServeOutcome: Sendable {
    private let state = Mutex<(failure: String?, stopping: Bool)>((nil, false))

    var failure: String? {
        get { state.withLock { $0.failure } }
        set { state.withLock { $0.failure = newValue } }
    }

    /// Set by Ctrl-C or SIGTERM: the server is being stopped on purpose.
    var stopping: Bool {
        get { state.withLock { $0.stopping } }
        set { state.withLock { $0.stopping = newValue } }
    }
}
