/// The spaces of ``Swift/String/trimmed`` in UTF-8, for text read from a file's bytes:
/// U+0009–000D and U+0020 (one byte), U+00A0 (C2 A0), U+2000–200B (E2 80 80–8B), U+3000
/// (E3 80 80), U+FEFF (EF BB BF).
enum UTF8Spaces {
    /// `range` of `b` without the spaces it starts and ends with (empty when it is all spaces).
    static func trimmed(_ range: Range<Int>, of b: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var range = range
        while let n = leading(b, range) { range = range.lowerBound + n..<range.upperBound }
        while let n = trailing(b, range) { range = range.lowerBound..<range.upperBound - n }
        return range
    }

    /// The length of the space that `range` starts with, if it starts with one.
    static func leading(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        guard let i = range.first else { return nil }
        let c = b[i]
        if c == 0x20 || (c >= 0x09 && c <= 0x0D) { return 1 }
        if c < 0xC2 { return nil }
        if c == 0xC2 { return range.count >= 2 && b[i + 1] == 0xA0 ? 2 : nil }
        guard range.count >= 3 else { return nil }
        return isWide(b[i], b[i + 1], b[i + 2]) ? 3 : nil
    }

    /// The length of the space that `range` ends with, if it ends with one (the text is whole
    /// UTF-8, so a sequence that ends the range is one scalar).
    static func trailing(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        guard let j = range.last else { return nil }
        let c = b[j]
        if c == 0x20 || (c >= 0x09 && c <= 0x0D) { return 1 }
        if range.count >= 2 && c == 0xA0 && b[j - 1] == 0xC2 { return 2 }
        guard range.count >= 3 else { return nil }
        return isWide(b[j - 2], b[j - 1], c) ? 3 : nil
    }

    static func isWide(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Bool {
        (a == 0xE2 && b == 0x80 && c >= 0x80 && c <= 0x8B) || (a == 0xE3 && b == 0x80 && c == 0x80) || (a == 0xEF && b == 0xBB && c == 0xBF)
    }
}
