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
        let utf8 = cell.utf8
        let split: (relation: ComparisonOperator?, digits: Range<Int>)?? = utf8.withContiguousStorageIfAvailable { bytes in
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
            return (relation, start..<i)
        }
        guard let found = split, let (relation, digits) = found else { return nil }
        let from = utf8.index(utf8.startIndex, offsetBy: digits.lowerBound)
        let to = utf8.index(utf8.startIndex, offsetBy: digits.upperBound)
        guard let number = try? ExactDecimal(parsing: Substring(utf8[from..<to]), allowGrouping: true) else { return nil }
        return (relation, number, to == utf8.endIndex ? "" : Substring(utf8[to...]).trimmed)
    }
}
