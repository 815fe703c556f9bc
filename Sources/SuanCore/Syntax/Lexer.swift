/// Lexical analyser: source scalars → tokens.
///
/// Problems become `.invalid` tokens carrying their message, so that the parser reports them in place.
/// Input methods' full-width punctuation outside strings (`（）`, `，`, `：`, `；`, `＝`, `＋`, `－`,
/// full-width digits) is read as its ASCII twin; `×`, `÷`, `≥`, `≤`, `≠`, `→` are accepted as operators.
public struct Lexer {
    let scalars: [Unicode.Scalar]
    let file: Int32
    var index = 0

    public init(_ source: SourceFile, file: Int32) {
        self.scalars = source.decodedScalars()
        self.file = file
    }

    public static func tokenize(_ source: SourceFile, file: Int32) -> [Token] {
        var lexer = Lexer(source, file: file)
        var tokens: [Token] = []
        tokens.reserveCapacity(lexer.scalars.count / 2 + 1)
        while true {
            let token = lexer.next()
            tokens.append(token)
            if token.kind == .endOfInput { break }
        }
        return tokens
    }

    /// The ASCII twin of a full-width or look-alike character typed outside a string.
    static func normalized(_ s: Unicode.Scalar) -> Unicode.Scalar {
        switch s.value {
        case 0xFF08: return "("
        case 0xFF09: return ")"
        case 0xFF0C, 0x3001: return ","
        case 0xFF1A: return ":"
        case 0xFF1B: return ";"
        case 0xFF1D: return "="
        case 0xFF0B: return "+"
        case 0xFF0D, 0x2212: return "-"
        case 0xFF3B: return "["
        case 0xFF3D: return "]"
        case 0xFF5B: return "{"
        case 0xFF5D: return "}"
        case 0xFF05: return "%"
        case 0xFF0E: return "."
        case 0xFF1C: return "<"
        case 0xFF1E: return ">"
        case 0xFF01: return "!"
        case 0x00D7: return "*"
        case 0x00F7: return "/"
        case 0xFF10...0xFF19: return Unicode.Scalar(s.value - 0xFF10 + 0x30)!
        default: return s
        }
    }

    /// The scalars as read (each ``normalized(_:)``), as one string: encoded into it at once,
    /// which costs a fraction of appending them one by one (the Stdlib is lexed at every start).
    static func text(_ read: ArraySlice<Unicode.Scalar>) -> String {
        String(unsafeUninitializedCapacity: read.count * 4) { buffer in
            var count = 0
            for scalar in read {
                for byte in UTF8.encode(normalized(scalar))! {
                    buffer[count] = byte
                    count += 1
                }
            }
            return count
        }
    }

    func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        let i = index + ahead
        return i < scalars.count ? Lexer.normalized(scalars[i]) : nil
    }

    /// ASCII letters and CJK ideographs are decided without a Unicode property lookup (the slow path).
    @inline(__always)
    static func isCommonLetter(_ s: Unicode.Scalar) -> Bool? {
        let v = s.value
        if v < 0x80 { return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) }
        if v >= 0x4E00 && v <= 0x9FFF { return true }
        return nil
    }

    static func isIdentifierStart(_ s: Unicode.Scalar) -> Bool {
        if s == "_" { return true }
        if let letter = isCommonLetter(s) { return letter }
        return s.properties.isAlphabetic && !isDigit(s)
    }

    static func isIdentifierContinue(_ s: Unicode.Scalar) -> Bool {
        if s == "_" || isDigit(s) { return true }
        if let letter = isCommonLetter(s) { return letter }
        return s.properties.isAlphabetic && s.value != 0x2030
    }

    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }

    mutating func next() -> Token {
        var sawSpace = false
        // Whitespace and comments; a newline is a token of its own.
        while let s = peek() {
            if s == " " || s == "\t" || s == "\r" || s == "\u{3000}" || s == "\u{FEFF}" {
                index += 1; sawSpace = true
            } else if s == "#" {
                while let c = peek(), c != "\n" { index += 1 }
            } else if s == "\\" && (peek(1) == "\n" || (peek(1) == "\r" && peek(2) == "\n")) {
                index += peek(1) == "\n" ? 2 : 3; sawSpace = true  // explicit line continuation
            } else {
                break
            }
        }
        let start = index
        func token(_ kind: Token.Kind) -> Token {
            Token(kind: kind, span: SourceSpan(file: file, start: start, end: index), spaceBefore: sawSpace || start == 0)
        }
        guard let s = peek() else { return token(.endOfInput) }
        if s == "\n" { index += 1; return token(.newline) }
        if Lexer.isDigit(s) { return token(number()) }
        if Lexer.isIdentifierStart(s) {
            while let c = peek(), Lexer.isIdentifierContinue(c) { index += 1 }
            let word = Lexer.text(scalars[start..<index])
            // Keywords are ASCII; a Chinese name never needs the comparison.
            if s.isASCII, let keyword = Keyword(rawValue: word) { return token(.keyword(keyword)) }
            return token(.identifier(word))
        }
        if s == "\"" || s == "“" || s == "「" { return token(string(opening: s)) }
        index += 1
        switch s {
        case "+": return token(.symbol(take("=") ? .plusAssign : .plus))
        case "-": return token(.symbol(take(">") ? .arrow : (take("=") ? .minusAssign : .minus)))
        case "*": return token(.symbol(take("=") ? .starAssign : .star))
        case "/": return token(.symbol(take("=") ? .slashAssign : .slash))
        case "^": return token(.symbol(.caret))
        case "(": return token(.symbol(.leftParen))
        case ")": return token(.symbol(.rightParen))
        case "[": return token(.symbol(.leftBracket))
        case "]": return token(.symbol(.rightBracket))
        case "{": return token(.symbol(.leftBrace))
        case "}": return token(.symbol(.rightBrace))
        case ",": return token(.symbol(.comma))
        case ":": return token(.symbol(.colon))
        case ";": return token(.symbol(.semicolon))
        case ".": return token(.symbol(take(".") ? .dotDot : .dot))
        case "=": return token(.symbol(take("=") ? .equal : .assign))
        case "!": return take("=") ? token(.symbol(.notEqual)) : token(.invalid(message: "unexpected '!'; write 'not' for negation or '!=' for inequality"))
        case "<": return token(.symbol(take("=") ? .lessEqual : .less))
        case ">": return token(.symbol(take("=") ? .greaterEqual : .greater))
        case "≤": return token(.symbol(.lessEqual))
        case "≥": return token(.symbol(.greaterEqual))
        case "≠": return token(.symbol(.notEqual))
        case "→": return token(.symbol(.arrow))
        case "%": return token(.symbol(.percent))
        case "‰": return token(.symbol(.permille))
        case "\u{FFFD}": return token(.invalid(message: "invalid UTF-8 in the input"))
        case "\0": return token(.invalid(message: "a NUL character is not allowed here"))
        default:
            let code = "U+" + String(s.value, radix: 16, uppercase: true)
            return token(.invalid(message: "unexpected character '\(Character(s))' (\(code))"))
        }
    }

    mutating func take(_ s: Unicode.Scalar) -> Bool {
        if peek() == s { index += 1; return true }
        return false
    }

    /// digits [ '_' digits ] [ '.' digits ] — a '.' followed by '.' is a range, not a fraction.
    mutating func number() -> Token.Kind {
        var digits = String.UnicodeScalarView()
        func run() {
            while let c = peek(), Lexer.isDigit(c) || (c == "_" && peek(1).map(Lexer.isDigit) == true) {
                if c != "_" { digits.append(c) }
                index += 1
            }
        }
        run()
        if peek() == ".", let after = peek(1), Lexer.isDigit(after) {
            digits.append("."); index += 1
            run()
        }
        return .number(String(digits))
    }

    /// The quote that closes a string opened with `opening`, or nil when `opening` opens none.
    /// A switch, not a dictionary: making a dictionary of scalars looks up their `Hashable`
    /// conformance at run time, a search of every conformance in the static binary (~40 µs a start).
    static func stringClosing(_ opening: Unicode.Scalar) -> Unicode.Scalar? {
        switch opening {
        case "\"": "\""
        case "“": "”"
        case "「": "」"
        default: nil
        }
    }

    /// Moves past a string inside an inserted value, from its opening quote to just after its closing
    /// one (a backslash escapes the next character), or to the end of the line when it is not closed:
    /// the inserted value is lexed again on its own, which reads the string and reports its problems.
    mutating func skipString(closing: Unicode.Scalar) {
        index += 1
        while index < scalars.count, scalars[index] != "\n" {
            let c = scalars[index]
            index += 1
            if c == closing { return }
            if c == "\\", index < scalars.count, scalars[index] != "\n" { index += 1 }
        }
    }

    mutating func string(opening: Unicode.Scalar) -> Token.Kind {
        let closing = Lexer.stringClosing(opening) ?? "\""

        index += 1
        var view = String.UnicodeScalarView()
        var parts: [Token.TemplatePart] = []
        while index < scalars.count {
            let c = scalars[index]
            index += 1
            if c == closing {
                if parts.isEmpty { return .string(String(view)) }
                if !view.isEmpty { parts.append(.text(String(view))) }
                return .template(parts)
            }
            if c == "\n" { index -= 1; break }
            if c == "\\" && index < scalars.count {
                let e = scalars[index]; index += 1
                switch e {
                case "n": view.append("\n")
                case "t": view.append("\t")
                case "\\", "\"", "{", "}": view.append(e)
                default: return .invalid(message: "unknown escape '\\\(Character(e))' in a string")
                }
                continue
            }
            if c == "\u{FFFD}" { return .invalid(message: "invalid UTF-8 in a string") }
            if c == "{" {
                // `{expr}`: up to the matching brace (records inside may use braces too); a string
                // inside (`{format(x, "亿元")}`) is skipped whole, so its quotes and braces do not count.
                let start = index
                var depth = 1
                while index < scalars.count, scalars[index] != "\n" {
                    let s = scalars[index]
                    if let inner = Lexer.stringClosing(s) { skipString(closing: inner); continue }
                    if s == closing { break }
                    if s == "{" { depth += 1 }
                    if s == "}" { depth -= 1; if depth == 0 { break } }
                    index += 1
                }
                guard index < scalars.count, scalars[index] == "}" else {
                    return .invalid(message: "'{' in a string starts a value to insert; close it with '}' (or write \\{ for a brace)")
                }
                var code = String.UnicodeScalarView()
                code.append(contentsOf: scalars[start..<index])
                index += 1
                if !view.isEmpty { parts.append(.text(String(view))); view = String.UnicodeScalarView() }
                parts.append(.code(String(code), offset: start))
                continue
            }
            view.append(c)
        }
        return .invalid(message: "this string is not closed; add \(Character(closing)) before the end of the line")
    }
}
