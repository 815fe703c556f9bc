import SuanCore

/// Figures as plain numbers for export: no grouping, no unit (the unit goes in a header or a
/// 度量单位 cell). Amounts are exact, so that `load` reads back the same value; shares and rates
/// are rounded as `show` prints them, so that exported shares add up as on screen.
enum ExportNumber {
    /// An amount in 万元, exact, with at least two decimals: `1188.56`, `140.00`, `0.00005`.
    static func wan(_ value: Value) -> ExportTable.Cell {
        guard case .money(let yuan, _) = value, let wan = try? yuan.divided(by: MoneyUnit.wan.factor) else { return .empty }
        return .number(wan.formatted(fractionDigits: max(2, wan.significantScale)))
    }

    /// A ratio in percent as `show` rounds it (`97.21`), for shares and rates that are computed.
    static func percent(_ value: Value, format: ValueFormatter) -> ExportTable.Cell {
        guard case .ratio(let d, _) = value, let percent = try? d.divided(by: RatioStyle.percent.factor) else { return .empty }
        let r = percent.rounded(toScale: 2, mode: format.rounding).normalized
        return .number(r.formatted(fractionDigits: Int(r.scale)))
    }

    /// A computed figure as `show` rounds it, in the unit a table column states: amounts in 万元
    /// (exact), ratios in %, counts and unit costs (in 元 per its tag, `元/宗`) to two decimals.
    /// Nil for values that are not figures.
    static func shown(_ value: Value, format: ValueFormatter) -> (cell: ExportTable.Cell, unit: String)? {
        func rounded(_ d: ExactDecimal) -> ExportTable.Cell {
            let r = d.rounded(toScale: 2, mode: format.rounding).normalized
            return .number(r.formatted(fractionDigits: Int(r.scale)))
        }
        switch value {
        case .money: return (wan(value), MoneyUnit.wan.rawValue)
        case .ratio: return (percent(value, format: format), RatioStyle.percent.rawValue)
        case .quantity(let d, let tag): return (rounded(d), tag)
        case .rate(let yuan, _, let tag): return (rounded(yuan), "\(MoneyUnit.yuan.rawValue)/\(tag)")
        case .number(let d): return (.number(d.exactText), "")
        case .year(let y): return (.number(String(y)), "")
        default: return nil
        }
    }

    /// A figure's exact number and the unit it is written in: `(5800, "件")`, `(95, "%")`,
    /// `(3.31, "亿元")`, `(12, "")`; nil for values that are not figures.
    static func figure(_ value: Value) -> (number: String, unit: String)? {
        func exact(_ d: ExactDecimal) -> String { d.exactText }
        switch value {
        case .number(let d): return (exact(d), "")
        case .year(let y): return (String(y), "")
        case .money(let yuan, let unit):
            guard let d = try? yuan.divided(by: unit.factor) else { return nil }
            return (exact(d), unit.rawValue)
        case .ratio(let d, let style):
            let shown: RatioStyle = style == .permille ? .permille : .percent
            guard let n = try? d.divided(by: shown.factor) else { return nil }
            return (exact(n), shown.rawValue)
        case .quantity(let d, let tag): return (exact(d), tag)
        default: return nil
        }
    }

    /// A value as one cell: a figure's number when its unit is `unit`, else the figure with its own
    /// unit (`3.31亿元`; always so when `unit` is nil), text as it is, `true`/`false`; unknown is empty.
    static func cell(_ value: Value?, unit: String?) -> ExportTable.Cell {
        guard let value else { return .empty }
        if let (number, own) = figure(value) { return own == unit ? .number(number) : .text(number + own) }
        switch value {
        case .unknown: return .empty
        case .string(let s): return .text(s)
        case .bool(let b): return .text(b ? "true" : "false")
        default: return .text(value.plainText)
        }
    }
}
