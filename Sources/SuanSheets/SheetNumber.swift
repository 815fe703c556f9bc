import SuanCore

/// A number cell's stored text (`<v>3.36</v>`) as the digits Suan reads — exactly, never through
/// `Double`.
///
/// - `3.36` stays `3.36`; exponent notation is expanded (`1.5E-3` → `0.0015`).
/// - More than 15 significant digits (`1188.5599999999999`, the binary artefact some writers
///   store) are rounded half-even to 15, the precision Excel computes and shows with.
/// - A percentage format shows the number ×100 with `%` (`0.95` → `95%`); a date format shows
///   the date (`44621` → `2022-03-01`), with the time when there is one.
/// - Text that is not a number is kept as it is, for the reader to report at its cell.
enum SheetNumber {
    /// Excel's precision in significant digits.
    static let excelDigits = 15

    /// The plain digits of `raw`, or nil when it is not a number.
    static func plain(_ raw: String) -> String? {
        if isPlain(raw) { return raw }
        let text = raw.trimmingASCIISpaces
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "E" || $0 == "e" }) {
            guard let x = Int(text[text.index(after: e)...]), abs(x) <= 400 else { return nil }
            exponent = x
            mantissa = text[..<e]
        }
        var negative = false
        if mantissa.first == "-" || mantissa.first == "+" {
            negative = mantissa.first == "-"
            mantissa = mantissa.dropFirst()
        }
        let pieces = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        guard pieces.count <= 2, pieces.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              !(pieces[0].isEmpty && (pieces.count == 1 || pieces[1].isEmpty)) else { return nil }
        var integer = String(pieces[0]), fraction = pieces.count > 1 ? String(pieces[1]) : ""
        // Move the point by the exponent.
        if exponent > 0 {
            let moved = fraction.prefix(exponent)
            integer += moved + String(repeating: "0", count: exponent - moved.count)
            fraction = String(fraction.dropFirst(exponent))
        } else if exponent < 0 {
            let shift = -exponent
            let padded = String(repeating: "0", count: max(0, shift - integer.count)) + integer
            fraction = String(padded.suffix(shift)) + fraction
            integer = String(padded.dropLast(shift))
        }
        integer = String(integer.drop(while: { $0 == "0" }))
        var digits = (integer.isEmpty ? "0" : integer) + (fraction.isEmpty ? "" : "." + fraction)
        if negative && digits.contains(where: { $0 != "0" && $0 != "." }) { digits = "-" + digits }
        return rounded(digits)
    }

    /// Whether `raw` is already what ``plain(_:)`` makes of it — `0`, `1200`, `3.36`, `0.955`: no sign,
    /// exponent or leading zero, at most ``excelDigits`` digits. Most cells are, and a sheet of a
    /// million of them is read a quarter faster for not taking them apart.
    static func isPlain(_ raw: String) -> Bool {
        var integer = 0, fraction = 0, point = false, leadingZero = false
        for byte in raw.utf8 {
            switch byte {
            case UInt8(ascii: "."):
                guard !point else { return false }
                point = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if point { fraction += 1 } else {
                    if integer == 0 { leadingZero = byte == UInt8(ascii: "0") } else if leadingZero { return false }
                    integer += 1
                }
            default:
                return false
            }
        }
        return integer > 0 && (!point || fraction > 0) && integer + fraction <= excelDigits
    }

    /// `digits` with at most ``excelDigits`` significant digits (integers keep all theirs).
    static func rounded(_ digits: String) -> String {
        let significant = digits.drop(while: { $0 == "-" || $0 == "0" || $0 == "." }).filter { $0 != "." }.count
        guard significant > excelDigits, let d = try? ExactDecimal(parsing: digits) else { return digits }
        return d.rounded(toSignificantDigits: excelDigits).exactText
    }

    /// A percentage's text: `0.9721` → `97.21%`.
    static func percent(_ digits: String) -> String {
        guard let d = try? ExactDecimal(parsing: digits), let p = try? d.multiplied(by: ExactDecimal(100)) else { return digits }
        return p.normalized.exactText + "%"
    }

    /// A date serial's text: `44621` → `2022-03-01`, `44621.5` → `2022-03-01 12:00:00`; the
    /// 1900 system counts Excel's phantom 1900-02-29 (serial 60), as Excel does.
    static func date(_ digits: String, date1904: Bool) -> String {
        guard let d = try? ExactDecimal(parsing: digits), !d.isNegative,
              let whole = d.rounded(toScale: 0, mode: .towardZero).integerValue, whole < 3_000_000 else { return digits }
        var day: Int
        if date1904 {
            day = daysFromCivil(1904, 1, 1) + whole
        } else {
            if whole == 60 { return "1900-02-29" }
            day = daysFromCivil(1899, 12, 31) + whole - (whole > 60 ? 1 : 0)
        }
        var seconds = 0
        if let fraction = try? d.subtracting(ExactDecimal(whole)), !fraction.isZero,
           let s = (try? fraction.multiplied(by: ExactDecimal(86_400)))?.rounded(toScale: 0, mode: .halfEven).integerValue {
            seconds = s
            if seconds >= 86_400 { day += 1; seconds -= 86_400 }
        }
        let (y, m, dd) = civil(fromDays: day)
        var text = "\(y)-\(pad(m))-\(pad(dd))"
        if seconds > 0 { text += " \(pad(seconds / 3600)):\(pad(seconds / 60 % 60)):\(pad(seconds % 60))" }
        return text
    }

    static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }

    /// Days since 1970-01-01 of a civil date (H. Hinnant's algorithm).
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The civil date of days since 1970-01-01.
    static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}

extension String {
    /// Without leading and trailing ASCII spaces, tabs and line ends.
    var trimmingASCIISpaces: String {
        let scalars = unicodeScalars
        let space: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = scalars.firstIndex(where: { !space($0) }), let last = scalars.lastIndex(where: { !space($0) }) else { return "" }
        return String(scalars[first...last])
    }
}
