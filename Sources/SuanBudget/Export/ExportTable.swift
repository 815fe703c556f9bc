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
    var document: Document { document(numbersInText: false) }

    /// The table as a workbook holds it: as ``document``, except that a number in a column that
    /// also holds text (a 年度指标值 of 3300 beside a 定性 达成) stays a number (`.value`), so that
    /// the workbook writes it as one rather than as text.
    /// The sheet is named `title` (`比较`, `年度`, `项目`), not `Sheet1`.
    func workbookDocument(title: String) -> Document { document(numbersInText: true, title: title) }

    func document(numbersInText: Bool, title: String? = nil) -> Document {
        let numeric = headers.indices.map(isNumeric)
        var table = Document.Table(title: title, columns: headers.indices.map { Document.Column(headers[$0], kind: numeric[$0] ? .number : .text) })
        // A row whose 单位 is % (compare's shares and rates) holds percentages: in a workbook, a
        // fraction with a percent format, as the year export's 占比 column.
        let unitColumn = numbersInText ? headers.firstIndex(of: "单位") : nil
        for (r, row) in rows.enumerated() {
            let percentRow = unitColumn.map { $0 < row.count && row[$0] == .text("%") } ?? false
            table.add(headers.indices.map { i -> Document.Cell in
                guard i < row.count else { return .empty }
                switch row[i] {
                case .number(let t) where percentRow:
                    guard let d = try? ExactDecimal(parsing: t), let fraction = try? d.multiplied(by: RatioStyle.percent.factor) else { return .text(t) }
                    return .value(.ratio(fraction, .percent))
                case .number(let t) where numbersInText && !numeric[i]:
                    guard let d = try? ExactDecimal(parsing: t) else { return .text(t) }
                    return .value(.number(d))
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
