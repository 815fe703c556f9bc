/// The Swift implementations of ``Builtin``.
enum Builtins {
    static func call(_ b: Builtin, _ args: [Value], span: SourceSpan, settings: Settings) throws(Diagnostic) -> Value {
        if b != .kind && b != .has && b != .text && args.contains(where: { if case .unknown = $0 { true } else { false } }) { return .unknown }
        switch b {
        case .kind:
            return kind(of: args[0])
        case .has:
            return try has(args[0], args[1], span: span)
        case .text:
            if case .string = args[0] { return args[0] }
            // Exact or an error: a list that shares itself can stand for far more text than memory holds.
            guard let text = ValueFormatter(rounding: settings.rounding).exactText(args[0], limit: Arithmetic.maximumLength) else {
                throw Arithmetic.tooLong("string", span)
            }
            return .string(text)
        case .digits:
            guard let x = args[0].decimal else { throw expected("digits", "a number", args[0], span) }
            return .string(x.exactText)
        case .starts:
            guard case .string(let s) = args[0], case .string(let prefix) = args[1] else {
                throw expected("starts", "two strings", args.first { if case .string = $0 { false } else { true } }, span)
            }
            return .bool(s.hasPrefix(prefix))
        case .unique:
            guard case .list(let items) = args[0] else { throw Arithmetic.fail("unique takes a list, not a \(args[0].type.name)", span, id: .typeMismatch) }
            return .list(try unique(items))
        case .join:
            guard case .list(let items) = args[0] else { throw Arithmetic.fail("join takes a list of strings, not a \(args[0].type.name)", span, id: .typeMismatch) }
            guard case .string(let separator) = args[1] else { throw Arithmetic.fail("join's separator must be a string, not a \(args[1].type.name)", span, id: .typeMismatch) }
            var parts: [String] = []
            var length = 0
            for item in items {
                guard case .string(let s) = item else { throw Arithmetic.fail("join takes a list of strings, not a \(item.type.name)", span, id: .typeMismatch) }
                length += s.utf8.count + separator.utf8.count
                guard length <= Arithmetic.maximumLength else { throw Arithmetic.tooLong("string", span) }
                parts.append(s)
            }
            return .string(parts.joined(separator: separator))
        case .range:
            guard args[0].dimension == .number, args[1].dimension == .number,
                  let low = args[0].decimal?.integerValue, let high = args[1].decimal?.integerValue else {
                throw Arithmetic.fail("range takes whole numbers, not \(args[0].plainText) and \(args[1].plainText)", span, id: .typeMismatch)
            }
            guard high > low else { return .list([]) }
            let (count, overflow) = high.subtractingReportingOverflow(low)
            guard !overflow, count <= settings.maximumListLength else { throw Arithmetic.tooLong("list", span) }
            // From a year (y.年度), years: they show as written (2021, not 2,021).
            if case .year = args[0] { return .list((low..<high).map { .year($0) }) }
            return .list((low..<high).map { .number(ExactDecimal($0)) })
        case .fail:
            guard case .string(let message) = args[0] else { throw expected("fail", "a message in quotes", args[0], span) }
            throw Arithmetic.fail(Message(verbatim: message), span, id: .failed)
        case .format:
            let formatter = ValueFormatter(rounding: settings.rounding)
            if case .string(let word) = args[1] {
                let unit: UnitWord? = word == "%" ? .ratio(.percent) : word == "‰" ? .ratio(.permille) : UnitWord.builtin(word)
                guard let unit else { throw Arithmetic.fail("format takes a number of decimals or a unit (元, 万元, 亿元, %, ‰, pp), not \"\(word)\"", span, id: .typeMismatch) }
                return .string(formatter.text(try Arithmetic.convert(args[0], to: unit, span: span)))
            }
            guard args[1].dimension == .number, let digits = args[1].decimal?.integerValue, (0...10).contains(digits) else {
                throw Arithmetic.fail("format's decimals are a whole number from 0 to 10, not \(args[1].plainText)", span, id: .typeMismatch)
            }
            guard let text = formatter.text(args[0], digits: digits) else { throw expected("format", "a number, amount or ratio", args[0], span) }
            return .string(text)
        case .sort, .rank, .map, .filter:
            throw Arithmetic.fail("\(b.rawValue) is evaluated by the interpreter", span)
        case .round:
            return try round(args[0], step: args.count > 1 ? args[1] : nil, span: span, settings: settings)
        case .abs:
            guard let x = args[0].decimal else { throw expected("abs", "a number, amount or ratio", args[0], span) }
            return Arithmetic.rebuild(args[0], x.magnitude)
        case .min, .max:
            let items: [Value]
            if args.count == 1, case .list(let list) = args[0] { items = list } else { items = args }
            guard var best = items.first else { throw Arithmetic.fail("\(b.rawValue) of an empty list", span, id: .emptyList) }
            for item in items.dropFirst() {
                guard let chosen = try extreme(b, best, item, span: span) else { return .unknown }
                best = chosen
            }
            _ = try Arithmetic.order(best, best, span: span)
            return best
        case .avg:
            guard case .list(let items) = args[0] else { throw expected("avg", "a list", args[0], span) }
            guard !items.isEmpty else { throw Arithmetic.fail("avg of an empty list", span, id: .emptyList) }
            let total = try call(.sum, args, span: span, settings: settings)
            return try Arithmetic.apply(.divide, total, .number(ExactDecimal(items.count)), span: span)
        case .sum:
            guard case .list(let items) = args[0] else { throw expected("sum", "a list", args[0], span) }
            guard var total = items.first else { return .number(.zero) }
            for item in items.dropFirst() { total = try Arithmetic.apply(.add, total, item, span: span) }
            if total.dimension == nil, case .unknown = total {} else if total.dimension == nil {
                throw expected("sum", "a list of numbers, amounts or counts", total, span)
            }
            return total
        case .len:
            return try len(args[0], span: span)
        case .root:
            guard let x = args[0].decimal, case .number(let n) = args[1], n.isInteger, n > .zero, n <= ExactDecimal(1000) else {
                throw Arithmetic.fail("root(x, n) needs a number or ratio and a whole degree from 1 to 1000", span, id: .typeMismatch)
            }
            guard !x.isNegative else { throw Arithmetic.fail("root of a negative value", span, id: .domain) }
            do {
                return Arithmetic.rebuild(args[0], try x.root(Int(n.coefficient / ExactDecimal.power(Int(n.scale)))))
            } catch { throw Arithmetic.wrap(error, span) }
        case .value:
            return try value(of: args[0], span: span)
        }
    }

    /// `round(x)` to a whole number, `round(x, step)` to a multiple of step.
    static func round(_ x: Value, step: Value?, span: SourceSpan, settings: Settings) throws(Diagnostic) -> Value {
        if case .unknown = x { return .unknown }
        if case .unknown? = step { return .unknown }
        guard let d = x.decimal else { throw expected("round", "a number, amount or ratio", x, span) }
        do {
            guard let step else { return Arithmetic.rebuild(x, d.rounded(toScale: 0, mode: settings.rounding)) }
            guard let s = step.decimal, let sd = step.dimension, let xd = x.dimension, DimensionRules.comparable(xd, sd) else {
                throw Arithmetic.fail("round's step must have the value's dimension", span, id: .dimensionMismatch)
            }
            let rounded = try d.rounded(toMultipleOf: s, mode: settings.rounding)
            // The step decides how the result shows when the value is a bare number shown as a ratio.
            if case .number = x, case .ratio(_, let style) = step { return .ratio(rounded, style) }
            // Money rounded to a step of 万元 shows in 万元.
            if case .money = x, case .money(_, let unit) = step { return .money(rounded, unit) }
            return Arithmetic.rebuild(x, rounded)
        } catch let e as ArithmeticError {
            throw Arithmetic.wrap(e, span)
        } catch let e as Diagnostic {
            throw e
        } catch { throw Arithmetic.fail("\(error)", span) }
    }

    /// The one of `best` and `item` that `min` (or `max`) keeps: `item` only when strictly smaller
    /// (larger), so that ties keep the first; nil when either is unknown.
    @inline(__always)
    static func extreme(_ b: Builtin, _ best: Value, _ item: Value, span: SourceSpan) throws(Diagnostic) -> Value? {
        guard let o = try Arithmetic.order(item, best, span: span) else { return nil }
        return (b == .min && o < 0) || (b == .max && o > 0) ? item : best
    }

    /// `min(a, b)` or `max(a, b)` of two values that are not a list and its key.
    static func extreme(_ b: Builtin, of a: Value, _ c: Value, span: SourceSpan) throws(Diagnostic) -> Value {
        if case .unknown = a { return .unknown }
        if case .unknown = c { return .unknown }
        guard let best = try extreme(b, a, c, span: span) else { return .unknown }
        _ = try Arithmetic.order(best, best, span: span)
        return best
    }

    /// `len(x)`: items in a list, fields in a record, characters in a string.
    static func len(_ x: Value, span: SourceSpan) throws(Diagnostic) -> Value {
        switch x {
        case .list(let items): return .number(ExactDecimal(items.count))
        case .record(let r): return .number(ExactDecimal(r.keys.count))
        case .string(let s): return .number(ExactDecimal(s.count))
        case .unknown: return .unknown
        default: throw expected("len", "a list, record or string", x, span)
        }
    }

    /// `kind(x)`: the name of x's type.
    static func kind(of x: Value) -> Value {
        switch x {
        case .number, .year: .string("Number")
        case .money: .string("Money")
        case .ratio: .string("Ratio")
        case .quantity: .string("Quantity")
        case .rate: .string("Rate")
        case .bool: .string("Bool")
        case .string: .string("String")
        case .unknown: .string("Unknown")
        // A record's kind names it: its fields' types (a project's whole 指标 list) are not needed.
        case .record(let r): .string(r.kind?.typeName ?? "Record")
        default: .string(x.type.name)
        }
    }

    /// `has(record, "field")`.
    static func has(_ x: Value, _ key: Value, span: SourceSpan) throws(Diagnostic) -> Value {
        guard case .string(let name) = key else { throw expected("has", "a field name in quotes", key, span) }
        if case .record(let r) = x { return .bool(r.index(of: name) != nil) }
        return .bool(false)
    }

    /// `value(x)`: the bare number.
    static func value(of x: Value, span: SourceSpan) throws(Diagnostic) -> Value {
        if case .unknown = x { return .unknown }
        guard let d = x.decimal else { throw expected("value", "a number, amount or ratio", x, span) }
        return .number(d)
    }

    /// The items without repeats (structural equality), in first-seen order.
    static func unique(_ items: [Value]) throws(Diagnostic) -> [Value] {
        var out: [Value] = []
        var strings: Set<String> = []
        for item in items {
            // Strings, the common case (names, 领域), by a set; other values by comparison.
            if case .string(let s) = item {
                if strings.insert(s).inserted { out.append(item) }
                continue
            }
            var seen = false
            for o in out where comparable(o, item) {
                if try Arithmetic.equalValues(o, item) { seen = true; break }
            }
            if !seen { out.append(item) }
        }
        return out
    }

    /// Whether two values can be equal at all: of one kind, and of comparable dimensions when numeric.
    static func comparable(_ a: Value, _ b: Value) -> Bool {
        switch (a.dimension, b.dimension) {
        case (let x?, let y?): DimensionRules.comparable(x, y)
        case (nil, nil): a.type.name == b.type.name || a.type == .any || b.type == .any
        default: false
        }
    }

    static func expected(_ name: String, _ what: String, _ got: Value?, _ span: SourceSpan) -> Diagnostic {
        Arithmetic.fail("\(name) needs \(what), not a \(got?.type.name ?? "nothing")", span, id: .typeMismatch)
    }
}
