import SuanCore

/// Reads the one-project form that provinces publish, one sheet per project — the
/// 部门预算项目支出绩效自评表 — into a project record:
///
///     项目名称 | 51092324T000000000000-法律援助
///     主管部门 | 示例县司法局 | 实施单位 | 示例县法律援助中心
///     预算执行情况（万元） |      | 年初预算 | 调整后预算数 | 预算执行数 | 预算执行率 | 权重 | 得分
///                       | 总额 | 200     | 200         | 190       | 95%       | 10  | 9.5
///                       | 其中：财政资金 | …
///     绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 完成值 | 权重 | 得分
///             | 产出指标 | 数量指标 | 办理案件 | ≥ | 1200 | 件 | 1298 | 40 | 40
///     合计 | … | 100 | 99.5
///
/// The form is recognised by its labels, not by their positions: a 项目名称 label with the name to
/// its right, a budget header (调整后预算数, 年初预算 or 预算执行数) and an indicator header (一级指标 and
/// 三级指标) below it. A label's value is the first cell to its right that is not the label itself
/// (a merged label repeats in every cell of its range). A code prefix before the name
/// (`51092324T000000000000-`) is kept as 项目代码. 调整后预算数 is the budget (年初预算 when the form
/// has no other), read from the 总额 row. The scores printed on the form are kept as 自评得分: the
/// 合计 row's on the project, the 预算执行情况 row's as 预算执行自评得分, and each indicator's own.
struct ProjectFormImport {
    /// The diagnostics' id (`xlsx`).
    let id: DiagnosticID
    let file: Int32
    let name: String

    /// The three rows the form is recognised by.
    struct Layout {
        var nameRow: Int
        var nameColumn: Int
        var budgetRow: Int
        var indicatorRow: Int
    }

    static let budgetTitles: Set<String> = ["调整后预算数", "调整后预算", "全年预算数", "年初预算", "年初预算数", "预算执行数", "全年执行数"]
    static let rateTitles: Set<String> = ["预算执行率", "执行率"]
    static let totalTitles: Set<String> = ["合计", "总计", "总分"]

    /// The most UTF-8 bytes a label has (32 CJK characters): a longer cell, a note, is no label and
    /// is not scanned, so that a sheet of long notes is read in time.
    static let longestLabel = 96

    /// A cell's text as a label: without spaces and a bracketed unit; empty for a cell too long to be one.
    static func title(_ cell: TableCell) -> String {
        cell.text.utf8.count > longestLabel ? "" : ProjectTableHeader.title(cell.text).0
    }

    /// Where the form's labels are, as far as they are found before the 绩效指标 header (which ends
    /// the search).
    struct Labels {
        /// The 项目名称 label's row and column.
        var name: (row: Int, column: Int)?
        /// The 预算执行情况 header's row.
        var budget: Int?
        /// The 绩效指标 header's row.
        var indicators: Int?

        /// The form's layout, when all three are found.
        var layout: Layout? {
            guard let name, let budget, let indicators else { return nil }
            return Layout(nameRow: name.row, nameColumn: name.column, budgetRow: budget, indicatorRow: indicators)
        }

        /// Takes in row `r` (rows come in order); true once the search ends, at the 绩效指标 header.
        mutating func see(_ row: [TableCell], at r: Int) -> Bool {
            let titles = row.map(ProjectFormImport.title)
            if titles.contains("一级指标") && titles.contains("三级指标") {
                indicators = r
                return true
            }
            if name == nil, let c = titles.firstIndex(of: "项目名称"), ProjectFormImport.value(after: c, in: row) != nil {
                name = (r, c)
            } else if name != nil, budget == nil, titles.contains(where: budgetTitles.contains) {
                budget = r
            }
            return false
        }

        /// A form that has its 项目名称 label and 预算执行情况 block but no 绩效指标 header (a sheet cut
        /// short): an error at the budget header, rather than its label rows misread as a table.
        func incomplete(_ rows: [[TableCell]], id: DiagnosticID) -> Diagnostic? {
            guard name != nil, let budget, indicators == nil else { return nil }
            let at = rows[budget].first { !$0.text.trimmed.isEmpty } ?? rows[budget][0]
            return Diagnostic(id: id, "this is a one-project form (部门预算项目支出绩效自评表) without a 绩效指标 header", at: at.span,
                              notes: ["help: below the 预算执行情况 block the form needs a header row with 一级指标, 二级指标, 三级指标, 指标性质, 指标值, 完成值, 权重 and 得分"])
        }
    }

    /// The form's labels in `rows`.
    static func labels(in rows: [[TableCell]]) -> Labels {
        var found = Labels()
        for (r, row) in rows.enumerated() where found.see(row, at: r) { break }
        return found
    }

    /// The first cell right of `column` that holds something other than the label there.
    static func value(after column: Int, in row: [TableCell]) -> TableCell? {
        let label = row[column].text.trimmed
        return row.dropFirst(column + 1).first { !$0.text.trimmed.isEmpty && $0.text.trimmed != label }
    }

    /// The header of a block: each known title's column (first occurrence), and the unit named in
    /// the block's label (`预算执行情况（万元）`).
    static func header(_ row: [TableCell], index: Int) -> ProjectTableHeader {
        var header = ProjectTableHeader(row: index, width: row.count)
        for (i, cell) in row.enumerated() {
            let (title, unit) = ProjectTableHeader.title(cell.text)
            if let unit {
                header.units[i] = unit
                header.defaultUnit = unit
            }
            var column = ProjectTableHeader.columnsByName[title]
            if rateTitles.contains(title) { column = .rate }
            if title == "年初预算" || title == "年初预算数" { column = .initialBudget }
            if let column, header[column] == nil { header[column] = i }
        }
        return header
    }

    /// The project a form sheet describes.
    func project(_ rows: [[TableCell]], layout: Layout) throws(Diagnostic) -> Record {
        var fields = RecordBuilder(kind: .project)
        let nameRow = rows[layout.nameRow]
        let label = nameRow[layout.nameColumn]
        guard let nameCell = Self.value(after: layout.nameColumn, in: nameRow) else {
            throw Diagnostic(id: id, "the 项目名称 of this form is empty", at: label.span)
        }
        let (code, projectName) = Self.split(nameCell.text.trimmed)
        fields.set("名称", .string(projectName), at: nameCell.span)
        if let code { fields.set("项目代码", .string(code), at: nameCell.span) }

        // 主管部门, 实施单位: labels anywhere above the budget block.
        for row in rows[..<layout.budgetRow] {
            for (c, cell) in row.enumerated() {
                let title = Self.title(cell)
                guard title == "主管部门" || title == "实施单位", let value = Self.value(after: c, in: row) else { continue }
                guard !fields.has(title) else { continue }
                fields.set(title, .string(value.text.trimmed), at: value.span)
            }
        }

        // 预算执行情况: the 总额 row (or the first row) under the budget header.
        let budgetHeader = Self.header(rows[layout.budgetRow], index: layout.budgetRow)
        let reader = ProjectTableImport(header: budgetHeader, file: file, name: name, id: id)
        let block = rows[(layout.budgetRow + 1)..<layout.indicatorRow].filter { !$0.allSatisfy { $0.text.trimmed.isEmpty } }
        let firstAmount = budgetHeader.position.compactMap { $0 }.min() ?? 0
        let total = block.first { row in row.prefix(firstAmount).contains { Self.title($0) == "总额" || Self.totalTitles.contains(Self.title($0)) } }
        guard let totalRow = total ?? block.first else {
            throw Diagnostic(id: id, "the 预算执行情况 block of \"\(projectName)\" has no 总额 row", at: rows[layout.budgetRow][0].span,
                             notes: ["help: the row under 调整后预算数 / 预算执行数 gives the project's amounts (总额)"])
        }
        let totals = TableRow(totalRow)
        let budget = try reader.amount(totals, budgetHeader[.budget] != nil ? .budget : .initialBudget)
        let spent = try reader.amount(totals, .spent)
        let initial = try reader.amount(totals, .initialBudget)
        let origin = nameCell.span
        fields.set("预算", budget?.0 ?? .unknown, at: budget?.1 ?? origin)
        fields.set("执行", spent?.0 ?? .unknown, at: spent?.1 ?? origin)
        if let initial { fields.set("年初预算", initial.0, at: initial.1) }
        if let (value, at) = try reader.number(totals, .score) { fields.set("预算执行自评得分", value, at: at) }
        // 其中：财政资金 / 财政专户管理资金 / 单位资金: parts of 总额, kept as 财政资金预算, 财政资金执行, ….
        for row in block {
            guard let source = Self.fundSource(of: row.prefix(firstAmount)) else { continue }
            for (column, key) in [(budgetHeader[.budget] != nil ? ProjectTableColumn.budget : .initialBudget, "预算"), (.spent, "执行"), (.initialBudget, "年初预算")] {
                if let (value, at) = try reader.amount(TableRow(row), column) { fields.set(source + key, value, at: at) }
            }
        }

        // 绩效指标: rows under the indicator header up to 合计.
        let indicatorHeader = Self.header(rows[layout.indicatorRow], index: layout.indicatorRow)
        var indicatorReader = ProjectTableImport(header: indicatorHeader, file: file, name: name, id: id)
        var indicators: [Value] = []
        // A 一级指标 / 二级指标 merged over several rows is in each cell of a sheet, but only in the
        // first row of a CSV saved from it: an empty one is the one above.
        var above: [Int: TableCell] = [:]
        for var row in rows.dropFirst(layout.indicatorRow + 1) {
            for i in [indicatorHeader[.firstLevel], indicatorHeader[.secondLevel]].compactMap({ $0 }) where i < row.count {
                if row[i].text.trimmed.isEmpty { if let cell = above[i] { row[i] = cell } } else { above[i] = row[i] }
            }
            if row.contains(where: { Self.totalTitles.contains(Self.title($0)) }) {
                if let (value, at) = try indicatorReader.number(TableRow(row), .score) { fields.set("自评得分", value, at: at) }
                break
            }
            if let indicator = try indicatorReader.indicator(TableRow(row)) { indicators.append(.record(indicator)) }
        }
        if !indicators.isEmpty { fields.set("指标", .list(indicators), at: rows[layout.indicatorRow][0].span) }
        return fields.record
    }

    /// The parts of 总额 that a 预算执行情况 block lists under it (`其中：财政资金`, …): their amounts are
    /// kept on the project as 财政资金预算, 财政资金执行, 财政资金年初预算 (and so on), and checked not to
    /// exceed 总额's.
    static let fundSources = ["财政资金", "财政专户管理资金", "单位资金", "其他资金"]

    /// The fund source a row of the budget block is labelled with, without `其中：`.
    static func fundSource(of labels: ArraySlice<TableCell>) -> String? {
        for cell in labels {
            var title = title(cell)
            for prefix in ["其中：", "其中:", "其中"] where title.hasPrefix(prefix) { title = String(title.dropFirst(prefix.count)) }
            if fundSources.contains(title) { return title }
        }
        return nil
    }

    /// `51092324T000000000000-法律援助` → the code and the name; a name without a code is kept whole.
    static func split(_ text: String) -> (String?, String) {
        for separator in ["-", "－", "—", "_"] {
            guard let range = text.range(of: separator) else { continue }
            let code = text[..<range.lowerBound]
            let rest = String(text[range.upperBound...]).trimmed
            if code.count >= 6, !rest.isEmpty, code.allSatisfy({ $0.isASCII && ($0.isNumber || $0.isLetter) }), code.contains(where: \.isNumber) {
                return (String(code), rest)
            }
        }
        return (nil, text)
    }

    /// The year of one-project forms (a workbook of them, or one form saved as CSV): the projects in
    /// order, the department from the first 主管部门, the year from a `2023年度` title when there is one.
    static func parts(_ projects: [Record], titles: [String], file: Int32) -> YearParts {
        let origin = SourceSpan(file: file, start: 0, end: 1)
        var parts = YearParts(projects: projects)
        if let n = YearParts.year(inTitles: titles) { parts.year = (.number(ExactDecimal(n)), origin) }
        if let first = projects.first(where: { $0["主管部门"] != nil }) {
            parts.department = (first["主管部门"]!, first.span(of: "主管部门") ?? origin)
        }
        return parts
    }
}
