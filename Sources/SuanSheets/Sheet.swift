/// One worksheet as text: its name and its non-empty cells, row by row, as Excel shows them.
///
/// Every cell is text: a number is its stored digits (`3.36`, never through `Double`), a shared or
/// inline string its characters, a formula its cached value, a date `2022-03-01`, a percentage
/// `95%`, a boolean `TRUE`/`FALSE`, an error `#DIV/0!`. A merged range holds its first cell's text
/// in every cell, so a label merged over several rows applies to each of them.
public struct Sheet: Sendable {
    /// A cell that holds something.
    public struct Cell: Sendable, Equatable {
        /// The column, from 0.
        public var column: Int
        public var text: String

        public init(column: Int, text: String) {
            self.column = column
            self.text = text
        }
    }

    /// A row that holds at least one cell; rows are in ascending order, cells by column.
    public struct Row: Sendable, Equatable {
        /// The row's number, from 1 as in Excel.
        public var number: Int
        public var cells: [Cell]

        public init(number: Int, cells: [Cell]) {
            self.number = number
            self.cells = cells
        }
    }

    /// The name on the sheet's tab.
    public var name: String
    public var rows: [Row]

    public init(name: String, rows: [Row]) {
        self.name = name
        self.rows = rows
    }
}
