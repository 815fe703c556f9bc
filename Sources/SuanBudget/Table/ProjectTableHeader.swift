import SuanCore

/// The header row of a project table: which column is which, and the unit of each amount column.
///
/// The header is the first row that names a 项目名称 column (``ProjectTableColumn/name``); rows above
/// it (a form's title, `单位：元`) are read only for a unit hint. A title's spaces and line breaks
/// are ignored (`全年\n预算数`), and a bracketed unit after it is the column's unit:
/// `全年预算数（元）`, `金额(万元)`, `预算数（单位：元）`.
struct ProjectTableHeader {
    /// The index of each known column in a row, by the column's raw value: every indicator row
    /// looks up a dozen columns, and an array does that without hashing.
    var position = [Int?](repeating: nil, count: ProjectTableColumn.allCases.count)
    /// The index of each form field's column (``ProjectFormField``), by the field's name.
    var formFields: [String: Int] = [:]
    /// The unit written after a column's title.
    var units: [Int: MoneyUnit] = [:]
    /// The unit of amounts whose header names none: 万元, or the unit a `单位：元` hint names.
    var defaultUnit: MoneyUnit = .wan
    /// The index of the header among the table's rows.
    var row = 0
    /// The number of fields in the header; a row with more is an error.
    var width = 0

    /// Names → columns, built once.
    static let columnsByName: [String: ProjectTableColumn] = {
        var map: [String: ProjectTableColumn] = [:]
        for column in ProjectTableColumn.allCases { for name in column.names where map[name] == nil { map[name] = column } }
        return map
    }()

    /// The header of `rows`, or nil when no row names a 项目名称 column.
    static func find(in rows: [[TableCell]]) -> ProjectTableHeader? {
        var hint: MoneyUnit? = nil
        for (index, row) in rows.enumerated() {
            var header = ProjectTableHeader(row: index, width: row.count)
            header.read(row)
            for field in row { if let named = unitHint(field.text) { hint = named } }
            if let name = header[.name] {
                header.defaultUnit = hint ?? .wan
                // A two-row header: group labels (预算执行情况, 绩效指标) merged above their
                // sub-headers (全年预算数, 一级指标 …), 项目名称 merged down over both rows.
                if index + 1 < rows.count {
                    let below = rows[index + 1]
                    var lower = ProjectTableHeader(row: index + 1, width: below.count)
                    lower.read(below)
                    // A merged 项目名称 reads the same in both rows.
                    let under = name < below.count ? below[name].text.trimmed : ""
                    if under.isEmpty || under == row[name].text.trimmed, ProjectTableColumn.allCases.contains(where: { lower[$0] != nil && header[$0] == nil }) {
                        for column in ProjectTableColumn.allCases where header[column] == nil { header[column] = lower[column] }
                        header.units.merge(lower.units) { _, below in below }
                        header.row = index + 1
                        header.width = max(header.width, below.count)
                    }
                }
                return header
            }
        }
        return nil
    }

    /// Whether `row` names a 项目名称 column: the header ``find(in:)`` looks for.
    static func namesProjects(_ row: [TableCell]) -> Bool {
        var header = ProjectTableHeader()
        header.read(row)
        return header[.name] != nil
    }

    /// Takes the columns and units a header row names (the first cell of a title wins).
    mutating func read(_ row: [TableCell]) {
        for (i, field) in row.enumerated() {
            let (title, unit) = Self.title(field.text)
            if let unit { units[i] = unit }
            if let column = Self.columnsByName[title], self[column] == nil { self[column] = i }
            if let field = ProjectFormField.byTitle[title], formFields[field.key] == nil { formFields[field.key] = i }
        }
    }

    /// A header cell's title without spaces and without a bracketed unit, and that unit.
    static func title(_ text: String) -> (String, MoneyUnit?) {
        var scalars = String.UnicodeScalarView(text.unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "\u{FEFF}" })
        guard let last = scalars.last, last == "）" || last == ")",
              let open = scalars.lastIndex(where: { $0 == "（" || $0 == "(" }) else { return (String(scalars), nil) }
        let inside = String(scalars[scalars.index(after: open)..<scalars.index(before: scalars.endIndex)])
        scalars.removeSubrange(open...)
        return (String(scalars), unitName(inside))
    }

    /// `单位：元`, `金额单位:万元` → the unit it names.
    static func unitHint(_ text: String) -> MoneyUnit? {
        let characters = Array(text.filter { !$0.isWhitespace })
        for i in characters.indices.dropLast(2) where characters[i] == "单" && characters[i + 1] == "位" {
            guard characters[i + 2] == "：" || characters[i + 2] == ":" else { continue }
            let stops: Set<Character> = ["）", ")", "，", ","]
            let word = characters[(i + 3)...].prefix { !stops.contains($0) }
            return MoneyUnit(rawValue: String(word))
        }
        return nil
    }

    static func unitName(_ inside: String) -> MoneyUnit? {
        if let unit = MoneyUnit(rawValue: inside) { return unit }
        return unitHint(inside)
    }

    /// The column's index, if the header has it.
    subscript(column: ProjectTableColumn) -> Int? {
        get { position[column.rawValue] }
        set { position[column.rawValue] = newValue }
    }

    /// The unit of amounts in column `index`.
    func unit(of index: Int) -> MoneyUnit { units[index] ?? defaultUnit }
}
