/// A table as `export` writes it: headers and rows of cells, rendered as CSV or Markdown by the
/// same rules, so the two files always hold the same figures.
///
/// - CSV opens correctly in Excel: UTF-8 with a BOM, CRLF line ends, fields quoted when they hold
///   a comma, a quote or a line break. Numbers are plain (`1188.56`: no grouping, no unit); the unit
///   is in the column header (`金额（万元）`). An unknown figure is an empty cell.
/// - Markdown: a pipe table, number columns right-aligned, `—` for unknown figures, a final newline.
struct ExportTable {
    /// One cell: text, a plain number, or nothing (an unknown figure, or a column a row does not use).
    enum Cell: Equatable {
        case text(String)
        case number(String)
        case empty
    }

    var headers: [String]
    var rows: [[Cell]] = []

    init(headers: [String], rows: [[Cell]] = []) {
        self.headers = headers
        self.rows = rows
    }

    /// A column is right-aligned in Markdown when every cell it fills is a number.
    func isNumeric(_ column: Int) -> Bool {
        var any = false
        for row in rows where column < row.count {
            switch row[column] {
            case .number: any = true
            case .text: return false
            case .empty: break
            }
        }
        return any
    }

    /// UTF-8 with BOM and CRLF, as Excel reads it.
    var csv: String {
        func field(_ text: String) -> String {
            text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + text.replacingAll("\"", with: "\"\"") + "\"" : text
        }
        func line(_ cells: [String]) -> String { cells.map(field).joined(separator: ",") }
        var out = "\u{FEFF}" + line(headers) + "\r\n"
        for row in rows {
            out += line(row.map { cell in
                switch cell {
                case .text(let t), .number(let t): t
                case .empty: ""
                }
            }) + "\r\n"
        }
        return out
    }

    /// A pipe table with number columns right-aligned and a final newline.
    var markdown: String {
        func escaped(_ text: String) -> String {
            text.replacingAll("|", with: "\\|").replacingAll("\r\n", with: " ").replacingAll("\n", with: "<br>")
        }
        func line(_ cells: [String]) -> String { "| " + cells.map(escaped).joined(separator: " | ") + " |" }
        let numeric = headers.indices.map(isNumeric)
        var out = line(headers) + "\n"
        out += "|" + numeric.map { $0 ? " ---: |" : " --- |" }.joined() + "\n"
        for row in rows {
            out += line(headers.indices.map { i in
                guard i < row.count else { return "" }
                switch row[i] {
                case .text(let t), .number(let t): return t
                case .empty: return numeric[i] ? "—" : ""
                }
            }) + "\n"
        }
        return out
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
