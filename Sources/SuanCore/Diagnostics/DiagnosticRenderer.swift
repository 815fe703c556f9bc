/// Turns diagnostics into `FILE:LINE:COL: error: MESSAGE`, the source line and a caret under the span.
///
/// Columns count characters; the caret is placed by display width so that it sits under CJK text.
public struct DiagnosticRenderer: Sendable {
    public var colour: Bool
    public var language: Language

    public init(colour: Bool = false, language: Language = .english) {
        self.colour = colour
        self.language = language
    }

    /// `error`, `warning`, `note` — or 错误, 警告, 注意.
    func label(_ severity: Diagnostic.Severity) -> String {
        switch (severity, language) {
        case (.error, .english): "error"
        case (.warning, .english): "warning"
        case (.note, .english): "note"
        case (.error, .chinese): "错误"
        case (.warning, .chinese): "警告"
        case (.note, .chinese): "注意"
        }
    }

    public func render(_ d: Diagnostic, in sources: [SourceFile]) -> String {
        let colon = language == .chinese ? "：" : ": "
        let label = paint(self.label(d.severity), d.severity == .error ? "1;31" : (d.severity == .warning ? "1;33" : "1;36"))
        guard d.span.file >= 0 && Int(d.span.file) < sources.count else {
            return "suan: \(label)\(colon)\(d.text.text(in: language))" + d.notes.map { "\n  \($0.text(in: language))" }.joined()
        }
        let file = sources[Int(d.span.file)]
        let start = Int(d.span.start)
        let (line, position) = file.position(of: start)
        var out = "\(file.location(of: start)): \(label)\(colon)\(d.text.text(in: language))\n"
        // Only the part of the line that is shown is read: a 30 KB line with 4,000 errors on it
        // must not be copied 4,000 times. A long line shows as a window around the span.
        let bounds = file.lineBounds(line) ?? (start, start)
        let lineStart = bounds.start
        var lineEnd = bounds.end
        if lineEnd > lineStart && file.scalars((lineEnd - 1)..<lineEnd) == ["\r"] { lineEnd -= 1 }
        var column = position
        let window = 60
        var from = lineStart, to = lineEnd
        if lineEnd - lineStart > 3 * window {
            from = max(lineStart, lineStart + column - 1 - window)
            to = min(lineEnd, lineStart + column - 1 + 2 * window)
        }
        var view = String.UnicodeScalarView()
        if from > lineStart { view.append(contentsOf: "…".unicodeScalars) }
        for scalar in file.scalars(from..<max(from, to)) { view.append(String.visible(scalar)) }
        if to < lineEnd { view.append(contentsOf: "…".unicodeScalars) }
        let text = String(view)
        column = column - (from - lineStart) + (from > lineStart ? 1 : 0)
        let gutter = String(line)
        let pad = String(repeating: " ", count: gutter.count)
        out += " \(gutter) | \(text)\n"
        let lineScalars = Array(text.unicodeScalars)
        let before = lineScalars.prefix(max(0, column - 1))
        let spanEnd = min(Int(d.span.end), bounds.end)
        let underlined = lineScalars.dropFirst(column - 1).prefix(max(1, spanEnd - start))
        let caretWidth = max(1, DisplayWidth.of(underlined))
        out += " \(pad) | " + String(repeating: " ", count: DisplayWidth.of(before))
        out += paint("^" + String(repeating: "~", count: caretWidth - 1), "1;32")
        for note in d.notes { out += "\n \(pad) = \(note.text(in: language))" }
        if let origin = d.origin, let (at, excerpt) = place(origin, in: sources) {
            out += "\n \(pad) = " + (d.originInLibrary ? language.pick("注意：出自 \(at)", "note: raised in \(at)")
                                                         : language.pick("注意：出自 \(at)：\(excerpt)", "note: raised in \(at): \(excerpt)"))
        }
        // A long chain of modules shows its innermost and outermost uses, not all of them.
        let uses = d.usedAt.count > 6 ? Array(d.usedAt.prefix(3)) + [nil] + Array(d.usedAt.suffix(2)) : d.usedAt.map { Optional($0) }
        for use in uses {
            guard let use else {
                let more = d.usedAt.count - 5
                out += "\n \(pad) = " + language.pick("注意：……另有 \(more) 处引用", "note: … and \(more) more uses")
                continue
            }
            guard let (at, excerpt) = place(use, in: sources) else { continue }
            out += "\n \(pad) = " + language.pick("注意：模块引用于 \(at)：\(excerpt)", "note: in the module used at \(at): \(excerpt)")
        }
        return out
    }

    /// `FILE:LINE:COL` of a span and its line, trimmed and cut at 100 characters, for a note.
    private func place(_ span: SourceSpan, in sources: [SourceFile]) -> (String, String)? {
        guard span.file >= 0 && Int(span.file) < sources.count else { return nil }
        let source = sources[Int(span.file)]
        let (line, _) = source.position(of: Int(span.start))
        var excerpt = source.line(line).trimmingSpaces
        if excerpt.unicodeScalars.count > 100 { excerpt = String(String.UnicodeScalarView(excerpt.unicodeScalars.prefix(100))) + "…" }
        return (source.location(of: Int(span.start)), excerpt)
    }

    private func paint(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

extension String {
    /// A character as it can be printed: a tab as a space, other control characters (a NUL, which a
    /// C string would end at) as their pictures (`␀`), one column wide like the character they stand for.
    fileprivate static func visible(_ s: Unicode.Scalar) -> Unicode.Scalar {
        switch s.value {
        case 0x09: " "
        case 0x00...0x1F: Unicode.Scalar(0x2400 + s.value) ?? "?"
        case 0x7F: "\u{2421}"
        default: s
        }
    }

    /// Without leading and trailing spaces and tabs.
    fileprivate var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
              let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        return String(scalars[first...last])
    }
}
