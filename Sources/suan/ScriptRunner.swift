import SuanCore
import SuanBudget
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// A file that could not be read, with the message to print.
struct ReadFailure: Error {
    var message: String
}

/// Runs scripts from files and standard input, mapping outcomes to exit codes.
enum ScriptRunner {
    /// Reads a file as UTF-8; invalid bytes are reported with their line and column.
    static func read(_ path: String) -> Result<String, ReadFailure> {
        switch FileText.readBytes(path) {
        case .failure(let e): return .failure(ReadFailure(message: "suan: error: cannot open '\(path)': \(e.message)"))
        case .success(let bytes): return decode(bytes, name: path)
        }
    }

    static func decode(_ bytes: [UInt8], name: String) -> Result<String, ReadFailure> {
        SourceDecoding.decode(bytes).mapError { ReadFailure(message: $0.message(in: name)) }
    }

    static func runFile(_ path: String, session: inout Session, printer: Console) -> Int32 {
        switch read(path) {
        case .failure(let failure):
            Console.error(failure.message)
            return 1
        case .success(let text):
            return runText(text, name: path, session: &session, printer: printer)
        }
    }

    static func runStandardInput(session: inout Session, printer: Console) -> Int32 {
        var bytes: [UInt8] = []
        while true {
            let c = getchar()
            if c == EOF { break }
            bytes.append(UInt8(truncatingIfNeeded: c))
        }
        switch decode(bytes, name: "<stdin>") {
        case .failure(let failure):
            Console.error(failure.message)
            return 1
        case .success(let text):
            return runText(text, name: "<stdin>", session: &session, printer: printer)
        }
    }

    static func runText(_ text: String, name: String, session: inout Session, printer: Console) -> Int32 {
        let status = run(text, name: name, transactional: false, session: &session, printer: printer)
        return exitStatus(status, printer: printer, session: session) ?? 0
    }

    /// Runs one piece of source, printing results as they come and diagnostics once it ends.
    static func run(_ text: String, name: String, transactional: Bool, session: inout Session, printer: Console) -> Session.Status {
        var pending: [Diagnostic] = []
        let status = session.run(text, name: name, transactional: transactional) { event in
            if case .diagnostic(let d) = event { pending.append(d) } else { printer.show(event) }
        }
        for d in pending { Console.error(session.render(d, colour: printer.colourErrors)) }
        return status
    }

    /// `nil` to go on, or the exit status to stop with.
    static func exitStatus(_ status: Session.Status, printer: Console, session: Session) -> Int32? {
        switch status {
        case .success: return nil
        case .failure: return 1
        case .incomplete:
            return 1  // the diagnostic, pointing at the open bracket, is already printed
        case .interrupted:
            if TimedOut.flag.load(ordering: .relaxed) {
                Console.error("suan: error: timed out (--timeout)")
                return 1
            }
            Console.error("suan: interrupted (已中断)")
            return 130
        }
    }
}
