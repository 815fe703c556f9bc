import SuanCore
import SuanSheets

/// `export … to "file.csv"` (or `.md`, `.html`, `.json`, `.xlsx`): builds the table of what is exported and writes it.
///
/// - a year or scenario, one project, a list of projects (`项目`, `sort`, `top`, `filter`): Suan's
///   year CSV (``YearTable``), which `load` reads back to equal values;
/// - `compare A, B [only …]`: every line with a 单位 column (``Comparison/exportTable``);
/// - any other list of records (`explain`, `table`, `项目[…].指标`, `rank(项目, …)` with its 名次):
///   one row per record, one column per field, the columns the terminal shows for the list; a column whose figures share a unit states it in its header (`预算（万元）`);
/// - a record of such lists (an explanation in parts): the parts one after another, named in a
///   first column `表`.
struct Exporter {
    let format: ValueFormatter

    func table(_ content: ExportContent, span: SourceSpan) throws(Diagnostic) -> ExportTable? {
        switch content {
        case .comparison(let items, let extra, let only, let consecutive):
            return try Comparison(format: format, consecutive: consecutive).exportTable(items, extra: extra, only: only, span: span)
        case .value(let value):
            return table(value)
        }
    }

    func table(_ value: Value) -> ExportTable? {
        switch value {
        case .record(let r) where r.kind?.isYear == true:
            return YearTable(format: format).table(year: r)
        case .record(let r) where r.kind == .project:
            return YearTable(format: format).table(projects: [r])
        case .record(let r) where r.entries.contains(where: { $0.0 != Document.titleField })
                                && r.entries.allSatisfy({ $0.0 == Document.titleField || records($0.1) != nil }):
            // An explanation's title is the file's name's business, not a row.
            var parts: [(String, [Record])] = []
            for (key, part) in r.entries where key != Document.titleField { parts.append((key, records(part) ?? [])) }
            return recordsTable(parts)
        case .list:
            // What `group` made: as `show` prints it, with subtotals and a total.
            if let (rows, roles) = GroupedTable.rows(of: value, language: format.language), let list = records(.list(rows)) {
                var table = recordsTable([(nil, list)])
                table.roles = roles
                return table
            }
            guard let list = records(value) else { return nil }
            // Projects as a year holds them (`项目`, `sort`, `top`, `filter`) go back into Suan; a
            // ranked list's 名次 has no column there, so it is written as the terminal shows it.
            if list.allSatisfy({ $0.kind == .project && $0["名次"] == nil }) {
                return YearTable(format: format).table(projects: list)
            }
            return recordsTable([(nil, list)])
        default:
            return nil
        }
    }

    /// The name of the one sheet an .xlsx export writes: what was exported.
    func sheetName(_ content: ExportContent) -> String {
        switch content {
        case .comparison: return "比较"
        case .value(.record(let r)) where r.kind?.isYear == true: return "年度"
        case .value(.record(let r)) where r.kind == .project: return "项目"
        case .value(let v):
            if let list = records(v), list.allSatisfy({ $0.kind == .project }) { return "项目" }
            return "表"
        }
    }

    /// The records of a non-empty list of records.
    func records(_ value: Value) -> [Record]? {
        guard case .list(let items) = value, !items.isEmpty else { return nil }
        let list = items.compactMap { if case .record(let r) = $0 { r } else { nil } }
        return list.count == items.count ? list : nil
    }

    /// Records as rows; parts (when named) one after another with their name in a first column.
    func recordsTable(_ parts: [(String?, [Record])]) -> ExportTable {
        var keys: [String] = []
        for (_, list) in parts { for r in list { for k in r.keys where !keys.contains(k) { keys.append(k) } } }
        // A column states its unit when every figure in it shares one: 预算（万元）, 占比（%）.
        let units: [String?] = keys.map { key in
            var unit: String? = nil
            for (_, list) in parts {
                for r in list {
                    guard let v = r[key] else { continue }
                    if case .unknown = v { continue }
                    guard let (_, u) = ExportNumber.shown(v, format: format), unit == nil || unit == u else { return nil }
                    unit = u
                }
            }
            return unit
        }
        let named = parts.contains { $0.0 != nil }
        var headers = named ? ["表"] : []
        headers += zip(keys, units).map { key, unit in unit.map { $0.isEmpty ? key : "\(key)（\($0)）" } ?? key }
        var table = ExportTable(headers: headers)
        for (name, list) in parts {
            for r in list {
                var row: [ExportTable.Cell] = named ? [.text(name ?? "")] : []
                for (key, unit) in zip(keys, units) {
                    guard let v = r[key] else { row.append(.empty); continue }
                    if unit != nil, let (cell, _) = ExportNumber.shown(v, format: format) { row.append(cell); continue }
                    switch v {
                    case .unknown: row.append(.empty)
                    case .string(let s): row.append(.text(s))
                    case .list(let l): row.append(.text("\(l.count) 项"))
                    default: row.append(.text(format.text(v)))
                    }
                }
                table.rows.append(row)
            }
        }
        return table
    }

    /// Writes the file; the message says what was written (in the run's language when shown).
    func export(_ content: ExportContent, to path: String, force: Bool, span: SourceSpan) throws(Diagnostic) -> Message {
        let lower = path.lowercased()
        guard let kind = [".csv", ".md", ".html", ".json", ".xlsx"].first(where: { lower.hasSuffix($0) }) else {
            throw Diagnostic(id: .exportFormat, "export writes .csv, .xlsx, .md, .html or .json files, not \"\(path)\"", at: span,
                             notes: ["help: end the file name in .csv or .xlsx (for Excel and load), .md (Markdown), .html or .json"])
        }
        guard let table = try table(content, span: span) else {
            let type = if case .value(let v) = content { v.type.name } else { "comparison" }
            throw Diagnostic(id: .exportType, "export writes years, scenarios, projects, lists of records, compare, explain and table; this is a \(type)", at: span)
        }
        // Building the table and rendering it are the long parts of a large export: stop between them.
        if Interruption.pending { throw Diagnostic(id: .interrupted, "interrupted", at: span) }
        if kind == ".xlsx" {
            guard let bytes = XLSXRenderer(format: format).render(table.workbookDocument(title: sheetName(content))) else {
                throw Diagnostic(id: .exportIo, "cannot write \"\(path)\": the workbook could not be made", at: span)
            }
            try FileText.write(bytes: bytes, to: path, force: force, by: .export, span: span)
            return "wrote \(table.rows.count) rows to \(path)"
        }
        // The same renderers as `suan --format`; a CSV file starts with the byte-order mark Excel needs.
        let document = table.document
        let text: String = switch kind {
        case ".csv": CSVRenderer(format: format, byteOrderMark: true).render(document) ?? ""
        case ".md": MarkdownRenderer(format: format).render(document)
        case ".html": HTMLRenderer(format: format).render(document)
        default: JSONRenderer(format: format).render(document)
        }
        try FileText.write(text, to: path, force: force, by: .export, span: span)
        return "wrote \(table.rows.count) rows to \(path)"
    }
}
