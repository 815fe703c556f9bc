import SuanCore

/// Reads a figure from a table cell: `≥ 7000件`, `>=95%`, `7730件`, `1,234.5`, `达成`, or a bare
/// `1200` whose unit is in a separate 度量单位 cell and whose relation is in a 指标性质 cell.
///
/// A unit written in the cell wins over the 度量单位 column. Units: `%` and `‰` give ratios, `元`,
/// `万元` and `亿元` money, any other word a count (`件`, `场次`); no unit gives a plain number. Text
/// that does not start with digits is kept as text (qualitative outcomes such as `达成`).
enum TableFigure {
    /// `≥`, `>=`, `大于等于`, … → the relation; nil when the text names none.
    static func relation(_ text: String) -> ComparisonOperator? {
        relationPrefix(Substring(text.trimmed))?.0
    }

    static let relations: [(String, ComparisonOperator)] = [
        ("≥", .greaterEqual), (">=", .greaterEqual), ("＞＝", .greaterEqual), ("大于等于", .greaterEqual), ("不低于", .greaterEqual), ("不少于", .greaterEqual),
        ("≤", .lessEqual), ("<=", .lessEqual), ("＜＝", .lessEqual), ("小于等于", .lessEqual), ("不高于", .lessEqual), ("不超过", .lessEqual),
        ("==", .equal), ("=", .equal), ("＝", .equal), ("等于", .equal),
        (">", .greater), ("＞", .greater), ("大于", .greater), ("<", .less), ("＜", .less), ("小于", .less),
    ]

    /// The relations' UTF-8 bytes: a cell is compared with them byte by byte first, and only a cell
    /// that starts with those bytes is compared as characters (which most cells, the 实际 ones, never are).
    static let relationBytes: [[UInt8]] = relations.map { Array($0.0.utf8) }

    static func relationPrefix(_ text: Substring) -> (ComparisonOperator, Int)? {
        let utf8 = text.utf8
        for (i, (prefix, op)) in relations.enumerated() where utf8.starts(with: relationBytes[i]) && text.hasPrefix(prefix) {
            return (op, prefix.count)
        }
        return nil
    }

    /// The value of a cell. `target` makes it a target (≥ unless a relation is written or given).
    static func value(_ cell: String, unit defaultUnit: String? = nil, relation given: ComparisonOperator? = nil,
                      target: Bool, span: SourceSpan, id: DiagnosticID) throws(Diagnostic) -> Value {
        if let (written, number, unit) = plainParts(cell) {
            return try figure(number, unit: unit, defaultUnit: defaultUnit, relation: written ?? given, target: target, span: span, id: id)
        }
        return try valueByCharacters(cell, unit: defaultUnit, relation: given, target: target, span: span, id: id)
    }

    /// The value of any cell, read as characters (``plainParts(_:)`` reads the common ones faster).
    static func valueByCharacters(_ cell: String, unit defaultUnit: String?, relation given: ComparisonOperator?,
                                  target: Bool, span: SourceSpan, id: DiagnosticID) throws(Diagnostic) -> Value {
        var text = Substring(cell.trimmed)
        if text.isEmpty || text == "—" { return .unknown }
        var op = given
        if let (written, length) = relationPrefix(text) {
            op = written
            text = text.dropFirst(length).drop(while: { $0 == " " || $0 == "\u{3000}" })
        }
        let digits = text.prefix(while: { $0.isASCII && ($0.isNumber || $0 == "." || $0 == "," || $0 == "-") })
        guard !digits.isEmpty, let number = try? ExactDecimal(parsing: digits, allowGrouping: true) else {
            return .string(String(text))  // qualitative: 达成, 部分达成, …
        }
        let written = String(text.dropFirst(digits.count)).trimmed
        return try figure(number, unit: written, defaultUnit: defaultUnit, relation: op, target: target, span: span, id: id)
    }

    /// `number` with the unit written after it (else `defaultUnit`), as a target when `target`.
    private static func figure(_ number: ExactDecimal, unit written: String, defaultUnit: String?, relation: ComparisonOperator?,
                               target: Bool, span: SourceSpan, id: DiagnosticID) throws(Diagnostic) -> Value {
        let unit = Unit(written.isEmpty ? (defaultUnit?.trimmed ?? "") : written)
        return try figure(number, unit: unit, relation: relation, target: target, span: span, id: id)
    }

    /// `number` in `unit`, as a target when `target`.
    static func figure(_ number: ExactDecimal, unit: Unit, relation: ComparisonOperator?,
                       target: Bool, span: SourceSpan, id: DiagnosticID) throws(Diagnostic) -> Value {
        let value = try unit.value(number, span: span, id: id)
        guard target else { return value }
        return .target(relation ?? .greaterEqual, Value.Box(value))
    }

    /// `number` in `unit`: a ratio, money, a count or a plain number.
    static func value(_ number: ExactDecimal, unit: String, span: SourceSpan, id: DiagnosticID) throws(Diagnostic) -> Value {
        try Unit(unit).value(number, span: span, id: id)
    }

    /// What a unit word written after a number makes of it.
    enum Unit {
        /// no unit: a plain number
        case none
        /// `%` or `％`
        case percent
        /// `‰`
        case permille
        /// `元`, `万元`, `亿元`
        case money(MoneyUnit)
        /// any other word: a count (`件`, `场次`)
        case count(String)

        init(_ word: String) {
            switch word {
            case "": self = .none
            case "%", "％": self = .percent
            case "‰": self = .permille
            default: self = MoneyUnit(rawValue: word).map(Unit.money) ?? .count(word)
            }
        }

        /// `number` in this unit.
        func value(_ number: ExactDecimal, span: SourceSpan, id: DiagnosticID) throws(Diagnostic) -> Value {
            do {
                switch self {
                case .none: return .number(number)
                case .percent: return .ratio(try number.multiplied(by: RatioStyle.percent.factor), .percent)
                case .permille: return .ratio(try number.multiplied(by: RatioStyle.permille.factor), .permille)
                case .money(let money): return .money(try number.shifted(byPowerOfTen: money.exponent), money)
                case .count(let word): return .quantity(number, word)
                }
            } catch {
                throw Diagnostic(id: id, "'\(number)' is out of range", at: span)
            }
        }
    }
}
