import SuanCore

/// A CSV reader for tables as Excel exports them: UTF-8 with or without BOM, CRLF or LF, quoted
/// fields with doubled quotes and embedded newlines. Every cell keeps its span: the scalar offset
/// of its first character, as far as its text reaches.
/// A NUL character is refused with its position: no cell of a budget table holds one, and names
/// with one would print as something else than they compare as.
///
/// It reads one row at a time from the bytes, into an array the caller keeps, so a table of
/// 600,000 rows is never held as rows: each is read into the year and its cells are gone. Lines,
/// columns and offsets count scalars (a byte that does not continue a sequence starts one); a field
/// without quotes is its bytes as they are.
struct CSVReader {
    struct Failure: Error {
        var message: String
        var line: Int
        var column: Int
        var offset: Int
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let file: Int32
    /// Whether cells get their text; without it, reading only finds the first ``Failure``.
    var readsText = true
    var i = 0, offset = 0, line = 1, column = 1
    /// Whether the last row has been read.
    var finished = false
    /// A quoted field's bytes, without its quotes and with doubled quotes single (kept for the next one).
    var unquoted: [UInt8] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>, file: Int32) {
        self.bytes = bytes
        self.file = file
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { i = 3; offset = 1 }
    }

    static func nul(_ line: Int, _ column: Int, _ offset: Int) -> Failure {
        Failure(message: "a NUL character (U+0000) in a field", line: line, column: column, offset: offset)
    }

    @inline(__always) static func startsScalar(_ b: UInt8) -> Bool { b & 0xC0 != 0x80 }

    /// Reads the next row that is not blank into `row` (replacing what it held); false at the end.
    mutating func next(into row: inout [TableCell]) throws(Failure) -> Bool {
        let n = bytes.count
        while !finished {
            row.removeAll(keepingCapacity: true)
            while true {
                row.append(try field())
                guard i < n && bytes[i] == 0x2C else { break }
                i += 1; offset += 1; column += 1
            }
            // End of record.
            if i < n && bytes[i] == 0x0D { i += 1; offset += 1 }
            if i < n && bytes[i] == 0x0A { i += 1; offset += 1 }
            line += 1; column = 1
            if i >= n { finished = true }
            if readsText && !(row.count == 1 && row[0].text.isEmpty) { return true }
        }
        return false
    }

    /// Goes through the rest of the text for its first ``Failure`` only, making no cells.
    mutating func check() throws(Failure) {
        readsText = false
        var row: [TableCell] = []
        while try next(into: &row) {}
    }

    /// One field, from `i` to the comma, line end or end of text after it.
    mutating func field() throws(Failure) -> TableCell {
        let n = bytes.count
        let start = (line: line, column: column, offset: offset)
        var text = ""
        var scalars: Int
        if i < n && bytes[i] == 0x22 {
            i += 1; offset += 1; column += 1
            unquoted.removeAll(keepingCapacity: true)
            scalars = 0
            var closed = false
            while i < n {
                let c = bytes[i]
                if c == 0x22 {
                    if i + 1 < n && bytes[i + 1] == 0x22 { unquoted.append(0x22); scalars += 1; i += 2; offset += 2; column += 2; continue }
                    i += 1; offset += 1; column += 1; closed = true; break
                }
                if c == 0x0A { line += 1; column = 0 }
                if c == 0 { throw Self.nul(line, column, offset) }
                unquoted.append(c)
                i += 1
                if Self.startsScalar(c) { offset += 1; column += 1; scalars += 1 }
            }
            guard closed else {
                throw Failure(message: "a quoted field is not closed", line: start.line, column: start.column, offset: start.offset)
            }
            if i < n && bytes[i] != 0x2C && bytes[i] != 0x0A && bytes[i] != 0x0D {
                throw Failure(message: "unexpected text after a closing quote", line: line, column: column, offset: offset)
            }
            if readsText { text = String(decoding: unquoted, as: UTF8.self) }
        } else {
            let first = i
            while i < n {
                let c = bytes[i]
                if c == 0x2C || c == 0x0A || c == 0x0D { break }
                if c == 0 { throw Self.nul(line, column, offset) }
                i += 1
                if Self.startsScalar(c) { offset += 1; column += 1 }
            }
            scalars = offset - start.offset
            if readsText { text = String(decoding: UnsafeBufferPointer(rebasing: bytes[first..<i]), as: UTF8.self) }
        }
        return TableCell(text: text, span: SourceSpan(file: file, start: start.offset, end: start.offset + max(1, scalars)))
    }
}
