/// One piece of source text Suan has read: a script, a `-e` argument, a REPL line, a Stdlib module,
/// a year file or a CSV table.
///
/// The text is kept as the UTF-8 it was read as; spans count Unicode scalars, so that offsets,
/// columns and carets agree for CJK text. Readers count scalars as they pass the bytes; the lines
/// and the scalar-to-byte table (``SourceIndex``) are built only when a position, a line or the
/// text of a span is asked for — for a diagnostic, a `--step` excerpt, an editor.
public struct SourceFile: Sendable {
    /// The name diagnostics print: a path, `<expr>`, `<input:3>`, `Stdlib/prelude.suan`.
    public let name: String
    /// The text as read. A byte order mark stays in it; scalar views read it as a space, so that
    /// columns stay put.
    public let text: String
    /// For a spreadsheet rendered as text: where its cells are, so positions are cell references.
    public let cells: SourceCells?
    private let index = SourceIndex()

    public init(name: String, text: String, cells: SourceCells? = nil) {
        self.name = name
        var text = text
        text.makeContiguousUTF8()
        self.text = text
        self.cells = cells
    }

    /// Calls `body` with the text's UTF-8 bytes.
    public func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        var copy = text
        return try copy.withUTF8(body)
    }

    func table() -> SourceIndex.Table {
        withUTF8 { index.table($0) }
    }

    /// How many Unicode scalars the text holds.
    public var scalarCount: Int { table().scalarCount }

    /// Every scalar of the text, as the lexer reads them (a byte order mark as a space).
    public func decodedScalars() -> [Unicode.Scalar] {
        withUTF8 { bytes in
            var scalars: [Unicode.Scalar] = []
            // Exactly as many as there are scalars: a byte that does not continue a sequence starts one.
            var count = 0
            for b in bytes where b & 0xC0 != 0x80 { count += 1 }
            scalars.reserveCapacity(count)
            var i = 0
            while i < bytes.count {
                let (s, n) = UTF8Bytes.scalar(at: i, in: bytes)
                scalars.append(s)
                i += n
            }
            if scalars.first == "\u{FEFF}" { scalars[0] = " " }
            return scalars
        }
    }

    /// The scalars in `range` (scalar offsets, clamped to the text), a byte order mark as a space.
    public func scalars(_ range: Range<Int>) -> [Unicode.Scalar] {
        withUTF8 { bytes in
            let table = index.table(bytes)
            let lo = max(0, min(range.lowerBound, table.scalarCount)), hi = max(lo, min(range.upperBound, table.scalarCount))
            var scalars: [Unicode.Scalar] = []
            scalars.reserveCapacity(hi - lo)
            var i = table.byteOffset(of: lo, in: bytes)
            for _ in lo..<hi {
                let (s, n) = UTF8Bytes.scalar(at: i, in: bytes)
                scalars.append(s)
                i += n
            }
            if lo == 0, scalars.first == "\u{FEFF}" { scalars[0] = " " }
            return scalars
        }
    }

    /// 1-based line and column (in characters) of an offset.
    public func position(of offset: Int) -> (line: Int, column: Int) {
        let lineStarts = table().lineStarts
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if Int(lineStarts[mid]) <= offset { low = mid } else { high = mid - 1 }
        }
        return (low + 1, offset - Int(lineStarts[low]) + 1)
    }

    /// Where an offset is, as diagnostics print it: `name:line:column`, or `name!C7` in a sheet.
    public func location(of offset: Int) -> String {
        if let reference = cells?.reference(at: offset) { return "\(name)!\(reference)" }
        let (line, column) = position(of: offset)
        return "\(name):\(line):\(column)"
    }

    /// The scalar offsets where a 1-based line starts and ends (before its `\n`, a `\r` included);
    /// nil for a line the text does not have.
    public func lineBounds(_ number: Int) -> (start: Int, end: Int)? {
        let table = table()
        guard number >= 1 && number <= table.lineStarts.count else { return nil }
        let start = Int(table.lineStarts[number - 1])
        let end = number < table.lineStarts.count ? Int(table.lineStarts[number]) - 1 : table.scalarCount
        return (start, end)
    }

    /// The text of a 1-based line, without its line end.
    public func line(_ number: Int) -> String {
        guard let (start, end) = lineBounds(number) else { return "" }
        var scalars = self.scalars(start..<max(start, end))
        if scalars.last == "\r" { scalars.removeLast() }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    public func text(_ span: SourceSpan) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars(Int(span.start)..<max(Int(span.start), Int(span.end))))
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
