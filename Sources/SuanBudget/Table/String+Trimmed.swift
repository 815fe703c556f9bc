extension String {
    /// Without surrounding spaces (ASCII, the ideographic space, no-break and zero-width spaces:
    /// ``UTF8Spaces``, which a table's cells are trimmed by on their bytes).
    var trimmed: String {
        var text = self
        return text.withUTF8 { bytes in
            let range = UTF8Spaces.trimmed(0..<bytes.count, of: bytes)
            return range.count == bytes.count ? self : String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
    }
}

extension Substring {
    var trimmed: String { String(self).trimmed }
}
