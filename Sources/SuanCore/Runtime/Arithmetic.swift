/// Arithmetic on values: the ``DimensionRules`` table applied to exact decimals, with display
/// information (money unit, ratio style) carried to the result.
public enum Arithmetic {
    static func literal(_ value: ExactDecimal, unit: UnitWord) throws(ArithmeticError) -> Value {
        switch unit {
        case .money(let u): return .money(try value.shifted(byPowerOfTen: u.exponent), u)
        case .ratio(let s): return .ratio(try value.multiplied(by: s.factor), s)
        case .tag(let t): return .quantity(value, t)
        }
    }

    static func unitName(_ unit: UnitWord) -> String {
        switch unit {
        case .money(let u): u.rawValue
        case .ratio(let s): s.rawValue
        case .tag(let t): t
        }
    }

    /// Joined lists and strings longer than this are an error, not an exhausted memory.
    static let maximumLength = 10_000_000

    static func tooLong(_ what: String, _ span: SourceSpan) -> Diagnostic {
        fail("this \(what) would be longer than \(maximumLength) \(what == "string" ? "bytes" : "items")", span, id: .limit)
    }

    static func fail(_ message: Message, _ span: SourceSpan, id: DiagnosticID = .runtime, notes: [Message] = []) -> Diagnostic {
        Diagnostic(id: id, message, at: span, notes: notes)
    }

    static func wrap(_ error: ArithmeticError, _ span: SourceSpan) -> Diagnostic {
        switch error {
        case .overflow: fail("the result is too large to hold exactly (more than 38 digits)", span, id: .overflow)
        case .divisionByZero: fail("division by zero", span, id: .divisionByZero)
        case .invalidStep: fail("the step must be greater than zero", span, id: .invalidStep)
        }
    }

    static func negate(_ v: Value, span: SourceSpan) throws(Diagnostic) -> Value {
        switch v {
        case .number(let d): return .number(d.negated)
        case .money(let d, let u): return .money(d.negated, u)
        case .ratio(let d, let s): return .ratio(d.negated, s)
        case .quantity(let d, let t): return .quantity(d.negated, t)
        case .rate(let d, let u, let t): return .rate(d.negated, u, t)
        case .unknown: return .unknown
        default: throw fail("cannot negate a \(v.type.name)", span, id: .typeMismatch)
        }
    }

    public static func apply(_ op: ArithmeticOperator, _ l: Value, _ r: Value, span: SourceSpan) throws(Diagnostic) -> Value {
        // Fast paths for the combinations sweeps and scenarios use most; the general path below
        // applies the same DimensionRules table and gives the same results.
        do {
            switch (l, r) {
            case (.money(let a, let u), .money(let b, _)):
                switch op {
                case .add: return .money(try a.adding(b), u)
                case .subtract: return .money(try a.subtracting(b), u)
                case .divide: return .ratio(try a.divided(by: b), .percent)
                default: break
                }
            case (.money(let a, let u), .ratio(let b, let style)) where style != .points:
                switch op {
                case .add: return .money(try a.multiplied(by: try ExactDecimal.one.adding(b)), u)
                case .subtract: return .money(try a.multiplied(by: try ExactDecimal.one.subtracting(b)), u)
                case .multiply: return .money(try a.multiplied(by: b), u)
                case .divide: return .money(try a.divided(by: b), u)
                case .power: break
                }
            case (.money(let a, let u), .number(let b)):
                switch op {
                case .multiply: return .money(try a.multiplied(by: b), u)
                case .divide: return .money(try a.divided(by: b), u)
                default: break
                }
            case (.number(let a), .number(let b)):
                switch op {
                case .add: return .number(try a.adding(b))
                case .subtract: return .number(try a.subtracting(b))
                case .multiply: return .number(try a.multiplied(by: b))
                case .divide: return .number(try a.divided(by: b))
                case .power: break
                }
            default:
                break
            }
        } catch {
            throw wrap(error, span)
        }
        guard let ld = l.dimension, let rd = r.dimension, let a = l.decimal, let b = r.decimal else {
            if op == .add, case .list(let x) = l, case .list(let y) = r {
                guard x.count + y.count <= maximumLength else { throw tooLong("list", span) }
                return .list(x + y)
            }
            if op == .add, case .string(let x) = l, case .string(let y) = r {
                guard x.utf8.count + y.utf8.count <= maximumLength else { throw tooLong("string", span) }
                return .string(x + y)
            }
            if case .unknown = l { return .unknown }
            if case .unknown = r { return .unknown }
            let bad = l.dimension == nil ? l : r
            throw fail("cannot \(op.verb) a \(bad.type.name)", span, id: .typeMismatch)
        }
        do {
            switch DimensionRules.outcome(op, ld, rd) {
            case .failure(let message, let help):
                throw fail(message, span, id: .dimensionMismatch,
                           notes: ["left: \(ld.name), right: \(rd.name)"] + (help.map { ["help: \($0)"] } ?? []))
            case .relativeChange:
                let factor = op == .add ? try ExactDecimal.one.adding(b) : try ExactDecimal.one.subtracting(b)
                return rebuild(l, try a.multiplied(by: factor))
            case .result(let d):
                let x: ExactDecimal
                switch op {
                case .add: x = try a.adding(b)
                case .subtract: x = try a.subtracting(b)
                case .multiply: x = try a.multiplied(by: b)
                case .divide: x = try a.divided(by: b)
                case .power: x = try power(a, b, span: span)
                }
                return make(d, x, op, l, r)
            }
        } catch let error as ArithmeticError {
            throw wrap(error, span)
        } catch let error as Diagnostic {
            throw error
        } catch {
            throw fail("\(error)", span)
        }
    }

    static func power(_ base: ExactDecimal, _ exponent: ExactDecimal, span: SourceSpan) throws -> ExactDecimal {
        guard exponent.isInteger, exponent.magnitude <= ExactDecimal(10_000) else {
            throw fail("the exponent must be a whole number up to 10000; for roots use root(x, n)", span, id: .invalidExponent)
        }
        let n = Int(exponent.magnitude.rounded(toScale: 0, mode: .towardZero).coefficient)
        // Multiplied out left to right, as `x * x * …` is written: the same roundings in the same
        // order, so `(1/3) ^ 12` equals twelve factors of 1/3 exactly (at most 10,000 steps).
        var result = ExactDecimal.one
        if n > 0 { result = base }
        if n > 1 { for _ in 2...n { result = try result.multiplied(by: base) } }
        return exponent.isNegative ? try ExactDecimal.one.divided(by: result) : result
    }

    /// The same kind of value as `template`, holding `x`.
    public static func rebuild(_ template: Value, _ x: ExactDecimal) -> Value {
        switch template {
        case .year: x.integerValue.map(Value.year) ?? .number(x)
        case .money(_, let u): .money(x, u)
        case .ratio(_, let s): .ratio(x, s)
        case .quantity(_, let t): .quantity(x, t)
        case .rate(_, let u, let t): .rate(x, u, t)
        default: .number(x)
        }
    }

    static func moneyUnit(_ v: Value) -> MoneyUnit? {
        switch v {
        case .money(_, let u), .rate(_, let u, _): u
        default: nil
        }
    }

    static func ratioStyle(_ v: Value) -> RatioStyle? {
        if case .ratio(_, let s) = v { return s }
        return nil
    }

    static func isYear(_ v: Value) -> Bool { if case .year = v { true } else { false } }

    static func make(_ d: Dimension, _ x: ExactDecimal, _ op: ArithmeticOperator, _ l: Value, _ r: Value) -> Value {
        switch d {
        case .number:
            // A year plus or minus a number of years is a year; the years between two years are a number.
            if op == .add || op == .subtract, isYear(l) != isYear(r), op == .add || isYear(l), let y = x.integerValue { return .year(y) }
            return .number(x)
        case .money: return .money(x, moneyUnit(l) ?? moneyUnit(r) ?? .wan)
        case .quantity(let t): return .quantity(x, t)
        case .rate(let t): return .rate(x, moneyUnit(l) ?? moneyUnit(r) ?? .wan, t)
        case .ratio:
            let ls = ratioStyle(l), rs = ratioStyle(r)
            if op == .add || op == .subtract, let ls, let rs {
                if ls == .points && rs == .points { return .ratio(x, .points) }
                if ls != .points && rs != .points { return .ratio(x, op == .subtract ? .points : ls) }
                return .ratio(x, ls == .points ? rs : ls)
            }
            let style = ls ?? rs ?? .percent
            return .ratio(x, style == .points ? .percent : style)
        }
    }

    /// −1, 0, 1 for numeric values of comparable dimensions; `nil` when either is unknown.
    static func order(_ l: Value, _ r: Value, span: SourceSpan) throws(Diagnostic) -> Int? {
        // Two values of one dimension, as scoring compares them (实际 ≥ 目标, min, max): no
        // dimensions worked out and compared.
        switch (l, r) {
        case (.number(let a), .number(let b)), (.money(let a, _), .money(let b, _)), (.ratio(let a, _), .ratio(let b, _)):
            return ExactDecimal.compare(a, b)
        case (.quantity(let a, let t), .quantity(let b, let u)) where ExactText.same(t, u):
            return ExactDecimal.compare(a, b)
        default:
            break
        }
        if case .unknown = l { return nil }
        if case .unknown = r { return nil }
        guard let ld = l.dimension, let rd = r.dimension, let a = l.decimal, let b = r.decimal else {
            throw fail("cannot order a \(l.dimension == nil ? l.type.name : r.type.name)", span, id: .typeMismatch)
        }
        guard DimensionRules.comparable(ld, rd) else {
            throw fail("cannot compare \(ld.name) with \(rd.name)", span, id: .dimensionMismatch)
        }
        return ExactDecimal.compare(a, b)
    }

    @inline(__always)
    public static func compare(_ op: ComparisonOperator, _ l: Value, _ r: Value, span: SourceSpan) throws(Diagnostic) -> Value {
        switch (l, r) {
        case (.ratio(let a, _), .ratio(let b, _)), (.money(let a, _), .money(let b, _)), (.number(let a), .number(let b)):
            return .bool(op.holds(ExactDecimal.compare(a, b)))
        case (.quantity(let a, let t), .quantity(let b, let u)) where ExactText.same(t, u):
            return .bool(op.holds(ExactDecimal.compare(a, b)))
        // Rule names and kinds (`规则 == "定性"`, `kind(x) == "Unknown"`): bytes, no memo.
        case (.string(let a), .string(let b)) where op == .equal || op == .notEqual:
            return .bool(ExactText.same(a, b) == (op == .equal))
        default:
            return try compareGeneral(op, l, r, span: span)
        }
    }

    static func compareGeneral(_ op: ComparisonOperator, _ l: Value, _ r: Value, span: SourceSpan) throws(Diagnostic) -> Value {
        if l.dimension != nil || r.dimension != nil || op != .equal && op != .notEqual {
            guard let o = try order(l, r, span: span) else { return .unknown }
            return .bool(op.holds(o))
        }
        if case .unknown = l { return .unknown }
        if case .unknown = r { return .unknown }
        let same = try equal(l, r, span: span)
        return .bool(op == .equal ? same : !same)
    }

    /// Structural equality of two values, for callers outside the interpreter.
    public static func equalValues(_ l: Value, _ r: Value) throws(Diagnostic) -> Bool {
        if case .unknown = l, case .unknown = r { return true }
        if case .unknown = l { return false }
        if case .unknown = r { return false }
        return try equal(l, r, span: .none)
    }

    static func equal(_ l: Value, _ r: Value, span: SourceSpan) throws(Diagnostic) -> Bool {
        try equal(l, r, span: span, memo: EqualityMemo())
    }

    /// Structural equality, linear in the distinct parts of shared values (see ``EqualityMemo``) and
    /// stopped by Ctrl-C or `--timeout`.
    static func equal(_ l: Value, _ r: Value, span: SourceSpan, memo: EqualityMemo) throws(Diagnostic) -> Bool {
        switch (l, r) {
        // Inside lists and records, an unknown figure equals an unknown one (the same data, as a
        // year read back from its export has); the top level still answers unknown.
        case (.unknown, .unknown): return true
        case (.unknown, _), (_, .unknown): return false
        case (.bool(let a), .bool(let b)): return a == b
        case (.string(let a), .string(let b)): return ExactText.same(a, b)
        case (.list(let a), .list(let b)):
            guard a.count == b.count else { return false }
            return try equalParts(a, b, span: span, memo: memo)
        case (.record(let a), .record(let b)):
            guard a.keys == b.keys else { return false }
            return try equalParts(EqualityMemo.Pair(left: a.identity, right: b.identity), count: a.count, span: span, memo: memo) {
                (a.value(at: $0), b.value(at: $0))
            }
        case (.target(let p, let a), .target(let q, let b)):
            // `≥ 5,800件` equals `≥ 5,800件`: the same relation to an equal value.
            guard p == q else { return false }
            return try equal(a.value, b.value, span: span, memo: memo)
        default:
            if l.dimension != nil && r.dimension != nil { return try order(l, r, span: span) == 0 }
            throw fail("cannot compare \(l.type.name) with \(r.type.name)", span, id: .typeMismatch)
        }
    }

    static func equalParts(_ a: [Value], _ b: [Value], span: SourceSpan, memo: EqualityMemo) throws(Diagnostic) -> Bool {
        try equalParts(EqualityMemo.pair(a, b), count: a.count, span: span, memo: memo) { (a[$0], b[$0]) }
    }

    /// Whether `count` pairs of parts are equal, once for each `pair` of storages.
    static func equalParts(_ pair: EqualityMemo.Pair, count: Int, span: SourceSpan, memo: EqualityMemo,
                           _ parts: (Int) -> (Value, Value)) throws(Diagnostic) -> Bool {
        if memo.isKnownEqual(pair) { return true }
        for i in 0..<count {
            if i & 4095 == 0, Interruption.pending { throw Interpreter.interrupted(span) }
            let (l, r) = parts(i)
            if try !equal(l, r, span: span, memo: memo) { return false }
        }
        memo.remember(pair)
        return true
    }

    static func convert(_ v: Value, to unit: UnitWord, span: SourceSpan) throws(Diagnostic) -> Value {
        switch (v, unit) {
        case (.money(let d, _), .money(let u)): return .money(d, u)
        case (.rate(let d, _, let t), .money(let u)): return .rate(d, u, t)
        case (.ratio(let d, _), .ratio(let s)): return .ratio(d, s)
        case (.number(let d), .ratio(let s)) where s != .points: return .ratio(d, s)
        case (.quantity(_, let a), .tag(let b)) where a == b: return v
        case (.unknown, _): return .unknown
        default: throw fail("cannot show a \(v.type.name) in \(unitName(unit))", span, id: .dimensionMismatch)
        }
    }
}
