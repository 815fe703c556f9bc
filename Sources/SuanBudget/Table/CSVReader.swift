/// A CSV reader for tables as Excel exports them: UTF-8 with or without BOM, CRLF or LF, quoted
/// fields with doubled quotes and embedded newlines. Every field keeps its line and column.
/// A NUL character is refused with its position: no cell of a budget table holds one, and names
/// with one would print as something else than they compare as.
struct CSVReader {
    struct Field: Sendable {
        var text: String
        var line: Int
        var column: Int
        /// Scalar offset of the field's first character in the text.
        var offset: Int
    }

    struct Failure: Error {
        var message: String
        var line: Int
        var column: Int
        var offset: Int
    }

    static func nul(_ line: Int, _ column: Int, _ offset: Int) -> Failure {
        Failure(message: "a NUL character (U+0000) in a field", line: line, column: column, offset: offset)
    }

    static func rows(_ text: String) throws(Failure) -> [[Field]] {
        var result: Result<[[Field]], Failure> = .success([])
        var copy = text
        copy.withUTF8 { bytes in result = Result { () throws(Failure) in try rows(bytes) } }
        return try result.get()
    }

    /// One pass over the UTF-8 bytes; lines, columns and offsets count scalars (a byte that does not
    /// continue a sequence starts one). A field without quotes is its bytes as they are.
    static func rows(_ bytes: UnsafeBufferPointer<UInt8>) throws(Failure) -> [[Field]] {
        let n = bytes.count
        var rows: [[Field]] = []
        var row: [Field] = []
        var i = 0, offset = 0
        if n >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { i = 3; offset = 1 }
        var line = 1, column = 1
        @inline(__always) func startsScalar(_ b: UInt8) -> Bool { b & 0xC0 != 0x80 }
        while i <= n {
            // One field.
            let start = (line, column, offset)
            let text: String
            if i < n && bytes[i] == 0x22 {
                i += 1; offset += 1; column += 1
                var value: [UInt8] = []
                var closed = false
                while i < n {
                    let c = bytes[i]
                    if c == 0x22 {
                        if i + 1 < n && bytes[i + 1] == 0x22 { value.append(0x22); i += 2; offset += 2; column += 2; continue }
                        i += 1; offset += 1; column += 1; closed = true; break
                    }
                    if c == 0x0A { line += 1; column = 0 }
                    if c == 0 { throw nul(line, column, offset) }
                    value.append(c)
                    i += 1
                    if startsScalar(c) { offset += 1; column += 1 }
                }
                guard closed else {
                    throw Failure(message: "a quoted field is not closed", line: start.0, column: start.1, offset: start.2)
                }
                if i < n && bytes[i] != 0x2C && bytes[i] != 0x0A && bytes[i] != 0x0D {
                    throw Failure(message: "unexpected text after a closing quote", line: line, column: column, offset: offset)
                }
                text = String(decoding: value, as: UTF8.self)
            } else {
                let first = i
                while i < n {
                    let c = bytes[i]
                    if c == 0x2C || c == 0x0A || c == 0x0D { break }
                    if c == 0 { throw nul(line, column, offset) }
                    i += 1
                    if startsScalar(c) { offset += 1; column += 1 }
                }
                text = String(decoding: UnsafeBufferPointer(rebasing: bytes[first..<i]), as: UTF8.self)
            }
            row.append(Field(text: text, line: start.0, column: start.1, offset: start.2))
            if i < n && bytes[i] == 0x2C { i += 1; offset += 1; column += 1; continue }
            // End of record.
            if i < n && bytes[i] == 0x0D { i += 1; offset += 1 }
            if i < n && bytes[i] == 0x0A { i += 1; offset += 1 }
            line += 1; column = 1
            if !(row.count == 1 && row[0].text.isEmpty) { rows.append(row) }
            row = []
            if i >= n { break }
        }
        return rows
    }
}
