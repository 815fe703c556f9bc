#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// glibc's `wcwidth`, which `Glibc` does not export to Swift.
@_silgen_name("wcwidth")
private func systemWcwidth(_ c: Int32) -> Int32

/// How many terminal columns text takes: 2 for CJK, 0 for combining marks.
///
/// Uses the C library's `wcwidth` (correct once the locale is UTF-8), falling back to the East Asian
/// Wide ranges when the locale is "C" so that tables stay aligned in any environment.
public enum DisplayWidth {
    public static func of<S: Sequence>(_ scalars: S) -> Int where S.Element == Unicode.Scalar {
        var total = 0
        for s in scalars { total += width(of: s) }
        return total
    }

    public static func of(_ text: String) -> Int { of(text.unicodeScalars) }

    public static func width(of s: Unicode.Scalar) -> Int {
        let v = s.value
        if v < 0x7F { return v < 0x20 ? 0 : 1 }
        if isWide(v) { return 2 }
        let w = systemWcwidth(Int32(bitPattern: v))
        return w >= 0 ? Int(w) : 1
    }

    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// Pads text with spaces to `width` columns, on the right (left-aligned) or on the left.
    public static func pad(_ text: String, to width: Int, alignRight: Bool = false) -> String {
        let gap = max(0, width - of(text))
        let spaces = String(repeating: " ", count: gap)
        return alignRight ? spaces + text : text + spaces
    }

    /// Text cut to `width` columns with `…` at the end when it is wider; as it is otherwise.
    public static func truncated(_ text: String, to width: Int) -> String {
        guard of(text) > width, width >= 1 else { return text }
        var out = String.UnicodeScalarView()
        var used = 0
        for s in text.unicodeScalars {
            let w = self.width(of: s)
            if used + w > width - 1 { break }
            out.append(s)
            used += w
        }
        return String(out) + "…"
    }
}
