import SuanCore

/// A year, or a list of projects, as Suan's year CSV: a superset of the official 自评表 layout
/// that ``ProjectTableImport`` reads back to equal values.
///
/// Every row names what it holds in `类型` (``ProjectTableRowKind``): first the year's lines
/// (收入 items, 总收入, 基本支出, 人员经费, 公用经费, 项目支出, 总支出, 收支差额, other lines), each
/// with 金额（万元） and 占比（%） — income lines share of 总收入, expenditure lines share of 总支出,
/// as `show` prints them — then each project with its first indicator on its row, then its further
/// indicators, then the department's indicators. 部门 and 年度 are on every row.
struct YearTable {
    let format: ValueFormatter

    /// The columns, in the order written.
    static let columns: [ProjectTableColumn] = [
        .rowKind, .line, .name, .amount, .share, .budget, .spent, .initialBudget, .rate,
        .firstLevel, .secondLevel, .indicator, .relation, .target, .measure, .actual, .points, .score,
        .followsBudget, .area, .note, .value, .department, .year,
    ]

    /// Year fields that have rows or columns of their own, or are recomputed on load.
    static let writtenOtherwise: Set<String> = [
        "年度", "部门", "名称", "基于", "基期", "收入", "总收入", "基本支出", "人员经费", "公用经费", "项目支出", "总支出", "项目", "指标",
    ]

    /// A row being filled, by column.
    struct Row {
        var cells = [ExportTable.Cell](repeating: .empty, count: YearTable.columns.count)
        /// The cells of form fields (``ProjectFormField``), by the field's name.
        var formFields: [String: ExportTable.Cell] = [:]

        subscript(column: ProjectTableColumn) -> ExportTable.Cell {
            get { YearTable.columns.firstIndex(of: column).map { cells[$0] } ?? .empty }
            set { if let i = YearTable.columns.firstIndex(of: column) { cells[i] = newValue } }
        }
    }

    func table(year: Record) -> ExportTable {
        var rows: [Row] = []
        func line(_ kind: ProjectTableRowKind, _ name: String, _ value: Value?, share whole: Value?) {
            guard let value else { return }
            var row = Row()
            row[.rowKind] = .text(kind.rawValue)
            row[.line] = .text(name)
            row[.amount] = ExportNumber.wan(value)
            if let whole { row[.share] = ExportNumber.percent(Year.ratio(value, whole), format: format) }
            rows.append(row)
        }
        if case .record(let income)? = year["收入"] {
            for (name, amount) in income.entries { line(.income, name, amount, share: year["总收入"]) }
            if !income.keys.isEmpty { line(.total, "总收入", year["总收入"], share: year["总收入"]) }
        }
        for name in ProjectTableImport.expenditureLines { line(.expenditure, name, year[name], share: year["总支出"]) }
        line(.total, "总支出", year["总支出"], share: year["总支出"])
        line(.total, "收支差额", year["收支差额"], share: nil)
        for (key, value) in year.entries where !YearTable.writtenOtherwise.contains(key) && Year.derivedLines[key] == nil {
            switch value {
            case .money: line(.other, key, value, share: nil)
            case .list, .record, .function, .unknown: continue
            default:
                var row = Row()
                row[.rowKind] = .text(ProjectTableRowKind.other.rawValue)
                row[.line] = .text(key)
                row[.value] = ExportNumber.cell(value, unit: nil)
                rows.append(row)
            }
        }
        rows += projectRows(Year.projects(year))
        if case .list(let items)? = year["指标"] {
            for case .record(let indicator) in items {
                var row = Row()
                row[.rowKind] = .text(ProjectTableRowKind.departmentIndicator.rawValue)
                fill(&row, indicator)
                rows.append(row)
            }
        }
        let department = year["部门"].map { ExportNumber.cell($0, unit: "") } ?? .empty
        let yearCell = year["年度"].map { ExportNumber.cell($0, unit: "") } ?? .empty
        for i in rows.indices {
            rows[i][.department] = department
            rows[i][.year] = yearCell
        }
        return Self.table(rows)
    }

    /// A list of projects: their rows only (a year read back from it has unknown income).
    func table(projects: [Record]) -> ExportTable {
        Self.table(projectRows(projects))
    }

    /// The rows under the columns, then a column for each form field that some row has.
    static func table(_ rows: [Row]) -> ExportTable {
        let fields = ProjectFormField.all.filter { field in rows.contains { $0.formFields[field.key] != nil } }
        return ExportTable(headers: columns.map(\.header) + fields.map(\.header),
                           rows: rows.map { row in row.cells + fields.map { row.formFields[$0.key] ?? .empty } })
    }

    /// Each project's row (with its first indicator), then a row for each further indicator.
    func projectRows(_ projects: [Record]) -> [Row] {
        var rows: [Row] = []
        for project in projects {
            let name = ExportNumber.cell(project["名称"], unit: "")
            var row = Row()
            row[.rowKind] = .text(ProjectTableRowKind.project.rawValue)
            row[.name] = name
            if let v = project["预算"] { row[.budget] = ExportNumber.wan(v) }
            if let v = project["执行"] { row[.spent] = ExportNumber.wan(v) }
            if let v = project["年初预算"] { row[.initialBudget] = ExportNumber.wan(v) }
            if let v = project["执行率"] { row[.rate] = ExportNumber.percent(v, format: format) }
            for field in ProjectFormField.all {
                guard let value = project[field.key] else { continue }
                let cell = field.kind == .amount ? ExportNumber.wan(value) : ExportNumber.cell(value, unit: "")
                if cell != .empty { row.formFields[field.key] = cell }
            }
            let indicators: [Record] = if case .list(let items)? = project["指标"] {
                items.compactMap { if case .record(let r) = $0 { r } else { nil } }
            } else { [] }
            if let first = indicators.first { fill(&row, first) }
            rows.append(row)
            for indicator in indicators.dropFirst() {
                var row = Row()
                row[.rowKind] = .text(ProjectTableRowKind.indicator.rawValue)
                row[.name] = name
                fill(&row, indicator)
                rows.append(row)
            }
        }
        return rows
    }

    /// An indicator's cells: 类别 as 一级/二级指标, the target as 指标性质 + 年度指标值 + 度量单位, …
    func fill(_ row: inout Row, _ indicator: Record) {
        row[.indicator] = ExportNumber.cell(indicator["名称"], unit: "")
        if case .string(let category)? = indicator["类别"] {
            let levels = category.split(separator: ".", maxSplits: 1).map(String.init)
            row[.firstLevel] = .text(levels.first ?? category)
            if levels.count > 1 { row[.secondLevel] = .text(levels[1]) }
        }
        var target = indicator["目标"]
        if case .target(let op, let box)? = target {
            row[.relation] = .text(op == .equal ? "=" : op.display)
            target = box.value
        }
        let actual = indicator["实际"]
        let unit = (target.flatMap(ExportNumber.figure) ?? actual.flatMap(ExportNumber.figure))?.unit ?? ""
        if !unit.isEmpty { row[.measure] = .text(unit) }
        row[.target] = ExportNumber.cell(target, unit: unit)
        row[.actual] = ExportNumber.cell(actual, unit: unit)
        row[.points] = ExportNumber.cell(indicator["分值"], unit: "")
        row[.score] = ExportNumber.cell(indicator["自评得分"], unit: "")
        row[.followsBudget] = ExportNumber.cell(indicator["随预算"], unit: "")
        row[.area] = ExportNumber.cell(indicator["领域"], unit: "")
        row[.note] = ExportNumber.cell(indicator["备注"], unit: "")
    }
}
