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
        let scalars = Array(text.unicodeScalars)
        var rows: [[Field]] = []
        var row: [Field] = []
        var i = scalars.first == "\u{FEFF}" ? 1 : 0
        var line = 1, column = 1
        var lineStart = 0
        func advance() { i += 1; column += 1 }
        while i <= scalars.count {
            // One field.
            let start = (line, column, i)
            var value = String.UnicodeScalarView()
            if i < scalars.count && scalars[i] == "\"" {
                advance()
                var closed = false
                while i < scalars.count {
                    let c = scalars[i]
                    if c == "\"" {
                        if i + 1 < scalars.count && scalars[i + 1] == "\"" { value.append("\""); advance(); advance(); continue }
                        advance(); closed = true; break
                    }
                    if c == "\n" { line += 1; column = 0; lineStart = i + 1 }
                    if c == "\0" { throw nul(line, column, i) }
                    value.append(c)
                    advance()
                }
                guard closed else {
                    throw Failure(message: "a quoted field is not closed", line: start.0, column: start.1, offset: start.2)
                }
                if i < scalars.count && scalars[i] != "," && scalars[i] != "\n" && scalars[i] != "\r" {
                    throw Failure(message: "unexpected text after a closing quote", line: line, column: column, offset: i)
                }
            } else {
                while i < scalars.count && scalars[i] != "," && scalars[i] != "\n" && scalars[i] != "\r" {
                    if scalars[i] == "\0" { throw nul(line, column, i) }
                    value.append(scalars[i]); advance()
                }
            }
            row.append(Field(text: String(value), line: start.0, column: start.1, offset: start.2))
            if i < scalars.count && scalars[i] == "," { advance(); continue }
            // End of record.
            if i < scalars.count && scalars[i] == "\r" { i += 1 }
            if i < scalars.count && scalars[i] == "\n" { i += 1 }
            line += 1; column = 1; lineStart = i
            if !(row.count == 1 && row[0].text.isEmpty) { rows.append(row) }
            row = []
            if i >= scalars.count { break }
        }
        _ = lineStart
        return rows
    }
}
