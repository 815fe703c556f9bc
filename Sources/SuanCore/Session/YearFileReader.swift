/// A direct reader for year files that are pure data — `year 2022 { … }` holding numbers with
/// units, strings, lists, records, `project`/`indicator` blocks, targets and Stdlib names such as
/// `产出.数量` — straight from the scalars to values, without tokens, syntax tree or checked code.
///
/// A province's year of 10,000 projects is almost all such data, and reading it this way is several
/// times faster than the general pipeline. The reader gives up (returns nil) at anything else —
/// an expression, an unknown count word, a repeated field, a syntax error — and the session then
/// evaluates the file through the full pipeline, which also produces the positioned diagnostics.
/// Both routes build the same values; a test holds them equal on every bundled year.
struct YearFileReader {
    let scalars: [Unicode.Scalar]
    let file: Int32
    /// Count words the Stdlib declares.
    let units: Set<ExactText>
    /// Resolves a Stdlib name (`产出`, `达成`) to its value.
    let lookup: (String) -> Value?
    var index = 0
    /// Where reading reports how far it has got (scalars read of all), and how far it reported.
    var meter: ProgressMeter? = nil
    var reported = 0
    /// Stdlib names already resolved (`产出` is named once per indicator), hashed by their bytes.
    var resolved: [ExactText: Value] = [:]
    /// The field names of the last record of each kind: the next record with the same names shares
    /// this array instead of holding its own (100,000 projects' indicators, one array).
    var lastKeys: [RecordKind: [String]] = [:]

    struct GiveUp: Error {}

    init(_ source: SourceFile, file: Int32, units: Set<String>, lookup: @escaping (String) -> Value?) {
        self.scalars = source.scalars
        self.file = file
        self.units = Set(units.map(ExactText.init))
        self.lookup = lookup
    }

    /// The year record, or nil when the file needs the general pipeline.
    static func read(_ source: SourceFile, file: Int32, units: Set<String>, lookup: @escaping (String) -> Value?,
                     progress: (@Sendable (ProgressReport) -> Void)? = nil) -> Record? {
        var reader = YearFileReader(source, file: file, units: units, lookup: lookup)
        reader.meter = ProgressMeter(.load, total: source.scalars.count, report: progress)
        defer { reader.meter?.clear() }
        guard let year = try? reader.yearBlock() else { return nil }
        return year
    }

    // MARK: Scanning

    @inline(__always)
    func peek() -> Unicode.Scalar? {
        index < scalars.count ? Lexer.normalized(scalars[index]) : nil
    }

    /// Skips spaces, comments and (when `newlines`) line ends; returns whether a line end was crossed.
    @discardableResult
    mutating func skip(newlines: Bool = true) -> Bool {
        var crossed = false
        while let s = peek() {
            if s == " " || s == "\t" || s == "\r" || s == "\u{3000}" || s == "\u{FEFF}" { index += 1 }
            else if s == "#" { while let c = peek(), c != "\n" { index += 1 } }
            else if s == "\n" && newlines { index += 1; crossed = true }
            else { break }
        }
        return crossed
    }

    mutating func expect(_ s: Unicode.Scalar) throws(GiveUp) {
        skip()
        guard peek() == s else { throw GiveUp() }
        index += 1
    }

    mutating func word() -> String? {
        guard let s = peek(), Lexer.isIdentifierStart(s) else { return nil }
        var view = String.UnicodeScalarView()
        while let c = peek(), Lexer.isIdentifierContinue(c) { view.append(c); index += 1 }
        return String(view)
    }

    mutating func string() throws(GiveUp) -> String {
        guard let open = peek(), open == "\"" || open == "“" || open == "「" else { throw GiveUp() }
        let close: Unicode.Scalar = open == "“" ? "”" : (open == "「" ? "」" : "\"")
        index += 1
        var view = String.UnicodeScalarView()
        while index < scalars.count {
            let c = scalars[index]
            index += 1
            if c == close { return String(view) }
            if c == "\\" || c == "\n" || c == "\u{FFFD}" { throw GiveUp() }
            view.append(c)
        }
        throw GiveUp()
    }

    // MARK: Grammar

    /// year NUMBER { entries }
    mutating func yearBlock() throws(GiveUp) -> Record {
        skip()
        guard word() == "year" else { throw GiveUp() }
        skip()
        let numberStart = index
        guard case .number(let year) = try number() else { throw GiveUp() }
        let header = SourceSpan(file: file, start: numberStart, end: index)
        let record = try entries(kind: .year, header: ("年度", .number(year), header))
        skip()
        guard index >= scalars.count else { throw GiveUp() }
        return record
    }

    /// '{' key ':' value { sep key ':' value } '}' — the header entry first, as the checker puts it.
    mutating func entries(kind: RecordKind?, header: (String, Value, SourceSpan)?) throws(GiveUp) -> Record {
        try expect("{")
        var keys: [String] = [], values: [Value] = [], spans: [SourceSpan] = []
        // Room for an indicator's or a project's fields at once, instead of growing 1, 2, 4, 8.
        keys.reserveCapacity(6); values.reserveCapacity(6); spans.reserveCapacity(6)
        if let (key, value, span) = header { keys.append(key); values.append(value); spans.append(span) }
        var headerPending = header != nil
        while true {
            skip()
            while peek() == "," || peek() == ";" { index += 1; skip() }
            if peek() == "}" { index += 1; break }
            let key: String
            if peek() == "\"" { key = try string() } else if let w = word() { key = w } else { throw GiveUp() }
            try expect(":")
            skip()
            let start = index
            let value = try self.value()
            if headerPending, let h = header, ExactText(key) == ExactText(h.0) {
                // An explicit 名称/年度 replaces the header, as in the checker.
                keys.removeFirst(); values.removeFirst(); spans.removeFirst()
                headerPending = false
            }
            guard !keys.contains(where: { ExactText($0) == ExactText(key) }) else { throw GiveUp() }
            keys.append(key); values.append(value); spans.append(SourceSpan(file: file, start: start, end: index))
            let crossed = skip(newlines: true)
            guard crossed || peek() == "," || peek() == ";" || peek() == "}" else { throw GiveUp() }
        }
        if kind == .project, let meter {
            meter.advance(index - reported)
            reported = index
        }
        if let kind {
            if let last = lastKeys[kind], last.count == keys.count, zip(last, keys).allSatisfy({ ExactText.same($0, $1) }) {
                keys = last
            } else {
                lastKeys[kind] = keys
            }
        }
        return Record(kind: kind, keys: keys, values: values, spans: kind == nil ? [] : spans)
    }

    mutating func value() throws(GiveUp) -> Value {
        skip()
        guard let s = peek() else { throw GiveUp() }
        switch s {
        case "\"", "“", "「":
            return .string(try string())
        case "[":
            index += 1
            var items: [Value] = []
            while true {
                skip()
                if peek() == "]" { index += 1; break }
                items.append(try value())
                skip()
                if peek() == "," { index += 1; continue }
                guard peek() == "]" else { throw GiveUp() }
            }
            return .list(items)
        case "{":
            return .record(try entries(kind: nil, header: nil))
        case ">", "<", "=", "≥", "≤":
            index += 1
            let op: ComparisonOperator
            switch s {
            case ">": op = peek() == "=" ? .greaterEqual : .greater
            case "<": op = peek() == "=" ? .lessEqual : .less
            case "=": guard peek() == "=" else { throw GiveUp() }; op = .equal
            case "≥": op = .greaterEqual
            default: op = .lessEqual
            }
            if (s == ">" || s == "<" || s == "=") && peek() == "=" { index += 1 }
            skip(newlines: false)
            let target = try value()
            guard target.dimension != nil else { throw GiveUp() }
            return .target(op, Value.Box(target))
        case "-":
            index += 1
            guard let n = try? value(), let negated = try? Arithmetic.negate(n, span: .none), n.dimension != nil else { throw GiveUp() }
            return negated
        default:
            if Lexer.isDigit(s) { return try number() }
            let start = index
            guard let w = word() else { throw GiveUp() }
            switch w {
            case "true": return .bool(true)
            case "false": return .bool(false)
            case "project", "indicator":
                skip()
                let nameStart = index
                let name = try string()
                return .record(try entries(kind: RecordKind(rawValue: w), header: ("名称", .string(name), SourceSpan(file: file, start: nameStart, end: index))))
            default:
                guard !(w.unicodeScalars.first!.isASCII && Keyword(rawValue: w) != nil), var v = resolve(w) else { index = start; throw GiveUp() }
                while peek() == "." {
                    index += 1
                    guard let field = word(), case .record(let r) = v, let next = r[field] else { throw GiveUp() }
                    v = next
                }
                return v
            }
        }
    }

    mutating func resolve(_ name: String) -> Value? {
        let key = ExactText(name)
        if let known = resolved[key] { return known }
        guard let v = lookup(name) else { return nil }
        resolved[key] = v
        return v
    }

    /// Digits [. digits] with an optional unit written right after them (or a built-in one after a space).
    mutating func number() throws(GiveUp) -> Value {
        var digits = String.UnicodeScalarView()
        func run(_ r: inout YearFileReader) {
            while let c = r.peek(), Lexer.isDigit(c) || (c == "_" && r.index + 1 < r.scalars.count && Lexer.isDigit(Lexer.normalized(r.scalars[r.index + 1]))) {
                if c != "_" { digits.append(c) }
                r.index += 1
            }
        }
        run(&self)
        if peek() == ".", index + 1 < scalars.count, Lexer.isDigit(Lexer.normalized(scalars[index + 1])) {
            digits.append("."); index += 1
            run(&self)
        }
        guard let value = try? ExactDecimal(parsing: String(digits)) else { throw GiveUp() }
        let beforeSpace = index
        skip(newlines: false)
        let spaced = index != beforeSpace
        var unit: UnitWord? = nil
        if peek() == "%" { index += 1; unit = .ratio(.percent) }
        else if peek() == "‰" { index += 1; unit = .ratio(.permille) }
        else {
            let wordStart = index
            if let w = word() {
                if let builtin = UnitWord.builtin(w) { unit = builtin }
                else if !spaced && units.contains(ExactText(w)) { unit = .tag(w) }
                else { throw GiveUp() }  // an unknown count word, or a name after a number
            } else {
                index = wordStart
            }
        }
        if unit == nil { index = beforeSpace }
        guard let unit else { return .number(value) }
        guard let v = try? Arithmetic.literal(value, unit: unit) else { throw GiveUp() }
        return v
    }
}
