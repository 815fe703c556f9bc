/// A result as data: what `show`, `compare`, `chart`, `explain`, `table`, `estimate`, a value or a
/// diagnostic produces. Nothing in it is formatted for one output: the renderers
/// (``TerminalRenderer``, ``MarkdownRenderer``, ``CSVRenderer``, ``HTMLRenderer``, ``JSONRenderer``)
/// turn the same document into colour text fitted to a terminal, Markdown, CSV for Excel, an HTML
/// fragment or JSON for programs — as Numbat's markup serves its CLI and web front ends.
public struct Document: Sendable {
    public var blocks: [Block]

    public init(_ blocks: [Block] = []) { self.blocks = blocks }

    /// One part of a document.
    public enum Block: Sendable {
        /// A heading (`# ## 小节` in a trainer's script, a table's title).
        case heading(String, level: Int)
        /// Text runs with roles (names, values, units, warnings).
        case paragraph(Markup)
        /// The value of an expression, its static type, and a label when it has one (`合计 = 102.73%`).
        case value(Value, type: SuanType, label: String?)
        case table(Table)
        case chart(Chart)
        /// An error, warning or note; rendered against the session's sources.
        case diagnostic(Diagnostic)
    }

    /// The field of an explanation record (`{标题: "…", 依据: […], 方法: […]}`) that titles its tables.
    public static let titleField = "标题"

    public static func + (a: Document, b: Document) -> Document { Document(a.blocks + b.blocks) }

    public mutating func append(_ block: Block) { blocks.append(block) }

    /// A document holding one paragraph of plain text.
    public static func text(_ text: String, _ style: Markup.Style = .plain) -> Document {
        Document([.paragraph(Markup(text, style))])
    }

    /// Whether the document is one table (and perhaps a title): `--format csv` writes such documents.
    public var tables: [Table] {
        blocks.compactMap { if case .table(let t) = $0 { t } else { nil } }
    }

    /// The tables, and each chart as the table of its figures: what a spreadsheet or CSV holds.
    public var tabular: [Table] {
        tables + blocks.compactMap { if case .chart(let c) = $0 { c.table } else { nil } }
    }
}

extension Document {
    /// A table: typed columns, rows of cells, footnotes. Cells keep their values, so each renderer
    /// decides how a number shows (aligned text, a plain number in the column's unit, an exact string).
    public struct Table: Sendable {
        public var title: String?
        public var columns: [Column]
        public var rows: [Row]
        /// Lines under the table (`— 新项目 · 得分（S）：无绩效指标`, a projection rule).
        public var footnotes: [String]
        /// More rows of the table before it: a long table streams in parts, and a renderer lays a
        /// continuation out as the first part (same widths, no header) instead of as a new table.
        public var isContinuation = false

        public init(title: String? = nil, columns: [Column], rows: [Row] = [], footnotes: [String] = []) {
            self.title = title
            self.columns = columns
            self.rows = rows
            self.footnotes = footnotes
        }

        /// A table whose columns are given by title; kinds are inferred from the cells when rendered.
        public init(title: String? = nil, headers: [String], rows: [[Cell]] = [], footnotes: [String] = []) {
            self.init(title: title, columns: headers.map { Column($0) }, rows: rows.map { Row($0) }, footnotes: footnotes)
        }

        public mutating func add(_ cells: [Cell], level: Int = 0) { rows.append(Row(cells, level: level)) }

        /// The kind of each column: from its declaration, else from the values in it.
        public var kinds: [Column.Kind] {
            columns.indices.map { i in
                if columns[i].kind != .inferred { return columns[i].kind }
                var seen: Column.Kind? = nil
                for row in rows where i < row.cells.count {
                    guard let v = row.cells[i].value, let kind = Column.Kind(of: v) else { continue }
                    if seen == nil { seen = kind } else if seen != kind { return .mixed }
                }
                return seen ?? .text
            }
        }
    }

    /// A column: its title, what it holds (for alignment and export units) and how it aligns.
    public struct Column: Sendable {
        public enum Kind: Sendable, Equatable {
            /// Decided from the cells.
            case inferred
            case text
            case number
            case money(MoneyUnit)
            case rate(MoneyUnit, String)
            case ratio(RatioStyle)
            case quantity(String)
            /// Numbers of different kinds (a Δ column of 万元 and 个百分点): shown with their units.
            case mixed

            public init?(of value: Value) {
                switch value {
                case .number, .year: self = .number
                case .money(_, let u): self = .money(u)
                case .rate(_, let u, let t): self = .rate(u, t)
                case .ratio(_, let s): self = .ratio(s)
                case .quantity(_, let t): self = .quantity(t)
                case .target: self = .mixed
                default: return nil
                }
            }

            public var isNumeric: Bool { self != .text && self != .inferred }

            /// The unit a column's plain numbers are in, for its header (`金额（万元）`); nil for none.
            public var unit: String? {
                switch self {
                case .money(let u): u.rawValue
                case .rate(let u, let t): "\(u.rawValue)/\(t)"
                case .ratio(let s): s.rawValue
                case .quantity(let t): t
                case .inferred, .text, .number, .mixed: nil
                }
            }

            /// A value as a plain number in this column's unit (`1188.56` for 1188.56万元), exact up
            /// to 10 decimals; nil when the value is not of this kind.
            public func plainNumber(_ value: Value) -> String? {
                let x: ExactDecimal
                switch (self, value) {
                case (.number, .number(let d)): x = d
                case (.number, .year(let y)): return String(y)
                case (.money(let u), .money(let d, _)), (.rate(let u, _), .rate(let d, _, _)):
                    guard let v = try? d.divided(by: u.factor) else { return nil }
                    x = v
                case (.ratio(let s), .ratio(let d, _)):
                    guard let v = try? d.divided(by: s.factor) else { return nil }
                    x = v
                case (.quantity, .quantity(let d, _)): x = d
                default: return nil
                }
                // Amounts are exact; a share or rate (a quotient) is kept to 4 decimals of its unit.
                let places = if case .ratio = self { 4 } else { 10 }
                let r = x.significantScale > places ? x.rounded(toScale: places, mode: .halfEven).normalized : x.normalized
                return r.exactText
            }
        }

        public var title: String
        public var kind: Kind

        public init(_ title: String, kind: Kind = .inferred) {
            self.title = title
            self.kind = kind
        }
    }

    /// A row; `level` indents it under the row above (人员经费 under 基本支出, projects under 项目支出).
    public struct Row: Sendable {
        public var cells: [Cell]
        public var level: Int

        public init(_ cells: [Cell], level: Int = 0) {
            self.cells = cells
            self.level = level
        }
    }

    /// A cell: empty, text, or a value that each renderer formats.
    public enum Cell: Sendable {
        case empty
        case text(String)
        case value(Value)
        /// A change from a base (compare's Δ): shown with its sign, `+20.00万元`; a plain number in CSV.
        case change(Value)

        /// The value a cell holds, if any.
        public var value: Value? {
            switch self {
            case .value(let v), .change(let v): v
            case .empty, .text: nil
            }
        }
    }

    /// A bar chart: categories (rows) with one bar per series (years, scenarios).
    public struct Chart: Sendable {
        public var title: String?
        public var series: [String]
        public var categories: [Category]

        public init(title: String? = nil, series: [String], categories: [Category] = []) {
            self.title = title
            self.series = series
            self.categories = categories
        }

        /// The chart's figures as a table: a row per category, a column per series.
        public var table: Table {
            var table = Table(title: title, headers: [""] + series)
            for c in categories { table.add([.text(c.label)] + c.values.map(Cell.value), level: c.level) }
            return table
        }

        /// One label and its values, one per series; `level` indents it (projects under 项目支出).
        public struct Category: Sendable {
            public var label: String
            public var values: [Value]
            public var level: Int

            public init(_ label: String, _ values: [Value], level: Int = 0) {
                self.label = label
                self.values = values
                self.level = level
            }
        }
    }
}
