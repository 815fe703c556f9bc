/// Renders documents as JSON for programs (the notebook kernel, the browser view, scripts): one object
/// per block, one per line. Field names are stable; numbers are exact decimal strings, never binary
/// floating point. docs/json.md describes every field.
///
///     {"kind":"value","type":"Money","text":"3.00万元","exact":"30000","unit":"元"}
public struct JSONRenderer: Sendable {
    public var format: ValueFormatter
    public var sources: [SourceFile]

    public init(format: ValueFormatter = ValueFormatter(), sources: [SourceFile] = []) {
        self.format = format
        self.sources = sources
    }

    /// A JSON string literal.
    public static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// An object from ordered fields whose values are already JSON.
    static func object(_ fields: [(String, String)]) -> String {
        "{" + fields.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }

    static func array(_ items: [String]) -> String { "[" + items.joined(separator: ",") + "]" }

    /// Each block as one line of JSON.
    public func render(_ document: Document) -> String {
        document.blocks.map { render($0) + "\n" }.joined()
    }

    public func render(_ block: Document.Block) -> String {
        switch block {
        case .heading(let text, let level):
            return JSONRenderer.object([("kind", JSONRenderer.string("heading")), ("text", JSONRenderer.string(text)), ("level", String(level))])
        case .paragraph(let m):
            return JSONRenderer.object([("kind", JSONRenderer.string("text")), ("text", JSONRenderer.string(m.plain))])
        case .value(let value, let type, let label):
            var fields = [("kind", JSONRenderer.string("value"))] + self.value(value, type: type)
            if let label { fields.append(("label", JSONRenderer.string(label))) }
            return JSONRenderer.object(fields)
        case .table(let table):
            return render(table)
        case .chart(let chart):
            return JSONRenderer.object([
                ("kind", JSONRenderer.string("chart")),
                ("title", chart.title.map(JSONRenderer.string) ?? "null"),
                ("series", JSONRenderer.array(chart.series.map(JSONRenderer.string))),
                ("categories", JSONRenderer.array(chart.categories.map { c in
                    JSONRenderer.object([("label", JSONRenderer.string(c.label)), ("level", String(c.level)),
                                         ("values", JSONRenderer.array(c.values.map { cell(.value($0)) }))])
                })),
            ])
        case .diagnostic(let d):
            return diagnostic(d)
        }
    }

    /// A value's fields: type, display text, exact value in its base unit (money in 元, ratios as
    /// fractions, counts in their word), and the unit.
    func value(_ v: Value, type: SuanType? = nil) -> [(String, String)] {
        var fields: [(String, String)] = [("type", JSONRenderer.string((type == nil || type == .any ? v.type : type!).name)),
                                          ("text", JSONRenderer.string(format.text(v)))]
        let unit: String? = switch v {
        case .money: "元"
        case .rate(_, _, let t): "元/\(t)"
        case .ratio: "1"
        case .quantity(_, let t): t
        case .number, .year: ""
        default: nil
        }
        if let d = v.decimal, let unit {
            fields.append(("exact", JSONRenderer.string(d.normalized.exactText)))
            fields.append(("unit", JSONRenderer.string(unit)))
        }
        if case .unknown = v { fields.append(("exact", "null")) }
        return fields
    }

    func cell(_ c: Document.Cell) -> String {
        switch c {
        case .empty: "null"
        case .text(let s): JSONRenderer.string(s)
        case .value(let v): JSONRenderer.object(value(v))
        case .change(let v): JSONRenderer.object(value(v) + [("change", "true")])
        }
    }

    public func render(_ table: Document.Table) -> String {
        let kinds = table.kinds
        return JSONRenderer.object([
            ("kind", JSONRenderer.string("table")),
            ("title", table.title.map(JSONRenderer.string) ?? "null"),
            ("columns", JSONRenderer.array(table.columns.indices.map { i in
                JSONRenderer.object([("title", JSONRenderer.string(table.columns[i].title)),
                                     ("numeric", kinds[i].isNumeric ? "true" : "false"),
                                     ("unit", kinds[i].unit.map(JSONRenderer.string) ?? "null")])
            })),
            ("rows", JSONRenderer.array(table.rows.map { row in
                JSONRenderer.object([("level", String(row.level)),
                                     ("cells", JSONRenderer.array(table.columns.indices.map { i in i < row.cells.count ? cell(row.cells[i]) : "null" }))])
            })),
            ("footnotes", JSONRenderer.array(table.footnotes.map(JSONRenderer.string))),
        ])
    }

    func diagnostic(_ d: Diagnostic) -> String {
        var fields: [(String, String)] = [
            ("kind", JSONRenderer.string("diagnostic")),
            ("severity", JSONRenderer.string(d.severity.rawValue)),
            ("id", JSONRenderer.string(d.id.rawValue)),
            ("message", JSONRenderer.string(d.text.text(in: format.language))),
        ]
        if d.span.file >= 0, Int(d.span.file) < sources.count {
            let file = sources[Int(d.span.file)]
            let (line, column) = file.position(of: Int(d.span.start))
            let (endLine, endColumn) = file.position(of: max(Int(d.span.start), Int(d.span.end)))
            fields += [("file", JSONRenderer.string(file.name)), ("line", String(line)), ("column", String(column)),
                       ("endLine", String(endLine)), ("endColumn", String(endColumn))]
            if let cell = file.cells?.reference(at: Int(d.span.start)) { fields.append(("cell", JSONRenderer.string(cell))) }
        }
        fields.append(("notes", JSONRenderer.array(d.notes.map { JSONRenderer.string($0.text(in: format.language)) })))
        // In a module: where it was used, innermost first (only then, so other diagnostics keep their shape).
        let uses = d.usedAt.compactMap { span -> String? in
            guard span.file >= 0, Int(span.file) < sources.count else { return nil }
            let file = sources[Int(span.file)]
            let (line, column) = file.position(of: Int(span.start))
            return JSONRenderer.object([("file", JSONRenderer.string(file.name)), ("line", String(line)), ("column", String(column))])
        }
        if !uses.isEmpty { fields.append(("usedAt", JSONRenderer.array(uses))) }
        fields.append(("rendered", JSONRenderer.string(DiagnosticRenderer(language: format.language).render(d, in: sources))))
        return JSONRenderer.object(fields)
    }
}
