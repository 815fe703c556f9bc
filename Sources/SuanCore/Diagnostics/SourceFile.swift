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
        // One pass over the UTF-8 bytes (a `String` holds valid UTF-8), scalars and line starts together.
        var scalars: [Unicode.Scalar] = []
        var starts = [0]
        var copy = text
        copy.withUTF8 { bytes in
            // Exactly as many as there are scalars: a byte that does not continue a sequence starts one.
            var count = 0
            for b in bytes where b & 0xC0 != 0x80 { count += 1 }
            scalars.reserveCapacity(count)
            var i = 0
            let n = bytes.count
            while i < n {
                let b = UInt32(bytes[i])
                var v: UInt32
                if b < 0x80 {
                    v = b; i += 1
                    if b == 0x0A { scalars.append("\n"); starts.append(scalars.count); continue }
                } else if b < 0xE0 {
                    v = (b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F); i += 2
                } else if b < 0xF0 {
                    v = (b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F); i += 3
                } else {
                    v = (b & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F); i += 4
                }
                scalars.append(Unicode.Scalar(v) ?? "\u{FFFD}")
            }
        }
        if scalars.first == "\u{FEFF}" { scalars[0] = " " }  // a BOM reads as a space, so columns stay put
        self.scalars = scalars
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
