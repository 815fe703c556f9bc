/// The physical kind of a numeric value; arithmetic is defined on dimensions by ``DimensionRules``.
public enum Dimension: Hashable, Sendable {
    case number, money, ratio
    case quantity(String)
    case rate(String)

    public var name: String {
        switch self {
        case .number: "Number"
        case .money: "Money"
        case .ratio: "Ratio"
        case .quantity(let t): "Quantity(\(t))"
        case .rate(let t): "Rate(per \(t))"
        }
    }
}

/// The arithmetic table of the design brief, in one place: the checker applies it to types before a
/// script runs, the interpreter applies it to values. Nothing else decides what `a + b` means.
public enum DimensionRules {
    /// What `l op r` produces.
    public enum Outcome: Equatable, Sendable {
        /// An ordinary result of this dimension.
        case result(Dimension)
        /// `x ± r%`: the left side changed by a ratio, `x × (1 ± r)`.
        case relativeChange(Dimension)
        /// Not defined; the message names both sides and, where there is one, the fix.
        case failure(message: Message, help: Message?)
    }

    public static func outcome(_ op: ArithmeticOperator, _ l: Dimension, _ r: Dimension) -> Outcome {
        switch op {
        case .add, .subtract: return additive(op, l, r)
        case .multiply: return multiplicative(l, r)
        case .divide: return division(l, r)
        case .power:
            if r == .number { return l == .number || l == .ratio ? .result(l) : failure(op, l, r, help: "only numbers and ratios can be raised to a power") }
            return failure(op, l, r, help: "the exponent must be a plain number")
        }
    }

    static func failure(_ op: ArithmeticOperator, _ l: Dimension, _ r: Dimension, help: Message? = nil) -> Outcome {
        let message: Message = switch op {
        case .add: "cannot add \(r.name) to \(l.name)"
        case .subtract: "cannot subtract \(r.name) from \(l.name)"
        case .multiply: "cannot multiply \(l.name) by \(r.name)"
        case .divide: "cannot divide \(l.name) by \(r.name)"
        case .power: "cannot raise \(l.name) to the power of \(r.name)"
        }
        return .failure(message: message, help: help)
    }

    static func additive(_ op: ArithmeticOperator, _ l: Dimension, _ r: Dimension) -> Outcome {
        if l == r { return .result(l) }
        switch (l, r) {
        case (.money, .ratio), (.number, .ratio), (.quantity, .ratio), (.rate, .ratio):
            return .relativeChange(l)
        case (.ratio, .number):
            // A ratio is a dimensionless number: 105% − 1 is 5%.
            return .result(.ratio)
        case (.ratio, .money), (.ratio, .quantity), (.ratio, .rate):
            return failure(op, l, r, help: "a change by a ratio is written with the amount first: x \(op.rawValue) 10%")
        case (.quantity(let a), .quantity(let b)):
            return failure(op, l, r, help: "the count words differ (\(a) vs \(b))")
        case (.number, .money), (.money, .number):
            return failure(op, l, r, help: "give the number a unit, e.g. 5万元")
        case (.number, .quantity(let t)), (.quantity(let t), .number):
            return failure(op, l, r, help: "give the number its count word, e.g. 5\(t)")
        default:
            return failure(op, l, r)
        }
    }

    static func multiplicative(_ l: Dimension, _ r: Dimension) -> Outcome {
        switch (l, r) {
        case (.number, _): return .result(r)
        case (_, .number): return .result(l)
        case (.ratio, _): return .result(r)
        case (_, .ratio): return .result(l)
        case (.rate(let a), .quantity(let b)), (.quantity(let b), .rate(let a)):
            return a == b ? .result(.money) : failure(.multiply, l, r, help: "the count words differ (\(a) vs \(b))")
        case (.money, .money):
            return failure(.multiply, l, r, help: "money times money has no meaning here; did you mean to divide?")
        default:
            return failure(.multiply, l, r)
        }
    }

    static func division(_ l: Dimension, _ r: Dimension) -> Outcome {
        switch (l, r) {
        case (.number, .number): return .result(.number)
        case (_, .number): return .result(l)
        case (.number, .ratio), (.ratio, .ratio): return .result(l)
        case (_, .ratio): return .result(l)
        case (.money, .money): return .result(.ratio)
        case (.quantity(let a), .quantity(let b)), (.rate(let a), .rate(let b)):
            return a == b ? .result(.ratio) : failure(.divide, l, r, help: "the count words differ (\(a) vs \(b))")
        case (.money, .quantity(let t)): return .result(.rate(t))
        case (.money, .rate(let t)): return .result(.quantity(t))
        case (.number, .money), (.number, .quantity), (.number, .rate):
            return failure(.divide, l, r, help: "a plain number divided by an amount has no unit Suan knows")
        default:
            return failure(.divide, l, r)
        }
    }

    /// Whether `l` and `r` can be compared: one dimension, or a ratio against a number.
    public static func comparable(_ l: Dimension, _ r: Dimension) -> Bool {
        l == r || (l == .ratio && r == .number) || (l == .number && r == .ratio)
    }
}
