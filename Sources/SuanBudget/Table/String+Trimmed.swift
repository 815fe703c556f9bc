extension String {
    /// Without surrounding spaces (ASCII, the ideographic space, no-break and zero-width spaces).
    var trimmed: String {
        func isSpace(_ s: Unicode.Scalar) -> Bool {
            switch s.value {
            case 0x09...0x0D, 0x20, 0xA0, 0x2000...0x200B, 0x3000, 0xFEFF: true
            default: false
            }
        }
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return self }
        if !isSpace(first) && !isSpace(last) { return self }
        guard let start = scalars.firstIndex(where: { !isSpace($0) }),
              let end = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(scalars[start...end])
    }
}

extension Substring {
    var trimmed: String { String(self).trimmed }
}
