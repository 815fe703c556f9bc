import SuanCore

/// How a projected output (预计) shows. A projection keeps its exact value, but a count of whole
/// things (场次, 宗, 件: the figure it projects is a whole number) shows as a whole number:
/// 413.71宗 of a 362宗 base reads `414宗`. The rule follows the data, not a list of count words.
enum ProjectionDisplay {
    /// A count rounded to a whole number, as it shows (other values as they are).
    static func rounded(_ value: Value, format: ValueFormatter) -> Value {
        guard case .quantity(let d, let tag) = value else { return value }
        return .quantity(d.rounded(toScale: 0, mode: format.rounding), tag)
    }

    /// A count rounded to a whole number for display (other values as they are).
    static func whole(_ value: Value, format: ValueFormatter) -> String {
        guard case .quantity(let d, let tag) = value else { return format.text(value) }
        return format.text(.quantity(d.rounded(toScale: 0, mode: format.rounding), tag))
    }

    /// The projection of an indicator as it shows next to its 实际.
    static func text(of indicator: Record, format: ValueFormatter) -> String? {
        guard let projected = indicator["预计"] else { return nil }
        if case .quantity(let actual, _)? = indicator["实际"], actual.isInteger { return whole(projected, format: format) }
        return format.text(projected)
    }
}
