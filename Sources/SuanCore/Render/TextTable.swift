/// A plain-text table aligned by display width (CJK counts two columns).
public struct TextTable: Sendable {
    public enum Alignment: Sendable { case left, right }

    public var headers: [String]
    public var alignments: [Alignment]
    public var rows: [[String]] = []

    public init(headers: [String], alignments: [Alignment]? = nil) {
        self.headers = headers
        self.alignments = alignments ?? headers.indices.map { $0 == 0 ? .left : .right }
    }

    public mutating func add(_ row: [String]) { rows.append(row) }

    /// Column widths for the headers and the rows so far.
    public var widths: [Int] {
        var w = headers.map { DisplayWidth.of($0) }
        for row in rows {
            for (i, cell) in row.enumerated() where i < w.count { w[i] = max(w[i], DisplayWidth.of(cell)) }
        }
        return w
    }

    public func line(_ cells: [String], widths: [Int]) -> String {
        var out = ""
        for (i, cell) in cells.enumerated() {
            let width = i < widths.count ? widths[i] : DisplayWidth.of(cell)
            let alignment = i < alignments.count ? alignments[i] : .right
            if i > 0 { out += "  " }
            out += DisplayWidth.pad(cell, to: width, alignRight: alignment == .right)
        }
        while out.hasSuffix(" ") { out.removeLast() }
        return out
    }

    public func rule(widths: [Int]) -> String {
        widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
    }

    public var rendered: String {
        let w = widths
        var lines = [line(headers, widths: w), rule(widths: w)]
        for row in rows { lines.append(line(row, widths: w)) }
        return lines.joined(separator: "\n")
    }
}
