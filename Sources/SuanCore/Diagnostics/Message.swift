/// A message as its call site writes it — `"cannot add \(a) to \(b)"` — with the interpolated
/// parts kept apart from the literal ones, so that it can be shown in Chinese or English. The
/// literal parts, with `%@` for each interpolation, are the key of the translation catalogue
/// (``MessageCatalogue``); a message without a translation shows in English.
public struct Message: Sendable, Equatable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// The literal parts with `%@` where values were interpolated.
    public var template: String
    /// The interpolated parts, in order.
    public var arguments: [Argument]

    /// An interpolated part: text, or a message of its own (translated in turn).
    public enum Argument: Sendable, Equatable {
        case text(String)
        case message(Message)
    }

    public init(stringLiteral value: String) {
        template = value
        arguments = []
    }

    /// Text that is shown as it is in every language (a file's own error text, a name).
    public init(verbatim text: String) {
        template = "%@"
        arguments = [.text(text)]
    }

    public struct StringInterpolation: StringInterpolationProtocol {
        var template = ""
        var arguments: [Argument] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            template.reserveCapacity(literalCapacity + 2 * interpolationCount)
        }

        public mutating func appendLiteral(_ literal: String) { template += literal }

        public mutating func appendInterpolation(_ message: Message) {
            template += "%@"
            arguments.append(.message(message))
        }

        public mutating func appendInterpolation<T>(_ value: T) {
            template += "%@"
            arguments.append(.text(String(describing: value)))
        }
    }

    public init(stringInterpolation: StringInterpolation) {
        template = stringInterpolation.template
        arguments = stringInterpolation.arguments
    }

    /// The message in English, as written.
    public var description: String { text(in: .english) }

    /// The message in `language`: the catalogue's template when it has one, the English otherwise;
    /// arguments that are type names or known terms are translated too.
    public func text(in language: Language) -> String {
        let pattern = language == .english ? template : (MessageCatalogue.chinese[template] ?? template)
        let quoted = quotedArguments
        func argument(_ i: Int) -> String {
            guard i < arguments.count else { return "" }
            switch arguments[i] {
            // A value the message quotes ('Money', "法治宣传教育") is the user's own text: never translated.
            case .text(let t): return language == .english || quoted.contains(i) ? t : MessageCatalogue.term(t)
            case .message(let m): return m.text(in: language)
            }
        }
        // `%@` takes the next argument; `%2@` a numbered one, where a translation reorders them.
        var out = ""
        var next = 0
        let scalars = Array(pattern.unicodeScalars)
        var i = 0
        while i < scalars.count {
            if scalars[i] == "%", i + 1 < scalars.count {
                if scalars[i + 1] == "@" { out += argument(next); next += 1; i += 2; continue }
                if i + 2 < scalars.count, let n = Int(String(scalars[i + 1])), scalars[i + 2] == "@" { out += argument(n - 1); i += 3; continue }
            }
            out.unicodeScalars.append(scalars[i])
            i += 1
        }
        return out
    }

    /// Messages one after another, with `separator` (`; `) between them.
    public static func joined(_ items: [Message], separator: String) -> Message {
        guard let first = items.first else { return "" }
        // Each part keeps its own template, so that each is translated on its own.
        return items.dropFirst().reduce(first) { Message(template: "%@" + separator + "%@", arguments: [.message($0), .message($1)]) }
    }

    /// The arguments the English template puts in quotes (`'%@'`, `"%@"`): names the user wrote.
    var quotedArguments: Set<Int> {
        var result: Set<Int> = []
        let scalars = Array(template.unicodeScalars)
        var k = 0
        for i in scalars.indices where scalars[i] == "%" && i + 1 < scalars.count && scalars[i + 1] == "@" {
            if i > 0, ["'", "\"", "“"].contains(scalars[i - 1]) { result.insert(k) }
            k += 1
        }
        return result
    }

    public static func + (a: Message, b: Message) -> Message {
        Message(template: "%@%@", arguments: [.message(a), .message(b)])
    }

    init(template: String, arguments: [Argument]) {
        self.template = template
        self.arguments = arguments
    }
}

extension Message {
    /// `f takes 2 arguments, but 1 was given`, in the checker and at run time alike.
    static func argumentCount(_ name: Message, expected: String, got: Int) -> Message {
        "\(name) takes \(expected) argument\(expected == "1" ? "" : "s"), but \(got) \(got == 1 ? "was" : "were") given"
    }
}

/// The language messages are shown in: the locale chooses (`LC_ALL`, `LC_MESSAGES`, `LANG`
/// starting with `zh` → Chinese), `SUAN_LANG=zh|en` overrides.
public enum Language: String, Sendable, CaseIterable {
    case chinese = "zh"
    case english = "en"

    /// From the environment's values, in the order the C library reads them.
    public static func from(suanLang: String?, lcAll: String?, lcMessages: String?, lang: String?) -> Language {
        if let s = suanLang?.lowercased(), !s.isEmpty { return s.hasPrefix("zh") ? .chinese : .english }
        for value in [lcAll, lcMessages, lang] {
            guard let v = value, !v.isEmpty else { continue }
            return v.lowercased().hasPrefix("zh") ? .chinese : .english
        }
        return .english
    }

    /// One of two texts: Chinese or English.
    public func pick(_ chinese: String, _ english: String) -> String { self == .chinese ? chinese : english }
}
