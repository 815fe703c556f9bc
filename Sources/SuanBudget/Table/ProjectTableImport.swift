import SuanCore

/// Builds a year from a table of projects — a CSV file or a sheet of a workbook, both read as
/// ``TableRow``s — the 项目支出绩效自评表 as provinces publish it, or the year table that `export`
/// writes (a superset of it).
///
/// An official form has one row per project — which also holds the project's first indicator — and
/// one row per further indicator, with the project name left empty (or repeated):
///
///     项目名称,全年预算数,全年执行数,一级指标,二级指标,三级指标,指标性质,年度指标值,度量单位,实际完成值,分值,得分
///     法律援助,200,190,产出,数量,办理案件,≥,1200,件,1298,20,20
///     ,,,满意度,满意度,满意率,≥,90,%,95,10,10
///
/// Column names vary by province (``ProjectTableColumn`` lists them). Suan's own year CSV adds a
/// `类型` column (``ProjectTableRowKind``) for year-level rows: income items, 基本支出 and its parts,
/// 项目支出, declared totals, department indicators and other lines. Without income rows the year's
/// income is unknown (总收入 `—`); without a 项目支出 row, 项目支出 is the sum of the budgets.
///
/// Records are made once, after all rows are read, so a project with many indicator rows costs
/// linear time. Every field keeps the position of its cell, for validation errors.
struct ProjectTableImport {
    let header: ProjectTableHeader
    /// The id of the diagnostics it reports: `csv`, or `xlsx` for a sheet.
    let id: DiagnosticID
    /// The file's span at its start, for lines the table does not give.
    let origin: SourceSpan
    /// Whether the records keep the spans of their cells (see ``year(fromCSV:file:span:progress:keepsSpans:jobs:)``).
    var keepsSpans = true

    /// What the rows give but projects: 部门, 年度, income, year-level lines, department indicators.
    var read = YearParts()
    /// The projects read, as records, but the one being read.
    var done: [Record] = []
    /// The project being read: later rows may add to it until the next project starts.
    var current: Project?
    /// The names of the last project's and indicator's fields (``RecordShapes``), and how many
    /// indicators the last project had, so that the next one reserves as much.
    var shapes = RecordShapes()
    var lastIndicatorCount = 0
    /// The unit words the figures have used, and the indicators' 类别 (``RepeatedText``), with the
    /// bytes a 类别 is looked up by.
    var units = RepeatedText<TableFigure.Unit>()
    var categories = RepeatedText<String>()
    var categoryKey: [UInt8] = []
    /// The amount columns a project row may carry, with the fields they set; the form fields the
    /// header has columns for, in the form's order; the unit of each column's amounts.
    let amountColumns: [(column: Int, key: String)]
    let formColumns: [(field: ProjectFormField, column: Int)]
    let amountUnits: [MoneyUnit]

    /// A project being read: its fields, and its indicators so far.
    struct Project {
        var name: String
        var fields: RecordBuilder
        var indicators: [Value] = []

        /// Its fields with its indicators, once it is read.
        mutating func finished() -> RecordBuilder {
            if !indicators.isEmpty { fields.set("指标", .list(indicators), at: fields.spans.first ?? .none) }
            return fields
        }
    }

    /// Makes the project being read a record: its list of indicators is set once, so a project with
    /// many indicator rows costs linear time.
    mutating func finishProject() {
        guard var project = current else { return }
        current = nil
        lastIndicatorCount = project.indicators.count
        done.append(shapes.record(project.finished()))
    }

    /// The lines a 支出 row may set.
    static let expenditureLines = ["基本支出", "人员经费", "公用经费", "项目支出"]
    /// The totals a 合计 row declares (checked against their parts); other totals are recomputed.
    static let declaredTotals = ["总收入", "总支出"]
    /// Fields an 其他 row cannot set: they have rows or columns of their own.
    /// A file's name without its folder and extension.
    static func title(ofFile path: String) -> String {
        let base = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = base.lastIndex(of: "."), dot != base.startIndex else { return base }
        return String(base[..<dot])
    }

    static let structuralFields = ["项目", "指标", "收入", "名称", "部门", "年度"]

    /// The year the rows after `header` describe: the one path of CSV tables and sheets.
    static func year(_ rows: [[TableCell]], header: ProjectTableHeader, name: String, file: Int32, id: DiagnosticID) throws(Diagnostic) -> Record {
        try parts(rows, header: header, name: name, file: file, id: id).record(fileName: name, origin: SourceSpan(file: file, start: 0, end: 1))
    }

    /// What the rows after `header` give, for a workbook that adds other sheets' parts to them.
    static func parts(_ rows: [[TableCell]], header: ProjectTableHeader, name: String, file: Int32, id: DiagnosticID) throws(Diagnostic) -> YearParts {
        var table = ProjectTableImport(header: header, file: file, name: name, id: id)
        var after = rows.dropFirst(header.row + 1).makeIterator()
        try table.read { (row: inout TableRow) in
            guard let cells = after.next() else { return false }
            row = TableRow(cells)
            return true
        }
        return table.finished()
    }

    /// Reads the rows `next` gives (into the one row it is handed) until it gives none; false then.
    ///
    /// With `atSecondHalf` (whether the row just given starts where a second reader started, see
    /// ``year(fromCSV:name:file:span:progress:keepsSpans:jobs:)``) it stops before such a row that
    /// starts a project, and is true: the rows from there are the second reader's.
    @discardableResult
    mutating func read(_ next: (inout TableRow) throws(Diagnostic) -> Bool, atSecondHalf: () -> Bool = { false }) throws(Diagnostic) -> Bool {
        var row = TableRow()
        var i = 0
        while try next(&row) {
            // A province's table is long: Ctrl-C and --timeout stop the read between rows.
            if i & 1023 == 0, Interruption.pending { throw Diagnostic(id: .interrupted, "interrupted", at: .none) }
            if atSecondHalf() && startsProject(row) { return true }
            try read(row)
            i += 1
        }
        return false
    }

    /// Whether reading `row` next begins a new project, with nothing of the rows before it in
    /// play: a project row (类型 项目 with a 项目名称), or a form row naming a project other than
    /// the one being read. Such a row is where a table read in two halves may be cut.
    func startsProject(_ row: TableRow) -> Bool {
        guard namesProject(row), let (name, _) = text(row, .name) else { return false }
        return text(row, .rowKind) != nil || current.map { !Self.same(name, $0.name) } ?? true
    }

    /// Whether `row` names a project: a 项目 row, or a form row with a 项目名称.
    func namesProject(_ row: TableRow) -> Bool {
        guard row.count <= header.width, !row.isBlank, cell(row, .name) != nil else { return false }
        guard let (kind, _) = text(row, .rowKind) else { return true }
        return ProjectTableRowKind(rawValue: kind) == .project
    }

    init(header: ProjectTableHeader, file: Int32, name: String, id: DiagnosticID) {
        self.header = header
        self.id = id
        origin = SourceSpan(file: file, start: 0, end: 1)
        // Without a 全年预算数 column, 年初预算 is the budget.
        let budget: ProjectTableColumn = header[.budget] == nil ? .initialBudget : .budget
        amountColumns = [(budget, "预算"), (.spent, "执行"), (.initialBudget, "年初预算")].compactMap { column, key in
            header[column].map { ($0, key) }
        }
        formColumns = ProjectFormField.all.compactMap { field in header.formFields[field.key].map { (field, $0) } }
        amountUnits = (0..<header.width).map { header.unit(of: $0) }
    }

    // MARK: Rows

    /// Reads one row after the header.
    mutating func read(_ row: TableRow) throws(Diagnostic) {
        guard row.count <= header.width else {
            throw Diagnostic(id: id, "this row has \(row.count) fields but the header has \(header.width)", at: row.span(at: header.width))
        }
        if row.isBlank { return }
        if let (d, span) = text(row, .department) { read.department = (.string(d), span) }
        if let (y, span) = text(row, .year) {
            guard let n = Int(y.hasSuffix("年") ? String(y.dropLast()) : y) else {
                throw Diagnostic(id: id, "'\(y)' is not a year", at: span, notes: ["help: write the year as digits, e.g. 2022"])
            }
            read.year = (.number(ExactDecimal(n)), span)
        }
        guard let (kindText, kindSpan) = text(row, .rowKind) else { return try readFormRow(row) }
        guard let kind = ProjectTableRowKind(rawValue: kindText) else {
            throw Diagnostic(id: id, "'\(kindText)' is not a kind of row", at: kindSpan,
                             notes: ["help: 类型 is one of \(ProjectTableRowKind.allCases.map(\.rawValue).joined(separator: ", "))"])
        }
        switch kind {
        case .project:
            try startProject(row)
            try addIndicator(row)
        case .indicator:
            guard let project = current else { throw Diagnostic(id: id, "an indicator row before any project", at: kindSpan) }
            if let (name, span) = text(row, .name), !Self.same(name, project.name) {
                throw Diagnostic(id: id, "this indicator row names \"\(name)\", but the project above is \"\(project.name)\"",
                                 at: span, notes: ["help: put a project's indicator rows right after its 项目 row"])
            }
            guard try addIndicator(row) else {
                throw Diagnostic(id: id, "an indicator row without a 三级指标 (the indicator's name)", at: kindSpan)
            }
        case .departmentIndicator:
            guard let indicator = try indicator(row) else {
                throw Diagnostic(id: id, "a 部门指标 row without a 三级指标 (the indicator's name)", at: kindSpan)
            }
            read.departmentIndicators.append(.record(indicator))
        case .income, .expenditure, .total, .other:
            try readLine(kind, row, kindSpan)
        }
    }

    /// A row of an official form: a project (and its first indicator), or a further indicator.
    mutating func readFormRow(_ row: TableRow) throws(Diagnostic) {
        if let (name, _) = text(row, .name) {
            if let current, Self.same(name, current.name) {
                try fillAmounts(row)   // the name repeated on each indicator row
            } else {
                try startProject(row)
            }
            try addIndicator(row)
            return
        }
        guard cell(row, .indicator) != nil else {
            throw Diagnostic(id: id, "a row without a 项目名称", at: row.span(at: 0))
        }
        guard current != nil else { throw Diagnostic(id: id, "an indicator row before any project", at: row.span(at: 0)) }
        try addIndicator(row)
    }

    static func same(_ a: String, _ b: String) -> Bool { ExactText.same(a, b) }

    mutating func startProject(_ row: TableRow) throws(Diagnostic) {
        guard let (name, span) = text(row, .name) else {
            throw Diagnostic(id: id, "a project row without a 项目名称", at: row.span(at: 0))
        }
        finishProject()
        var fields = shapes.builder(.project, keepsSpans: keepsSpans)
        fields.add("名称", .string(name), at: span)
        var indicators: [Value] = []
        indicators.reserveCapacity(lastIndicatorCount)
        current = Project(name: name, fields: fields, indicators: indicators)
        try fillFormFields(row, precedingAmounts: true)
        try fillAmounts(row)
        try fillFormFields(row, precedingAmounts: false)
    }

    /// Sets the current project's form fields (``ProjectFormField``) that the row has columns for,
    /// those the form sets before the amounts or after them, in the form's order.
    mutating func fillFormFields(_ row: TableRow, precedingAmounts: Bool) throws(Diagnostic) {
        for (field, i) in formColumns where field.precedesAmounts == precedingAmounts {
            let found: (Value, SourceSpan)? = switch field.kind {
            case .text: text(row, at: i).map { (.string($0.text), $0.span) }
            case .amount: try amount(row, at: i)
            case .score: try number(row, at: i, scored: true)
            }
            if let (value, at) = found { current?.fields.set(field.key, value, at: at) }
        }
    }

    /// Sets the current project's amounts from the row, where it does not have them yet.
    mutating func fillAmounts(_ row: TableRow) throws(Diagnostic) {
        for (column, key) in amountColumns where current?.fields.has(key) == false {
            if let (value, at) = try amount(row, at: column) { current?.fields.set(key, value, at: at) }
        }
    }

    /// Adds the row's indicator, if it names one, to the current project.
    @discardableResult
    mutating func addIndicator(_ row: TableRow) throws(Diagnostic) -> Bool {
        guard let indicator = try indicator(row) else { return false }
        current?.indicators.append(.record(indicator))
        return true
    }

    /// The indicator a row describes (三级指标 and the columns after it), or nil when it names none.
    /// Its fields are each added once, in this order.
    mutating func indicator(_ row: TableRow) throws(Diagnostic) -> Record? {
        guard let (name, nameSpan) = text(row, .indicator) else { return nil }
        var fields = shapes.builder(.indicator, keepsSpans: keepsSpans)
        fields.add("名称", .string(name), at: nameSpan)
        if let (text, span) = text(row, .area) { fields.add("领域", .string(text), at: span) }
        if let (category, span) = category(row) { fields.add("类别", .string(category), at: span) }
        let measure = text(row, .measure)?.text
        var relation: ComparisonOperator? = nil
        if let (text, span) = text(row, .relation) {
            relation = TableFigure.relation(text)
            if relation == nil && text != "定性" {
                throw Diagnostic(id: id, "'\(text)' is not a relation", at: span, notes: ["help: 指标性质 is ≥, ≤ or = (also >=, <=, 大于等于, 小于等于, 等于, 定性)"])
            }
        }
        if let found = cell(row, .target) {
            fields.add("目标", try figure(row, found, measure: measure, relation: relation, target: true), at: found.span)
        }
        if let found = cell(row, .actual) {
            fields.add("实际", try figure(row, found, measure: measure, relation: nil, target: false), at: found.span)
        }
        if let (value, at) = try number(row, .points) { fields.add("分值", value, at: at) }
        // The score printed on the form: Suan computes its own (`score(i)`) and shows both.
        if let (value, at) = try number(row, .score) { fields.add("自评得分", value, at: at) }
        if let (text, span) = text(row, .followsBudget) {
            let value: Value
            switch text {
            case "true", "是": value = .bool(true)
            case "false", "否": value = .bool(false)
            default:
                guard let d = try? ExactDecimal(parsing: text) else {
                    throw Diagnostic(id: id, "'\(text)' is not true, false or an elasticity", at: span)
                }
                value = .number(d)
            }
            fields.add("随预算", value, at: span)
        }
        if let (text, span) = text(row, .note) { fields.add("备注", .string(text), at: span) }
        return shapes.record(fields)
    }

    /// A year-level row: an income item, an expenditure line, a declared total or another line.
    mutating func readLine(_ kind: ProjectTableRowKind, _ row: TableRow, _ kindSpan: SourceSpan) throws(Diagnostic) {
        guard let (line, lineSpan) = text(row, .line) else {
            throw Diagnostic(id: id, "a \(kind.rawValue) row without a 行 (the line's name)", at: kindSpan)
        }
        let amount = try amount(row, .amount)
        switch kind {
        case .income:
            read.income.set(line, amount?.0 ?? .unknown, at: amount?.1 ?? lineSpan)
        case .expenditure:
            guard Self.expenditureLines.contains(line) else {
                throw Diagnostic(id: id, "'\(line)' is not an expenditure line", at: lineSpan,
                                 notes: ["help: 支出 rows are \(Self.expenditureLines.joined(separator: ", "))"])
            }
            read.lines.set(line, amount?.0 ?? .unknown, at: amount?.1 ?? lineSpan)
        case .total:
            if Self.declaredTotals.contains(line), let (value, at) = amount { read.lines.set(line, value, at: at) }
        default:
            guard !Self.structuralFields.contains(line) else {
                throw Diagnostic(id: id, "'\(line)' cannot be set by an 其他 row", at: lineSpan)
            }
            if let (value, at) = amount {
                read.lines.set(line, value, at: at)
            } else if let (text, span) = text(row, .value) {
                let value: Value = switch text {
                case "true": .bool(true)
                case "false": .bool(false)
                default: try TableFigure.value(text, target: false, span: span, id: id)
                }
                read.lines.set(line, value, at: span)
            }
        }
    }

    // MARK: The year

    /// What the table gave: 年度, 部门, 收入, the lines read, projects and department indicators.
    mutating func finished() -> YearParts {
        finishProject()
        var parts = read
        parts.projects = done
        return parts
    }
}
