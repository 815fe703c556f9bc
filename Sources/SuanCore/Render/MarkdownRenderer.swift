/// Renders documents as Markdown: tables with right-aligned number columns, titles and footnotes,
/// values as text, diagnostics as fenced blocks; always ending in a newline.
public struct MarkdownRenderer: Sendable {
    public var format: ValueFormatter
    public var sources: [SourceFile]

    public init(format: ValueFormatter = ValueFormatter(), sources: [SourceFile] = []) {
        self.format = format
        self.sources = sources
    }

    public func render(_ document: Document) -> String {
        document.blocks.map(render).joined(separator: "\n") 
    }

    static func escaped(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "|": out += "\\|"
            case "\n": out += "<br>"
            default: out.append(c)
            }
        }
        return out
    }

    public func render(_ block: Document.Block) -> String {
        switch block {
        case .heading(let text, let level):
            return String(repeating: "#", count: max(1, min(6, level + 1))) + " " + text + "\n"
        case .paragraph(let markup):
            return markup.plain + "\n"
        case .value(let value, _, let label):
            return (label.map { "\($0) = " } ?? "") + format.text(value) + "\n"
        case .table(let table):
            return render(table)
        case .chart(let chart):
            // A chart in Markdown is its figures as a table.
            return render(chart.table)
        case .diagnostic(let d):
            return "```\n" + DiagnosticRenderer(language: format.language).render(d, in: sources) + "\n```\n"
        }
    }

    public func render(_ table: Document.Table) -> String {
        let kinds = table.kinds
        func cell(_ c: Document.Cell) -> String {
            switch c {
            case .empty: ""
            case .text(let s): MarkdownRenderer.escaped(s)
            case .value(let v): MarkdownRenderer.escaped(format.text(v))
            case .change(let v): MarkdownRenderer.escaped(format.signedText(v))
            }
        }
        var lines: [String] = []
        if let title = table.title { lines.append("**\(MarkdownRenderer.escaped(title))**"); lines.append("") }
        lines.append("| " + table.columns.map { MarkdownRenderer.escaped($0.title) }.joined(separator: " | ") + " |")
        lines.append("|" + kinds.map { $0.isNumeric ? " ---: |" : " --- |" }.joined())
        for row in table.rows {
            let cells = table.columns.indices.map { i -> String in
                let text = i < row.cells.count ? cell(row.cells[i]) : ""
                // Indentation survives Markdown as non-breaking spaces; the first level stays flush, so
                // a line reads `| 基本支出 |` as it is named.
                return i == 0 && row.level > 1 ? String(repeating: "\u{00A0}\u{00A0}", count: row.level - 1) + text : text
            }
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        if !table.footnotes.isEmpty {
            lines.append("")
            lines += table.footnotes.map(MarkdownRenderer.escaped)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
