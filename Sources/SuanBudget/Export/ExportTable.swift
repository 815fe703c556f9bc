import SuanCore

/// A table as `export` writes it: headers (with units, `金额（万元）`) and rows of cells that are
/// already plain numbers (`1188.56`: no grouping, no unit) or text; turned into a document that the
/// renderers write as CSV (what Excel and `load` read), Markdown, HTML or JSON.
struct ExportTable {
    /// One cell: text, a plain number, or nothing (an unknown figure, or a column a row does not use).
    enum Cell: Equatable {
        case text(String)
        case number(String)
        case empty
    }

    var headers: [String]
    var rows: [[Cell]] = []
    /// What each row is (a grouped list's subtotals and total); rows past its end are items.
    var roles: [Document.Row.Role] = []

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

    /// The table as a document, for the renderers (`export` writes CSV, Markdown, HTML or JSON from
    /// it): a column whose cells are numbers is a number column; an empty number cell is an unknown
    /// figure (empty in CSV, `—` elsewhere).
    var document: Document {
        let numeric = headers.indices.map(isNumeric)
        var table = Document.Table(columns: headers.indices.map { Document.Column(headers[$0], kind: numeric[$0] ? .number : .text) })
        for (r, row) in rows.enumerated() {
            table.add(headers.indices.map { i -> Document.Cell in
                guard i < row.count else { return .empty }
                switch row[i] {
                case .text(let t), .number(let t): return .text(t)
                case .empty: return numeric[i] ? .value(.unknown) : .empty
                }
            }, role: r < roles.count ? roles[r] : .item)
        }
        return Document([.table(table)])
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
