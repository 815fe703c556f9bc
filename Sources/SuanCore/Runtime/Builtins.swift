/// The Swift implementations of ``Builtin``.
enum Builtins {
    static func call(_ b: Builtin, _ args: [Value], span: SourceSpan, settings: Settings) throws(Diagnostic) -> Value {
        if b != .kind && b != .has && b != .text && args.contains(where: { if case .unknown = $0 { true } else { false } }) { return .unknown }
        switch b {
        case .kind:
            switch args[0] {
            case .quantity: return .string("Quantity")
            case .rate: return .string("Rate")
            case .unknown: return .string("Unknown")
            // A record's kind names it: its fields' types (a project's whole 指标 list) are not needed.
            case .record(let r): return .string(r.kind?.typeName ?? "Record")
            default: return .string(args[0].type.name)
            }
        case .has:
            guard case .string(let key) = args[1] else { throw expected("has", "a field name in quotes", args[1], span) }
            if case .record(let r) = args[0] { return .bool(r[key] != nil) }
            return .bool(false)
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
        case .map, .filter:
            throw Arithmetic.fail("\(b.rawValue) is evaluated by the interpreter", span)
        case .round:
            guard let x = args.first?.decimal else { throw expected("round", "a number, amount or ratio", args.first, span) }
            do {
                if args.count == 1 { return Arithmetic.rebuild(args[0], x.rounded(toScale: 0, mode: settings.rounding)) }
                guard let step = args[1].decimal, let sd = args[1].dimension, let xd = args[0].dimension,
                      DimensionRules.comparable(xd, sd) else {
                    throw Arithmetic.fail("round's step must have the value's dimension", span, id: .dimensionMismatch)
                }
                let rounded = try x.rounded(toMultipleOf: step, mode: settings.rounding)
                // The step decides how the result shows when the value is a bare number shown as a ratio.
                if case .number = args[0], case .ratio(_, let style) = args[1] { return .ratio(rounded, style) }
                // Money rounded to a step of 万元 shows in 万元.
                if case .money = args[0], case .money(_, let unit) = args[1] { return .money(rounded, unit) }
                return Arithmetic.rebuild(args[0], rounded)
            } catch let e as ArithmeticError {
                throw Arithmetic.wrap(e, span)
            } catch let e as Diagnostic {
                throw e
            } catch { throw Arithmetic.fail("\(error)", span) }
        case .abs:
            guard let x = args[0].decimal else { throw expected("abs", "a number, amount or ratio", args[0], span) }
            return Arithmetic.rebuild(args[0], x.magnitude)
        case .min, .max:
            let items: [Value]
            if args.count == 1, case .list(let list) = args[0] { items = list } else { items = args }
            guard var best = items.first else { throw Arithmetic.fail("\(b.rawValue) of an empty list", span, id: .emptyList) }
            for item in items.dropFirst() {
                guard let o = try Arithmetic.order(item, best, span: span) else { return .unknown }
                if (b == .min && o < 0) || (b == .max && o > 0) { best = item }
            }
            _ = try Arithmetic.order(best, best, span: span)
            return best
        case .sum:
            guard case .list(let items) = args[0] else { throw expected("sum", "a list", args[0], span) }
            guard var total = items.first else { return .number(.zero) }
            for item in items.dropFirst() { total = try Arithmetic.apply(.add, total, item, span: span) }
            if total.dimension == nil, case .unknown = total {} else if total.dimension == nil {
                throw expected("sum", "a list of numbers, amounts or counts", total, span)
            }
            return total
        case .len:
            switch args[0] {
            case .list(let items): return .number(ExactDecimal(items.count))
            case .record(let r): return .number(ExactDecimal(r.keys.count))
            case .string(let s): return .number(ExactDecimal(s.count))
            default: throw expected("len", "a list, record or string", args[0], span)
            }
        case .root:
            guard let x = args[0].decimal, case .number(let n) = args[1], n.isInteger, n > .zero, n <= ExactDecimal(1000) else {
                throw Arithmetic.fail("root(x, n) needs a number or ratio and a whole degree from 1 to 1000", span, id: .typeMismatch)
            }
            guard !x.isNegative else { throw Arithmetic.fail("root of a negative value", span, id: .domain) }
            do {
                return Arithmetic.rebuild(args[0], try x.root(Int(n.coefficient / ExactDecimal.power(Int(n.scale)))))
            } catch { throw Arithmetic.wrap(error, span) }
        case .value:
            guard let x = args[0].decimal else { throw expected("value", "a number, amount or ratio", args[0], span) }
            return .number(x)
        }
    }

    static func expected(_ name: String, _ what: String, _ got: Value?, _ span: SourceSpan) -> Diagnostic {
        Arithmetic.fail("\(name) needs \(what), not a \(got?.type.name ?? "nothing")", span, id: .typeMismatch)
    }
}
