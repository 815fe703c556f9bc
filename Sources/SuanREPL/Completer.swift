import SuanCore
import SuanStdlib
@preconcurrency import Glibc

/// Tab completion, independent of libedit so that tests can drive it: given the text before the
/// cursor, what could the word being typed become?
///
/// - after `.`: the fields of the value before the dot (`y2022.` → 基本支出, 项目, …);
/// - inside `项目["` (any list of records): the records' 名称;
/// - after `load "` and `use "`: file paths; after `load 示例 `: the collection's bundled years;
/// - after `use `: the Stdlib modules (units, prelude, scoring, planning);
/// - after `compare … only` (and each `,` after it): the compared years' project names;
/// - right after digits: unit words (万元, %, 件, …);
/// - otherwise: keywords, REPL commands and names in scope (CJK included), the typed name itself too
///   when it is complete, so that Tab on `基本支出` lists it beside `基本支出占比` instead of replacing it.
public struct Completer {
    public struct Completion: Equatable, Sendable {
        /// How many characters before the cursor the candidates replace.
        public var replacing: Int
        public var candidates: [String]

        /// The longest prefix every candidate shares.
        public var commonPrefix: String {
            guard var prefix = candidates.first.map(Array.init) else { return "" }
            for c in candidates.dropFirst() {
                let chars = Array(c)
                var n = 0
                while n < prefix.count && n < chars.count && prefix[n] == chars[n] { n += 1 }
                prefix = Array(prefix[..<n])
            }
            return String(prefix)
        }
    }

    static let commands = [":help", ":vars", ":type", ":load", ":save", ":reset", ":quit"]
    static let unitWords = ["元", "万元", "亿元", "%", "‰", "pp", "个百分点"]

    let session: Session
    /// The folder relative paths start from (a document's, in an editor); nil for the current directory.
    public var folder: String?

    public init(session: Session, folder: String? = nil) {
        self.session = session
        self.folder = folder
    }

    static func isWordCharacter(_ c: Character) -> Bool {
        c == "_" || c.isLetter || c.isNumber
    }

    public func complete(_ before: String) -> Completion {
        let chars = Array(before)
        // Inside a string: project names after xs[", paths after load " and use ".
        if let quote = chars.lastIndex(where: { $0 == "\"" }), chars[..<quote].filter({ $0 == "\"" }).count % 2 == 0 {
            let typed = String(chars[(quote + 1)...])
            let head = String(chars[..<quote]).trimmingTrailingSpaces
            if head.hasSuffix("load") || head.hasSuffix("use") || head.hasSuffix(":load") || head.hasSuffix(":save") || head.hasSuffix("to") {
                return Completion(replacing: typed.count, candidates: paths(typed))
            }
            if let names = onlyCandidates(head) {
                return Completion(replacing: typed.count, candidates: names.filter { $0.hasPrefix(typed) }.map { $0 + "\"" })
            }
            if head.hasSuffix("[") {
                let base = String(head.dropLast())
                return Completion(replacing: typed.count, candidates: recordNames(in: base).filter { $0.hasPrefix(typed) }.map { $0 + "\"]" })
            }
            return Completion(replacing: 0, candidates: [])
        }
        var start = chars.count
        while start > 0 && Completer.isWordCharacter(chars[start - 1]) { start -= 1 }
        var word = String(chars[start...])
        if start > 0 && chars[start - 1] == ":" && (start == 1 || chars[start - 2] == " ") {
            word = ":" + word
            return Completion(replacing: word.count, candidates: Completer.commands.filter { $0.hasPrefix(word) })
        }
        if let years = bundledYears(String(chars[..<start])) {
            return Completion(replacing: word.count, candidates: years.filter { $0.hasPrefix(word) })
        }
        if String(chars[..<start]).trimmingTrailingSpaces == "use" && start > 3 {
            return Completion(replacing: word.count, candidates: session.stdlibModules.filter { $0.hasPrefix(word) })
        }
        if let names = onlyCandidates(String(chars[..<start])) {
            return Completion(replacing: word.count, candidates: names.filter { $0.hasPrefix(word) && $0.allSatisfy(Completer.isWordCharacter) })
        }
        // A unit after digits: "3622.4万" → 万元.
        // (Character.isNumber is true for 万 and 亿, so digits are ASCII digits here.)
        func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber || c == "." || c == "_" }
        if let firstLetter = word.firstIndex(where: { !isDigit($0) }), firstLetter != word.startIndex,
           word[..<firstLetter].allSatisfy(isDigit) {
            let typed = String(word[firstLetter...])
            return Completion(replacing: typed.count, candidates: unitCandidates().filter { $0.hasPrefix(typed) })
        }
        if !word.isEmpty && word.allSatisfy(isDigit) {
            return Completion(replacing: 0, candidates: unitCandidates())
        }
        // Fields after a dot.
        if start > 0 && chars[start - 1] == "." {
            let base = String(chars[..<(start - 1)])
            return Completion(replacing: word.count, candidates: fields(of: base).filter { $0.hasPrefix(word) })
        }
        let pool = Keyword.allCases.map(\.rawValue) + session.names + (start == 0 ? Completer.commands : [])
        guard !word.isEmpty else { return Completion(replacing: 0, candidates: []) }
        return Completion(replacing: word.count, candidates: Array(Set(pool.filter { $0.hasPrefix(word) })).sorted())
    }

    /// The bundled years of the collection `head` loads (`load 示例 ` → 2020, 2021, 2022), or nil.
    func bundledYears(_ head: String) -> [String]? {
        let words = head.split(separator: " ")
        guard head.hasSuffix(" "), words.count == 2, words[0] == "load" else { return nil }
        let years = StdlibFiles.bundled.filter { $0.collection == String(words[1]) }.map { String($0.year) }
        return years.isEmpty ? nil : years
    }

    /// The project names of the years and scenarios a `compare … only` compares, when `head` ends
    /// where an `only` key goes (after `only` or a comma that follows it); nil elsewhere.
    func onlyCandidates(_ head: String) -> [String]? {
        let trimmed = head.trimmingTrailingSpaces
        let words = trimmed.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        guard let only = words.lastIndex(of: "only"), let compare = words[..<only].lastIndex(of: "compare"),
              words.last == "only" || trimmed.hasSuffix(",") else { return nil }
        let items = words[(compare + 1)..<only]
        var names: [String] = []
        for item in items {
            guard case .record(let year)? = value(of: item), case .list(let projects)? = year["项目"] else { continue }
            for case .record(let p) in projects {
                if case .string(let n)? = p["名称"], !names.contains(n) { names.append(n) }
            }
        }
        return names
    }

    func unitCandidates() -> [String] {
        Completer.unitWords + session.countWords.sorted()
    }

    /// The value an expression such as `y2022` or `y2022.项目["名称"]` names, without running code:
    /// only names, fields and string indexes are followed.
    func value(of expression: String) -> Value? {
        var text = Substring(expression)
        var start = text.endIndex
        // Take the trailing path: name { .field | ["name"] }.
        var depth = 0
        while start > text.startIndex {
            let c = text[text.index(before: start)]
            if c == "]" { depth += 1 } else if c == "[" { depth -= 1 }
            if depth == 0 && !(Completer.isWordCharacter(c) || c == "." || c == "]" || c == "[" || c == "\"") { break }
            if depth < 0 { break }
            start = text.index(before: start)
        }
        text = text[start...]
        var parts: [String] = []
        var current = ""
        var inString = false
        for c in text {
            if c == "\"" { inString.toggle(); continue }
            if !inString && (c == "." || c == "[" || c == "]") {
                if !current.isEmpty { parts.append(current); current = "" }
                continue
            }
            current.append(c)
        }
        if !current.isEmpty { parts.append(current) }
        guard let first = parts.first, var value = session.value(of: first) else { return nil }
        for part in parts.dropFirst() {
            switch value {
            case .record(let r): guard let v = r[part] else { return nil }; value = v
            case .list(let items):
                guard let found = items.first(where: { if case .record(let r) = $0, case .string(let n)? = r["名称"] { n == part } else { false } }) else { return nil }
                value = found
            default: return nil
            }
        }
        return value
    }

    func fields(of base: String) -> [String] {
        guard case .record(let r)? = value(of: base) else { return [] }
        return r.keys
    }

    func recordNames(in base: String) -> [String] {
        guard case .list(let items)? = value(of: base) else { return [] }
        return items.compactMap { if case .record(let r) = $0, case .string(let n)? = r["名称"] { n } else { nil } }
    }

    func paths(_ typed: String) -> [String] {
        let slash = typed.lastIndex(of: "/")
        let directory = slash.map { String(typed[...$0]) } ?? ""
        let prefix = slash.map { String(typed[typed.index(after: $0)...]) } ?? typed
        let listed = directory.hasPrefix("/") ? directory : (folder.map { $0 + "/" } ?? "") + (directory.isEmpty ? "." : directory)
        guard let dir = opendir(listed) else { return [] }
        defer { closedir(dir) }
        var found: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            guard name != ".", name != "..", name.hasPrefix(prefix), !name.hasPrefix(".") || prefix.hasPrefix(".") else { continue }
            let isDirectory = entry.pointee.d_type == UInt8(DT_DIR)
            found.append(directory + name + (isDirectory ? "/" : ""))
        }
        return found.sorted()
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
