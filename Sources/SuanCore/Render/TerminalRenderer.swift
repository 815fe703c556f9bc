/// Renders documents for a terminal or a pipe: colour when asked, columns aligned by display width
/// (CJK counts two), decimal points aligned within a number column, and every line fitted to a
/// width — a table too wide is folded into blocks of columns that each repeat the first column.
public struct TerminalRenderer: Sendable {
    public var format: ValueFormatter
    public var colour: Bool
    /// The widest line to print, in display columns; nil for unlimited (a pipe).
    public var width: Int?
    /// Block characters for bars; `#` when the terminal is not UTF-8.
    public var unicode: Bool
    public var sources: [SourceFile]
    /// The layout of the last table, which its continuations (a long table streamed in parts) reuse.
    public let layouts: LayoutMemory

    /// `layouts` carries a streamed table's layout from one part to the next; front ends that print
    /// event by event keep one for the run.
    public init(format: ValueFormatter = ValueFormatter(), colour: Bool = false, width: Int? = nil, unicode: Bool = true,
                sources: [SourceFile] = [], layouts: LayoutMemory = LayoutMemory()) {
        self.format = format
        self.colour = colour
        self.width = width
        self.unicode = unicode
        self.sources = sources
        self.layouts = layouts
    }

    /// Column widths and decimal-point positions of a table, kept for the parts that follow it.
    public final class LayoutMemory: @unchecked Sendable {
        var last: Layout?
        public init() {}
    }

    struct Layout {
        var widths: [Int]
        /// Per number column, the widths left and right of the decimal point.
        var splits: [(Int, Int)?]
        var blocks: [[Int]]
        var firstWidth: [Int]
    }

    public func render(_ document: Document) -> String {
        // A blank line between the parts of a document (a title, its tables), as a report reads.
        document.blocks.map(render).joined(separator: "\n\n")
    }

    func paint(_ text: String, _ style: Markup.Style) -> String { Markup(text, style).rendered(colour: colour) }

    public func render(_ block: Document.Block) -> String {
        switch block {
        case .heading(let text, let level):
            return paint(text, .heading)
        case .paragraph(let markup):
            guard let width, DisplayWidth.of(markup.plain) > width else { return markup.rendered(colour: colour) }
            return TerminalRenderer.wrapped(markup.plain, to: width).joined(separator: "\n")
        case .value(let value, _, let label):
            let text = format.markup(value).rendered(colour: colour)
            return label.map { paint($0, .name) + " = " + text } ?? text
        case .table(let table):
            return render(table)
        case .chart(let chart):
            return render(chart)
        case .diagnostic(let d):
            return DiagnosticRenderer(colour: colour, language: format.language).render(d, in: sources)
        }
    }

    // MARK: Tables

    /// The text of a cell as the terminal shows it.
    func text(_ cell: Document.Cell) -> String {
        switch cell {
        case .empty: ""
        case .text(let s): s
        case .value(let v): format.text(v)
        case .change(let v): format.signedText(v)
        }
    }

    /// A number's text split at its decimal point (or after its last digit), so points line up.
    static func split(_ text: String) -> (String, String) {
        let scalars = Array(text.unicodeScalars)
        var lastDigit: Int? = nil
        for (i, s) in scalars.enumerated() {
            if s == ".", i > 0, ("0"..."9").contains(scalars[i - 1]) {
                return (String(String.UnicodeScalarView(scalars[..<i])), String(String.UnicodeScalarView(scalars[i...])))
            }
            if ("0"..."9").contains(s) { lastDigit = i }
        }
        guard let end = lastDigit else { return (text, "") }
        return (String(String.UnicodeScalarView(scalars[...end])), String(String.UnicodeScalarView(scalars[(end + 1)...])))
    }

    /// Cells laid out as text: numbers aligned at their decimal points (by `splits` when a previous
    /// part fixed them), the first column indented by level.
    func laidOut(_ table: Document.Table, splits given: [(Int, Int)?]?) -> (rows: [[String]], numeric: [Bool], splits: [(Int, Int)?]) {
        let kinds = table.kinds
        let numeric = kinds.map(\.isNumeric)
        var rows = table.rows.map { row in
            table.columns.indices.map { i -> String in
                let t = i < row.cells.count ? text(row.cells[i]) : ""
                return i == 0 && row.level > 0 ? String(repeating: "  ", count: row.level) + t : t
            }
        }
        var splits: [(Int, Int)?] = Array(repeating: nil, count: table.columns.count)
        // Decimal points line up in a column of one kind (amounts, percentages, scores); a column
        // mixing kinds (万元 beside 个百分点) is right-aligned as a whole.
        // A column of years (年度) is a label: `2020` beside `年均增长`, not a figure to line up.
        for c in table.columns.indices where numeric[c] && kinds[c] != .mixed && !table.holdsYears(c) {
            let parts = rows.map { TerminalRenderer.split($0[c]) }
            var left = parts.map { DisplayWidth.of($0.0) }.max() ?? 0
            var right = parts.map { DisplayWidth.of($0.1) }.max() ?? 0
            if let given, c < given.count, let fixed = given[c] { left = max(left, fixed.0); right = max(right, fixed.1) }
            splits[c] = (left, right)
            for r in rows.indices where !rows[r][c].isEmpty {
                // `—` and other text without digits sit at the right edge, as the column's figures end.
                guard rows[r][c].unicodeScalars.contains(where: { ("0"..."9").contains($0) }) else {
                    rows[r][c] = DisplayWidth.pad(rows[r][c], to: left + right, alignRight: true)
                    continue
                }
                rows[r][c] = DisplayWidth.pad(parts[r].0, to: left, alignRight: true) + DisplayWidth.pad(parts[r].1, to: right)
            }
        }
        return (rows, numeric, splits)
    }

    public func render(_ table: Document.Table) -> String {
        let previous = table.isContinuation ? layouts.last : nil
        let (rows, numeric, splits) = laidOut(table, splits: previous?.splits)
        let header = table.columns.map(\.title)
        var widths = previous?.widths ?? header.map { DisplayWidth.of($0) }
        if previous == nil {
            for row in rows { for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], DisplayWidth.of(cell)) } }
        }
        let blocks = previous?.blocks ?? self.blocks(widths)
        // Long names are cut only when nothing else lets a block fit.
        let firstWidths = previous?.firstWidth ?? blocks.map { block -> Int in
            guard let limit = width, block.count > 1 else { return widths[0] }
            let rest = block.dropFirst().reduce(0) { $0 + widths[$1] + 2 }
            return widths[0] + rest > limit ? max(8, limit - rest) : widths[0]
        }
        layouts.last = Layout(widths: widths, splits: splits, blocks: blocks, firstWidth: firstWidths)
        var out: [String] = []
        if let title = table.title, !table.isContinuation { out.append(paint(title, .heading)) }
        for (b, block) in blocks.enumerated() {
            var lines: [String] = []
            let firstWidth = firstWidths[b]
            func line(_ cells: [String], _ style: Markup.Style?) -> String {
                var s = ""
                for (n, i) in block.enumerated() {
                    if n > 0 { s += "  " }
                    let w = i == 0 ? firstWidth : widths[i]
                    let cell = i == 0 ? DisplayWidth.truncated(cells[i], to: w) : cells[i]
                    let padded = DisplayWidth.pad(cell, to: w, alignRight: i > 0 && numeric[i])
                    s += style.map { paint(padded, $0) } ?? padded
                }
                while s.hasSuffix(" ") { s.removeLast() }
                return s
            }
            if !table.isContinuation {
                lines.append(line(header, .heading))
                lines.append(block.map { String(repeating: "─", count: $0 == 0 ? firstWidth : widths[$0]) }.joined(separator: "  "))
            }
            for row in rows { lines.append(line(row, nil)) }
            out.append(lines.joined(separator: "\n"))
        }
        var text = out.joined(separator: "\n\n")
        for note in table.footnotes {
            let lines = width.map { TerminalRenderer.wrapped(note, to: $0) } ?? [note]
            for line in lines { text += "\n" + paint(line, .dim) }
        }
        return text
    }

    /// Text broken into lines of at most `width` display columns: at a space where there is one,
    /// else between characters (Chinese has no spaces between words).
    static func wrapped(_ text: String, to width: Int) -> [String] {
        guard width > 0 else { return [text] }
        var lines: [String] = []
        var line = "", used = 0
        var lastSpace: String.Index? = nil
        for c in text {
            let w = DisplayWidth.of(String(c))
            if used + w > width && !line.isEmpty {
                if let space = lastSpace, c != " " {
                    let rest = String(line[line.index(after: space)...])
                    lines.append(String(line[..<space]))
                    line = rest
                    used = DisplayWidth.of(rest)
                } else {
                    lines.append(line)
                    line = ""
                    used = 0
                }
                lastSpace = nil
                if c == " " { continue }
            }
            if c == " " { lastSpace = line.endIndex }
            line.append(c)
            used += w
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// Column indices in blocks that each fit the width, every block starting with column 0.
    func blocks(_ widths: [Int]) -> [[Int]] {
        guard let limit = width, widths.count > 2, widths.reduce(0, +) + 2 * (widths.count - 1) > limit else {
            return [Array(widths.indices)]
        }
        var result: [[Int]] = []
        var current = [0]
        var used = widths[0]
        for i in 1..<widths.count {
            if current.count > 1 && used + 2 + widths[i] > limit {
                result.append(current)
                current = [0]
                used = widths[0]
            }
            current.append(i)
            used += 2 + widths[i]
        }
        result.append(current)
        return result
    }

    // MARK: Charts

    /// Horizontal bars, one per category and series, drawn from an axis; negative values to its left.
    public func render(_ chart: Document.Chart) -> String {
        var rows: [(label: String, value: Value, series: Int)] = []
        for c in chart.categories {
            let indent = String(repeating: "  ", count: c.level)
            for (s, v) in c.values.enumerated() {
                let label = chart.series.count > 1 ? indent + c.label + " · " + chart.series[s] : indent + c.label
                rows.append((label, v, s))
            }
        }
        let magnitudes = rows.map { $0.value.decimal ?? .zero }
        let largest = magnitudes.filter { !$0.isNegative }.max() ?? .zero
        let deepest = magnitudes.filter(\.isNegative).map(\.magnitude).max() ?? .zero
        let labelWidth = rows.map { DisplayWidth.of($0.label) }.max() ?? 0
        let valueWidth = rows.map { DisplayWidth.of(format.text($0.value)) }.max() ?? 0
        var barWidth = 40
        if let limit = width { barWidth = max(10, min(40, limit - labelWidth - valueWidth - 4)) }
        let total = (try? largest.adding(deepest)) ?? largest
        func cells(_ x: ExactDecimal) -> Int {
            guard !total.isZero, let f = try? x.divided(by: total).multiplied(by: ExactDecimal(barWidth * 8)) else { return 0 }
            return Int(f.rounded(toScale: 0, mode: .halfAwayFromZero).coefficient)
        }
        let leftCells = (cells(deepest) + 7) / 8
        let palette: [Markup.Style] = [.value, .unit, .keyword, .warning]
        var lines: [String] = []
        if let title = chart.title { lines.append(paint(title, .heading)) }
        for (i, row) in rows.enumerated() {
            let x = magnitudes[i]
            let eighths = cells(x.magnitude)
            var bar = TerminalRenderer.bar(eighths, unicode: unicode)
            let style = palette[row.series % palette.count]
            let axis = unicode ? "│" : "|"
            var left = String(repeating: " ", count: leftCells)
            if x.isNegative {
                let drawn = String(repeating: unicode ? "█" : "#", count: (eighths + 7) / 8)
                left = String(repeating: " ", count: max(0, leftCells - drawn.count)) + paint(drawn, style)
                bar = ""
            } else {
                bar = paint(bar, style)
            }
            let unknown: Bool = if case .unknown = row.value { true } else { false }
            lines.append(DisplayWidth.pad(row.label, to: labelWidth) + " " + (leftCells > 0 ? left : "") + axis + (unknown ? "" : bar) + " " + format.text(row.value))
        }
        if chart.series.count > 1 {
            lines.append(chart.series.enumerated().map { paint(unicode ? "■" : "#", palette[$0.offset % palette.count]) + " " + $0.element }.joined(separator: "  "))
        }
        return lines.joined(separator: "\n")
    }

    /// A bar of `eighths` eighths of a cell.
    static func bar(_ eighths: Int, unicode: Bool) -> String {
        if !unicode { return String(repeating: "#", count: (eighths + 4) / 8) }
        let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        return String(repeating: "█", count: eighths / 8) + partial[eighths % 8]
    }
}
