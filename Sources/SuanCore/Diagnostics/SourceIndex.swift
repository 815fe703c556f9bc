import Synchronization

/// Where the lines and scalars of a source's UTF-8 text are, built the first time a position, a
/// line or a span's text is asked for.
///
/// Readers go through a source's bytes once and count scalars as they go; only a diagnostic, a
/// `--step` excerpt or an editor's position needs to turn a scalar offset back into a line and a
/// column. Building the table then costs one pass over the bytes, and it is kept for the next
/// question, so a 60 MB year that loads without a problem never holds one.
final class SourceIndex: Sendable {
    /// What one pass over the bytes finds.
    struct Table: Sendable {
        /// The scalar offset of each line's first scalar.
        var lineStarts: [Int32]
        /// The byte offset of every ``stride``-th scalar: a scalar's bytes are found from the one
        /// before it at most `stride - 1` steps away, without a table entry for every scalar.
        var anchors: [Int32]
        var scalarCount: Int
    }

    /// Scalars between anchors (a power of two).
    static let stride = 64

    private let table = Mutex<Table?>(nil)

    /// The table of `bytes`, built on first use.
    func table(_ bytes: UnsafeBufferPointer<UInt8>) -> Table {
        table.withLock { known in
            if let known { return known }
            let built = Self.build(bytes)
            known = built
            return built
        }
    }

    static func build(_ bytes: UnsafeBufferPointer<UInt8>) -> Table {
        var lineStarts: [Int32] = [0]
        var anchors: [Int32] = []
        anchors.reserveCapacity(bytes.count / stride + 1)
        var scalar = 0
        for i in 0..<bytes.count {
            let b = bytes[i]
            // A byte that does not continue a sequence starts a scalar.
            if b & 0xC0 == 0x80 { continue }
            if scalar & (stride - 1) == 0 { anchors.append(Int32(truncatingIfNeeded: i)) }
            scalar += 1
            if b == 0x0A { lineStarts.append(Int32(truncatingIfNeeded: scalar)) }
        }
        return Table(lineStarts: lineStarts, anchors: anchors, scalarCount: scalar)
    }
}

extension SourceIndex.Table {
    /// The byte offset of scalar `offset` (the byte count at or past the end).
    func byteOffset(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard offset < scalarCount else { return bytes.count }
        var i = Int(anchors[offset / SourceIndex.stride])
        for _ in 0..<(offset % SourceIndex.stride) { i += UTF8Bytes.length(ofScalarAt: bytes[i]) }
        return i
    }
}
