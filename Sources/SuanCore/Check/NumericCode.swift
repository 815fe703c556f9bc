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

extension NumericCode {
    /// True when both are written alike: the same operators over the same slots and the same
    /// constants, digit for digit (`1.0` and `1.00` are not alike, so a reused part has exactly the
    /// value the repeated place would have computed).
    func isSame(as other: NumericCode) -> Bool {
        switch (self, other) {
        case (.constant(let a), .constant(let b)): a.coefficient == b.coefficient && a.scale == b.scale
        case (.global(let a), .global(let b)), (.local(let a), .local(let b)): a == b
        case (.add(let a, let b), .add(let c, let d)), (.subtract(let a, let b), .subtract(let c, let d)),
             (.multiply(let a, let b), .multiply(let c, let d)), (.divide(let a, let b), .divide(let c, let d)):
            a.isSame(as: c) && b.isSame(as: d)
        case (.scale(let a, let b, let x), .scale(let c, let d, let y)): x == y && a.isSame(as: c) && b.isSame(as: d)
        default: false
        }
    }

    /// The number of nodes, counted no further than `limit` (so that a huge tree costs no more
    /// than `limit` steps to measure).
    func size(upTo limit: Int) -> Int {
        var count = 0
        func visit(_ code: NumericCode) {
            guard count < limit else { return }
            count += 1
            switch code {
            case .constant, .global, .local: return
            case .add(let l, let r), .subtract(let l, let r), .multiply(let l, let r), .divide(let l, let r), .scale(let l, let r, _):
                visit(l)
                visit(r)
            }
        }
        visit(self)
        return count
    }

    /// How many times `part` is written in this code (itself included).
    func occurrences(of part: NumericCode) -> Int {
        if isSame(as: part) { return 1 }
        switch self {
        case .constant, .global, .local: return 0
        case .add(let l, let r), .subtract(let l, let r), .multiply(let l, let r), .divide(let l, let r), .scale(let l, let r, _):
            return l.occurrences(of: part) + r.occurrences(of: part)
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
}
