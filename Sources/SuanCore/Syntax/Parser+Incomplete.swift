/// Where an unfinished input went wrong: the REPL reads on, but a file, stdin or `-e` must say where.
extension Parser {
    /// `failure` pointed at the innermost bracket left open (or at the last token, when the input
    /// ends after an operator), with a note giving the end of the input and what was expected there.
    static func locatingIncomplete(_ failure: Failure, tokens: [Token], in source: SourceFile) -> Failure {
        guard failure.incomplete else { return failure }
        var open: [Token] = []
        var last: Token?
        for token in tokens {
            switch token.kind {
            case .symbol(.leftParen), .symbol(.leftBracket), .symbol(.leftBrace): open.append(token)
            case .symbol(.rightParen), .symbol(.rightBracket), .symbol(.rightBrace): _ = open.popLast()
            case .endOfInput: break
            case .newline: continue
            default: break
            }
            if token.kind != .endOfInput { last = token }
        }
        let end = source.position(of: source.scalarCount)
        let note: Message = "note: at the end of the input (\(end.line):\(end.column)): \(failure.diagnostic.text)"
        if let bracket = open.last, case .symbol(let s) = bracket.kind {
            let diagnostic = Diagnostic(id: .incomplete, "the input ends inside this open '\(s.rawValue)'", at: bracket.span, notes: [note])
            return Failure(diagnostic: diagnostic, incomplete: true)
        }
        let at = last?.span ?? failure.diagnostic.span
        return Failure(diagnostic: Diagnostic(id: .incomplete, "the input ends after this", at: at, notes: [note]), incomplete: true)
    }
}
