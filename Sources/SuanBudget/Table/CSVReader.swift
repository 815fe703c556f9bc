import SuanCore

/// A CSV reader for tables as Excel exports them: UTF-8 with or without BOM, CRLF or LF, quoted
/// fields with doubled quotes and embedded newlines. Every cell keeps its span: the scalar offset
/// of its first character, as far as its text reaches.
/// A NUL character is refused with its position: no cell of a budget table holds one, and names
/// with one would print as something else than they compare as.
///
/// It reads one row at a time from the bytes, into a row the caller keeps (``TableRow``), so a
/// table of 600,000 rows is never held as rows: each is read into the year and its cells are gone.
/// Offsets count scalars (a byte that does not continue a sequence starts one); a field without
/// quotes is its bytes as they are.
struct CSVReader {
    struct Failure: Error {
        var message: String
        /// The scalar offset it points at.
        var offset: Int
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let file: Int32
    /// The next byte to read, and the scalar offset there.
    var i = 0, offset = 0
    /// Whether the last row has been read.
    var finished = false
    /// A quoted field's bytes, without its quotes and with doubled quotes single (kept for the next one).
    var unquoted: [UInt8] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>, file: Int32) {
        self.bytes = bytes
        self.file = file
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { i = 3; offset = 1 }
    }

    /// A reader that starts at byte `start`, a row's start found by ``check(rowStartFrom:)``; its
    /// offsets count on from the scalars before it.
    init(_ bytes: UnsafeBufferPointer<UInt8>, file: Int32, from start: Int) {
        self.init(bytes, file: file)
        offset = Self.scalars(in: UnsafeBufferPointer(rebasing: bytes[..<start]))
        i = start
        finished = start >= bytes.count
    }

    static let nulMessage = "a NUL character (U+0000) in a field"
    static let unclosedMessage = "a quoted field is not closed"
    static let afterQuoteMessage = "unexpected text after a closing quote"

    @inline(__always) static func startsScalar(_ b: UInt8) -> Bool { b & 0xC0 != 0x80 }

    /// How many scalars start in `bytes`.
    static func scalars(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var n = 0
        for b in bytes where startsScalar(b) { n += 1 }
        return n
    }

    /// Reads the next row that is not blank into `row` (replacing what it held); false at the end.
    mutating func next(into row: inout TableRow) throws(Failure) -> Bool {
        let n = bytes.count
        while !finished {
            row.removeAll()
            while true {
                try field(into: &row)
                guard i < n && bytes[i] == 0x2C else { break }
                i += 1; offset += 1
            }
            // End of record.
            if i < n && bytes[i] == 0x0D { i += 1; offset += 1 }
            if i < n && bytes[i] == 0x0A { i += 1; offset += 1 }
            if i >= n { finished = true }
            if !(row.count == 1 && row.cells[0].bytes.isEmpty) { return true }
        }
        return false
    }

    /// One field, from `i` to the comma, line end or end of text after it.
    mutating func field(into row: inout TableRow) throws(Failure) {
        let n = bytes.count
        let start = offset
        var scalars: Int
        if i < n && bytes[i] == 0x22 {
            i += 1; offset += 1
            unquoted.removeAll(keepingCapacity: true)
            scalars = 0
            var closed = false
            while i < n {
                let c = bytes[i]
                if c == 0x22 {
                    if i + 1 < n && bytes[i + 1] == 0x22 { unquoted.append(0x22); scalars += 1; i += 2; offset += 2; continue }
                    i += 1; offset += 1; closed = true; break
                }
                if c == 0 { throw Failure(message: Self.nulMessage, offset: offset) }
                unquoted.append(c)
                i += 1
                if Self.startsScalar(c) { offset += 1; scalars += 1 }
            }
            guard closed else { throw Failure(message: Self.unclosedMessage, offset: start) }
            if i < n && bytes[i] != 0x2C && bytes[i] != 0x0A && bytes[i] != 0x0D {
                throw Failure(message: Self.afterQuoteMessage, offset: offset)
            }
            row.append(unquoted, span: SourceSpan(file: file, start: start, end: start + max(1, scalars)))
        } else {
            let first = i
            while i < n {
                let c = bytes[i]
                if c == 0x2C || c == 0x0A || c == 0x0D { break }
                if c == 0 { throw Failure(message: Self.nulMessage, offset: offset) }
                i += 1
                if Self.startsScalar(c) { offset += 1 }
            }
            scalars = offset - start
            row.append(UnsafeBufferPointer(rebasing: bytes[first..<i]), span: SourceSpan(file: file, start: start, end: start + max(1, scalars)))
        }
    }

    /// Goes through the text for its first ``Failure`` only, as ``next(into:)`` would meet it,
    /// making no cells; returns the first row start at or after byte `middle` (nil when none is).
    ///
    /// It follows the reader's states — a field that starts with a quote runs to its closing
    /// quote, any other to the next comma or line end — on bytes alone, and counts scalars only
    /// for the offset of a failure.
    func check(rowStartFrom middle: Int = .max) throws(Failure) -> Int? {
        let n = bytes.count
        var i = self.i
        var found: Int? = nil
        func failure(_ message: String, at byte: Int) -> Failure {
            Failure(message: message, offset: Self.scalars(in: UnsafeBufferPointer(rebasing: bytes[..<byte])))
        }
        while i < n {
            // A field.
            if bytes[i] == 0x22 {
                let open = i
                i += 1
                while true {
                    while i < n && bytes[i] != 0x22 && bytes[i] != 0 { i += 1 }
                    guard i < n else { throw failure(Self.unclosedMessage, at: open) }
                    if bytes[i] == 0 { throw failure(Self.nulMessage, at: i) }
                    if i + 1 < n && bytes[i + 1] == 0x22 { i += 2; continue }
                    i += 1
                    break
                }
                if i < n && bytes[i] != 0x2C && bytes[i] != 0x0A && bytes[i] != 0x0D {
                    throw failure(Self.afterQuoteMessage, at: i)
                }
            } else {
                while i < n, bytes[i] != 0x2C && bytes[i] != 0x0A && bytes[i] != 0x0D {
                    if bytes[i] == 0 { throw failure(Self.nulMessage, at: i) }
                    i += 1
                }
            }
            guard i < n else { break }
            if bytes[i] == 0x2C { i += 1; continue }
            // End of record.
            if bytes[i] == 0x0D { i += 1 }
            if i < n && bytes[i] == 0x0A { i += 1 }
            if found == nil && i >= middle && i < n { found = i }
        }
        return found
    }
}
