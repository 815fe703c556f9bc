import Foundation
import SuanCore
import SuanREPL
import SuanReply
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// `suan --machine`: the session for programs (a notebook kernel, an editor), on standard input and
/// output. One request per line, one JSON reply per line, in order (docs/machine.md):
///
///     {"id":1,"code":"load 2022\n基本支出 / 总支出"}
///     → {"id":1,"status":"success","results":[…],"diagnostics":[],"html":"…","hasTables":false,"charts":[]}
///     {"id":2,"complete":"基本"}
///     → {"id":2,"status":"success","replacing":2,"matches":["基本支出",…]}
///     {"id":3,"inspect":"基本支出"}
///     → {"id":3,"status":"success","type":"Money","text":"2,433.84万元","found":true}
///
/// Each `code` runs as a REPL line does: a failure leaves the session as it was. SIGINT stops the
/// run going on (its reply says `interrupted`) and the session goes on; at the end of input the
/// process exits 0. The `id` is echoed as it came (any JSON value, `null` when absent).
struct MachineMode {
    /// The longest request line taken (bytes).
    static let lineLimit = 16 << 20
    /// The most rows of one table a reply holds; a note under the table counts the rest, and
    /// `export` writes them all (docs/machine.md). A million-row table would otherwise be a reply of
    /// hundreds of megabytes that no notebook can show.
    static let rowsShown = 1_000
    /// The widest value an inspection shows (display columns), as an editor's hover cuts it.
    static let inspectedWidth = 300

    var session: Session
    private var runs = 0

    init(session: Session) {
        self.session = session
    }

    /// Answers requests until the end of standard input; returns the exit status.
    mutating func run() -> Int32 {
        while let line = readLine(strippingNewline: true) {
            if line.allSatisfy(\.isWhitespace) { continue }
            let reply = answer(line)
            FileHandle.standardOutput.write(Data((reply + "\n").utf8))
        }
        return 0
    }

    /// The reply to one request line.
    mutating func answer(_ line: String) -> String {
        let language = session.settings.language
        guard line.utf8.count <= MachineMode.lineLimit else {
            return MachineMode.refusal(id: "null", .tooLong(limit: MachineMode.lineLimit), language)
        }
        // Foundation's reason for refusing a line is English whatever the locale: only the fact is told.
        guard let parsed = try? JSONSerialization.jsonObject(with: Data(line.utf8), options: [.fragmentsAllowed]) else {
            return MachineMode.refusal(id: "null", .notJSON, language)
        }
        guard let object = parsed as? [String: Any] else { return MachineMode.refusal(id: "null", .notAnObject, language) }
        let id = MachineMode.echo(object["id"])
        if let code = object["code"] as? String {
            let fields = MachineCommand(code).map { $0.reply(session: session) } ?? execute(code)
            return "{\"id\":" + id + "," + fields.joined(separator: ",") + "}"
        }
        if let before = object["complete"] as? String {
            let completion = Completer(session: session).complete(before)
            return "{\"id\":" + id + ",\"status\":\"success\",\"replacing\":\(completion.replacing),\"matches\":["
                + completion.candidates.map(JSONRenderer.string).joined(separator: ",") + "]}"
        }
        if let text = object["inspect"] as? String {
            return "{\"id\":" + id + "," + inspect(text).joined(separator: ",") + "}"
        }
        return MachineMode.refusal(id: id, .noRequest, language)
    }

    /// What an editor's or notebook's inspection shows for `text` (a name, a field path or a help
    /// topic): its type, its value when it is a variable, and the `:help` text when it names a topic.
    func inspect(_ text: String) -> [String] {
        let language = session.settings.language
        let name = text.trimmingCharacters(in: .whitespacesAndNewlines)
        var fields = ["\"status\":\"success\""]
        var found = false
        if !name.isEmpty, case .success(let type) = session.typeOf(name) {
            found = true
            fields.append("\"type\":" + JSONRenderer.string(language == .chinese ? MessageCatalogue.term(type.name) : type.name))
            if let value = session.inspectedValue(of: name) {
                // A year's whole record is thousands of characters: the inspection shows its start.
                fields.append("\"text\":" + JSONRenderer.string(DisplayWidth.truncated(session.formatter.text(value), to: MachineMode.inspectedWidth)))
            }
        }
        if let help = HelpTopics.text(of: name, in: language) {
            found = true
            fields.append("\"help\":" + JSONRenderer.string(help))
        }
        return fields + ["\"found\":" + (found ? "true" : "false")]
    }

    /// Runs `code` as one transaction and returns the reply's members.
    mutating func execute(_ code: String) -> [String] {
        runs += 1
        // A Ctrl-C that came while no run was going on is not for this run.
        Interruption.clear()
        var collector = RunReply.Collector(rowsShown: MachineMode.rowsShown)
        let status = session.run(code, name: "<cell:\(runs)>", transactional: true) { collector.take($0) }
        Interruption.clear()
        let reply = collector.reply(status: status, session: session, exports: false, chartsApart: true)
        return reply.machineFields + MachineMode.undoneNote(status, session.settings.language)
    }

    /// For a run that did not succeed, `"undone"`: the sentence a notebook puts under the error,
    /// saying that the results shown were undone with the rest of the cell.
    static func undoneNote(_ status: Session.Status, _ language: Language) -> [String] {
        let note: Message
        switch status {
        case .success: return []
        case .interrupted: note = "interrupted: the whole cell was undone; the session is as it was before this cell"
        case .failure, .incomplete: note = "the whole cell was undone (what it showed above included); the session is as it was before this cell"
        }
        return ["\"undone\":" + JSONRenderer.string(note.text(in: language))]
    }

    /// The id as JSON: what the request held, re-encoded, or `null`.
    static func echo(_ id: Any?) -> String {
        guard let id, !(id is NSNull),
              let data = try? JSONSerialization.data(withJSONObject: id, options: [.fragmentsAllowed, .withoutEscapingSlashes]) else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }

    static func refusal(id: String, _ error: MachineError, _ language: Language) -> String {
        "{\"id\":" + id + ",\"status\":\"error\",\"error\":" + error.object(in: language) + "}"
    }
}
