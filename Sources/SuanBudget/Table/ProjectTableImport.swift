import SuanCore

/// Builds a year from a table of projects — a CSV file or a sheet of a workbook, both as rows of
/// ``TableCell`` — the 项目支出绩效自评表 as provinces publish it, or the year table that `export`
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
    /// Whether the records keep the spans of their cells (see ``year(fromCSV:file:span:progress:keepsSpans:)``).
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

    /// The year a CSV table describes, unvalidated (``YearValidation`` checks it next).
    ///
    /// The text is read twice, both times from its bytes: once for its syntax only (a quote left
    /// open anywhere is the error, before any row's content), then row by row into the year. Only
    /// the rows before the table's own are kept — up to the 绩效指标 header that a one-project form
    /// is recognised by, and the 项目名称 header with the row below it; the rows after them are read
    /// into projects one at a time. A one-project form, or a table without a 一级指标 and 三级指标
    /// header, is kept whole, as its labels are searched in every row.
    ///
    /// Without `keepsSpans` a table's records hold no spans (a one-project form's keep theirs), as
    /// ``DataFileEvaluator/evaluate(_:file:keepsSpans:)`` reads a year file.
    static func year(fromCSV source: SourceFile, file: Int32, span: SourceSpan, progress: LoadProgress, keepsSpans: Bool = true) throws(Diagnostic) -> Record {
        var result: Result<Record, Diagnostic> = .failure(Diagnostic(id: .csv, "\"\(source.name)\" is empty", at: span))
        source.withUTF8 { bytes in
            result = Result { () throws(Diagnostic) in
                try year(fromCSV: bytes, name: source.name, file: file, span: span, progress: progress, keepsSpans: keepsSpans)
            }
        }
        return try result.get()
    }

    static func year(fromCSV bytes: UnsafeBufferPointer<UInt8>, name: String, file: Int32, span: SourceSpan, progress: LoadProgress,
                     keepsSpans: Bool) throws(Diagnostic) -> Record {
        func failed(_ error: CSVReader.Failure) -> Diagnostic {
            Diagnostic(id: .csv, Message(verbatim: error.message), at: SourceSpan(file: file, start: error.offset, end: error.offset + 1))
        }
        var syntax = CSVReader(bytes, file: file)
        do { try syntax.check() } catch { throw failed(error) }
        var reader = CSVReader(bytes, file: file)
        var progress = progress
        defer { progress.clear() }
        var row: [TableCell] = []
        func next() throws(Diagnostic) -> [TableCell]? {
            do { guard try reader.next(into: &row) else { return nil } } catch { throw failed(error) }
            progress.advance(to: reader.i)
            return row
        }
        var rows: [[TableCell]] = []
        var labels = ProjectFormImport.Labels()
        var searched = false
        while let r = try next() {
            rows.append(r)
            if labels.see(r, at: rows.count - 1) { searched = true; break }
        }
        let streams = searched && labels.layout == nil
        if streams {
            var named = rows.firstIndex(where: ProjectTableHeader.namesProjects)
            while named.map({ rows.count < $0 + 2 }) ?? true, let r = try next() {
                rows.append(r)
                if named == nil && ProjectTableHeader.namesProjects(r) { named = rows.count - 1 }
            }
        } else {
            while let r = try next() { rows.append(r) }
        }
        guard let first = rows.first else { throw Diagnostic(id: .csv, "\"\(name)\" is empty", at: span) }
        // The one-project form saved as CSV: its 项目名称 label would otherwise read as a header.
        if let layout = labels.layout {
            let project = try ProjectFormImport(id: .csv, file: file, name: name).project(rows, layout: layout)
            let titles = rows[..<layout.nameRow].flatMap { $0.map(\.text) }
            return ProjectFormImport.parts([project], titles: titles, file: file).record(fileName: name, origin: SourceSpan(file: file, start: 0, end: 1))
        }
        if let cutShort = labels.incomplete(rows, id: .csv) { throw cutShort }
        guard let header = ProjectTableHeader.find(in: rows) else {
            throw Diagnostic(id: .csv, "no 项目名称 column in \"\(name)\"", at: first[0].span,
                             notes: ["help: the header row needs 项目名称 and usually 全年预算数 and 全年执行数"])
        }
        var table = ProjectTableImport(header: header, file: file, name: name, id: .csv)
        table.keepsSpans = keepsSpans
        var kept = rows.dropFirst(header.row + 1).makeIterator()
        try table.read { () throws(Diagnostic) in
            if let r = kept.next() { return r }
            return streams ? try next() : nil
        }
        return table.finished().record(fileName: name, origin: SourceSpan(file: file, start: 0, end: 1), keepsSpans: keepsSpans)
    }

    /// The year the rows after `header` describe: the one path of CSV tables and sheets.
    static func year(_ rows: [[TableCell]], header: ProjectTableHeader, name: String, file: Int32, id: DiagnosticID) throws(Diagnostic) -> Record {
        try parts(rows, header: header, name: name, file: file, id: id).record(fileName: name, origin: SourceSpan(file: file, start: 0, end: 1))
    }

    /// What the rows after `header` give, for a workbook that adds other sheets' parts to them.
    static func parts(_ rows: [[TableCell]], header: ProjectTableHeader, name: String, file: Int32, id: DiagnosticID) throws(Diagnostic) -> YearParts {
        var table = ProjectTableImport(header: header, file: file, name: name, id: id)
        var after = rows.dropFirst(header.row + 1).makeIterator()
        try table.read { after.next() }
        return table.finished()
    }

    /// Reads the rows `next` gives until it gives none.
    mutating func read(_ next: () throws(Diagnostic) -> [TableCell]?) throws(Diagnostic) {
        var i = 0
        while let row = try next() {
            // A province's table is long: Ctrl-C and --timeout stop the read between rows.
            if i & 1023 == 0, Interruption.pending { throw Diagnostic(id: .interrupted, "interrupted", at: .none) }
            try read(row)
            i += 1
        }
    }

    init(header: ProjectTableHeader, file: Int32, name: String, id: DiagnosticID) {
        self.header = header
        self.id = id
        origin = SourceSpan(file: file, start: 0, end: 1)
    }

    // MARK: Cells

    /// The trimmed text of a column's cell, when the column exists and the cell is not empty.
    func cell(_ row: [TableCell], _ column: ProjectTableColumn) -> (text: String, field: TableCell)? {
        header[column].flatMap { cell(row, at: $0) }
    }

    /// The trimmed text of the cell at index `i`, when the row has it and it is not empty.
    func cell(_ row: [TableCell], at i: Int) -> (text: String, field: TableCell)? {
        guard i < row.count else { return nil }
        let text = row[i].text.trimmed
        return text.isEmpty ? nil : (text, row[i])
    }

    /// The money units an amount cell may end in, longest first (`万元` before `元`).
    static let writtenUnits = MoneyUnit.allCases.sorted { $0.rawValue.count > $1.rawValue.count }

    /// An amount cell in 万元, 元 or 亿元 (by the header), with thousands separators; `—` is unknown.
    func amount(_ row: [TableCell], _ column: ProjectTableColumn) throws(Diagnostic) -> (Value, SourceSpan)? {
        guard let i = header[column] else { return nil }
        return try amount(row, at: i)
    }

    /// The amount in the cell at index `i`.
    func amount(_ row: [TableCell], at i: Int) throws(Diagnostic) -> (Value, SourceSpan)? {
        guard let (raw, field) = cell(row, at: i) else { return nil }
        if raw == "—" || raw == "-" || raw == "－" { return (.unknown, field.span) }
        var digits = Substring(raw)
        var unit = header.unit(of: i)
        // Most amounts end in a digit, after which no unit is written.
        let endsInDigit = raw.utf8.last.map { $0 >= 0x30 && $0 <= 0x39 } ?? false
        for written in Self.writtenUnits where !endsInDigit && digits.hasSuffix(written.rawValue) {
            digits = digits.dropLast(written.rawValue.count)
            unit = written
            break
        }
        do {
            let number = try ExactDecimal(parsing: digits.trimmed, allowGrouping: true)
            return (.money(try number.shifted(byPowerOfTen: unit.exponent), .wan), field.span)
        } catch {
            throw Diagnostic(id: id, "'\(raw)' is not an amount", at: field.span,
                             notes: ["help: amounts are digits with an optional decimal point and thousands separators, e.g. 1,188.56"])
        }
    }

    /// A plain number (分值, 得分).
    func number(_ row: [TableCell], _ column: ProjectTableColumn) throws(Diagnostic) -> (Value, SourceSpan)? {
        guard let i = header[column] else { return nil }
        return try number(row, at: i, scored: column == .score)
    }

    /// The number in the cell at index `i`: points scored (得分) when `scored`, else points (分值).
    func number(_ row: [TableCell], at i: Int, scored: Bool) throws(Diagnostic) -> (Value, SourceSpan)? {
        guard let (raw, field) = cell(row, at: i) else { return nil }
        // A form's printed 得分 that Excel could not compute: kept as read, the load makes it
        // unknown with a warning (``NonFigure``).
        if scored, NonFigure(.string(raw)) == .excelError { return (.string(raw), field.span) }
        guard let d = try? ExactDecimal(parsing: raw, allowGrouping: true) else {
            // Whole sentences per column, so that each has its Chinese text.
            let message: Message = scored ? "'\(raw)' is not a number of points scored (得分)" : "'\(raw)' is not a number of points (分值)"
            throw Diagnostic(id: id, message, at: field.span)
        }
        return (.number(d), field.span)
    }

    // MARK: Rows

    /// Reads one row after the header.
    mutating func read(_ row: [TableCell]) throws(Diagnostic) {
        guard row.count <= header.width else {
            let extra = row[header.width]
            throw Diagnostic(id: id, "this row has \(row.count) fields but the header has \(header.width)", at: extra.span)
        }
        if row.allSatisfy({ $0.text.trimmed.isEmpty }) { return }
        if let (d, field) = cell(row, .department) { read.department = (.string(d), field.span) }
        if let (y, field) = cell(row, .year) {
            guard let n = Int(y.hasSuffix("年") ? String(y.dropLast()) : y) else {
                throw Diagnostic(id: id, "'\(y)' is not a year", at: field.span, notes: ["help: write the year as digits, e.g. 2022"])
            }
            read.year = (.number(ExactDecimal(n)), field.span)
        }
        guard let (kindText, kindField) = cell(row, .rowKind) else { return try readFormRow(row) }
        guard let kind = ProjectTableRowKind(rawValue: kindText) else {
            throw Diagnostic(id: id, "'\(kindText)' is not a kind of row", at: kindField.span,
                             notes: ["help: 类型 is one of \(ProjectTableRowKind.allCases.map(\.rawValue).joined(separator: ", "))"])
        }
        switch kind {
        case .project:
            try startProject(row)
            try addIndicator(row)
        case .indicator:
            guard let project = current else { throw Diagnostic(id: id, "an indicator row before any project", at: kindField.span) }
            if let (name, field) = cell(row, .name), !Self.same(name, project.name) {
                throw Diagnostic(id: id, "this indicator row names \"\(name)\", but the project above is \"\(project.name)\"",
                                 at: field.span, notes: ["help: put a project's indicator rows right after its 项目 row"])
            }
            guard try addIndicator(row) else {
                throw Diagnostic(id: id, "an indicator row without a 三级指标 (the indicator's name)", at: kindField.span)
            }
        case .departmentIndicator:
            guard let indicator = try indicator(row) else {
                throw Diagnostic(id: id, "a 部门指标 row without a 三级指标 (the indicator's name)", at: kindField.span)
            }
            read.departmentIndicators.append(.record(indicator))
        case .income, .expenditure, .total, .other:
            try readLine(kind, row, kindField)
        }
    }

    /// A row of an official form: a project (and its first indicator), or a further indicator.
    mutating func readFormRow(_ row: [TableCell]) throws(Diagnostic) {
        if let (name, _) = cell(row, .name) {
            if let current, Self.same(name, current.name) {
                try fillAmounts(row)   // the name repeated on each indicator row
            } else {
                try startProject(row)
            }
            try addIndicator(row)
            return
        }
        guard cell(row, .indicator) != nil else {
            throw Diagnostic(id: id, "a row without a 项目名称", at: row[0].span)
        }
        guard current != nil else { throw Diagnostic(id: id, "an indicator row before any project", at: row[0].span) }
        try addIndicator(row)
    }

    static func same(_ a: String, _ b: String) -> Bool { ExactText.same(a, b) }

    /// The amount columns a project row may carry, and the fields they set.
    var amountColumns: [(ProjectTableColumn, String)] {
        // Without a 全年预算数 column, 年初预算 is the budget.
        header[.budget] == nil ? [(.initialBudget, "预算"), (.spent, "执行"), (.initialBudget, "年初预算")]
                               : [(.budget, "预算"), (.spent, "执行"), (.initialBudget, "年初预算")]
    }

    mutating func startProject(_ row: [TableCell]) throws(Diagnostic) {
        guard let (name, field) = cell(row, .name) else {
            throw Diagnostic(id: id, "a project row without a 项目名称", at: row[0].span)
        }
        finishProject()
        var fields = shapes.builder(.project, keepsSpans: keepsSpans)
        fields.set("名称", .string(name), at: field.span)
        var indicators: [Value] = []
        indicators.reserveCapacity(lastIndicatorCount)
        current = Project(name: name, fields: fields, indicators: indicators)
        try fillFormFields(row, precedingAmounts: true)
        try fillAmounts(row)
        try fillFormFields(row, precedingAmounts: false)
    }

    /// Sets the current project's form fields (``ProjectFormField``) that the row has columns for,
    /// those the form sets before the amounts or after them, in the form's order.
    mutating func fillFormFields(_ row: [TableCell], precedingAmounts: Bool) throws(Diagnostic) {
        for field in ProjectFormField.all where field.precedesAmounts == precedingAmounts {
            guard let i = header.formFields[field.key] else { continue }
            let found: (Value, SourceSpan)? = switch field.kind {
            case .text: cell(row, at: i).map { (.string($0.text), $0.field.span) }
            case .amount: try amount(row, at: i)
            case .score: try number(row, at: i, scored: true)
            }
            if let (value, at) = found { current?.fields.set(field.key, value, at: at) }
        }
    }

    /// Sets the current project's amounts from the row, where it does not have them yet.
    mutating func fillAmounts(_ row: [TableCell]) throws(Diagnostic) {
        for (column, key) in amountColumns where current?.fields.has(key) == false {
            if let (value, at) = try amount(row, column) { current?.fields.set(key, value, at: at) }
        }
    }

    /// Adds the row's indicator, if it names one, to the current project.
    @discardableResult
    mutating func addIndicator(_ row: [TableCell]) throws(Diagnostic) -> Bool {
        guard let indicator = try indicator(row) else { return false }
        current?.indicators.append(.record(indicator))
        return true
    }

    /// The indicator a row describes (三级指标 and the columns after it), or nil when it names none.
    mutating func indicator(_ row: [TableCell]) throws(Diagnostic) -> Record? {
        guard let (name, nameField) = cell(row, .indicator) else { return nil }
        var fields = shapes.builder(.indicator, keepsSpans: keepsSpans)
        fields.set("名称", .string(name), at: nameField.span)
        if let (text, field) = cell(row, .area) { fields.set("领域", .string(text), at: field.span) }
        if let (first, field) = cell(row, .firstLevel) {
            let second = cell(row, .secondLevel)?.text
            fields.set("类别", .string(second.map { "\(first).\($0)" } ?? first), at: field.span)
        }
        let measure = cell(row, .measure)?.text
        var relation: ComparisonOperator? = nil
        if let (text, field) = cell(row, .relation) {
            relation = TableFigure.relation(text)
            if relation == nil && text != "定性" {
                throw Diagnostic(id: id, "'\(text)' is not a relation", at: field.span, notes: ["help: 指标性质 is ≥, ≤ or = (also >=, <=, 大于等于, 小于等于, 等于, 定性)"])
            }
        }
        if let (text, field) = cell(row, .target) {
            fields.set("目标", try TableFigure.value(text, unit: measure, relation: relation, target: true, span: field.span, id: id), at: field.span)
        }
        if let (text, field) = cell(row, .actual) {
            fields.set("实际", try TableFigure.value(text, unit: measure, target: false, span: field.span, id: id), at: field.span)
        }
        if let (value, at) = try number(row, .points) { fields.set("分值", value, at: at) }
        // The score printed on the form: Suan computes its own (`score(i)`) and shows both.
        if let (value, at) = try number(row, .score) { fields.set("自评得分", value, at: at) }
        if let (text, field) = cell(row, .followsBudget) {
            let value: Value
            switch text {
            case "true", "是": value = .bool(true)
            case "false", "否": value = .bool(false)
            default:
                guard let d = try? ExactDecimal(parsing: text) else {
                    throw Diagnostic(id: id, "'\(text)' is not true, false or an elasticity", at: field.span)
                }
                value = .number(d)
            }
            fields.set("随预算", value, at: field.span)
        }
        if let (text, field) = cell(row, .note) { fields.set("备注", .string(text), at: field.span) }
        return shapes.record(fields)
    }

    /// A year-level row: an income item, an expenditure line, a declared total or another line.
    mutating func readLine(_ kind: ProjectTableRowKind, _ row: [TableCell], _ kindField: TableCell) throws(Diagnostic) {
        guard let (line, lineField) = cell(row, .line) else {
            throw Diagnostic(id: id, "a \(kind.rawValue) row without a 行 (the line's name)", at: kindField.span)
        }
        let amount = try amount(row, .amount)
        switch kind {
        case .income:
            read.income.set(line, amount?.0 ?? .unknown, at: amount?.1 ?? lineField.span)
        case .expenditure:
            guard Self.expenditureLines.contains(line) else {
                throw Diagnostic(id: id, "'\(line)' is not an expenditure line", at: lineField.span,
                                 notes: ["help: 支出 rows are \(Self.expenditureLines.joined(separator: ", "))"])
            }
            read.lines.set(line, amount?.0 ?? .unknown, at: amount?.1 ?? lineField.span)
        case .total:
            if Self.declaredTotals.contains(line), let (value, at) = amount { read.lines.set(line, value, at: at) }
        default:
            guard !Self.structuralFields.contains(line) else {
                throw Diagnostic(id: id, "'\(line)' cannot be set by an 其他 row", at: lineField.span)
            }
            if let (value, at) = amount {
                read.lines.set(line, value, at: at)
            } else if let (text, field) = cell(row, .value) {
                let value: Value = switch text {
                case "true": .bool(true)
                case "false": .bool(false)
                default: try TableFigure.value(text, target: false, span: field.span, id: id)
                }
                read.lines.set(line, value, at: field.span)
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
