/// Facts about UTF-8 bytes that readers of source text share.
enum UTF8Bytes {
    /// How many bytes the scalar that starts with `lead` takes (valid UTF-8).
    @inline(__always)
    static func length(ofScalarAt lead: UInt8) -> Int {
        lead < 0x80 ? 1 : (lead < 0xE0 ? 2 : (lead < 0xF0 ? 3 : 4))
    }

    /// The scalar at `i` and its length in bytes (valid UTF-8).
    @inline(__always)
    static func scalar(at i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (Unicode.Scalar, Int) {
        let b = UInt32(bytes[i])
        if b < 0x80 { return (Unicode.Scalar(UInt8(b)), 1) }
        let v: UInt32, n: Int
        if b < 0xE0 {
            v = (b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F); n = 2
        } else if b < 0xF0 {
            v = (b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F); n = 3
        } else {
            v = (b & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F); n = 4
        }
        return (Unicode.Scalar(v) ?? "\u{FFFD}", n)
    }
}
