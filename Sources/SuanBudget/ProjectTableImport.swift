import SuanCore

/// Builds a year from a CSV table of projects as Excel exports the 项目支出绩效自评表.
///
/// Columns (Chinese headers; order free): 项目名称 (required), 全年预算数 or 预算, 全年执行数 or 执行,
/// 年初预算数, and optionally 部门, 年度. Amounts are text in 万元 unless the header says otherwise
/// (`全年预算数（元）`); thousands separators are allowed. Rows that carry 三级指标 add an indicator
/// (年度指标值 as target, 实际完成值, 分值, 一级指标.二级指标 as 类别) to the project named on the row
/// or the row above.
enum ProjectTableImport {
    static let nameColumns = ["项目名称", "名称"]
    static let budgetColumns = ["全年预算数", "预算", "预算数"]
    static let spentColumns = ["全年执行数", "执行", "执行数"]

    struct Columns {
        var index: [String: Int] = [:]
        var unit: [Int: MoneyUnit] = [:]

        func find(_ names: [String]) -> Int? { names.lazy.compactMap { index[$0] }.first }
    }

    static func year(fromCSV text: String, name: String, file: Int32, span: SourceSpan) throws(Diagnostic) -> Record {
        func spanOf(_ offset: Int, _ length: Int) -> SourceSpan { SourceSpan(file: file, start: offset, end: offset + max(1, length)) }
        let rows: [[CSVReader.Field]]
        do { rows = try CSVReader.rows(text) } catch {
            throw Diagnostic(id: .csv, error.message, at: spanOf(error.offset, 1))
        }
        guard let header = rows.first else { throw Diagnostic(id: .csv, "\"\(name)\" is empty", at: span) }
        var columns = Columns()
        for (i, field) in header.enumerated() {
            var title = field.text.trimmed
            for (suffix, unit) in [("（万元）", MoneyUnit.wan), ("(万元)", .wan), ("（元）", .yuan), ("(元)", .yuan), ("（亿元）", .yi), ("(亿元)", .yi)]
            where title.hasSuffix(suffix) {
                title = String(title.dropLast(suffix.count))
                columns.unit[i] = unit
            }
            columns.index[title] = i
        }
        guard let nameColumn = columns.find(nameColumns) else {
            throw Diagnostic(id: .csv, "no 项目名称 column in \"\(name)\"", at: spanOf(header[0].offset, header[0].text.count),
                             notes: ["help: the header row needs 项目名称 and usually 全年预算数 and 全年执行数"])
        }
        // Column positions, found once (a Chinese header is hashed through Unicode normalisation).
        let departmentColumn = columns.find(["部门"]), yearColumn = columns.find(["年度"])
        let indicatorColumn = columns.find(["三级指标"])
        let firstLevel = columns.find(["一级指标"]), secondLevel = columns.find(["二级指标"])
        let targetColumn = columns.find(["年度指标值", "目标"]), actualColumn = columns.find(["实际完成值", "实际"])
        let pointsColumn = columns.find(["分值"])
        let amountColumns = [("预算", budgetColumns), ("执行", spentColumns), ("年初预算", ["年初预算数"])].map { ($0.0, columns.find($0.1)) }
        var projects: [Record] = []
        var department: Value = .string(name)
        var year: Value = .unknown
        for row in rows.dropFirst() {
            guard row.count <= header.count else {
                let extra = row[header.count]
                throw Diagnostic(id: .csv, "this row has \(row.count) fields but the header has \(header.count)", at: spanOf(extra.offset, extra.text.count))
            }
            func cell(_ i: Int?) -> CSVReader.Field? { i.flatMap { $0 < row.count ? row[$0] : nil } }
            func amount(_ i: Int?) throws(Diagnostic) -> Value? {
                guard let i, let field = cell(i) else { return nil }
                let raw = field.text.trimmed
                if raw.isEmpty || raw == "—" || raw == "-" { return .unknown }
                let unit = columns.unit[i] ?? .wan
                do {
                    let d = try ExactDecimal(parsing: raw, allowGrouping: true)
                    return .money(try d.multiplied(by: unit.factor), .wan)
                } catch {
                    throw Diagnostic(id: .csv, "'\(raw)' is not an amount", at: spanOf(field.offset, field.text.count),
                                     notes: ["help: amounts are digits with an optional decimal point and thousands separators, e.g. 1,188.56"])
                }
            }
            if let d = cell(departmentColumn)?.text.trimmed, !d.isEmpty { department = .string(d) }
            if let y = cell(yearColumn)?.text.trimmed, let n = Int(y) { year = .number(ExactDecimal(n)) }
            let projectName = cell(nameColumn)?.text.trimmed ?? ""
            if let indicatorName = cell(indicatorColumn)?.text.trimmed, !indicatorName.isEmpty {
                guard !projects.isEmpty || !projectName.isEmpty else {
                    throw Diagnostic(id: .csv, "an indicator row before any project", at: spanOf(row[0].offset, 1))
                }
                if !projectName.isEmpty && projects.last.map({ $0["名称"]?.plainText != projectName }) ?? true {
                    projects.append(Record(kind: .project, keys: ["名称"], values: [.string(projectName)], spans: [spanOf(row[nameColumn].offset, projectName.count)]))
                }
                var indicator = Record(kind: .indicator, keys: ["名称"], values: [.string(indicatorName)])
                let first = cell(firstLevel)?.text.trimmed ?? ""
                let second = cell(secondLevel)?.text.trimmed ?? ""
                if !first.isEmpty { indicator["类别"] = .string(second.isEmpty ? first : "\(first).\(second)") }
                if let t = cell(targetColumn) {
                    indicator["目标"] = try figure(t, spanOf(t.offset, t.text.count), target: true)
                }
                if let a = cell(actualColumn) {
                    indicator["实际"] = try figure(a, spanOf(a.offset, a.text.count), target: false)
                }
                if let s = cell(pointsColumn), let d = try? ExactDecimal(parsing: s.text.trimmed) { indicator["分值"] = .number(d) }
                var project = projects.removeLast()
                var list: [Value] = if case .list(let l)? = project["指标"] { l } else { [] }
                list.append(.record(indicator))
                project["指标"] = .list(list)
                projects.append(project)
                continue
            }
            guard !projectName.isEmpty else {
                throw Diagnostic(id: .csv, "a row without a 项目名称", at: spanOf(row[0].offset, 1))
            }
            var project = Record(kind: .project, keys: ["名称"], values: [.string(projectName)], spans: [spanOf(row[nameColumn].offset, projectName.count)])
            for (key, column) in amountColumns {
                if let i = column, let v = try amount(i) {
                    project[key] = v
                    project.spans.append(spanOf(row[min(i, row.count - 1)].offset, 1))
                }
            }
            projects.append(project)
        }
        let budgets = Year.sum(projects.map { $0["预算"] ?? .unknown })
        return Record(kind: .year,
                      keys: ["年度", "部门", "收入", "基本支出", "项目支出", "项目"],
                      values: [year, department, .record(Record()), .unknown, budgets, .list(projects.map { .record($0) })],
                      spans: Array(repeating: SourceSpan(file: file, start: 0, end: 1), count: 6))
    }

    /// `≥ 7000件`, `>=95%`, `7730件`, `达成`, `1,234.5` → a value or a target.
    static func figure(_ field: CSVReader.Field, _ span: SourceSpan, target: Bool) throws(Diagnostic) -> Value {
        var text = Substring(field.text.trimmed)
        if text.isEmpty { return .unknown }
        var op: ComparisonOperator? = nil
        for (prefix, o) in [("≥", ComparisonOperator.greaterEqual), (">=", .greaterEqual), ("≤", .lessEqual), ("<=", .lessEqual),
                            ("==", .equal), ("=", .equal), (">", .greater), ("<", .less)] where text.hasPrefix(prefix) {
            op = o
            text = text.dropFirst(prefix.count).drop(while: { $0 == " " })
            break
        }
        let digits = text.prefix(while: { $0.isASCII && ($0.isNumber || $0 == "." || $0 == "," || $0 == "-") })
        let unit = String(text.dropFirst(digits.count)).trimmed
        guard !digits.isEmpty, let d = try? ExactDecimal(parsing: digits, allowGrouping: true) else {
            return .string(String(text))  // qualitative: 达成, 部分达成, …
        }
        let value: Value
        switch unit {
        case "": value = .number(d)
        case "%": value = .ratio((try? d.multiplied(by: RatioStyle.percent.factor)) ?? d, .percent)
        case "‰": value = .ratio((try? d.multiplied(by: RatioStyle.permille.factor)) ?? d, .permille)
        case "元", "万元", "亿元":
            let u = MoneyUnit(rawValue: unit)!
            guard let yuan = try? d.multiplied(by: u.factor) else { throw Diagnostic(id: .csv, "amount out of range", at: span) }
            value = .money(yuan, u)
        default: value = .quantity(d, unit)
        }
        if let op, target { return .target(op, Value.Box(value)) }
        if target { return .target(.greaterEqual, Value.Box(value)) }
        return value
    }
}

extension String {
    /// Without surrounding spaces (ASCII, the ideographic space, no-break and zero-width spaces).
    var trimmed: String {
        func isSpace(_ s: Unicode.Scalar) -> Bool {
            switch s.value {
            case 0x09...0x0D, 0x20, 0xA0, 0x2000...0x200B, 0x3000, 0xFEFF: true
            default: false
            }
        }
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return self }
        if !isSpace(first) && !isSpace(last) { return self }
        guard let start = scalars.firstIndex(where: { !isSpace($0) }),
              let end = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(scalars[start...end])
    }
}
