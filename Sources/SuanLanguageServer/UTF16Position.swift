import SuanCore

/// A position as the Language Server Protocol counts it: a 0-based line and a 0-based offset in
/// UTF-16 code units within that line. Suan's spans count Unicode scalars, so `法` is one unit in
/// both, but a character outside the Basic Multilingual Plane (`𠀀`, an emoji) is two here and one in
/// Suan; the conversions below go through each line's scalars.
struct UTF16Position: Equatable {
    var line: Int
    var character: Int

    init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    /// Where a scalar offset of `file` is.
    init(offset: Int, in file: SourceFile) {
        let (line, column) = file.position(of: offset)
        self.line = line - 1
        self.character = file.line(line).unicodeScalars.prefix(column - 1).reduce(0) { $0 + $1.utf16.count }
    }

    /// As JSON: `{"line": 0, "character": 4}`.
    var object: [String: Any] { ["line": line, "character": character] }

    /// Reads `{"line": …, "character": …}`.
    init?(_ object: Any?) {
        guard let object = object as? [String: Any], let line = object["line"] as? Int, let character = object["character"] as? Int,
              line >= 0, character >= 0 else { return nil }
        self.init(line: line, character: character)
    }

    /// The line of `text` this position is on (without its line end), split at the position: what
    /// comes before it and what comes after. A position past the line's end is at its end.
    func split(_ text: String) -> (before: String, after: String) {
        // By scalars: "\r\n" is one Character, so a split on Characters would not see its "\n".
        let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        guard line < lines.count else { return ("", "") }
        let scalars = lines[line].last == "\r" ? lines[line].dropLast() : lines[line]
        var before = String.UnicodeScalarView(), after = String.UnicodeScalarView()
        var units = 0
        for scalar in scalars {
            if units < character { before.append(scalar) } else { after.append(scalar) }
            units += scalar.utf16.count
        }
        return (String(before), String(after))
    }
}
