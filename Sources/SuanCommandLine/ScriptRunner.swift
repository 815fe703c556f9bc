import SuanCore
import SuanBudget
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// A file that could not be read, with the message to print.
package struct ReadFailure: Error {
    package var message: String
    /// Ctrl-C or `--timeout` stopped the read.
    package var interrupted = false
}

/// Runs scripts from files and standard input, mapping outcomes to exit codes.
package enum ScriptRunner {
    /// Reads a file as UTF-8; invalid bytes are reported with their line and column.
    package static func read(_ path: String, words: CommandWords) -> Result<String, ReadFailure> {
        switch FileText.readBytes(path, streams: true) {
        case .failure(let e) where e.interrupted: return .failure(ReadFailure(message: "", interrupted: true))
        case .failure(let e): return .failure(ReadFailure(message: words.cannotOpen(path, e.message)))
        case .success(let bytes): return decode(bytes, name: path)
        }
    }

    package static func decode(_ bytes: [UInt8], name: String) -> Result<String, ReadFailure> {
        SourceDecoding.decode(bytes).mapError { ReadFailure(message: $0.message(in: name)) }
    }

    package static func runFile(_ path: String, session: inout Session, printer: Console) -> Int32 {
        switch read(path, words: printer.words) {
        case .failure(let failure) where failure.interrupted:
            return interruptedStatus(printer.words)
        case .failure(let failure):
            Console.error(failure.message)
            return 1
        case .success(let text):
            return runText(text, name: path, directory: FileText.directory(of: path), session: &session, printer: printer)
        }
    }

    package static func runStandardInput(session: inout Session, printer: Console) -> Int32 {
        let bytes: [UInt8]
        switch FileText.readBounded(0) {
        case .success(let b): bytes = b
        case .failure(let e) where e.interrupted: return interruptedStatus(printer.words)
        case .failure(let e):
            Console.error(printer.words.cannotReadStandardInput(e.message))
            return 1
        }
        switch decode(bytes, name: "<stdin>") {
        case .failure(let failure):
            Console.error(failure.message)
            return 1
        case .success(let text):
            return runText(text, name: "<stdin>", session: &session, printer: printer)
        }
    }

    /// Runs a whole script; its paths start from `directory` (the script's folder) when given.
    package static func runText(_ text: String, name: String, directory: String? = nil, session: inout Session, printer: Console) -> Int32 {
        let status = run(text, name: name, directory: directory, transactional: false, session: &session, printer: printer)
        return exitStatus(status, printer: printer, session: session) ?? 0
    }

    /// Runs one piece of source, printing results as they come and diagnostics once it ends.
    package static func run(_ text: String, name: String, directory: String? = nil, transactional: Bool, session: inout Session, printer: Console) -> Session.Status {
        var pending: [Diagnostic] = []
        // The sources a diagnostic of this run can point into, known before it starts: a warning
        // prints where it happens, between the outputs around it. One inside a data file read by
        // this run (its source is added as the run goes) prints when the run ends.
        let known = session.sources + [SourceFile(name: name, text: text)]
        let status = session.run(text, name: name, directory: directory, transactional: transactional) { event in
            guard case .diagnostic(let d) = event else { printer.show(event); return }
            if d.span.file >= 0 && Int(d.span.file) < known.count && d.origin.map({ $0.file >= 0 && Int($0.file) < known.count }) != false {
                printer.diagnostic(d, sources: known)
            } else {
                pending.append(d)
            }
        }
        for d in pending { printer.diagnostic(d, session: session) }
        return status
    }

    /// `nil` to go on, or the exit status to stop with.
    package static func exitStatus(_ status: Session.Status, printer: Console, session: Session) -> Int32? {
        switch status {
        case .success: return nil
        case .failure: return 1
        case .incomplete:
            return 1  // the diagnostic, pointing at the open bracket, is already printed
        case .interrupted:
            return interruptedStatus(printer.words)
        }
    }

    /// Reports Ctrl-C (exit 130) or `--timeout` (exit 1).
    package static func interruptedStatus(_ words: CommandWords) -> Int32 {
        if TimedOut.flag.load(ordering: .relaxed) {
            Console.error(words.timedOut)
            return 1
        }
        Console.error(words.interrupted)
        return 130
    }
}
