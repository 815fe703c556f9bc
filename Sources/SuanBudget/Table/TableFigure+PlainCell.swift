import SuanCore

extension TableFigure {
    /// The written relation, the number and the written unit of a common cell, read from its bytes:
    /// `2797.25`, `30`, `81%`, `8279件`, `≥7351件`, `≤5天`. Nil for any other cell, which ``value(_:unit:relation:target:span:id:)``
    /// reads as characters; for these it gives the same parts that reading does, without building
    /// Characters or comparing normalised strings (most of the cells of a large CSV are like these).
    ///
    /// Only a unit that starts with a CJK ideograph (U+4000–U+9FFF, lead bytes E4–E9) follows the
    /// digits directly: such a scalar never joins the digit before it into one Character, so the
    /// bytes split the cell where the Characters do. `≥` and `≤` are the only relations read here,
    /// and only when a digit follows them at once.
    static func plainParts(_ cell: String) -> (relation: ComparisonOperator?, number: ExactDecimal, unit: String)? {
        var cell = cell
        return cell.withUTF8 { bytes in
            plainParts(bytes).map { ($0.relation, $0.number, String(decoding: UnsafeBufferPointer(rebasing: bytes[$0.unit]), as: UTF8.self)) }
        }
    }

    /// ``plainParts(_:)-(String)`` of a cell's UTF-8 bytes; the unit is where its bytes are, without
    /// surrounding spaces.
    static func plainParts(_ bytes: UnsafeBufferPointer<UInt8>) -> (relation: ComparisonOperator?, number: ExactDecimal, unit: Range<Int>)? {
        let n = bytes.count
        var i = 0
        var relation: ComparisonOperator? = nil
        if n >= 3 && bytes[0] == 0xE2 && bytes[1] == 0x89 && (bytes[2] == 0xA5 || bytes[2] == 0xA4) {
            relation = bytes[2] == 0xA5 ? .greaterEqual : .lessEqual
            i = 3
        }
        let start = i
        while i < n && ((bytes[i] >= 0x30 && bytes[i] <= 0x39) || bytes[i] == 0x2E) { i += 1 }
        guard i > start else { return nil }
        if i < n {
            let next = bytes[i]
            guard (next == 0x25 && i + 1 == n) || (next >= 0xE4 && next <= 0xE9) else { return nil }
        }
        guard let number = try? ExactDecimal(parsingUTF8: UnsafeBufferPointer(rebasing: bytes[start..<i]), allowGrouping: true) else { return nil }
        return (relation, number, UTF8Spaces.trimmed(i..<n, of: bytes))
    }

    /// The value of a cell's bytes, trimmed, as ``value(_:unit:relation:target:span:id:)`` reads
    /// its text; `measure` is the 度量单位 cell's text, and `units` remembers the unit words read.
    static func value(_ cell: UnsafeBufferPointer<UInt8>, measure: String?, relation given: ComparisonOperator? = nil,
                      target: Bool, span: SourceSpan, id: DiagnosticID, units: inout RepeatedText<Unit>) throws(Diagnostic) -> Value {
        guard let (written, number, unit) = plainParts(cell) else {
            return try valueByCharacters(String(decoding: cell, as: UTF8.self), unit: measure, relation: given, target: target, span: span, id: id)
        }
        let word = UnsafeBufferPointer(rebasing: cell[unit])
        let read = unit.isEmpty ? Unit(measure?.trimmed ?? "") : units.made(from: word) { Unit(String(decoding: word, as: UTF8.self)) }
        return try figure(number, unit: read, relation: written ?? given, target: target, span: span, id: id)
    }
}
