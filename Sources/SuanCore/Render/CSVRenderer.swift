/// Renders the tables of a document as CSV that Excel opens correctly: UTF-8 with a byte-order mark
/// (for files), CRLF line ends, numbers as plain numbers in their column's unit with the unit in the
/// header (`金额（万元）`, `占比（%）`), unknown figures as empty cells.
public struct CSVRenderer: Sendable {
    public var format: ValueFormatter
    /// Whether to start with a byte-order mark, which Excel needs to read UTF-8 (files: yes; a pipe: no).
    public var byteOrderMark: Bool

    public init(format: ValueFormatter = ValueFormatter(), byteOrderMark: Bool = true) {
        self.format = format
        self.byteOrderMark = byteOrderMark
    }

    /// One field, quoted when it holds a comma, a quote or a line end.
    public static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        var out = "\""
        for c in s { if c == "\"" { out += "\"\"" } else { out.append(c) } }
        return out + "\""
    }

    /// The tables of `document`, one after another with a blank line between them; nil when it has none.
    public func render(_ document: Document) -> String? {
        let tables = document.tabular
        guard !tables.isEmpty else { return nil }
        return (byteOrderMark ? "\u{FEFF}" : "") + tables.map(rows).joined(separator: "\r\n")
    }

    func rows(_ table: Document.Table) -> String {
        let kinds = table.kinds
        // Columns that mix kinds (compare: 万元 rows beside % rows) get their unit per row, in a
        // 单位 column after the first, and plain numbers in that unit.
        let mixed = kinds.contains(.mixed)
        var header = table.columns.indices.map { i -> String in
            let title = table.columns[i].title
            return kinds[i].unit.map { "\(title)（\($0)）" } ?? title
        }
        if mixed { header.insert("单位", at: min(1, header.count)) }
        var lines = [header.map(CSVRenderer.field).joined(separator: ",")]
        for row in table.rows {
            let rowKind: Document.Column.Kind? = mixed
                ? table.columns.indices.lazy.filter { kinds[$0] == .mixed && $0 < row.cells.count }
                    .compactMap { row.cells[$0].value.flatMap(Document.Column.Kind.init(of:)) }.first { $0.unit != nil }
                : nil
            var cells = table.columns.indices.map { i -> String in
                guard i < row.cells.count else { return "" }
                switch row.cells[i] {
                case .empty: return ""
                case .text(let s): return s
                case .value(let v), .change(let v):
                    if case .unknown = v { return "" }
                    if kinds[i] == .mixed, let k = rowKind, let plain = k.plainNumber(v) { return plain }
                    return kinds[i].plainNumber(v) ?? format.text(v)
                }
            }
            if mixed { cells.insert(rowKind?.unit ?? "", at: min(1, cells.count)) }
            lines.append(cells.map(CSVRenderer.field).joined(separator: ","))
        }
        for note in table.footnotes { lines.append(CSVRenderer.field(note)) }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
