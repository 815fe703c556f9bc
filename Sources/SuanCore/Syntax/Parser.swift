// Parser: tokens → statements.
//
//   program     → { statement (newline | ';') }
//   statement   → 'let' NAME '=' expr | 'fn' NAME '(' [param {',' param}] ')' '=' expr
//               | 'assert' expr | 'print' expr | 'unit' NAME {NAME}
//               | 'load' (years | STRING | NAME years) ['as' NAME]
//               | 'use' (STRING | NAME) ['as' NAME]
//               | 'scenario' NAME 'from' expr '{' change {sep change} '}'
//               | 'compare' expr {',' expr} ['only' key {',' key}]
//               | 'show' expr | 'explain' call | 'export' exported 'to' STRING ['force']
//               | 'chart' expr {',' expr} ['to' STRING ['force']]
//               | 'table' axis {',' axis} '{' expr {',' expr} '}' | expr
//   param       → NAME [':' NAME ['of' NAME]]             (fn history(years: List of Year, 名: String))
//   years       → NUMBER ['..' NUMBER]                 (load 示例 2020..2022: each year, and their list)
//   exported    → compare-statement | explain-statement | table-statement | expr
//   axis        → NAME 'in' expr '..' expr 'step' expr
//   change      → NAME { '.' NAME | '[' STRING ']' } ('=' | '+=' | '-=' | '*=' | '/=') expr
//   expr        → binary operators by the precedence table below, then unary, then postfix
//   postfix     → primary { '(' args ')' | '.' NAME | '[' expr ']' }
//   primary     → NUMBER [unit] | STRING | TEMPLATE ("{名称}: {预算}") | 'true' | 'false' | NAME | '(' expr ')' | '[' list ']'
//               | '{' entries '}' | 'if' expr 'then' expr 'else' expr
//               | 'solve' NAME 'in' expr '..' expr 'where' expr relation expr
//               | 'count' axis {',' axis} 'where' expr
//               | 'scenario' [NAME] 'from' expr '{' changes '}'
//               | relation expr                      (a target: '>= 7000件')
//               | ('year' | 'project' | 'indicator') expr '{' entries '}'
//               | 'fn' '(' [NAME {',' NAME}] ')' '=' expr   (an anonymous function)
//
// Newlines are ignored inside ( ) and [ ], separate entries inside { }, and are skipped after a
// binary operator, so a line that ends with an operator continues on the next.

/// Builds statements from tokens, stopping at the first error (later errors would be noise).
public struct Parser {
    var tokens: [Token]
    var position = 0
    var depth = 0

    /// Nesting beyond this is refused with a positioned error instead of exhausting the stack.
    static let maximumNesting = 200
    /// Operators chained in one expression (`1 + 1 + …`) beyond this are refused the same way:
    /// checking and evaluating recurse as deep as the chain is long.
    static let maximumChain = 5_000
    var chain = 0
    /// The native stack's end: parsing stops with `stack-limit` before reaching it.
    let stack = StackGuard.current()

    public init(tokens: [Token]) { self.tokens = tokens }

    /// Why parsing stopped.
    public struct Failure: Error, Sendable {
        public var diagnostic: Diagnostic
        /// True when the input ended too early: the REPL continues reading instead of reporting.
        public var incomplete: Bool
    }

    public static func parse(_ source: SourceFile, file: Int32) -> Result<[Statement], Failure> {
        var parser = Parser(tokens: Lexer.tokenize(source, file: file))
        do {
            return .success(try parser.program())
        } catch {
            return .failure(locatingIncomplete(error, tokens: parser.tokens, in: source))
        }
    }

    // MARK: Token helpers

    var current: Token { tokens[position] }
    func lookahead(_ n: Int) -> Token.Kind { tokens[min(position + n, tokens.count - 1)].kind }
    var kind: Token.Kind { tokens[position].kind }

    mutating func advance() -> Token {
        let t = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return t
    }

    func check(_ symbol: Symbol) -> Bool { kind == .symbol(symbol) }
    func check(_ keyword: Keyword) -> Bool { kind == .keyword(keyword) }

    mutating func take(_ symbol: Symbol) -> Bool {
        if check(symbol) { _ = advance(); return true }
        return false
    }

    mutating func take(_ keyword: Keyword) -> Bool {
        if check(keyword) { _ = advance(); return true }
        return false
    }

    mutating func skipNewlines() {
        while kind == .newline { _ = advance() }
    }

    /// Skips newlines only when what follows them is `keyword` (`then`, `else` on their own line).
    mutating func skipNewlines(before keyword: Keyword) {
        var p = position
        while tokens[p].kind == .newline && p < tokens.count - 1 { p += 1 }
        if tokens[p].kind == .keyword(keyword) { position = p }
    }

    func failure(_ message: Message, at token: Token? = nil, id: DiagnosticID = .syntax) -> Failure {
        let t = token ?? current
        if case .invalid(let problem) = t.kind {
            return Failure(diagnostic: Diagnostic(id: .lexical, problem, at: t.span), incomplete: false)
        }
        return Failure(diagnostic: Diagnostic(id: id, message, at: t.span), incomplete: t.kind == .endOfInput)
    }

    func describe(_ t: Token) -> String {
        switch t.kind {
        case .number(let d): "number \(d)"
        case .identifier(let n): "'\(n)'"
        case .string, .template: "a string"
        case .keyword(let k): "'\(k.rawValue)'"
        case .symbol(let s): "'\(s.rawValue)'"
        case .newline: "end of line"
        case .endOfInput: "end of input"
        case .invalid(let m): m.description
        }
    }

    mutating func expect(_ symbol: Symbol, _ context: String) throws(Failure) -> Token {
        guard check(symbol) else { throw failure("expected '\(symbol.rawValue)' \(context), found \(describe(current))") }
        return advance()
    }

    mutating func expect(_ keyword: Keyword, _ context: String) throws(Failure) -> Token {
        guard check(keyword) else { throw failure("expected '\(keyword.rawValue)' \(context), found \(describe(current))") }
        return advance()
    }

    mutating func name(_ context: String) throws(Failure) -> (String, SourceSpan) {
        guard case .identifier(let n) = kind else {
            if case .keyword(let k) = kind {
                throw failure("'\(k.rawValue)' is a keyword and cannot be \(context)")
            }
            throw failure("expected \(context), found \(describe(current))")
        }
        return (n, advance().span)
    }

    /// A record key or field name: a name, a string, or a keyword used as a word.
    mutating func key(_ context: String) throws(Failure) -> (String, SourceSpan) {
        switch kind {
        case .identifier(let n), .string(let n): return (n, advance().span)
        case .keyword(let k): return (k.rawValue, advance().span)
        default: throw failure("expected \(context), found \(describe(current))")
        }
    }

    // MARK: Statements

    mutating func program() throws(Failure) -> [Statement] {
        var statements: [Statement] = []
        while true {
            while kind == .newline || check(.semicolon) { _ = advance() }
            if kind == .endOfInput { return statements }
            statements.append(try statement())
            guard kind == .newline || kind == .endOfInput || check(.semicolon) else {
                throw failure("expected the end of the statement, found \(describe(current))")
            }
        }
    }

    mutating func statement() throws(Failure) -> Statement {
        let start = current.span
        func made(_ k: Statement.Kind) -> Statement {
            Statement(kind: k, span: start.through(tokens[max(0, position - 1)].span))
        }
        switch kind {
        case .keyword(.let):
            _ = advance()
            let (n, s) = try name("a name after 'let'")
            _ = try expect(.assign, "after the name in 'let'")
            skipNewlines()
            return made(.binding(name: n, nameSpan: s, value: try expression()))
        case .keyword(.fn) where lookahead(1) != .symbol(.leftParen):
            _ = advance()
            let (n, s) = try name("a function name after 'fn'")
            _ = try expect(.leftParen, "after the function name")
            let (parameters, types) = try typedParameterList()
            _ = try expect(.assign, "before the function body")
            skipNewlines()
            return made(.function(name: n, nameSpan: s, parameters: parameters, types: types, body: try expression()))
        case .keyword(.assert):
            _ = advance()
            return made(.assert(try expression()))
        case .keyword(.print):
            _ = advance()
            return made(.print(try expression()))
        case .keyword(.unit):
            _ = advance()
            var names: [(String, SourceSpan)] = []
            while case .identifier = kind { names.append(try name("a unit word")) }
            guard !names.isEmpty else { throw failure("expected unit words after 'unit', e.g. 'unit 件'") }
            return made(.unitDeclaration(names))
        case .keyword(.load):
            _ = advance()
            let target: LoadTarget
            switch kind {
            case .number:
                target = try loadYears(collection: nil)
            case .string(let path):
                _ = advance()
                target = .path(path)
            case .identifier(let collection):
                _ = advance()
                guard case .number = kind else {
                    throw failure("expected a year after '\(collection)', e.g. 'load \(collection) 2021'")
                }
                target = try loadYears(collection: collection)
            default:
                throw failure("expected a year (load 2022) or a path (load \"file.suan\") after 'load'")
            }
            var alias: String? = nil
            if take(.as) { alias = try name("a name after 'as'").0 }
            return made(.load(target, alias: alias))
        case .keyword(.use):
            _ = advance()
            let target: UseTarget
            switch kind {
            case .string(let path): target = .path(path)
            case .identifier(let module): target = .stdlib(module)
            default: throw failure("expected a file (use \"lib/口径.suan\") or a Stdlib module (use scoring) after 'use'")
            }
            _ = advance()
            var alias: (String, SourceSpan)? = nil
            if take(.as) { alias = try name("a name after 'as'") }
            return made(.use(target, alias: alias?.0, aliasSpan: alias?.1))
        case .keyword(.scenario):
            if case .identifier = lookahead(1), lookahead(2) == .keyword(.from) {
                _ = advance()
                let (n, s) = try name("a scenario name")
                var clause = try scenarioBody()
                clause.name = n
                return made(.scenario(clause, nameSpan: s))
            }
            return made(.expression(try expression()))
        case .keyword(.compare):
            _ = advance()
            var items = [try expression()]
            while take(.comma) { skipNewlines(); items.append(try expression()) }
            var only: [String] = []
            if take(.only) {
                repeat { skipNewlines(); only.append(try key("a line name after 'only'").0) } while take(.comma)
            }
            return made(.compare(items, only: only))
        case .keyword(.show):
            _ = advance()
            return made(.show(try expression()))
        case .keyword(.chart):
            _ = advance()
            var items = [try expression()]
            while take(.comma) { skipNewlines(); items.append(try expression()) }
            var path: String? = nil
            var force = false
            if take(.to) {
                guard case .string(let p) = kind else { throw failure("expected a file name in quotes after 'to'") }
                _ = advance()
                path = p
                force = take(.force)
            }
            return made(.chart(items, path: path, force: force))
        case .keyword(.explain):
            _ = advance()
            return made(.explain(try expression()))
        case .keyword(.export):
            _ = advance()
            let source: ExportSource
            switch kind {
            case .keyword(.compare), .keyword(.explain), .keyword(.table):
                // The statement that prints the table; its rows are exported instead.
                switch try statement().kind {
                case .compare(let items, let only): source = .compare(items, only: only)
                case .explain(let call): source = .explain(call)
                case .table(let clause): source = .table(clause)
                default: throw failure("expected compare, explain or table after 'export'")
                }
            default:
                source = .value(try expression())
            }
            _ = try expect(.to, "after what to export")
            guard case .string(let path) = kind else { throw failure("expected a file name in quotes after 'to'") }
            _ = advance()
            let force = take(.force)
            return made(.export(source, path: path, force: force))
        case .keyword(.table):
            _ = advance()
            let axes = try tableAxes()
            _ = try expect(.leftBrace, "before the table's columns")
            var columns: [Expr] = []
            var titles: [String?] = []
            skipNewlines()
            while !check(.rightBrace) {
                columns.append(try expression())
                // `expr as "标题"` or `expr as 标题` names the column.
                if take(.as) {
                    if case .string(let title) = kind { _ = advance(); titles.append(title) }
                    else { titles.append(try name("a column title after 'as'").0) }
                } else {
                    titles.append(nil)
                }
                skipNewlines()
                if !take(.comma) && !take(.semicolon) { break }
                skipNewlines()
            }
            skipNewlines()
            _ = try expect(.rightBrace, "to close the table's columns")
            guard !columns.isEmpty else { throw failure("a table needs at least one column expression", at: tokens[position - 1]) }
            return made(.table(TableClause(axes: axes, columns: columns, titles: titles)))
        default:
            return made(.expression(try expression()))
        }
    }

    // MARK: Expressions

    /// Binding power of binary operators; higher binds tighter. Comparisons do not chain.
    static func precedence(of kind: Token.Kind) -> Int? {
        switch kind {
        case .symbol(.arrow): 1
        case .keyword(.or): 2
        case .keyword(.and): 3
        case .symbol(.equal), .symbol(.notEqual), .symbol(.less), .symbol(.lessEqual),
             .symbol(.greater), .symbol(.greaterEqual): 5
        case .symbol(.plus), .symbol(.minus): 6
        case .symbol(.star), .symbol(.slash), .keyword(.of): 7
        case .symbol(.caret): 9
        default: nil
        }
    }

    static let prefixPrecedence = 8
    static let notPrecedence = 4

    public mutating func expression(_ minimum: Int = 1) throws(Failure) -> Expr {
        // Every nesting of brackets, operators and prefixes passes through here, so this one
        // counter bounds the parser's recursion (see maximumNesting).
        depth += 1
        defer { depth -= 1 }
        guard depth <= Parser.maximumNesting else {
            throw failure("expressions nest more than \(Parser.maximumNesting) levels deep", id: .nestingLimit)
        }
        guard !stack.exhausted else { throw Failure(diagnostic: StackGuard.failure(current.span), incomplete: false) }
        var left = try unary()
        var chained = 0
        defer { chain -= chained }
        while let prec = Parser.precedence(of: kind), prec >= minimum {
            // A chain of operators builds a tree as deep as it is long: bound it like nesting.
            chained += 1
            chain += 1
            guard chain <= Parser.maximumChain else {
                throw failure("more than \(Parser.maximumChain) operators in one expression; split it with let", id: .nestingLimit)
            }
            let op = advance()
            if op.kind == .symbol(.arrow) {
                let (word, span) = try unitWord()
                left = Expr(kind: .convert(left, word, unitSpan: span), span: left.span.through(span))
                continue
            }
            skipNewlines()
            // '^' is right-associative; comparisons do not chain; the rest are left-associative.
            let right = try expression(op.kind == .symbol(.caret) ? prec : prec + 1)
            let span = left.span.through(right.span)
            switch op.kind {
            case .keyword(.or): left = Expr(kind: .logical(.or, left, right), span: span)
            case .keyword(.and): left = Expr(kind: .logical(.and, left, right), span: span)
            case .keyword(.of): left = Expr(kind: .percentOf(left, right), span: span)
            case .symbol(let s):
                if let c = ComparisonOperator(rawValue: s.rawValue) {
                    left = Expr(kind: .comparison(c, left, right), span: span)
                    if let next = Parser.precedence(of: kind), next == 5 {
                        throw failure("comparisons do not chain; join them with 'and'")
                    }
                } else if let a = ArithmeticOperator(rawValue: s.rawValue) {
                    left = Expr(kind: .arithmetic(a, left, right), span: span)
                }
            default: break
            }
        }
        return left
    }

    mutating func unary() throws(Failure) -> Expr {
        let start = current.span
        if take(.minus) {
            let operand = try expression(Parser.prefixPrecedence)
            return Expr(kind: .negate(operand), span: start.through(operand.span))
        }
        if take(.plus) { return try expression(Parser.prefixPrecedence) }
        if take(.not) {
            let operand = try expression(Parser.notPrecedence)
            return Expr(kind: .not(operand), span: start.through(operand.span))
        }
        return try postfix(try primary())
    }

    mutating func postfix(_ base: Expr) throws(Failure) -> Expr {
        var e = base
        while true {
            if check(.leftParen) && !current.spaceBefore || check(.leftParen) && isCallable(e) {
                _ = advance()
                var args: [Expr] = []
                skipNewlines()
                if !check(.rightParen) {
                    repeat { skipNewlines(); args.append(try expression()); skipNewlines() } while take(.comma)
                }
                let close = try expect(.rightParen, "to close the argument list")
                e = Expr(kind: .call(e, args), span: e.span.through(close.span))
            } else if check(.dot) {
                _ = advance()
                let (field, span) = try key("a field name after '.'")
                e = Expr(kind: .field(e, field), span: e.span.through(span))
            } else if check(.leftBracket) && !current.spaceBefore {
                _ = advance()
                skipNewlines()
                let index = try expression()
                skipNewlines()
                let close = try expect(.rightBracket, "to close the index")
                e = Expr(kind: .index(e, index), span: e.span.through(close.span))
            } else {
                return e
            }
        }
    }

    func isCallable(_ e: Expr) -> Bool {
        if case .name = e.kind { return true }
        return false
    }

    mutating func unitWord() throws(Failure) -> (UnitWord, SourceSpan) {
        let t = current
        switch t.kind {
        case .symbol(.percent): _ = advance(); return (.ratio(.percent), t.span)
        case .symbol(.permille): _ = advance(); return (.ratio(.permille), t.span)
        case .identifier(let w): _ = advance(); return (UnitWord.builtin(w) ?? .tag(w), t.span)
        default: throw failure("expected a unit after '->' (元, 万元, 亿元, %, ‰, pp or a count word), found \(describe(t))")
        }
    }

    mutating func primary() throws(Failure) -> Expr {
        let t = current
        switch t.kind {
        case .number(let digits):
            return try numberLiteral(t, digits: digits)
        case .string(let s):
            _ = advance()
            return Expr(kind: .string(s), span: t.span)
        case .template(let parts):
            return try interpolation(t, parts: parts)
        case .keyword(.true), .keyword(.false):
            _ = advance()
            return Expr(kind: .bool(t.kind == .keyword(.true)), span: t.span)
        case .identifier(let n):
            _ = advance()
            return Expr(kind: .name(n), span: t.span)
        case .symbol(.leftParen):
            _ = advance()
            skipNewlines()
            let inner = try expression()
            skipNewlines()
            let close = try expect(.rightParen, "to close the parenthesis opened here")
            return Expr(kind: inner.kind, span: t.span.through(close.span))
        case .symbol(.leftBracket):
            return try listLiteral(t)
        case .symbol(.leftBrace):
            let (entries, close) = try recordEntries()
            return Expr(kind: .record(entries), span: t.span.through(close))
        case .symbol(.greaterEqual), .symbol(.lessEqual), .symbol(.equal), .symbol(.greater), .symbol(.less):
            return try targetLiteral(t)
        case .keyword(.if):
            return try conditionalExpression(t)
        case .keyword(.solve):
            return try solveExpression(t)
        case .keyword(.count):
            return try countExpression(t)
        case .keyword(.scenario):
            return try scenarioExpression(t)
        case .keyword(.year), .keyword(.project), .keyword(.indicator):
            return try blockExpression(t)
        case .keyword(.fn):
            return try lambdaExpression(t)
        default:
            break
        }
        if t.kind == .endOfInput || t.kind == .newline {
            throw failure("expected an expression, found \(describe(t))", at: t.kind == .newline ? tokens[position] : t)
        }
        throw failure("expected an expression, found \(describe(t))")
    }


    @inline(never)
    mutating func numberLiteral(_ t: Token, digits: String) throws(Failure) -> Expr {
        _ = advance()
        let value: ExactDecimal
        do { value = try ExactDecimal(parsing: digits) } catch {
            throw failure("the number \(digits) has more than 38 digits", at: t, id: .numberRange)
        }
        // A unit word: % or ‰ anywhere after, a builtin word, or any name written right after the digits.
        var unit: (UnitWord, SourceSpan)? = nil
        switch kind {
        case .symbol(.percent), .symbol(.permille): unit = try unitWord()
        case .identifier(let w) where !current.spaceBefore || UnitWord.builtin(w) != nil: unit = try unitWord()
        default: break
        }
        let span = unit.map { t.span.through($0.1) } ?? t.span
        return Expr(kind: .number(value, unit: unit?.0, unitSpan: unit?.1), span: span)
    }

    @inline(never)
    mutating func listLiteral(_ t: Token) throws(Failure) -> Expr {
        _ = advance()
        var items: [Expr] = []
        skipNewlines()
        while !check(.rightBracket) {
            items.append(try expression())
            skipNewlines()
            if !take(.comma) { break }
            skipNewlines()
        }
        let close = try expect(.rightBracket, "to close the list")
        return Expr(kind: .list(items), span: t.span.through(close.span))
    }

    @inline(never)
    mutating func targetLiteral(_ t: Token) throws(Failure) -> Expr {
        guard case .symbol(let s) = t.kind, let op = ComparisonOperator(rawValue: s.rawValue) else { throw failure("expected an expression, found \(describe(t))") }
        _ = advance()
        let value = try expression(6)
        return Expr(kind: .target(op, value), span: t.span.through(value.span))
    }

    @inline(never)
    mutating func conditionalExpression(_ t: Token) throws(Failure) -> Expr {
        _ = advance()
        let condition = try expression()
        skipNewlines(before: .then)
        _ = try expect(.then, "after the condition of 'if'")
        skipNewlines()
        let yes = try expression()
        skipNewlines(before: .else)
        _ = try expect(.else, "in 'if … then … else …' (every 'if' needs an 'else')")
        skipNewlines()
        let no = try expression()
        return Expr(kind: .conditional(condition, yes, no), span: t.span.through(no.span))
    }

    @inline(never)
    mutating func solveExpression(_ t: Token) throws(Failure) -> Expr {
        _ = advance()
        let (v, vs, low, high) = try rangeHead()
        _ = try expect(.where, "after the range (solve x in 0..10 where f(x) == 5)")
        skipNewlines()
        let lhs = try expression(6)
        guard case .symbol(let s) = kind, let relation = ComparisonOperator(rawValue: s.rawValue),
              relation != .notEqual else {
            throw failure("expected '==', '<=' or '>=' in the condition of 'solve'")
        }
        _ = advance()
        skipNewlines()
        let rhs = try expression(6)
        let clause = SolveClause(variable: v, variableSpan: vs, low: low, high: high, lhs: lhs, relation: relation, rhs: rhs)
        return Expr(kind: .solve(clause), span: t.span.through(rhs.span))
    }

    @inline(never)
    mutating func countExpression(_ t: Token) throws(Failure) -> Expr {
        _ = advance()
        let axes = try tableAxes()
        _ = try expect(.where, "after the ranges of 'count' (count x in 0..10 step 1 where x > 5)")
        skipNewlines()
        let condition = try expression()
        return Expr(kind: .count(axes, condition), span: t.span.through(condition.span))
    }

    @inline(never)
    mutating func scenarioExpression(_ t: Token) throws(Failure) -> Expr {
        _ = advance()
        var name: String? = nil
        if case .identifier(let n) = kind, lookahead(1) == .keyword(.from) { name = n; _ = advance() }
        var clause = try scenarioBody()
        clause.name = name
        return Expr(kind: .scenario(clause), span: t.span.through(tokens[position - 1].span))
    }

    /// TEMPLATE: each `{expr}` part is read as an expression whose tokens point into the string.
    @inline(never)
    mutating func interpolation(_ t: Token, parts: [Token.TemplatePart]) throws(Failure) -> Expr {
        _ = advance()
        var items: [Expr] = []
        for part in parts {
            switch part {
            case .text(let text):
                items.append(Expr(kind: .string(text), span: t.span))
            case .code(let code, let offset):
                var inner = Lexer.tokenize(SourceFile(name: "", text: code), file: t.span.file)
                for i in inner.indices {
                    inner[i].span = SourceSpan(file: t.span.file, start: offset + Int(inner[i].span.start), end: offset + Int(inner[i].span.end))
                }
                var parser = Parser(tokens: inner)
                parser.depth = depth
                parser.skipNewlines()
                guard parser.kind != .endOfInput else {
                    throw failure("'{}' in a string needs a value inside (write \\{ for a brace)", at: t)
                }
                do throws(Failure) {
                    let e = try parser.expression()
                    parser.skipNewlines()
                    guard parser.kind == .endOfInput else {
                        throw parser.failure("expected '}' after the value inserted in the string, found \(parser.describe(parser.current))")
                    }
                    items.append(e)
                } catch {
                    // The string is closed: more lines cannot finish the value (the REPL must not wait).
                    var f = error
                    f.incomplete = false
                    throw f
                }
            }
        }
        return Expr(kind: .interpolation(items), span: t.span)
    }

    /// [param {',' param}] ')' with param → NAME [':' NAME ['of' NAME]] — a named function's
    /// parameters, each with an optional type (`fn history(years: List of Year, 名: String)`).
    mutating func typedParameterList() throws(Failure) -> ([(String, SourceSpan)], [ParameterType?]) {
        var parameters: [(String, SourceSpan)] = []
        var types: [ParameterType?] = []
        skipNewlines()
        if !check(.rightParen) {
            repeat {
                skipNewlines()
                parameters.append(try name("a parameter name"))
                types.append(take(.colon) ? try parameterType() : nil)
                skipNewlines()
            } while take(.comma)
        }
        _ = try expect(.rightParen, "to close the parameter list")
        return (parameters, types)
    }

    /// NAME ['of' NAME] — after a parameter's ':'.
    mutating func parameterType() throws(Failure) -> ParameterType {
        let (n, s) = try name("a type after ':' (String, Number, Money, List, List of Year…)")
        guard take(.of) else { return ParameterType(name: n, element: nil, span: s) }
        let (e, es) = try name("a type after 'of' (List of Year)")
        return ParameterType(name: n, element: e, span: s.through(es))
    }

    /// 'fn' '(' [NAME {',' NAME}] ')' '=' expr — the body reaches as far as an expression does.
    @inline(never)
    mutating func lambdaExpression(_ t: Token) throws(Failure) -> Expr {
        _ = advance()
        _ = try expect(.leftParen, "after 'fn' (an anonymous function is written fn(x) = x * 2)")
        let (parameters, types) = try typedParameterList()
        if let typed = types.compactMap({ $0 }).first {
            throw Failure(diagnostic: Diagnostic(id: .syntax, "an anonymous function's parameters take no types; name the function (fn f(x: \(typed.written)) = …)",
                                                 at: typed.span), incomplete: false)
        }
        _ = try expect(.assign, "before the function body (fn(x) = x * 2)")
        skipNewlines()
        let body = try expression()
        return Expr(kind: .lambda(parameters: parameters, body: body), span: t.span.through(body.span))
    }

    @inline(never)
    mutating func blockExpression(_ t: Token) throws(Failure) -> Expr {
        _ = advance()
        guard case .keyword(let k) = t.kind, let blockKind = RecordKind(rawValue: k.rawValue), blockKind != .scenario else { throw failure("expected an expression, found \(describe(t))") }
        let header = try expression(10)
        let (entries, close) = try recordEntries()
        return Expr(kind: .block(blockKind, header: header, entries: entries), span: t.span.through(close))
    }

    /// NAME 'in' expr '..' expr — the variable and range that solve, table and count share.
    mutating func rangeHead() throws(Failure) -> (String, SourceSpan, Expr, Expr) {
        let (v, span) = try name("a variable name")
        _ = try expect(.in, "after the variable '\(v)'")
        let low = try expression()
        _ = try expect(.dotDot, "between the ends of the range")
        let high = try expression()
        return (v, span, low, high)
    }

    /// axis {',' axis}, at most two: NAME 'in' expr '..' expr 'step' expr
    mutating func tableAxes() throws(Failure) -> [TableClause.Axis] {
        var axes: [TableClause.Axis] = []
        repeat {
            skipNewlines()
            let (v, s, low, high) = try rangeHead()
            _ = try expect(.step, "after the range (x in 0..10 step 1)")
            let step = try expression()
            axes.append(.init(variable: v, span: s, low: low, high: high, step: step))
        } while take(.comma)
        guard axes.count <= 2 else { throw failure("one or two variables, not \(axes.count)", at: tokens[position - 1]) }
        return axes
    }

    /// '{' [key ':' expr] {(',' | ';' | newline) key ':' expr} '}'
    mutating func recordEntries() throws(Failure) -> ([RecordEntry], SourceSpan) {
        _ = try expect(.leftBrace, "to open the block")
        var entries: [RecordEntry] = []
        while true {
            while kind == .newline || check(.comma) || check(.semicolon) { _ = advance() }
            if check(.rightBrace) { break }
            let (k, ks) = try key("a field name")
            _ = try expect(.colon, "after the field name '\(k)'")
            skipNewlines()
            let value = try expression()
            entries.append(RecordEntry(key: k, keySpan: ks, value: value))
            guard kind == .newline || check(.comma) || check(.semicolon) || check(.rightBrace) else {
                throw failure("expected ',' or a new line between fields, found \(describe(current))")
            }
        }
        return (entries, advance().span)
    }

    /// 'from' expr '{' change {sep change} '}'
    mutating func scenarioBody() throws(Failure) -> ScenarioClause {
        _ = try expect(.from, "after the scenario name (scenario 压缩 from y2022 { … })")
        let base = try expression(10)
        _ = try expect(.leftBrace, "before the scenario's changes")
        var changes: [ScenarioChange] = []
        while true {
            while kind == .newline || check(.comma) || check(.semicolon) { _ = advance() }
            if check(.rightBrace) { _ = advance(); break }
            let (first, firstSpan) = try key("the line to change, e.g. 基本支出 -= 5%")
            var path = [first]
            var span = firstSpan
            while true {
                if take(.dot) {
                    let (k, s) = try key("a field name after '.'"); path.append(k); span = span.through(s)
                } else if take(.leftBracket) {
                    guard case .string(let k) = kind else { throw failure("expected a name in quotes inside [ ]") }
                    _ = advance()
                    span = span.through(try expect(.rightBracket, "to close the index").span)
                    path.append(k)
                } else { break }
            }
            let opToken = current
            let operation: ScenarioChange.Operation
            switch opToken.kind {
            case .symbol(.assign): operation = .set
            case .symbol(.plusAssign): operation = .add
            case .symbol(.minusAssign): operation = .subtract
            case .symbol(.starAssign): operation = .multiply
            case .symbol(.slashAssign): operation = .divide
            default: throw failure("expected '=', '+=', '-=', '*=' or '/=' after the line name, found \(describe(opToken))")
            }
            _ = advance()
            skipNewlines()
            let value = try expression()
            changes.append(ScenarioChange(path: path, pathSpan: span, operation: operation, value: value))
            guard kind == .newline || check(.comma) || check(.semicolon) || check(.rightBrace) else {
                throw failure("expected ';' or a new line between changes, found \(describe(current))")
            }
        }
        return ScenarioClause(name: nil, base: base, changes: changes)
    }
}
