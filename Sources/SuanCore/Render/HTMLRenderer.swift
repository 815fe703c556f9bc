/// Renders documents as a self-contained HTML fragment: classes instead of inline styles (the page
/// styles them), number cells marked `num`, charts as inline SVG, diagnostics as preformatted text.
public struct HTMLRenderer: Sendable {
    public var format: ValueFormatter
    public var sources: [SourceFile]

    public init(format: ValueFormatter = ValueFormatter(), sources: [SourceFile] = []) {
        self.format = format
        self.sources = sources
    }

    public static func escaped(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }

    public func render(_ document: Document) -> String {
        "<div class=\"suan-doc\">\n" + document.blocks.map(render).joined() + "</div>\n"
    }

    func markup(_ m: Markup) -> String {
        m.spans.map { span in
            span.style == .plain ? HTMLRenderer.escaped(span.text)
                : "<span class=\"suan-\(span.style)\">\(HTMLRenderer.escaped(span.text))</span>"
        }.joined()
    }

    public func render(_ block: Document.Block) -> String {
        switch block {
        case .heading(let text, let level):
            let h = max(1, min(6, level + 1))
            return "<h\(h)>\(HTMLRenderer.escaped(text))</h\(h)>\n"
        case .paragraph(let m):
            return "<p>\(markup(m))</p>\n"
        case .value(let value, let type, let label):
            return "<p class=\"suan-result\" data-type=\"\(HTMLRenderer.escaped(type.name))\">"
                + (label.map { "<span class=\"suan-name\">\(HTMLRenderer.escaped($0))</span> = " } ?? "")
                + markup(format.markup(value)) + "</p>\n"
        case .table(let table):
            return render(table)
        case .chart(let chart):
            return SVGChart(format: format).render(chart)
        case .diagnostic(let d):
            return "<pre class=\"suan-diagnostic suan-\(d.severity.rawValue)\" data-id=\"\(d.id.rawValue)\">"
                + HTMLRenderer.escaped(DiagnosticRenderer(language: format.language).render(d, in: sources)) + "</pre>\n"
        }
    }

    public func render(_ table: Document.Table) -> String {
        let kinds = table.kinds
        var out = "<table class=\"suan-table\">\n"
        if let title = table.title { out += "<caption>\(HTMLRenderer.escaped(title))</caption>\n" }
        out += "<thead><tr>" + table.columns.indices.map { i in
            "<th\(kinds[i].isNumeric ? " class=\"num\"" : "")>\(HTMLRenderer.escaped(table.columns[i].title))</th>"
        }.joined() + "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            // A sum's row is marked (`class="subtotal"`, `"total"`) so that a page's CSS can set it off.
            let classes = (row.level > 0 ? ["level-\(row.level)"] : []) + (row.role == .item ? [] : [row.role.rawValue])
            out += classes.isEmpty ? "<tr>" : "<tr class=\"\(classes.joined(separator: " "))\">"
            for i in table.columns.indices {
                let cell = i < row.cells.count ? row.cells[i] : .empty
                let content: String = switch cell {
                case .empty: ""
                case .text(let s): HTMLRenderer.escaped(s)
                case .value(let v): markup(format.markup(v))
                case .change(let v): HTMLRenderer.escaped(format.signedText(v))
                }
                out += "<td\(kinds[i].isNumeric ? " class=\"num\"" : "")>\(content)</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n"
        if !table.footnotes.isEmpty {
            out += "<tfoot>" + table.footnotes.map { "<tr><td colspan=\"\(table.columns.count)\">\(HTMLRenderer.escaped($0))</td></tr>" }.joined() + "</tfoot>\n"
        }
        return out + "</table>\n"
    }
}
