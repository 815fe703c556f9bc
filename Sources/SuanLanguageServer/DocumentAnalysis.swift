import Foundation
import SuanCore
import SuanREPL

/// One open document run in a fresh session: the diagnostics the editor shows, and the session
/// that hover and completion ask afterwards.
///
/// The document is run, not only checked, so that hover can show values (`基本支出: Money =
/// 2,433.84万元`) and the diagnostics include what only running finds (a failed `assert`). Running
/// is safe because the session the server makes cannot write files (the `--no-write` domain), and
/// bounded: a step budget per statement, a cap on table rows, and a deadline after which the run
/// stops as Ctrl-C stops it (``limits``). Checking comes before running, so every static error is
/// reported even when the run is stopped.
struct DocumentAnalysis {
    /// How far a document's run may go.
    struct Limits {
        /// Calls and loop steps per statement.
        var steps = 5_000_000
        /// Rows a table may have.
        var tableRows = 100_000
        /// Seconds the whole document may run.
        var seconds = 5.0
    }

    static let limits = Limits()

    /// The session after the run (on a static error: before it, with the document's source added).
    let session: Session
    /// The document's index in the session's sources.
    let file: Int
    /// The document's folder, where its relative paths start; nil when it is not a file.
    let folder: String?
    let status: Session.Status
    let diagnostics: [Diagnostic]

    /// Runs `text` in `session`; `path` (a file path) names the source and sets the folder its
    /// `load` paths start from.
    init(_ text: String, path: String?, name: String, session fresh: Session, limits: Limits = DocumentAnalysis.limits) {
        var session = fresh
        session.settings.maximumSteps = limits.steps
        session.settings.maximumTableRows = limits.tableRows
        file = session.sources.count
        var found: [Diagnostic] = []
        let stop = StopRequest()
        let deadline = DispatchWorkItem { stop.request() }
        DispatchQueue.global().asyncAfter(deadline: .now() + limits.seconds, execute: deadline)
        let folder = path.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path }
        self.folder = folder
        status = stop.installed {
            session.run(text, name: path ?? name, directory: folder, transactional: false) { event in
                guard case .diagnostic(let d) = event else { return }
                // A write refused by the no-write session is not the script's mistake: say what it means here.
                found.append(d.id == .noWrite
                    ? Diagnostic(.note, id: .noWrite, "the editor does not run a statement that writes a file; the statements after it are checked but not run", at: d.span)
                    : d)
            }
        }
        deadline.cancel()
        if status == .interrupted {
            // Where the run stopped is not known: the warning goes at the top, where it is seen.
            found.append(Diagnostic(.warning, id: .interrupted,
                                    "the document ran longer than \(Int(limits.seconds)) seconds and was stopped; hover shows only what ran before that",
                                    at: SourceSpan(file: Int32(file), start: 0, end: 0)))
        }
        self.session = session
        diagnostics = found
    }

    /// Whether hover and completion can use the run: it succeeded, or it stopped only at a statement
    /// that writes a file (the editor's session refuses it; a note, not an error, says so).
    var isUsable: Bool {
        status == .success || (status == .failure && !diagnostics.contains { $0.severity == .error })
    }

    /// The 0-based lines of the document where its errors start.
    var errorLines: Set<Int> {
        Set(diagnostics.filter { $0.severity == .error && Int($0.span.file) == file }.map {
            session.sources[file].position(of: Int($0.span.start)).line - 1
        })
    }

    /// The diagnostics as the protocol's `Diagnostic` objects. One found in another source (a year
    /// file the document loads) is placed at the document's start, with its own location in front.
    func published() -> [[String: Any]] {
        let language = session.settings.language
        let document = session.sources[file]
        return diagnostics.map { d in
            var message = d.text.text(in: language)
            var start = UTF16Position(line: 0, character: 0), end = start
            if Int(d.span.file) == file {
                start = UTF16Position(offset: Int(d.span.start), in: document)
                end = UTF16Position(offset: max(Int(d.span.start), Int(d.span.end)), in: document)
            } else if d.span.file >= 0 && Int(d.span.file) < session.sources.count {
                message = session.sources[Int(d.span.file)].location(of: Int(d.span.start)) + ": " + message
            }
            for note in d.notes { message += "\n" + note.text(in: language) }
            let severity = switch d.severity {
            case .error: 1
            case .warning: 2
            case .note: 3
            }
            return ["range": ["start": start.object, "end": end.object], "severity": severity,
                    "code": d.id.rawValue, "source": "suan", "message": message]
        }
    }

    /// Hover: the type of the name or field path up to the word at `position` (`y2022` on `y2022`,
    /// `y2022.基本支出` on `基本支出`), its value, and
    /// the `:help` text when the word names a help topic. Nil when the word is none of these.
    func hover(at position: UTF16Position, in text: String) -> [String: Any]? {
        let (before, after) = position.split(text)
        func isWord(_ c: Character) -> Bool { c == "_" || c == "." || c.isLetter || c.isNumber }
        let head = before.reversed().prefix(while: isWord).reversed(), tail = after.prefix { isWord($0) && $0 != "." }
        let word = (String(head) + tail).trimmingCharacters(in: CharacterSet(charactersIn: "."))
        guard !word.isEmpty, !word.first!.isNumber else { return nil }
        let language = session.settings.language
        var lines: [String] = []
        if case .success(let type) = session.typeOf(word) {
            let typeName = language == .chinese ? MessageCatalogue.term(type.name) : type.name
            var line = "**\(word)**: `\(typeName)`"
            if let value = value(of: word) { line += " = " + DocumentAnalysis.shortened(session.formatter.text(value)) }
            lines.append(line)
        }
        if let help = HelpTopics.text(of: word, in: language) { lines.append("```\n" + help + "\n```") }
        guard !lines.isEmpty else { return nil }
        let start = UTF16Position(line: position.line, character: position.character - String(head).utf16.count)
        let end = UTF16Position(line: position.line, character: position.character + String(tail).utf16.count)
        return ["contents": ["kind": "markdown", "value": lines.joined(separator: "\n\n")],
                "range": ["start": start.object, "end": end.object]]
    }

    /// The most characters of a value a hover shows: a year's whole record is thousands.
    static let hoverValueLimit = 300

    /// `text`, cut after ``hoverValueLimit`` characters with an ellipsis.
    static func shortened(_ text: String) -> String {
        text.count <= hoverValueLimit ? text : String(text.prefix(hoverValueLimit)) + " …"
    }

    /// The value of a name or field path (a lookup runs no user code, so it needs no limits of its own).
    func value(of path: String) -> Value? { session.inspectedValue(of: path) }

    /// Completion at `position`: what the REPL's Tab offers for the line before the cursor, each
    /// with the edit that replaces the word being typed.
    func completion(at position: UTF16Position, in text: String) -> [String: Any] {
        let (before, after) = position.split(text)
        let completion = Completer(session: session, folder: folder).complete(before)
        let replaced = String(before.suffix(completion.replacing)).utf16.count
        let start = UTF16Position(line: position.line, character: position.character - replaced).object
        let items: [[String: Any]] = completion.candidates.map { candidate in
            let end = UTF16Position(line: position.line, character: position.character + DocumentAnalysis.closing(of: candidate, before: after))
            return ["label": candidate, "textEdit": ["range": ["start": start, "end": end.object], "newText": candidate]]
        }
        return ["isIncomplete": false, "items": items]
    }

    /// How many UTF-16 units after the cursor a candidate's edit also replaces: the `"]` (or `"`)
    /// an editor put there when it closed the quote and bracket of `项目["` itself, which the
    /// candidate `项目名"]` brings again.
    static func closing(of candidate: String, before after: String) -> Int {
        guard candidate.hasSuffix("\"]") else { return 0 }
        if after.hasPrefix("\"]") { return 2 }
        return after.hasPrefix("\"") ? 1 : 0
    }
}
