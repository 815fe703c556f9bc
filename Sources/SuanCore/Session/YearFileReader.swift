/// A direct reader for year files that are pure data — `year 2022 { … }` holding numbers with
/// units, strings, lists, records, `project`/`indicator` blocks, targets and Stdlib names such as
/// `产出.数量` — straight from the UTF-8 bytes to values, in one pass, without tokens, syntax tree or
/// checked code.
///
/// A province's year of 100,000 projects is almost all such data. Names and strings are sliced from
/// the bytes, numbers are read digit by digit into ``ExactDecimal``, and spans count scalars as the
/// bytes pass (a byte that does not continue a UTF-8 sequence starts one), so nothing holds the
/// file as scalars or lines; positions are worked out only when a diagnostic is shown
/// (``SourceFile``). Full-width punctuation outside strings reads as its ASCII twin, as the lexer
/// reads it (``Lexer/normalized(_:)``), decoded only at bytes that are not ASCII.
///
/// The reader gives up (returns nil) at anything else — an expression, an unknown count word, a
/// repeated field, a syntax error — and the session then evaluates the file through the full
/// pipeline, which also produces the positioned diagnostics. Both routes build the same values; a
/// test holds them equal on every bundled year.
struct YearFileReader {
    let bytes: UnsafeBufferPointer<UInt8>
    let file: Int32
    /// Count words the Stdlib declares.
    let units: Set<ExactText>
    /// Resolves a Stdlib name (`产出`, `达成`) to its value.
    let lookup: (String) -> Value?
    /// Whether records keep the span of each field (see ``read(_:file:units:lookup:progress:keepsSpans:jobs:)``).
    let keepsSpans: Bool
    /// Threads the project list may be read on (``splitList()``).
    var jobs = 1
    /// Whether the next list is a year's 项目, the one list worth splitting.
    var projectListNext = false
    /// Where reading is: the next byte, and the scalar offset of that byte (what spans count).
    var at = Mark(byte: 0, scalar: 0)
    /// Where reading reports how far it has got (bytes read of all), and how far it reported.
    var meter: ProgressMeter? = nil
    var reported = 0
    /// Stdlib names already resolved (`产出` is named once per indicator), hashed by their bytes.
    var resolved: [ExactText: Value] = [:]
    /// The field names of the last record of each kind: the next record with the same names shares
    /// this array instead of holding its own (100,000 projects' indicators, one array).
    var lastKeys: [RecordKind: [String]] = [:]
    /// The length of the last list read at each depth: the next list there reserves as much (every
    /// project's 指标 list, five indicators, without growing 1, 2, 4, 8).
    var listRooms: [Int] = []
    /// Arrays to read a record's names and values into, one pair for each record being read (they
    /// nest: a project's indicators are read while the project is), kept for the next.
    var scratch: [([String], [Value])] = []
    var listDepth = 0
    /// Targets read so far, by their text (`>= 95%`): a target written the same way again shares
    /// its box. Targets are immutable; at most ``sharedTargetLimit`` texts are kept.
    var sharedTargets: [ExactText: Value.Box] = [:]
    static let sharedTargetLimit = 4096
    /// Unit words met after numbers (`万元`, `件`, `%` is no word), found again by their bytes: a
    /// built-in unit, or a count word the Stdlib declares (only written right after the digits).
    var knownUnits: [(word: String, unit: UnitWord, builtin: Bool)] = []

    struct GiveUp: Error {}

    /// A place in the text: a byte offset and the scalar offset there.
    struct Mark: Equatable {
        var byte: Int
        var scalar: Int
    }

    init(_ bytes: UnsafeBufferPointer<UInt8>, file: Int32, units: Set<String>, lookup: @escaping (String) -> Value?, keepsSpans: Bool = true) {
        self.bytes = bytes
        self.file = file
        self.units = Set(units.map(ExactText.init))
        self.lookup = lookup
        self.keepsSpans = keepsSpans
    }

    /// The year record, or nil when the file needs the general pipeline. Without `keepsSpans` its
    /// records hold no spans: a year that passes its checks needs no positions, and 100,000
    /// projects' would take 60 MB.
    static func read(_ source: SourceFile, file: Int32, units: Set<String>, lookup: @escaping (String) -> Value?,
                     progress: (@Sendable (ProgressReport) -> Void)? = nil, keepsSpans: Bool = true, jobs: Int = 1) -> Record? {
        source.withUTF8 { bytes in
            var reader = YearFileReader(bytes, file: file, units: units, lookup: lookup, keepsSpans: keepsSpans)
            reader.jobs = jobs
            reader.meter = ProgressMeter(.load, total: bytes.count, report: progress)
            defer { reader.meter?.clear() }
            return try? reader.yearBlock()
        }
    }

    // MARK: Scanning

    var atEnd: Bool { at.byte >= bytes.count }

    /// The scalar at `byte` as the lexer reads it (full-width punctuation as ASCII), and its length.
    @inline(__always)
    func scalar(at byte: Int) -> (Unicode.Scalar, Int) {
        let b = bytes[byte]
        if b < 0x80 { return (Unicode.Scalar(b), 1) }
        let (s, n) = UTF8Bytes.scalar(at: byte, in: bytes)
        return (Lexer.normalized(s), n)
    }

    @inline(__always)
    func peek() -> Unicode.Scalar? {
        atEnd ? nil : scalar(at: at.byte).0
    }

    /// The scalar after the next one, as the lexer reads it.
    func peekSecond() -> Unicode.Scalar? {
        guard !atEnd else { return nil }
        let next = at.byte + UTF8Bytes.length(ofScalarAt: bytes[at.byte])
        return next < bytes.count ? scalar(at: next).0 : nil
    }

    /// Moves past the next scalar.
    @inline(__always)
    mutating func advance() {
        at.byte += UTF8Bytes.length(ofScalarAt: bytes[at.byte])
        at.scalar += 1
    }

    /// Skips spaces, comments and (when `newlines`) line ends; returns whether a line end was crossed.
    @discardableResult
    mutating func skip(newlines: Bool = true) -> Bool {
        var crossed = false
        while !atEnd {
            let b = bytes[at.byte]
            if b == 0x20 || b == 0x09 || b == 0x0D {
                at.byte += 1; at.scalar += 1
            } else if b == 0x0A && newlines {
                at.byte += 1; at.scalar += 1; crossed = true
            } else if b == UInt8(ascii: "#") {
                while !atEnd && bytes[at.byte] != 0x0A {
                    if bytes[at.byte] & 0xC0 != 0x80 { at.scalar += 1 }
                    at.byte += 1
                }
            } else if b >= 0x80, case let (s, n) = UTF8Bytes.scalar(at: at.byte, in: bytes), s == "\u{3000}" || s == "\u{FEFF}" {
                at.byte += n; at.scalar += 1
            } else {
                break
            }
        }
        return crossed
    }

    mutating func expect(_ s: Unicode.Scalar) throws(GiveUp) {
        skip()
        guard peek() == s else { throw GiveUp() }
        advance()
    }

    /// A name's bytes (letters, digits, `_`), and whether they are the name as the lexer reads it
    /// (false when a full-width digit in it reads as its ASCII twin).
    mutating func wordBytes() -> (Range<Int>, exact: Bool)? {
        guard let s = peek(), Lexer.isIdentifierStart(s) else { return nil }
        let first = at.byte
        var exact = true
        while !atEnd {
            let b = bytes[at.byte]
            if b < 0x80 {
                guard Lexer.isIdentifierContinue(Unicode.Scalar(b)) else { break }
                at.byte += 1
            } else {
                let (raw, n) = UTF8Bytes.scalar(at: at.byte, in: bytes)
                let c = Lexer.normalized(raw)
                guard Lexer.isIdentifierContinue(c) else { break }
                if c != raw { exact = false }
                at.byte += n
            }
            at.scalar += 1
        }
        return (first..<at.byte, exact)
    }

    /// The text of a name read by ``wordBytes()``.
    func text(_ range: Range<Int>, exact: Bool) -> String {
        if exact { return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
        var view = String.UnicodeScalarView()
        var i = range.lowerBound
        while i < range.upperBound {
            let (s, n) = scalar(at: i)
            view.append(s)
            i += n
        }
        return String(view)
    }

    /// Whether the bytes of `range` are those of `text`.
    func bytes(_ range: Range<Int>, are text: String) -> Bool {
        var text = text
        return text.withUTF8 { t in
            guard t.count == range.count else { return false }
            for i in 0..<t.count where t[i] != bytes[range.lowerBound + i] { return false }
            return true
        }
    }

    mutating func word() -> String? {
        wordBytes().map { text($0.0, exact: $0.exact) }
    }

    /// A string's text, raw between its quotes (no escapes, no line ends: those go the general way).
    mutating func string() throws(GiveUp) -> String {
        guard let open = peek(), open == "\"" || open == "“" || open == "「" else { throw GiveUp() }
        let close: Unicode.Scalar = open == "“" ? "”" : (open == "「" ? "」" : "\"")
        advance()
        let first = at.byte
        while !atEnd {
            let (c, n) = UTF8Bytes.scalar(at: at.byte, in: bytes)
            if c == close {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[first..<at.byte]), as: UTF8.self)
                at.byte += n; at.scalar += 1
                return text
            }
            if c == "\\" || c == "\n" || c == "\u{FFFD}" { throw GiveUp() }
            at.byte += n; at.scalar += 1
        }
        throw GiveUp()
    }

    // MARK: Grammar

    /// year NUMBER { entries }
    mutating func yearBlock() throws(GiveUp) -> Record {
        skip()
        guard let (range, _) = wordBytes(), bytes(range, are: "year") else { throw GiveUp() }
        skip()
        let numberStart = at.scalar
        guard case .number(let year) = try number() else { throw GiveUp() }
        let header = SourceSpan(file: file, start: numberStart, end: at.scalar)
        let record = try entries(kind: .year, header: ("年度", .number(year), header))
        skip()
        guard atEnd else { throw GiveUp() }
        return record
    }

    /// A field's name: a string or a word. When `known` has the same bytes, it is that string, so
    /// that records of one shape hold one array of names.
    mutating func key(known: String?) throws(GiveUp) -> String {
        if peek() == "\"" { return try string() }
        guard let (range, exact) = wordBytes() else { throw GiveUp() }
        if exact, let known, bytes(range, are: known) { return known }
        return text(range, exact: exact)
    }

    /// '{' key ':' value { sep key ':' value } '}' — the header entry first, as the checker puts it.
    mutating func entries(kind: RecordKind?, header: (String, Value, SourceSpan)?) throws(GiveUp) -> Record {
        try expect("{")
        let last = kind.flatMap { lastKeys[$0] }
        // The arrays of the last record read at this depth, emptied: the record copies its values
        // out, so 600,000 records need no arrays of their own while read.
        var (keys, values) = scratch.popLast() ?? ([], [])
        keys.removeAll(keepingCapacity: true); values.removeAll(keepingCapacity: true)
        var spans: [SourceSpan] = []
        // Room for the fields of the record before it (an indicator's or a project's) at once.
        let room = last?.count ?? 6
        keys.reserveCapacity(room); values.reserveCapacity(room)
        let spansKept = kind != nil && keepsSpans
        if spansKept { spans.reserveCapacity(room) }
        if let (key, value, span) = header { keys.append(key); values.append(value); if spansKept { spans.append(span) } }
        var headerPending = header != nil
        while true {
            skip()
            while peek() == "," || peek() == ";" { advance(); skip() }
            if peek() == "}" { advance(); break }
            let key = try self.key(known: last.flatMap { keys.count < $0.count ? $0[keys.count] : nil })
            try expect(":")
            skip()
            let start = at.scalar
            projectListNext = kind == .year && ExactText.same(key, "项目")
            let value = try self.value()
            if headerPending, let h = header, ExactText.same(key, h.0) {
                // An explicit 名称/年度 replaces the header, as in the checker.
                keys.removeFirst(); values.removeFirst()
                if spansKept { spans.removeFirst() }
                headerPending = false
            }
            guard !keys.contains(where: { ExactText.same($0, key) }) else { throw GiveUp() }
            keys.append(key); values.append(value)
            if spansKept { spans.append(SourceSpan(file: file, start: start, end: at.scalar)) }
            let crossed = skip(newlines: true)
            guard crossed || peek() == "," || peek() == ";" || peek() == "}" else { throw GiveUp() }
        }
        if kind == .project, let meter {
            meter.advance(at.byte - reported)
            reported = at.byte
        }
        var names = keys
        if let kind {
            if let last, last.count == keys.count, zip(last, keys).allSatisfy({ ExactText.same($0, $1) }) {
                names = last
            } else {
                lastKeys[kind] = keys
            }
        }
        let record = Record(kind: kind, keys: names, values: values, spans: spansKept ? spans : [])
        scratch.append((keys, values))
        return record
    }

    mutating func value() throws(GiveUp) -> Value {
        skip()
        guard let s = peek() else { throw GiveUp() }
        switch s {
        case "\"", "“", "「":
            return .string(try string())
        case "[":
            advance()
            if projectListNext {
                projectListNext = false
                listDepth += 1
                defer { listDepth -= 1 }
                if let items = try splitList() { return .list(items) }
                return .list(try listItems(stoppingAt: nil).items)
            }
            let depth = listDepth
            listDepth += 1
            var items: [Value] = []
            if depth < listRooms.count { items.reserveCapacity(listRooms[depth]) }
            while true {
                skip()
                if peek() == "]" { advance(); break }
                items.append(try value())
                skip()
                if peek() == "," { advance(); continue }
                guard peek() == "]" else { throw GiveUp() }
            }
            listDepth = depth
            if depth < listRooms.count { listRooms[depth] = items.count } else { listRooms.append(items.count) }
            return .list(items)
        case "{":
            return .record(try entries(kind: nil, header: nil))
        case ">", "<", "=", "≥", "≤":
            let opening = at.byte
            advance()
            let op: ComparisonOperator
            switch s {
            case ">": op = peek() == "=" ? .greaterEqual : .greater
            case "<": op = peek() == "=" ? .lessEqual : .less
            case "=": guard peek() == "=" else { throw GiveUp() }; op = .equal
            case "≥": op = .greaterEqual
            default: op = .lessEqual
            }
            if (s == ">" || s == "<" || s == "=") && peek() == "=" { advance() }
            skip(newlines: false)
            let target = try value()
            guard target.dimension != nil else { throw GiveUp() }
            let text = ExactText(String(decoding: UnsafeBufferPointer(rebasing: bytes[opening..<at.byte]), as: UTF8.self))
            if let shared = sharedTargets[text] { return .target(op, shared) }
            let box = Value.Box(target)
            if sharedTargets.count < Self.sharedTargetLimit { sharedTargets[text] = box }
            return .target(op, box)
        case "-":
            advance()
            guard let n = try? value(), let negated = try? Arithmetic.negate(n, span: .none), n.dimension != nil else { throw GiveUp() }
            return negated
        default:
            if Lexer.isDigit(s) { return try number() }
            guard let (range, exact) = wordBytes() else { throw GiveUp() }
            if bytes(range, are: "true") { return .bool(true) }
            if bytes(range, are: "false") { return .bool(false) }
            let kind: RecordKind? = bytes(range, are: "project") ? .project : (bytes(range, are: "indicator") ? .indicator : nil)
            if let kind {
                skip()
                let nameStart = at.scalar
                let name = try string()
                return .record(try entries(kind: kind, header: ("名称", .string(name), SourceSpan(file: file, start: nameStart, end: at.scalar))))
            }
            let w = text(range, exact: exact)
            guard !(s.isASCII && Keyword(rawValue: w) != nil), var v = resolve(w) else { throw GiveUp() }
            while peek() == "." {
                advance()
                guard let field = word(), case .record(let r) = v, let next = r[field] else { throw GiveUp() }
                v = next
            }
            return v
        }
    }

    /// `w` as the unit of a number: a built-in unit, or a count word the Stdlib declares; nil for
    /// an unknown word.
    func unitWord(_ w: String) -> (word: String, unit: UnitWord, builtin: Bool)? {
        if let builtin = UnitWord.builtin(w) { return (w, builtin, true) }
        if units.contains(ExactText(w)) { return (w, .tag(w), false) }
        return nil
    }

    mutating func resolve(_ name: String) -> Value? {
        let key = ExactText(name)
        if let known = resolved[key] { return known }
        guard let v = lookup(name) else { return nil }
        resolved[key] = v
        return v
    }

    /// Digits [. digits] with an optional unit written right after them (or a built-in one after a
    /// space). The digits go straight into the decimal's coefficient, with the same 38-digit limit
    /// as ``ExactDecimal/init(parsing:allowGrouping:)``; past it the general pipeline says why.
    mutating func number() throws(GiveUp) -> Value {
        // Up to 17 digits in 64 bits; past them in 128, checked against the 38-digit limit.
        var low: UInt64 = 0
        var coefficient: Int128 = 0
        var wide = false
        var scale: Int32 = 0
        var seenDigit = false
        func run(_ r: inout YearFileReader, fraction: Bool) throws(GiveUp) {
            while let c = r.peek(), Lexer.isDigit(c) || (c == "_" && r.peekSecond().map(Lexer.isDigit) == true) {
                if c != "_" {
                    let digit = UInt64(c.value - 0x30)
                    if !wide && low < 10_000_000_000_000_000 {
                        low = low * 10 + digit
                    } else {
                        if !wide { coefficient = Int128(low); wide = true }
                        let (times, o1) = coefficient.multipliedReportingOverflow(by: 10)
                        let (plus, o2) = times.addingReportingOverflow(Int128(digit))
                        guard !o1, !o2, plus.magnitude < ExactDecimal.digitLimit else { throw GiveUp() }
                        coefficient = plus
                    }
                    seenDigit = true
                    if fraction { scale += 1 }
                }
                r.advance()
            }
        }
        try run(&self, fraction: false)
        if peek() == ".", let after = peekSecond(), Lexer.isDigit(after) {
            advance()
            try run(&self, fraction: true)
        }
        guard seenDigit else { throw GiveUp() }
        let value = ExactDecimal(unchecked: wide ? coefficient : Int128(low), scale: scale)
        let beforeSpace = at
        skip(newlines: false)
        let spaced = at != beforeSpace
        var unit: UnitWord? = nil
        if peek() == "%" { advance(); unit = .ratio(.percent) }
        else if peek() == "‰" { advance(); unit = .ratio(.permille) }
        else {
            let wordStart = at
            if let (range, exact) = wordBytes() {
                let known = exact ? knownUnits.first { bytes(range, are: $0.word) } : nil
                guard let (word, found, builtin) = known ?? unitWord(text(range, exact: exact)) else { throw GiveUp() }
                if known == nil && exact { knownUnits.append((word, found, builtin)) }
                // A count word only right after the digits; otherwise it is a name after a number.
                guard builtin || !spaced else { throw GiveUp() }
                unit = found
            } else {
                at = wordStart
            }
        }
        if unit == nil { at = beforeSpace }
        guard let unit else { return .number(value) }
        guard let v = try? Arithmetic.literal(value, unit: unit) else { throw GiveUp() }
        return v
    }
}
