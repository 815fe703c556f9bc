import SuanBudget
import SuanCore
@preconcurrency import Glibc

/// The persistent REPL history: one entry per input, newest last, de-duplicated and bounded.
///
/// A multi-line input is one entry that keeps its lines. In the file, each of its lines but the last
/// ends with `\` (Suan's own line continuation), so `scenario s from y2022 {` … `}` comes back as
/// the lines it was typed in; a last line that itself ends with `\` is saved with a space after it.
///
/// Lives in `$SUAN_HISTORY`, else `$XDG_STATE_HOME/suan/history`, else `~/.local/state/suan/history`.
/// A missing file is an empty history; a corrupt or unwritable one is a warning, never a failure.
struct HistoryFile {
    static let limit = 1000
    let path: String?

    static func environment(_ name: String) -> String? {
        guard let raw = getenv(name) else { return nil }
        let value = String(cString: raw)
        return value.isEmpty ? nil : value
    }

    static var defaultPath: String? {
        if let explicit = environment("SUAN_HISTORY") { return explicit }
        if let state = environment("XDG_STATE_HOME") { return state + "/suan/history" }
        if let home = environment("HOME") { return home + "/.local/state/suan/history" }
        return nil
    }

    init(path: String? = HistoryFile.defaultPath) { self.path = path }

    /// The entries, oldest first, and a warning when the file could not be read whole.
    func load() -> (entries: [String], warning: String?) {
        guard let path, FileText.exists(path) else { return ([], nil) }
        do {
            let text = try FileText.read(path, span: .none)
            return (HistoryFile.normalized(HistoryFile.decoded(text)), nil)
        } catch {
            return ([], "warning: history \(path) could not be read (\(error.message)); starting afresh")
        }
    }

    /// Keeps the newest copy of each entry and at most `limit` entries.
    static func normalized(_ entries: [String]) -> [String] {
        var seen: Set<String> = []
        var kept: [String] = []
        for e in entries.reversed() where !e.isEmpty && seen.insert(e).inserted { kept.append(e) }
        return Array(kept.prefix(limit).reversed())
    }

    /// The entry for an input: its lines as typed, without blank lines or trailing spaces.
    static func entry(for input: String) -> String {
        input.split(separator: "\n").map { $0.trimmingTrailingWhitespace }.filter { !$0.isEmpty }.joined(separator: "\n")
    }

    /// The file's text for `entries`: a line ending in `\` continues the entry on the next line.
    static func encoded(_ entries: [String]) -> String {
        entries.map { entry in
            var lines = entry.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for i in lines.indices.dropLast() { lines[i] += "\\" }
            if lines.last?.hasSuffix("\\") == true { lines[lines.count - 1] += " " }
            return lines.joined(separator: "\n") + "\n"
        }.joined()
    }

    /// The entries in a history file's text (see ``encoded(_:)``).
    static func decoded(_ text: String) -> [String] {
        var entries: [String] = []
        var current: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasSuffix("\\") {
                current.append(line.dropLast())
                continue
            }
            current.append(line)
            let entry = current.joined(separator: "\n")
            current = []
            if !entry.trimmingCharacters.isEmpty { entries.append(entry) }
        }
        if !current.isEmpty { entries.append(current.joined(separator: "\n")) }
        return entries
    }

    /// Writes through a temporary file and a rename; returns a warning instead of failing.
    func save(_ entries: [String]) -> String? {
        guard let path else { return nil }
        if let slash = path.lastIndex(of: "/") { HistoryFile.makeDirectories(String(path[..<slash])) }
        do {
            try FileText.write(HistoryFile.encoded(HistoryFile.normalized(entries)), to: path, force: true, by: .history, span: .none)
            return nil
        } catch {
            return "warning: history not saved to \(path): \(error.message)"
        }
    }

    static func makeDirectories(_ path: String) {
        var current = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            current += "/" + part
            mkdir(current, 0o700)
        }
    }
}

extension Substring {
    var trimmingTrailingWhitespace: String {
        String(reversed().drop(while: { $0 == " " || $0 == "\t" || $0 == "\r" }).reversed())
    }

    var trimmingCharacters: String {
        String(drop(while: { $0 == " " || $0 == "\t" || $0 == "\r" }).reversed().drop(while: { $0 == " " || $0 == "\t" || $0 == "\r" }).reversed())
    }
}
