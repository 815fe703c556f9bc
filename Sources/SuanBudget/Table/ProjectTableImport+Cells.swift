import SuanCore

/// Reading a row's cells: presence, text, amounts, numbers and figures, each from the cell's
/// bytes without surrounding spaces. Figures and the common amounts and numbers are read from the
/// bytes; only text the year keeps becomes a `String`, and any cell the byte paths do not take is
/// read from its text exactly as before, so values and diagnostics stay those of the text.
extension ProjectTableImport {
    /// A cell that is not empty: its bytes without surrounding spaces, and its span.
    typealias Found = (bytes: Range<Int>, span: SourceSpan)

    /// A column's cell, when the column exists and the cell is not empty.
    func cell(_ row: TableRow, _ column: ProjectTableColumn) -> Found? {
        header[column].flatMap { cell(row, at: $0) }
    }

    /// The cell at index `i`, when the row has it and it is not empty.
    func cell(_ row: TableRow, at i: Int) -> Found? {
        guard i < row.count else { return nil }
        let bytes = row.trimmed(at: i)
        return bytes.isEmpty ? nil : (bytes, row.span(at: i))
    }

    /// The trimmed text of a column's cell, when the column exists and the cell is not empty.
    func text(_ row: TableRow, _ column: ProjectTableColumn) -> (text: String, span: SourceSpan)? {
        cell(row, column).map { (row.string($0.bytes), $0.span) }
    }

    /// The trimmed text of the cell at index `i`, when the row has it and it is not empty.
    func text(_ row: TableRow, at i: Int) -> (text: String, span: SourceSpan)? {
        cell(row, at: i).map { (row.string($0.bytes), $0.span) }
    }

    /// The money units an amount cell may end in, longest first (`万元` before `元`).
    static let writtenUnits = MoneyUnit.allCases.sorted { $0.rawValue.count > $1.rawValue.count }

    /// An amount cell in 万元, 元 or 亿元 (by the header), with thousands separators; `—` is unknown.
    func amount(_ row: TableRow, _ column: ProjectTableColumn) throws(Diagnostic) -> (Value, SourceSpan)? {
        guard let i = header[column] else { return nil }
        return try amount(row, at: i)
    }

    /// The amount in the cell at index `i`.
    func amount(_ row: TableRow, at i: Int) throws(Diagnostic) -> (Value, SourceSpan)? {
        guard let (bytes, span) = cell(row, at: i) else { return nil }
        let unit = i < amountUnits.count ? amountUnits[i] : header.unit(of: i)
        // Most amounts end in a digit, after which no unit is written: their bytes are the number.
        if Self.isDigit(row.bytes[bytes.upperBound - 1]),
           let number = row.withBytes(bytes, { try? ExactDecimal(parsingUTF8: $0, allowGrouping: true) }),
           let shifted = try? number.shifted(byPowerOfTen: unit.exponent) {
            return (.money(shifted, .wan), span)
        }
        return (try amount(row.string(bytes), unit: unit, span: span), span)
    }

    /// The amount a cell's trimmed text gives, in `unit` unless it ends in a unit of its own.
    func amount(_ raw: String, unit columnUnit: MoneyUnit, span: SourceSpan) throws(Diagnostic) -> Value {
        if raw == "—" || raw == "-" || raw == "－" { return .unknown }
        var digits = Substring(raw)
        var unit = columnUnit
        for written in Self.writtenUnits where digits.hasSuffix(written.rawValue) {
            digits = digits.dropLast(written.rawValue.count)
            unit = written
            break
        }
        do {
            let number = try ExactDecimal(parsing: digits.trimmed, allowGrouping: true)
            return .money(try number.shifted(byPowerOfTen: unit.exponent), .wan)
        } catch {
            throw Diagnostic(id: id, "'\(raw)' is not an amount", at: span,
                             notes: ["help: amounts are digits with an optional decimal point and thousands separators, e.g. 1,188.56"])
        }
    }

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// A plain number (分值, 得分).
    func number(_ row: TableRow, _ column: ProjectTableColumn) throws(Diagnostic) -> (Value, SourceSpan)? {
        guard let i = header[column] else { return nil }
        return try number(row, at: i, scored: column == .score)
    }

    /// The number in the cell at index `i`: points scored (得分) when `scored`, else points (分值).
    func number(_ row: TableRow, at i: Int, scored: Bool) throws(Diagnostic) -> (Value, SourceSpan)? {
        guard let (bytes, span) = cell(row, at: i) else { return nil }
        if let d = row.withBytes(bytes, { try? ExactDecimal(parsingUTF8: $0, allowGrouping: true) }) { return (.number(d), span) }
        let raw = row.string(bytes)
        // A form's printed 得分 that Excel could not compute (`#DIV/0!`, never a number): kept as
        // read, the load makes it unknown with a warning (``NonFigure``).
        if scored, NonFigure(.string(raw)) == .excelError { return (.string(raw), span) }
        // Whole sentences per column, so that each has its Chinese text.
        let message: Message = scored ? "'\(raw)' is not a number of points scored (得分)" : "'\(raw)' is not a number of points (分值)"
        throw Diagnostic(id: id, message, at: span)
    }

    /// The figure in a 目标 or 实际 cell (``TableFigure``), its unit from the cell or `measure`.
    mutating func figure(_ row: TableRow, _ found: Found, measure: String?, relation: ComparisonOperator?, target: Bool) throws(Diagnostic) -> Value {
        try row.withBytes(found.bytes) { (bytes) throws(Diagnostic) -> Value in
            try TableFigure.value(bytes, measure: measure, relation: relation, target: target, span: found.span, id: id, units: &units)
        }
    }

    /// An indicator's 类别: 一级指标, with `.` and 二级指标 when the row has one (`产出.数量`), one
    /// `String` for all indicators with the same cells.
    mutating func category(_ row: TableRow) -> (String, SourceSpan)? {
        guard let (first, span) = cell(row, .firstLevel) else { return nil }
        let second = cell(row, .secondLevel)?.bytes
        // The key: the two cells' bytes apart by 0xFF, which UTF-8 never holds.
        categoryKey.removeAll(keepingCapacity: true)
        categoryKey.append(contentsOf: row.bytes[first])
        if let second {
            categoryKey.append(0xFF)
            categoryKey.append(contentsOf: row.bytes[second])
        }
        let text = categoryKey.withUnsafeBufferPointer { key in
            categories.made(from: key) { second.map { row.string(first) + "." + row.string($0) } ?? row.string(first) }
        }
        return (text, span)
    }
}
