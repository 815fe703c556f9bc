import Testing
@testable import SuanCore

/// A source keeps its UTF-8 text and works out lines, columns and span texts only when asked; the
/// answers are those of the text read as one array of scalars (a byte order mark as a space).
@Suite struct SourceFileTests {
    /// Positions, lines and texts as the scalar array gives them.
    struct Reference {
        var scalars: [Unicode.Scalar]
        var lineStarts = [0]

        init(_ text: String) {
            scalars = Array(text.unicodeScalars)
            if scalars.first == "\u{FEFF}" { scalars[0] = " " }
            for (i, s) in scalars.enumerated() where s == "\n" { lineStarts.append(i + 1) }
        }

        func position(_ offset: Int) -> (Int, Int) {
            let line = lineStarts.lastIndex { $0 <= offset } ?? 0
            return (line + 1, offset - lineStarts[line] + 1)
        }

        func line(_ number: Int) -> String {
            guard number >= 1 && number <= lineStarts.count else { return "" }
            var end = number < lineStarts.count ? lineStarts[number] - 1 : scalars.count
            if end > lineStarts[number - 1] && scalars[end - 1] == "\r" { end -= 1 }
            return String(String.UnicodeScalarView(scalars[lineStarts[number - 1]..<end]))
        }

        func text(_ lo: Int, _ hi: Int) -> String {
            let a = max(0, min(lo, scalars.count)), b = max(a, min(hi, scalars.count))
            return String(String.UnicodeScalarView(scalars[a..<b]))
        }
    }

    static let texts = [
        "",
        "1 + 1",
        "\u{FEFF}year 2023 {\r\n  部门：“测试”\r\n}\r\n",
        "let 𠀀 = \"é\"\n\n# 注释\nlet x = 1\n",
        // A line longer than the table's stride, with CJK, 4-byte scalars and a CRLF end.
        String(repeating: "预算𠀀a", count: 70) + "\r\n" + String(repeating: "执行", count: 200),
        String(repeating: "项目\n", count: 300),
    ]

    @Test(arguments: texts)
    func positionsLinesAndTextsAreThoseOfTheScalars(_ text: String) {
        let source = SourceFile(name: "t", text: text)
        let reference = Reference(text)
        #expect(source.scalarCount == reference.scalars.count)
        #expect(source.decodedScalars() == reference.scalars)
        let count = reference.scalars.count
        for offset in Set([0, 1, count / 3, count / 2, max(0, count - 1), count] + Array(stride(from: 0, through: count, by: 37))) {
            let (line, column) = source.position(of: offset)
            #expect(line == reference.position(offset).0 && column == reference.position(offset).1, "offset \(offset)")
            #expect(source.text(SourceSpan(file: 0, start: offset, end: offset + 65)) == reference.text(offset, offset + 65), "offset \(offset)")
        }
        for number in 0...(reference.lineStarts.count + 1) {
            #expect(source.line(number) == reference.line(number), "line \(number)")
        }
    }

    @Test func aDiagnosticInALongCJKLineIsPlacedAsBefore() {
        let text = "let a = 1\n" + String(repeating: "预算", count: 100) + " + 1万元 + 3件\n"
        let source = SourceFile(name: "t.suan", text: text)
        let start = 10 + 200 + 3
        let d = Diagnostic(id: .typeMismatch, "x", at: SourceSpan(file: 0, start: start, end: start + 5))
        let rendered = DiagnosticRenderer().render(d, in: [source])
        #expect(rendered.hasPrefix("t.suan:2:204: error: x\n"), "\(rendered)")
        #expect(rendered.contains("1万元 + 3件"), "\(rendered)")
    }
}
