/// Turns diagnostics into `FILE:LINE:COL: error: MESSAGE`, the source line and a caret under the span.
///
/// Columns count characters; the caret is placed by display width so that it sits under CJK text.
public struct DiagnosticRenderer: Sendable {
    public var colour: Bool

    public init(colour: Bool = false) { self.colour = colour }

    public func render(_ d: Diagnostic, in sources: [SourceFile]) -> String {
        let label = paint(d.severity.rawValue, d.severity == .error ? "1;31" : (d.severity == .warning ? "1;33" : "1;36"))
        guard d.span.file >= 0 && Int(d.span.file) < sources.count else {
            return "suan: \(label): \(d.message)" + d.notes.map { "\n  \($0)" }.joined()
        }
        let file = sources[Int(d.span.file)]
        let start = Int(d.span.start)
        let (line, position) = file.position(of: start)
        var out = "\(file.name):\(line):\(position): \(label): \(d.message)\n"
        var text = file.line(line).visible
        var column = position
        // A long line shows as a window around the span, so that errors stay readable.
        let window = 60
        if text.unicodeScalars.count > 3 * window {
            let scalars = Array(text.unicodeScalars)
            let from = max(0, column - 1 - window), to = min(scalars.count, column - 1 + 2 * window)
            var view = String.UnicodeScalarView()
            if from > 0 { view.append(contentsOf: "…".unicodeScalars) }
            view.append(contentsOf: scalars[from..<to])
            if to < scalars.count { view.append(contentsOf: "…".unicodeScalars) }
            text = String(view)
            column = column - from + (from > 0 ? 1 : 0)
        }
        let gutter = String(line)
        let pad = String(repeating: " ", count: gutter.count)
        out += " \(gutter) | \(text)\n"
        let lineScalars = Array(text.unicodeScalars)
        let before = lineScalars.prefix(max(0, column - 1))
        let lineEnd = (file.lineStarts.count > line ? file.lineStarts[line] - 1 : file.scalars.count)
        let spanEnd = min(Int(d.span.end), lineEnd)
        let underlined = lineScalars.dropFirst(column - 1).prefix(max(1, spanEnd - start))
        let caretWidth = max(1, DisplayWidth.of(underlined))
        out += " \(pad) | " + String(repeating: " ", count: DisplayWidth.of(before))
        out += paint("^" + String(repeating: "~", count: caretWidth - 1), "1;32")
        for note in d.notes { out += "\n \(pad) = \(note)" }
        return out
    }

    private func paint(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

extension String {
    /// The line as it can be printed: tabs as spaces, other control characters (a NUL, which a C
    /// string would end at) as their pictures (`␀`), one column wide like the character they stand for.
    fileprivate var visible: String {
        var out = String.UnicodeScalarView()
        for s in unicodeScalars {
            switch s.value {
            case 0x09: out.append(" ")
            case 0x00...0x1F: out.append(Unicode.Scalar(0x2400 + s.value) ?? "?")
            case 0x7F: out.append("\u{2421}")
            default: out.append(s)
            }
        }
        return String(out)
    }
}
