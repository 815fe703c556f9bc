/// A statically typed arithmetic tree over bare decimals (money in 元, ratios as fractions), for
/// conditions the checker can prove numeric — the inner loop of `count`, `solve` and `filter`.
/// Evaluating it moves no `Value`s: only `ExactDecimal`s, which need no reference counting.
indirect enum NumericCode: Sendable {
    case constant(ExactDecimal)
    case global(Int)
    case local(Int)
    case add(NumericCode, NumericCode)
    case subtract(NumericCode, NumericCode)
    case multiply(NumericCode, NumericCode)
    case divide(NumericCode, NumericCode)
    /// `x ± r`: x × (1 ± r), the relative change.
    case scale(NumericCode, NumericCode, increase: Bool)

    /// Builds the numeric form of checked code whose operand types are all known dimensions, or nil.
    static func compile(_ code: Code, _ type: SuanType) -> NumericCode? {
        guard type.dimension != nil else { return nil }
        switch code {
        case .constant(let v): return v.decimal.map(NumericCode.constant)
        case .global(let slot): return .global(slot)
        case .local(let slot): return .local(slot)
        default: return nil
        }
    }

    static func combine(_ op: ArithmeticOperator, _ l: NumericCode, _ lt: SuanType, _ r: NumericCode, _ rt: SuanType) -> NumericCode? {
        guard let ld = lt.dimension, let rd = rt.dimension else { return nil }
        switch DimensionRules.outcome(op, ld, rd) {
        case .failure: return nil
        case .relativeChange: return .scale(l, r, increase: op == .add)
        case .result:
            switch op {
            case .add: return .add(l, r)
            case .subtract: return .subtract(l, r)
            case .multiply: return .multiply(l, r)
            case .divide: return .divide(l, r)
            case .power: return nil
            }
        }
    }
}

/// Raised when a value at run time is not the number the checker expected (an unknown figure):
/// the caller then evaluates the general code instead.
struct NumericFallback: Error {}

extension Interpreter {
    @inline(__always)
    func number(_ v: Value) throws(NumericFallback) -> ExactDecimal {
        switch v {
        case .number(let d), .money(let d, _), .ratio(let d, _), .quantity(let d, _), .rate(let d, _, _): return d
        default: throw NumericFallback()
        }
    }

    func evalNumeric(_ code: NumericCode, _ frame: inout Frame) throws(NumericFallback) -> ExactDecimal {
        do {
            switch code {
            case .constant(let d): return d
            case .global(let slot): return try number(globals[slot])
            case .local(let slot): return try number(frame[slot])
            case .add(let l, let r): return try evalNumeric(l, &frame).adding(evalNumeric(r, &frame))
            case .subtract(let l, let r): return try evalNumeric(l, &frame).subtracting(evalNumeric(r, &frame))
            case .multiply(let l, let r): return try evalNumeric(l, &frame).multiplied(by: evalNumeric(r, &frame))
            case .divide(let l, let r): return try evalNumeric(l, &frame).divided(by: evalNumeric(r, &frame))
            case .scale(let l, let r, let increase):
                let x = try evalNumeric(l, &frame), rate = try evalNumeric(r, &frame)
                return try x.multiplied(by: increase ? ExactDecimal.one.adding(rate) : ExactDecimal.one.subtracting(rate))
            }
        } catch let e as NumericFallback {
            throw e
        } catch {
            // Overflow or division by zero: the general path reports it with its position.
            throw NumericFallback()
        }
    }
}
