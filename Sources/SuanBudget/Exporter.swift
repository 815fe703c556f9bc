import SuanCore

/// `export VALUE to "file.csv"` (or `.md`): a year's lines and projects, or a list of records, as a table.
struct Exporter {
    let format: ValueFormatter

    func rows(_ value: Value) -> [[String]]? {
        switch value {
        case .record(let r) where r.kind?.isYear == true:
            var rows: [[String]] = [["行", "金额", "占比"]]
            let report = YearReport(format: format)
            if case .record(let income)? = r["收入"] {
                for (k, v) in income.entries { rows.append(["收入 · \(k)", format.text(v), report.share(v, r["总收入"])]) }
            }
            for key in ["总收入", "基本支出", "人员经费", "公用经费", "项目支出", "总支出", "收支差额"] where r[key] != nil {
                rows.append([key, format.text(r[key]!), report.share(r[key], r["总支出"])])
            }
            for p in Year.projects(r) {
                rows.append(["项目 · " + (p["名称"]?.plainText ?? ""), format.text(p["预算"] ?? .unknown), format.text(p["执行率"] ?? .unknown)])
            }
            return rows
        case .list(let items):
            let records = items.compactMap { if case .record(let r) = $0 { r } else { nil } }
            guard records.count == items.count, !records.isEmpty else { return nil }
            var keys: [String] = []
            for r in records { for k in r.keys where !keys.contains(k) { keys.append(k) } }
            return [keys] + records.map { r in keys.map { k in r[k].map { format.text($0) } ?? "" } }
        default:
            return nil
        }
    }

    static func csv(_ rows: [[String]]) -> String {
        rows.map { row in
            row.map { cell in
                cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + cell.replacingAll("\"", with: "\"\"") + "\"" : cell
            }.joined(separator: ",")
        }.joined(separator: "\r\n") + "\r\n"
    }

    static func markdown(_ rows: [[String]]) -> String {
        guard let header = rows.first else { return "" }
        func line(_ cells: [String]) -> String { "| " + cells.map { $0.replacingAll("|", with: "\\|") }.joined(separator: " | ") + " |" }
        return ([line(header), "|" + header.map { _ in " --- |" }.joined()] + rows.dropFirst().map(line)).joined(separator: "\n") + "\n"
    }

    func export(_ value: Value, to path: String, force: Bool, span: SourceSpan) throws(Diagnostic) -> String {
        guard let rows = rows(value) else {
            throw Diagnostic(id: .exportType, "export writes years, scenarios and lists of records; this is a \(value.type.name)", at: span)
        }
        let lower = path.lowercased()
        let text: String
        if lower.hasSuffix(".csv") { text = Exporter.csv(rows) }
        else if lower.hasSuffix(".md") { text = Exporter.markdown(rows) }
        else {
            throw Diagnostic(id: .exportFormat, "export writes .csv or .md files, not \"\(path)\"", at: span)
        }
        try FileText.write(text, to: path, force: force, span: span)
        return "wrote \(rows.count - 1) rows to \(path)"
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
