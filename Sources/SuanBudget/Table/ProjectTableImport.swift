import SuanCore

/// Builds a year from a CSV table: the 项目支出绩效自评表 as provinces publish it, or the year CSV
/// that `export` writes (a superset of it).
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
    let file: Int32
    /// The file's span at its start, for lines the table does not give.
    let origin: SourceSpan

    var department: (Value, SourceSpan)
    var year: (Value, SourceSpan)
    var income = RecordBuilder(kind: nil)
    /// Year-level lines (基本支出, 项目支出, declared totals, other lines) in the order read.
    var lines = RecordBuilder(kind: nil)
    var projects: [Project] = []
    var departmentIndicators: [Value] = []

    /// A project being read: its fields, and its indicators so far.
    struct Project {
        var name: String
        var fields: RecordBuilder
        var indicators: [Value] = []

        var record: Record {
            var fields = fields
            if !indicators.isEmpty { fields.set("指标", .list(indicators), at: fields.spans.first ?? .none) }
            return fields.record
        }
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

    /// The year a CSV table describes, unvalidated (``YearValidation`` checks it next).
    static func year(fromCSV text: String, name: String, file: Int32, span: SourceSpan) throws(Diagnostic) -> Record {
        let rows: [[CSVReader.Field]]
        do { rows = try CSVReader.rows(text) } catch {
            throw Diagnostic(id: .csv, Message(verbatim: error.message), at: SourceSpan(file: file, start: error.offset, end: error.offset + 1))
        }
        guard let first = rows.first else { throw Diagnostic(id: .csv, "\"\(name)\" is empty", at: span) }
        guard let header = ProjectTableHeader.find(in: rows) else {
            throw Diagnostic(id: .csv, "no 项目名称 column in \"\(name)\"",
                             at: SourceSpan(file: file, start: first[0].offset, end: first[0].offset + max(1, first[0].text.count)),
                             notes: ["help: the header row needs 项目名称 and usually 全年预算数 and 全年执行数"])
        }
        var table = ProjectTableImport(header: header, file: file, name: name)
        for row in rows.dropFirst(header.row + 1) { try table.read(row) }
        return table.record
    }

    init(header: ProjectTableHeader, file: Int32, name: String) {
        self.header = header
        self.file = file
        origin = SourceSpan(file: file, start: 0, end: 1)
        // Without a 部门 column, the year is named after its file (`自评表` for data/自评表.csv).
        department = (.string(ProjectTableImport.title(ofFile: name)), origin)
        year = (.unknown, origin)
    }

    // MARK: Cells

    func span(_ field: CSVReader.Field) -> SourceSpan {
        SourceSpan(file: file, start: field.offset, end: field.offset + max(1, field.text.unicodeScalars.count))
    }

    /// The trimmed text of a column's cell, when the column exists and the cell is not empty.
    func cell(_ row: [CSVReader.Field], _ column: ProjectTableColumn) -> (text: String, field: CSVReader.Field)? {
        guard let i = header[column], i < row.count else { return nil }
        let text = row[i].text.trimmed
        return text.isEmpty ? nil : (text, row[i])
    }

    /// An amount cell in 万元, 元 or 亿元 (by the header), with thousands separators; `—` is unknown.
    func amount(_ row: [CSVReader.Field], _ column: ProjectTableColumn) throws(Diagnostic) -> (Value, SourceSpan)? {
        guard let i = header[column], let (raw, field) = cell(row, column) else { return nil }
        if raw == "—" || raw == "-" || raw == "－" { return (.unknown, span(field)) }
        var digits = Substring(raw)
        var unit = header.unit(of: i)
        for written in MoneyUnit.allCases.sorted(by: { $0.rawValue.count > $1.rawValue.count }) where digits.hasSuffix(written.rawValue) {
            digits = digits.dropLast(written.rawValue.count)
            unit = written
            break
        }
        do {
            let number = try ExactDecimal(parsing: digits.trimmed, allowGrouping: true)
            return (.money(try number.multiplied(by: unit.factor), .wan), span(field))
        } catch {
            throw Diagnostic(id: .csv, "'\(raw)' is not an amount", at: span(field),
                             notes: ["help: amounts are digits with an optional decimal point and thousands separators, e.g. 1,188.56"])
        }
    }

    /// A plain number (分值, 得分).
    func number(_ row: [CSVReader.Field], _ column: ProjectTableColumn, _ what: String) throws(Diagnostic) -> (Value, SourceSpan)? {
        guard let (raw, field) = cell(row, column) else { return nil }
        guard let d = try? ExactDecimal(parsing: raw, allowGrouping: true) else {
            throw Diagnostic(id: .csv, "'\(raw)' is not a number of \(what)", at: span(field))
        }
        return (.number(d), span(field))
    }

    // MARK: Rows

    /// Reads one row after the header.
    mutating func read(_ row: [CSVReader.Field]) throws(Diagnostic) {
        guard row.count <= header.width else {
            let extra = row[header.width]
            throw Diagnostic(id: .csv, "this row has \(row.count) fields but the header has \(header.width)", at: span(extra))
        }
        if row.allSatisfy({ $0.text.trimmed.isEmpty }) { return }
        if let (d, field) = cell(row, .department) { department = (.string(d), span(field)) }
        if let (y, field) = cell(row, .year) {
            guard let n = Int(y.hasSuffix("年") ? String(y.dropLast()) : y) else {
                throw Diagnostic(id: .csv, "'\(y)' is not a year", at: span(field), notes: ["help: write the year as digits, e.g. 2022"])
            }
            year = (.number(ExactDecimal(n)), span(field))
        }
        guard let (kindText, kindField) = cell(row, .rowKind) else { return try readFormRow(row) }
        guard let kind = ProjectTableRowKind(rawValue: kindText) else {
            throw Diagnostic(id: .csv, "'\(kindText)' is not a kind of row", at: span(kindField),
                             notes: ["help: 类型 is one of \(ProjectTableRowKind.allCases.map(\.rawValue).joined(separator: ", "))"])
        }
        switch kind {
        case .project:
            try startProject(row)
            try addIndicator(row)
        case .indicator:
            guard !projects.isEmpty else { throw Diagnostic(id: .csv, "an indicator row before any project", at: span(kindField)) }
            if let (name, field) = cell(row, .name), !Self.same(name, projects[projects.count - 1].name) {
                throw Diagnostic(id: .csv, "this indicator row names \"\(name)\", but the project above is \"\(projects[projects.count - 1].name)\"",
                                 at: span(field), notes: ["help: put a project's indicator rows right after its 项目 row"])
            }
            guard try addIndicator(row) else {
                throw Diagnostic(id: .csv, "an indicator row without a 三级指标 (the indicator's name)", at: span(kindField))
            }
        case .departmentIndicator:
            guard let indicator = try indicator(row) else {
                throw Diagnostic(id: .csv, "a 部门指标 row without a 三级指标 (the indicator's name)", at: span(kindField))
            }
            departmentIndicators.append(.record(indicator))
        case .income, .expenditure, .total, .other:
            try readLine(kind, row, kindField)
        }
    }

    /// A row of an official form: a project (and its first indicator), or a further indicator.
    mutating func readFormRow(_ row: [CSVReader.Field]) throws(Diagnostic) {
        if let (name, _) = cell(row, .name) {
            if let current = projects.last, Self.same(name, current.name) {
                try fillAmounts(row)   // the name repeated on each indicator row
            } else {
                try startProject(row)
            }
            try addIndicator(row)
            return
        }
        guard cell(row, .indicator) != nil else {
            throw Diagnostic(id: .csv, "a row without a 项目名称", at: span(row[0]))
        }
        guard !projects.isEmpty else { throw Diagnostic(id: .csv, "an indicator row before any project", at: span(row[0])) }
        try addIndicator(row)
    }

    static func same(_ a: String, _ b: String) -> Bool { ExactText.same(a, b) }

    /// The amount columns a project row may carry, and the fields they set.
    var amountColumns: [(ProjectTableColumn, String)] {
        // Without a 全年预算数 column, 年初预算 is the budget.
        header[.budget] == nil ? [(.initialBudget, "预算"), (.spent, "执行"), (.initialBudget, "年初预算")]
                               : [(.budget, "预算"), (.spent, "执行"), (.initialBudget, "年初预算")]
    }

    mutating func startProject(_ row: [CSVReader.Field]) throws(Diagnostic) {
        guard let (name, field) = cell(row, .name) else {
            throw Diagnostic(id: .csv, "a project row without a 项目名称", at: span(row[0]))
        }
        var fields = RecordBuilder(kind: .project)
        fields.set("名称", .string(name), at: span(field))
        projects.append(Project(name: name, fields: fields))
        try fillAmounts(row)
    }

    /// Sets the current project's amounts from the row, where it does not have them yet.
    mutating func fillAmounts(_ row: [CSVReader.Field]) throws(Diagnostic) {
        for (column, key) in amountColumns where !projects[projects.count - 1].fields.has(key) {
            if let (value, at) = try amount(row, column) { projects[projects.count - 1].fields.set(key, value, at: at) }
        }
    }

    /// Adds the row's indicator, if it names one, to the current project.
    @discardableResult
    mutating func addIndicator(_ row: [CSVReader.Field]) throws(Diagnostic) -> Bool {
        guard let indicator = try indicator(row) else { return false }
        projects[projects.count - 1].indicators.append(.record(indicator))
        return true
    }

    /// The indicator a row describes (三级指标 and the columns after it), or nil when it names none.
    func indicator(_ row: [CSVReader.Field]) throws(Diagnostic) -> Record? {
        guard let (name, nameField) = cell(row, .indicator) else { return nil }
        var fields = RecordBuilder(kind: .indicator)
        fields.set("名称", .string(name), at: span(nameField))
        if let (text, field) = cell(row, .area) { fields.set("领域", .string(text), at: span(field)) }
        if let (first, field) = cell(row, .firstLevel) {
            let second = cell(row, .secondLevel)?.text
            fields.set("类别", .string(second.map { "\(first).\($0)" } ?? first), at: span(field))
        }
        let measure = cell(row, .measure)?.text
        var relation: ComparisonOperator? = nil
        if let (text, field) = cell(row, .relation) {
            relation = TableFigure.relation(text)
            if relation == nil && text != "定性" {
                throw Diagnostic(id: .csv, "'\(text)' is not a relation", at: span(field), notes: ["help: 指标性质 is ≥, ≤ or = (also >=, <=, 大于等于, 小于等于, 等于, 定性)"])
            }
        }
        if let (text, field) = cell(row, .target) {
            fields.set("目标", try TableFigure.value(text, unit: measure, relation: relation, target: true, span: span(field)), at: span(field))
        }
        if let (text, field) = cell(row, .actual) {
            fields.set("实际", try TableFigure.value(text, unit: measure, target: false, span: span(field)), at: span(field))
        }
        if let (value, at) = try number(row, .points, "points") { fields.set("分值", value, at: at) }
        if let (value, at) = try number(row, .score, "points scored") { fields.set("得分", value, at: at) }
        if let (text, field) = cell(row, .followsBudget) {
            let value: Value
            switch text {
            case "true", "是": value = .bool(true)
            case "false", "否": value = .bool(false)
            default:
                guard let d = try? ExactDecimal(parsing: text) else {
                    throw Diagnostic(id: .csv, "'\(text)' is not true, false or an elasticity", at: span(field))
                }
                value = .number(d)
            }
            fields.set("随预算", value, at: span(field))
        }
        if let (text, field) = cell(row, .note) { fields.set("备注", .string(text), at: span(field)) }
        return fields.record
    }

    /// A year-level row: an income item, an expenditure line, a declared total or another line.
    mutating func readLine(_ kind: ProjectTableRowKind, _ row: [CSVReader.Field], _ kindField: CSVReader.Field) throws(Diagnostic) {
        guard let (line, lineField) = cell(row, .line) else {
            throw Diagnostic(id: .csv, "a \(kind.rawValue) row without a 行 (the line's name)", at: span(kindField))
        }
        let amount = try amount(row, .amount)
        switch kind {
        case .income:
            income.set(line, amount?.0 ?? .unknown, at: amount?.1 ?? span(lineField))
        case .expenditure:
            guard Self.expenditureLines.contains(line) else {
                throw Diagnostic(id: .csv, "'\(line)' is not an expenditure line", at: span(lineField),
                                 notes: ["help: 支出 rows are \(Self.expenditureLines.joined(separator: ", "))"])
            }
            lines.set(line, amount?.0 ?? .unknown, at: amount?.1 ?? span(lineField))
        case .total:
            if Self.declaredTotals.contains(line), let (value, at) = amount { lines.set(line, value, at: at) }
        default:
            guard !Self.structuralFields.contains(line) else {
                throw Diagnostic(id: .csv, "'\(line)' cannot be set by an 其他 row", at: span(lineField))
            }
            if let (value, at) = amount {
                lines.set(line, value, at: at)
            } else if let (text, field) = cell(row, .value) {
                let value: Value = switch text {
                case "true": .bool(true)
                case "false": .bool(false)
                default: try TableFigure.value(text, target: false, span: span(field))
                }
                lines.set(line, value, at: span(field))
            }
        }
    }

    // MARK: The year

    /// The year record: 年度, 部门, 收入, the lines read, 项目支出, 项目 and 指标.
    var record: Record {
        var year = RecordBuilder(kind: .year)
        year.set("年度", self.year.0, at: self.year.1)
        year.set("部门", department.0, at: department.1)
        year.set("收入", .record(income.record), at: income.spans.first ?? origin)
        for (key, (value, span)) in zip(lines.keys, zip(lines.values, lines.spans)) { year.set(key, value, at: span) }
        let made = projects.map(\.record)
        if !year.has("基本支出") { year.set("基本支出", .unknown, at: origin) }
        if !year.has("项目支出") { year.set("项目支出", Year.sum(made.map { $0["预算"] ?? .unknown }), at: origin) }
        year.set("项目", .list(made.map { .record($0) }), at: origin)
        if !departmentIndicators.isEmpty { year.set("指标", .list(departmentIndicators), at: origin) }
        return year.record
    }
}
