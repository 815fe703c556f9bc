/// A lexeme: what kind it is, where it is, and whether whitespace came before it.
public struct Token: Sendable {
    public enum Kind: Sendable, Equatable {
        /// Digits as written, without underscores: `3622.4`.
        case number(String)
        case identifier(String)
        /// A string literal's contents, escapes resolved.
        case string(String)
        /// A string literal with `{expr}` parts: `"{名称}: {预算}"`. The parser reads each part's
        /// expression; `\{` and `\}` are literal braces.
        case template([TemplatePart])
        case keyword(Keyword)
        case symbol(Symbol)
        /// A line end outside brackets; statements end here unless the line ends with an operator.
        case newline
        case endOfInput
        /// A character the lexer cannot read; the parser reports it with `message`.
        case invalid(message: Message)
    }

    public var kind: Kind
    public var span: SourceSpan
    public var spaceBefore: Bool

    /// A piece of an interpolated string: text, or the source of an expression and the scalar
    /// offset where it starts (so that its tokens point into the string).
    public enum TemplatePart: Sendable, Equatable {
        case text(String)
        case code(String, offset: Int)
    }
}

/// Reserved words. Keywords are English; data names are usually Chinese.
public enum Keyword: String, Sendable, CaseIterable {
    case `let`, fn, `if`, then, `else`, `true`, `false`, and, or, not, of
    case assert, print, unit, load, use, `as`, scenario, from, compare, only, show, explain, chart, export, to, force
    case solve, count, `in`, `where`, table, step
    case year, project, indicator

    /// The keyword spelled `rawValue`. Every name the lexer reads is asked, and the checker asks
    /// again for each definition: only the keywords of the same length are compared, and a word
    /// of anything but the small ASCII letters is none (the synthesized lookup hashed every name,
    /// Chinese ones through Unicode normalisation: about 4% of the instructions of a start).
    /// (editors/tests reads the words of this enum up to the first closing brace.)
    public init?(rawValue: String) {
        let length = rawValue.utf8.count
        guard length < Keyword.byLength.count, rawValue.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }),
              let keyword = Keyword.byLength[length].first(where: { $0.rawValue == rawValue }) else { return nil }
        self = keyword
    }

    /// The keywords by the length of their spelling.
    private static let byLength: [[Keyword]] = {
        var table = [[Keyword]](repeating: [], count: (allCases.map(\.rawValue.utf8.count).max() ?? 0) + 1)
        for keyword in allCases { table[keyword.rawValue.utf8.count].append(keyword) }
        return table
    }()
}

/// Punctuation and operators. Full-width `（）`, `，`, `：`, `；` read as their ASCII twins.
public enum Symbol: String, Sendable, CaseIterable {
    case plus = "+", minus = "-", star = "*", slash = "/", caret = "^"
    case leftParen = "(", rightParen = ")", leftBracket = "[", rightBracket = "]"
    case leftBrace = "{", rightBrace = "}"
    case comma = ",", colon = ":", semicolon = ";", dot = ".", dotDot = ".."
    case assign = "=", equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case arrow = "->", percent = "%", permille = "‰"
    case plusAssign = "+=", minusAssign = "-=", starAssign = "*=", slashAssign = "/="
}
