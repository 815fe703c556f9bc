/// How values show: rule-based and exact, never a guess.
///
/// - Money: grouped, 2 decimals, in its display unit: `3,622.40万元`.
/// - Ratios: up to 2 decimals, trailing zeros trimmed: `67.19%`, `100%`, `1.3‰`, `17.4个百分点`.
/// - Counts: grouped, up to 2 decimals: `7,730件`. Rates: `0.15万元/件`; under 0.1 of the unit, in 元 (`219.23元/件`).
/// - Numbers: exact up to 10 decimals; longer ones are rounded and marked `≈`. Years: `2022`.
/// - Unknown figures: `—`.
/// - Lists show their first 100 items, then `… N more`. A value shows in at most
///   ``displayLimit`` characters: past it, each list or record still open ends with `… N more`, so a
///   list that shares itself (2⁴⁰ leaves in 40 levels) prints in bounded time and memory.
public struct ValueFormatter: Sendable {
    public var rounding: RoundingMode
    /// The language of words in displays (type names, notes): the locale's, or `SUAN_LANG`.
    public var language: Language = .english

    /// Characters a displayed value may take before the rest is elided (1,000,000).
    public static let displayLimit = 1_000_000

    public init(rounding: RoundingMode = .halfAwayFromZero) { self.rounding = rounding }

    /// Characters left to the value being rendered; shared by the levels of one rendering.
    final class Budget {
        var remaining: Int
        /// Whether something was left out because the budget ran out.
        var elided = false
        init(_ characters: Int) { remaining = characters }
    }

    /// Up to `digits` decimals, trailing zeros trimmed.
    /// Plain numbers below this print without thousands separators (`2020`, `1234.5`; `12,345`).
    static let ungroupedBelow = ExactDecimal(10_000)

    func trimmed(_ x: ExactDecimal, _ digits: Int, grouping: Bool = true) -> String {
        let r = x.rounded(toScale: digits, mode: rounding).normalized
        return r.formatted(fractionDigits: Int(r.scale), grouping: grouping, mode: rounding)
    }

    func scaled(_ x: ExactDecimal, by factor: ExactDecimal) -> ExactDecimal {
        (try? x.divided(by: factor)) ?? x
    }

    public func markup(_ v: Value) -> Markup {
        markup(v, Budget(ValueFormatter.displayLimit))
    }

    /// The whole text of a value, or nil when it would be longer than `limit` bytes (`text(x)`
    /// must be exact, so it fails rather than eliding). Written straight into one string: no
    /// markup spans for what may be millions of items.
    func exactText(_ v: Value, limit: Int) -> String? {
        var out = ""
        return append(v, to: &out, nested: false, limit: limit) ? out : nil
    }

    /// Appends the plain text of `v` as ``markup(_:)`` shows it; false once `out` passes `limit`.
    private func append(_ v: Value, to out: inout String, nested: Bool, limit: Int) -> Bool {
        switch v {
        case .list(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += ", " }
                if i == 100 { out += "… \(items.count - 100) more]"; return out.utf8.count <= limit }
                guard append(item, to: &out, nested: true, limit: limit) else { return false }
            }
            out += "]"
        case .record(let r):
            out += (r.kind.map { "\($0) " } ?? "") + "{"
            for (i, (k, value)) in r.entries.enumerated() {
                out += (i > 0 ? ", " : "") + "\(k): "
                guard append(value, to: &out, nested: true, limit: limit) else { return false }
            }
            out += "}"
        case .target(let op, let box):
            out += op.display + " "
            return append(box.value, to: &out, nested: false, limit: limit)
        case .string(let s) where nested:
            out += "\"\(s)\""
        default:
            out += leaf(v, Budget(limit)).plain
        }
        return out.utf8.count <= limit
    }

    func markup(_ v: Value, _ budget: Budget) -> Markup {
        let m = leaf(v, budget)
        switch v {
        case .list, .record, .target: break  // their parts were charged as they were rendered
        default: budget.remaining -= m.spans.reduce(0) { $0 + $1.text.utf8.count }
        }
        return m
    }

    /// `v` rendered, with lists and records charged to `budget` item by item (leaves are charged by
    /// ``markup(_:_:)``).
    private func leaf(_ v: Value, _ budget: Budget) -> Markup {
        switch v {
        case .number(let d):
            // A plain number of four integer digits or fewer is not grouped (GB/T 15835 allows it), so
            // that years from `range(2020, 2023)` read 2020; amounts and counts keep their grouping.
            let grouping = d.magnitude >= ValueFormatter.ungroupedBelow
            if d.significantScale <= 10 { return Markup(d.normalized.formatted(fractionDigits: d.significantScale, grouping: grouping), .value) }
            return Markup("≈", .dim) + Markup(trimmed(d, 10), .value)
        case .year(let y):
            return Markup(String(y), .value)
        case .money(let d, let u):
            return Markup(scaled(d, by: u.factor).formatted(fractionDigits: 2, grouping: true, mode: rounding), .value) + Markup(u.rawValue, .unit)
        case .ratio(let d, let s):
            return Markup(trimmed(scaled(d, by: s.factor), 2), .value) + Markup(s.rawValue, .unit)
        case .quantity(let d, let t):
            return Markup(trimmed(d, 2), .value) + Markup(t, .unit)
        case .rate(let d, var u, let t):
            // A unit cost that would show as 0.02万元/件 (one digit) shows in 元, 219.23元/件: its digits matter.
            if u != .yuan, scaled(d, by: u.factor).magnitude < ExactDecimal(unchecked: 1, scale: 1) { u = .yuan }
            return Markup(scaled(d, by: u.factor).formatted(fractionDigits: 2, grouping: true, mode: rounding), .value) + Markup("\(u.rawValue)/\(t)", .unit)
        case .bool(let b):
            return Markup(b ? "true" : "false", .keyword)
        case .string(let s):
            return Markup(s)
        case .list(let items):
            var m = Markup("[")
            for (i, item) in items.enumerated() {
                if i > 0 { m.spans.append((", ", .plain)) }
                if i == 100 { return m + Markup("… \(items.count - 100) more]", .dim) }
                if budget.remaining <= 0 {
                    budget.elided = true
                    return m + Markup("… \(items.count - i) more]", .dim)
                }
                budget.remaining -= 2
                m.spans += nested(item, budget).spans
            }
            return m + Markup("]")
        case .record(let r):
            var m = Markup(r.kind.map { "\($0) " } ?? "", .keyword) + Markup("{")
            for (i, (k, value)) in r.entries.enumerated() {
                if i > 0 { m.spans.append((", ", .plain)) }
                if budget.remaining <= 0 {
                    budget.elided = true
                    return m + Markup("… \(r.keys.count - i) more}", .dim)
                }
                budget.remaining -= k.utf8.count + 4
                m.spans.append(("\(k): ", .plain))
                m.spans += nested(value, budget).spans
            }
            return m + Markup("}")
        case .function(let f):
            switch f {
            case .user(let u) where u.isAnonymous: return Markup("fn(\(u.parameters.joined(separator: ", ")))", .keyword)
            case .user(let u): return Markup("fn \(u.name)(\(u.parameters.joined(separator: ", ")))", .keyword)
            case .builtin(let b): return Markup("builtin \(b.rawValue)", .keyword)
            }
        case .target(let op, let box):
            return Markup(op.display + " ") + markup(box.value, budget)
        case .unknown:
            return Markup("—", .dim)
        }
    }

    func nested(_ v: Value, _ budget: Budget) -> Markup {
        if case .string(let s) = v {
            budget.remaining -= s.utf8.count + 2
            return Markup("\"\(s)\"")
        }
        return markup(v, budget)
    }

    /// A ratio or count with at least `decimals` decimals where it needs them: the labels of a
    /// table whose step is 0.002% read 0.002%, 0.004%, … rather than 0%, 0%, ….
    public func text(_ v: Value, decimals: Int) -> String {
        switch v {
        case .ratio(let d, let s) where decimals > 2: return trimmed(scaled(d, by: s.factor), decimals) + s.rawValue
        case .quantity(let d, let t) where decimals > 2: return trimmed(d, decimals) + t
        default: return text(v)
        }
    }

    /// A change with its sign: `+20.00万元`, `-0.73个百分点`, and no sign on a change that shows as zero.
    public func signedText(_ v: Value) -> String {
        let s = text(v)
        let zero = !s.contains(where: { ("1"..."9").contains($0) })
        return s.hasPrefix("-") || zero ? s : "+" + s
    }

    public func text(_ v: Value) -> String { markup(v).plain }
}

extension Value {
    /// The value as it shows by default, without colour.
    public var plainText: String { ValueFormatter().text(self) }
}
