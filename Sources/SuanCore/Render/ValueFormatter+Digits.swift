extension ValueFormatter {
    /// `format(x, digits)`: a numeric value as it shows, but with exactly `digits` decimals (0 to 10),
    /// rounded by the run's rounding mode: `format(3622.4万元, 1)` is `3,622.4万元`,
    /// `format(97.2727%, 1)` is `97.3%`. Nil for a value that is not a number.
    func text(_ v: Value, digits: Int) -> String? {
        func fixed(_ x: ExactDecimal) -> String { x.formatted(fractionDigits: digits, grouping: true, mode: rounding) }
        switch v {
        case .number(let d): return fixed(d)
        case .year(let y): return String(y)
        case .money(let d, let u): return fixed(scaled(d, by: u.factor)) + u.rawValue
        case .ratio(let d, let s): return fixed(scaled(d, by: s.factor)) + s.rawValue
        case .quantity(let d, let t): return fixed(d) + t
        case .rate(let d, let u, let t): return fixed(scaled(d, by: u.factor)) + "\(u.rawValue)/\(t)"
        default: return nil
        }
    }
}
