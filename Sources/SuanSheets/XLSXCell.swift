/// One cell of a sheet Suan writes: text, a number (its exact digits), a percentage (the fraction's
/// exact digits, shown with Excel's `0.00%` format), or nothing.
enum XLSXCell: Equatable {
    case empty
    case text(String)
    /// Plain digits (`1188.56`), written as Excel's number; more than 15 significant digits are
    /// written as text instead, so that Excel never rounds them silently.
    case number(String)
    /// A fraction (`0.9721`) shown as a percentage (`97.21%`).
    case percent(String)

    /// How wide the cell shows, in columns (CJK counts two): the basis of column widths.
    var shownText: String {
        switch self {
        case .empty: ""
        case .text(let s), .number(let s): s
        case .percent(let s): SheetNumber.percent(s)
        }
    }

    /// Whether `digits` fits Excel's 15 significant digits.
    static func fitsExcel(_ digits: String) -> Bool {
        digits.drop(while: { $0 == "-" || $0 == "0" || $0 == "." }).filter { $0 != "." }.count <= SheetNumber.excelDigits
    }
}
