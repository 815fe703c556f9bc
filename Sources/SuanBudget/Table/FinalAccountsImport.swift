import SuanCore

/// Reads the 部门决算 tables a department publishes into the lines of its year:
///
/// - the 收入支出决算总表 (公开01表): income on the left, expenditure on the right, each a block
///   with 项目 and 金额 columns (a 行次 column between them is ignored):
///
///       项目                     | 行次 | 金额    | 项目            | 行次 | 金额
///       一、一般公共预算财政拨款收入 | 1    | 3622.40 | 一、公共安全支出   | 32   | 3622.40
///       本年收入合计               |      | 3622.40 | 本年支出合计      |      | 3622.40
///
///   Each income row with an amount is an item of 收入 (named without its ordinal `一、`; an empty or
///   zero amount lists nothing); 本年收入合计 is the declared 总收入 and 本年支出合计 the declared 总支出,
///   both checked against their parts; the rows below them (结余, 结转, 总计) are not read. A row of
///   the expenditure block named 基本支出, 人员经费, 公用经费 or 项目支出 (older layouts) sets that line.
/// - the 支出决算表 (公开03表): a header with 基本支出 and 项目支出 columns (人员经费 and 公用经费 too, in
///   it or in the header row below, when the table splits 基本支出; 本年支出合计 for the total), whose
///   合计 row gives those lines.
///
/// Both are recognised by their headers' text, not by position. Amounts are in 万元 unless a row
/// above the header says `单位：元` (or a header cell names its unit, `金额（元）`). A `部门：` label
/// above the header names the department.
struct FinalAccountsImport {
    let id: DiagnosticID
    let file: Int32
    let name: String

    /// What a sheet is, by its headers.
    enum Layout {
        /// 收入支出决算总表: the header row; the label and amount columns of the income block and, when
        /// the table has one, of the expenditure block.
        case summary(header: Int, income: (label: Int, amount: Int), expenditure: (label: Int, amount: Int)?)
        /// 支出决算表: the header row, the row of totals, and each line's column.
        case expenditure(header: Int, total: Int, columns: [(line: String, column: Int)])
    }

    static let amountTitles: Set<String> = ["金额", "决算数", "本年决算数", "决算金额", "年度决算数"]
    static let incomeTotals: Set<String> = ["本年收入合计", "收入合计"]
    static let expenditureTotals: Set<String> = ["本年支出合计", "支出合计"]
    static let totalRows: Set<String> = ["合计", "总计", "本年支出合计", "支出合计"]
    static let expenditureLines = ["基本支出", "人员经费", "公用经费", "项目支出"]

    /// A cell's title: without spaces, a bracketed unit, and an ordinal such as `一、`, `（二）`, `3.`.
    static func title(_ cell: TableCell) -> String {
        var title = Substring(ProjectFormImport.title(cell))
        let numerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        if let first = title.first, first == "（" || first == "(", let close = title.firstIndex(where: { $0 == "）" || $0 == ")" }),
           title[title.index(after: title.startIndex)..<close].allSatisfy({ numerals.contains($0) || $0.isASCII && $0.isNumber }) {
            title = title[title.index(after: close)...]
        }
        let ordinal = title.prefix { numerals.contains($0) || $0.isASCII && $0.isNumber }
        if !ordinal.isEmpty, let mark = title.dropFirst(ordinal.count).first, "、.．".contains(mark) {
            title = title.dropFirst(ordinal.count + 1)
        }
        return String(title)
    }

    /// Which 决算 table `rows` are, or nil when they are neither.
    static func layout(of rows: [[TableCell]]) -> Layout? {
        for (h, row) in rows.enumerated() {
            let titles = row.map(title)
            if let basic = titles.firstIndex(of: "基本支出"), titles.contains("项目支出") {
                var columns: [(line: String, column: Int)] = []
                // 人员经费 and 公用经费 sit under 基本支出 in the header's second row when the table splits it.
                for line in expenditureLines {
                    for r in h..<min(rows.count, h + 3) {
                        if let c = rows[r].map(title).firstIndex(of: line) { columns.append((line, c)); break }
                    }
                }
                // 基本支出 merged over 人员经费 and 公用经费 has no column of its own: it is their sum.
                let parts = columns.filter { $0.line == "人员经费" || $0.line == "公用经费" }.map(\.column)
                if parts.contains(basic) { columns.removeAll { $0.line == "基本支出" } }
                if let c = titles.firstIndex(where: expenditureTotals.contains) ?? titles.firstIndex(of: "合计") { columns.append(("总支出", c)) }
                let first = columns.map(\.column).min() ?? basic
                guard let total = rows.indices.dropFirst(h + 1).first(where: { r in
                    rows[r].prefix(first).contains { totalRows.contains(title($0)) }
                }) else { return nil }
                return .expenditure(header: h, total: total, columns: columns)
            }
            let labels = titles.indices.filter { titles[$0] == "项目" }
            guard let first = labels.first else { continue }
            func block(_ label: Int, until end: Int) -> (label: Int, amount: Int)? {
                titles.indices.first { $0 > label && $0 < end && amountTitles.contains(titles[$0]) }.map { (label, $0) }
            }
            guard let income = block(first, until: labels.dropFirst().first ?? titles.count),
                  rows.dropFirst(h + 1).contains(where: { $0.count > first && incomeTotals.contains(title($0[first])) }) else { continue }
            let expenditure = labels.dropFirst().first.flatMap { block($0, until: labels.dropFirst(2).first ?? titles.count) }
            return .summary(header: h, income: income, expenditure: expenditure)
        }
        return nil
    }

    /// The lines a 决算 table gives.
    func parts(_ rows: [[TableCell]], layout: Layout) throws(Diagnostic) -> YearParts {
        var parts = YearParts()
        let headerRow: Int
        switch layout {
        case .summary(let h, let income, let expenditure):
            headerRow = h
            var incomeOpen = true, expenditureOpen = true
            for row in rows.dropFirst(h + 1) {
                if incomeOpen, let (label, amount) = try line(row, income, header: rows[h], above: rows[..<h]) {
                    if Self.incomeTotals.contains(label) {
                        incomeOpen = false
                        if let (value, at) = amount { parts.lines.set("总收入", value, at: at) }
                    } else if let (value, at) = amount, !(value.decimal?.isZero ?? false) {
                        parts.income.set(label, value, at: at)
                    }
                }
                if expenditureOpen, let expenditure, let (label, amount) = try line(row, expenditure, header: rows[h], above: rows[..<h]) {
                    if Self.expenditureTotals.contains(label) {
                        expenditureOpen = false
                        if let (value, at) = amount { parts.lines.set("总支出", value, at: at) }
                    } else if Self.expenditureLines.contains(label), let (value, at) = amount {
                        parts.lines.set(label, value, at: at)
                    }
                }
            }
        case .expenditure(let h, let total, let columns):
            headerRow = h
            for (line, column) in columns {
                if let (value, at) = try amount(rows[total], column: column, header: rows[h], above: rows[..<h]) { parts.lines.set(line, value, at: at) }
            }
            if !parts.lines.has("基本支出"), let staff = parts.lines["人员经费"], let running = parts.lines["公用经费"] {
                parts.lines.set("基本支出", Year.plus(staff, running), at: parts.lines.spans[parts.lines.index(of: "人员经费")!])
            }
        }
        parts.department = Self.department(in: rows[..<headerRow])
        return parts
    }

    /// A row's label and amount in one block, or nil when its label cell is empty.
    func line(_ row: [TableCell], _ block: (label: Int, amount: Int), header: [TableCell], above: ArraySlice<[TableCell]>) throws(Diagnostic) -> (String, (Value, SourceSpan)?)? {
        guard block.label < row.count else { return nil }
        let label = Self.title(row[block.label])
        guard !label.isEmpty else { return nil }
        return (label, try amount(row, column: block.amount, header: header, above: above))
    }

    /// The amount in `column` of `row`, in the unit its header cell or a `单位：` row above names.
    func amount(_ row: [TableCell], column: Int, header: [TableCell]?, above: ArraySlice<[TableCell]>) throws(Diagnostic) -> (Value, SourceSpan)? {
        var columns = ProjectTableHeader(row: 0, width: row.count)
        columns[.amount] = column
        columns.defaultUnit = above.joined().lazy.compactMap { ProjectTableHeader.unitHint($0.text) }.first ?? .wan
        if let header, column < header.count, let unit = ProjectTableHeader.title(header[column].text).1 { columns.units[column] = unit }
        return try ProjectTableImport(header: columns, file: file, name: name, id: id).amount(TableRow(row), .amount)
    }

    /// The department a `部门：…` (or `单位名称：…`, `编制单位：…`) label above the header names.
    static func department(in rows: ArraySlice<[TableCell]>) -> (Value, SourceSpan)? {
        for cell in rows.joined() {
            let text = cell.text.trimmed
            for label in ["部门名称", "单位名称", "编制单位", "部门"] {
                for colon in ["：", ":"] {
                    guard let range = text.range(of: label + colon) else { continue }
                    let rest = text[range.upperBound...].trimmed
                    let name = rest.prefix { !$0.isWhitespace }
                    if !name.isEmpty { return (.string(String(name)), cell.span) }
                }
            }
        }
        return nil
    }
}
