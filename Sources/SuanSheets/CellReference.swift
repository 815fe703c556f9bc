/// A cell's address in a sheet, as Excel writes it: `C7` is column 2 (counting from 0), row 7
/// (counting from 1, as Excel does).
public struct CellReference: Sendable, Hashable, CustomStringConvertible {
    /// The column, from 0 (`A`).
    public var column: Int
    /// The row, from 1.
    public var row: Int

    /// Excel's last column (`XFD`) and row: a reference beyond them is malformed.
    public static let maximumColumn = 16_383
    public static let maximumRow = 1_048_576

    public init(column: Int, row: Int) {
        self.column = column
        self.row = row
    }

    /// Reads `C7` (also `$C$7`); nil when it is not a reference within Excel's grid.
    public init?(_ text: some StringProtocol) {
        var column = 0, row = 0, letters = 0, digits = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "$"): continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where digits == 0:
                column = column * 26 + Int(byte - UInt8(ascii: "A")) + 1
                letters += 1
            case UInt8(ascii: "a")...UInt8(ascii: "z") where digits == 0:
                column = column * 26 + Int(byte - UInt8(ascii: "a")) + 1
                letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9") where letters > 0:
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            default:
                return nil
            }
            if letters > 3 || digits > 7 { return nil }
        }
        guard letters > 0, digits > 0, row >= 1, row <= Self.maximumRow, column - 1 <= Self.maximumColumn else { return nil }
        self.init(column: column - 1, row: row)
    }

    /// `A`, `Z`, `AA`, … for a column counted from 0.
    public static func letters(_ column: Int) -> String {
        var n = column + 1
        var scalars: [Unicode.Scalar] = []
        while n > 0 {
            let digit = (n - 1) % 26
            scalars.append(Unicode.Scalar(UInt8(ascii: "A") + UInt8(digit)))
            n = (n - 1) / 26
        }
        return String(String.UnicodeScalarView(scalars.reversed()))
    }

    /// `C7`.
    public var description: String { Self.letters(column) + String(row) }
}
