/// Functions implemented in Swift because they cannot be written in Suan itself; everything else
/// (avg, share, growth, cagr, the Chinese aliases) is in `Stdlib/prelude.suan`.
public enum Builtin: String, Sendable, CaseIterable {
    /// `round(x)` to a whole number, `round(x, step)` to a multiple of a step of x's dimension.
    case round
    case abs
    /// `min(a, b, …)` or `min(list)`.
    case min, max
    /// `sum(list)`.
    case sum
    /// Items in a list, fields in a record, characters in a string.
    case len
    /// `root(x, n)`: the positive nth root, to 28 digits.
    case root
    /// `value(x)`: the bare number of a money, ratio or count (money in 元).
    case value

    public var arity: Int? {
        switch self {
        case .round, .min, .max: nil
        case .abs, .sum, .len, .value: 1
        case .root: 2
        }
    }

    /// Accepted argument counts, for the checker's message.
    var arityRange: ClosedRange<Int> {
        switch self {
        case .round: 1...2
        case .min, .max: 1...64
        case .abs, .sum, .len, .value: 1...1
        case .root: 2...2
        }
    }

    public var summary: String {
        switch self {
        case .round: "round(x, step): round to a multiple of step (half away from zero by default)"
        case .abs: "abs(x): magnitude"
        case .min: "min(a, b, …) or min(list): the smallest"
        case .max: "max(a, b, …) or max(list): the largest"
        case .sum: "sum(list): the exact total"
        case .len: "len(x): items in a list, fields in a record, characters in a string"
        case .root: "root(x, n): the nth root"
        case .value: "value(x): the bare number (money in 元, ratios as fractions)"
        }
    }
}
