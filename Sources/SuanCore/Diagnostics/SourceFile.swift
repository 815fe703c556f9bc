/// One piece of source text Suan has read: a script, a `-e` argument, a REPL line, a Stdlib module.
///
/// Text is held as Unicode scalars so that offsets, columns and carets agree for CJK text.
public struct SourceFile: Sendable {
    /// The name diagnostics print: a path, `<expr>`, `<input:3>`, `Stdlib/prelude.suan`.
    public let name: String
    public let scalars: [Unicode.Scalar]
    /// Offsets of the first scalar of each line.
    let lineStarts: [Int]
    /// For a spreadsheet rendered as text: where its cells are, so positions are cell references.
    public let cells: SourceCells?

    public init(name: String, text: String, cells: SourceCells? = nil) {
        self.name = name
        self.cells = cells
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars[0] = " " }  // a BOM reads as a space, so columns stay put
        self.scalars = scalars
        var starts = [0]
        for (i, s) in scalars.enumerated() where s == "\n" { starts.append(i + 1) }
        self.lineStarts = starts
    }

    /// 1-based line and column (in characters) of an offset.
    public func position(of offset: Int) -> (line: Int, column: Int) {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return (low + 1, offset - lineStarts[low] + 1)
    }

    /// Where an offset is, as diagnostics print it: `name:line:column`, or `name!C7` in a sheet.
    public func location(of offset: Int) -> String {
        if let reference = cells?.reference(at: offset) { return "\(name)!\(reference)" }
        let (line, column) = position(of: offset)
        return "\(name):\(line):\(column)"
    }

    /// The text of a 1-based line, without its line end.
    public func line(_ number: Int) -> String {
        guard number >= 1 && number <= lineStarts.count else { return "" }
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] - 1 : scalars.count
        if end > start && end <= scalars.count && scalars[end - 1] == "\r" { end -= 1 }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<max(start, min(end, scalars.count))])
        return String(view)
    }

    public func text(_ span: SourceSpan) -> String {
        let lo = max(0, min(Int(span.start), scalars.count)), hi = max(lo, min(Int(span.end), scalars.count))
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[lo..<hi])
        return String(view)
    }
}

/// Where something is in the session's sources: a file index and a range of scalar offsets.
public struct SourceSpan: Sendable, Hashable {
    public var file: Int32
    public var start: Int32
    public var end: Int32

    public init(file: Int32, start: Int, end: Int) {
        self.file = file
        self.start = Int32(clamping: start)
        self.end = Int32(clamping: end)
    }

    /// The span covering both.
    public func through(_ other: SourceSpan) -> SourceSpan {
        SourceSpan(file: file, start: Int(min(start, other.start)), end: Int(max(end, other.end)))
    }

    /// Used for values built by Swift code (no text to point at).
    public static let none = SourceSpan(file: -1, start: 0, end: 0)
}
