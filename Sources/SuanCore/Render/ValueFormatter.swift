/// How values show: rule-based and exact, never a guess.
///
/// - Money: grouped, 2 decimals, in its display unit: `3,622.40万元`.
/// - Ratios: up to 2 decimals, trailing zeros trimmed: `67.19%`, `100%`, `1.3‰`, `17.4个百分点`.
/// - Counts: grouped, up to 2 decimals: `7,730件`. Rates: `0.15万元/件`.
/// - Numbers: exact up to 10 decimals; longer ones are rounded and marked `≈`. Years: `2022`.
/// - Unknown figures: `—`.
public struct ValueFormatter: Sendable {
    public var rounding: RoundingMode

    public init(rounding: RoundingMode = .halfAwayFromZero) { self.rounding = rounding }

    /// Up to `digits` decimals, trailing zeros trimmed.
    func trimmed(_ x: ExactDecimal, _ digits: Int, grouping: Bool = true) -> String {
        let r = x.rounded(toScale: digits, mode: rounding).normalized
        return r.formatted(fractionDigits: Int(r.scale), grouping: grouping, mode: rounding)
    }

    func scaled(_ x: ExactDecimal, by factor: ExactDecimal) -> ExactDecimal {
        (try? x.divided(by: factor)) ?? x
    }

    public func markup(_ v: Value) -> Markup {
        switch v {
        case .number(let d):
            if d.significantScale <= 10 { return Markup(d.normalized.formatted(fractionDigits: d.significantScale, grouping: true), .value) }
            return Markup("≈", .dim) + Markup(trimmed(d, 10), .value)
        case .year(let y):
            return Markup(String(y), .value)
        case .money(let d, let u):
            return Markup(scaled(d, by: u.factor).formatted(fractionDigits: 2, grouping: true, mode: rounding), .value) + Markup(u.rawValue, .unit)
        case .ratio(let d, let s):
            return Markup(trimmed(scaled(d, by: s.factor), 2), .value) + Markup(s.rawValue, .unit)
        case .quantity(let d, let t):
            return Markup(trimmed(d, 2), .value) + Markup(t, .unit)
        case .rate(let d, let u, let t):
            return Markup(scaled(d, by: u.factor).formatted(fractionDigits: 2, grouping: true, mode: rounding), .value) + Markup("\(u.rawValue)/\(t)", .unit)
        case .bool(let b):
            return Markup(b ? "true" : "false", .keyword)
        case .string(let s):
            return Markup(s)
        case .list(let items):
            var m = Markup("[")
            for (i, item) in items.enumerated() {
                if i > 0 { m = m + Markup(", ") }
                if i == 100 { return m + Markup("… \(items.count - 100) more]", .dim) }
                m = m + nested(item)
            }
            return m + Markup("]")
        case .record(let r):
            var m = Markup(r.kind.map { "\($0) " } ?? "", .keyword) + Markup("{")
            for (i, (k, value)) in r.entries.enumerated() {
                if i > 0 { m = m + Markup(", ") }
                m = m + Markup("\(k): ") + nested(value)
            }
            return m + Markup("}")
        case .function(let f):
            switch f {
            case .user(let u): return Markup("fn \(u.name)(\(u.parameters.joined(separator: ", ")))", .keyword)
            case .builtin(let b): return Markup("builtin \(b.rawValue)", .keyword)
            }
        case .target(let op, let box):
            return Markup(op.display + " ") + markup(box.value)
        case .unknown:
            return Markup("—", .dim)
        }
    }

    func nested(_ v: Value) -> Markup {
        if case .string(let s) = v { return Markup("\"\(s)\"") }
        return markup(v)
    }

    public func text(_ v: Value) -> String { markup(v).plain }
}

extension Value {
    /// The value as it shows by default, without colour.
    public var plainText: String { ValueFormatter().text(self) }
}
