/// How money shows: 元, 万元 or 亿元. Amounts are held in 元; the unit only changes display.
public enum MoneyUnit: String, Sendable, CaseIterable {
    case yuan = "元", wan = "万元", yi = "亿元"

    /// The power of ten of ``factor``: 元 per unit is 10^exponent.
    public var exponent: Int {
        switch self {
        case .yuan: 0
        case .wan: 4
        case .yi: 8
        }
    }

    /// 元 per one of this unit.
    public var factor: ExactDecimal {
        switch self {
        case .yuan: .one
        case .wan: ExactDecimal(10_000)
        case .yi: ExactDecimal(100_000_000)
        }
    }
}

/// How a ratio shows: `67.19%`, `1.3‰`, or `17.4个百分点` (the difference of two percentages).
public enum RatioStyle: String, Sendable, CaseIterable {
    case percent = "%", permille = "‰", points = "个百分点"

    public var factor: ExactDecimal {
        switch self {
        case .percent, .points: ExactDecimal(unchecked: 1, scale: 2)
        case .permille: ExactDecimal(unchecked: 1, scale: 3)
        }
    }
}

/// A Suan value. Numeric cases carry an ``ExactDecimal`` and how they display.
public enum Value: Sendable {
    case number(ExactDecimal)
    /// A calendar year (年度): a number that prints as written, `2022`, never grouped as `2,022`.
    /// Arithmetic treats it as a number; `y.年度 + 1` is the next year.
    case year(Int)
    /// An amount in 元 and the unit it shows in.
    case money(ExactDecimal, MoneyUnit)
    /// A fraction (0.672 for 67.2%) and how it shows.
    case ratio(ExactDecimal, RatioStyle)
    /// A count with its tag (`7730件`).
    case quantity(ExactDecimal, String)
    /// 元 per one of a tag, shown in a money unit (`0.15万元/件`).
    case rate(ExactDecimal, MoneyUnit, String)
    case bool(Bool)
    case string(String)
    case list([Value])
    case record(Record)
    case function(Function)
    /// A performance target: `≥ 7,000件`.
    case target(ComparisonOperator, Box)
    /// A figure the data does not give; prints as `—` and makes what depends on it unknown.
    case unknown

    /// A value held indirectly, so that `Value` stays small.
    public final class Box: Sendable {
        public let value: Value
        public init(_ value: Value) { self.value = value }
    }

    /// The dimension of a numeric value, or `nil` for other values.
    @inline(__always)
    public var dimension: Dimension? {
        switch self {
        case .number, .year: .number
        case .money: .money
        case .ratio: .ratio
        case .quantity(_, let tag): .quantity(tag)
        case .rate(_, _, let tag): .rate(tag)
        default: nil
        }
    }

    /// The exact magnitude of a numeric value (money in 元, ratios as fractions).
    @inline(__always)
    public var decimal: ExactDecimal? {
        switch self {
        case .number(let d), .money(let d, _), .ratio(let d, _), .quantity(let d, _), .rate(let d, _, _): d
        case .year(let y): ExactDecimal(y)
        default: nil
        }
    }

    public var type: SuanType {
        var memo: [UInt: SuanType] = [:]
        return type(memo: &memo)
    }

    /// The type, working out each shared list or record once (a list that shares itself, 2⁶⁰ leaves
    /// in 60 lists, would otherwise take forever); `memo` is keyed by storage address.
    func type(memo: inout [UInt: SuanType]) -> SuanType {
        switch self {
        case .list(let items):
            let key = items.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
            if let known = memo[key] { return known }
            var sample: [SuanType] = []
            for item in items.prefix(SuanType.elementSample + 1) { sample.append(item.type(memo: &memo)) }
            let t = SuanType.list(SuanType.element(of: sample))
            memo[key] = t
            return t
        case .record(let r):
            let key = r.values.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
            if let known = memo[key] { return known }
            var fields: [String: SuanType] = [:]
            for (k, v) in r.entries { fields[k] = v.type(memo: &memo) }
            let t = SuanType.record(RecordShape(kind: r.kind, fields: fields))
            memo[key] = t
            return t
        default:
            return scalarType
        }
    }

    private var scalarType: SuanType {
        switch self {
        case .number, .year: .number
        case .money: .money
        case .ratio: .ratio
        case .quantity(_, let t): .quantity(t)
        case .rate(_, _, let t): .rate(t)
        case .bool: .bool
        case .string: .string
        case .list, .record: .any  // handled by type(memo:)
        case .function(let f): .function(arity: f.arity)
        case .target: .target
        case .unknown: .any
        }
    }
}

/// An ordered record: `{预算: 10万元, 执行: 9万元}`, and years, projects and indicators.
///
/// The fields live in one shared storage, copied when a record is changed while another value
/// holds it: passing a record to a function then costs one reference count on the record's own
/// storage, instead of one on each of its arrays — and the key array, which all the projects or
/// indicators of a year share, is not touched at all, so threads scoring different projects do not
/// fight over its count.
public struct Record: Sendable {
    /// Changed only through ``unique`` (when no other record holds it), so the fields need no
    /// dynamic exclusivity checks, which cost more than the reads they guard.
    final class Storage: @unchecked Sendable {
        @exclusivity(unchecked) var kind: RecordKind?
        @exclusivity(unchecked) var keys: [String]
        @exclusivity(unchecked) var values: [Value]
        @exclusivity(unchecked) var spans: [SourceSpan]

        init(kind: RecordKind?, keys: [String], values: [Value], spans: [SourceSpan]) {
            self.kind = kind
            self.keys = keys
            self.values = values
            self.spans = spans
        }
    }

    private var storage: Storage

    /// The storage, made this record's own before a change.
    private var unique: Storage {
        mutating get {
            if !isKnownUniquelyReferenced(&storage) {
                storage = Storage(kind: storage.kind, keys: storage.keys, values: storage.values, spans: storage.spans)
            }
            return storage
        }
    }

    /// What built it; years, projects and indicators show as tables.
    public var kind: RecordKind? {
        get { storage.kind }
        set { unique.kind = newValue }
    }
    public var keys: [String] { storage.keys }
    public var values: [Value] { storage.values }
    /// Where each field's value was written, for records read from year files; empty otherwise.
    public var spans: [SourceSpan] {
        get { storage.spans }
        set { unique.spans = newValue }
    }

    public init(kind: RecordKind? = nil, keys: [String] = [], values: [Value] = [], spans: [SourceSpan] = []) {
        storage = Storage(kind: kind, keys: keys, values: values, spans: spans)
    }

    /// The value at a position (from ``index(of:)``).
    @inline(__always)
    func value(at i: Int) -> Value { storage.values[i] }

    /// Where a field's value was written, if the record came from a file.
    public func span(of key: String) -> SourceSpan? {
        guard let i = index(of: key), i < spans.count else { return nil }
        return spans[i]
    }

    /// The position of a field. Names compare by their UTF-8 bytes: Swift's `==` on CJK text goes
    /// through Unicode normalisation, and field names all come from one normalised source.
    @inline(__always)
    public func index(of key: String) -> Int? {
        let keys = storage.keys
        for i in keys.indices where ExactText.same(keys[i], key) { return i }
        return nil
    }

    /// Whether the field at position `i` is `key` (a guess checked, see ``FieldName``).
    @inline(__always)
    func holds(_ key: String, at i: Int) -> Bool {
        let keys = storage.keys
        return i < keys.count && ExactText.same(keys[i], key)
    }

    public subscript(key: String) -> Value? {
        get { index(of: key).map { values[$0] } }
        set {
            let s = unique
            if let i = index(of: key) {
                if let v = newValue { s.values[i] = v } else {
                    s.keys.remove(at: i); s.values.remove(at: i)
                    if i < s.spans.count { s.spans.remove(at: i) }
                }
            } else if let v = newValue {
                s.keys.append(key); s.values.append(v)
            }
        }
    }

    public var entries: Zip2Sequence<[String], [Value]> { zip(keys, values) }

    public var shape: RecordShape {
        var fields: [String: SuanType] = [:]
        for (k, v) in entries { fields[k] = v.type }
        return RecordShape(kind: kind, fields: fields)
    }
}

/// A function value: one written in Suan, or a builtin.
public enum Function: Sendable {
    case user(UserFunction)
    case builtin(Builtin)

    public var arity: Int? {
        switch self {
        case .user(let f): f.parameters.count
        case .builtin(let b): b.arity
        }
    }

    public var name: String {
        switch self {
        case .user(let f): f.name
        case .builtin(let b): b.rawValue
        }
    }
}

/// A function defined with `fn`, or an anonymous `fn(x) = …`: its compiled body, the size of its
/// frame, and for an anonymous function the values it captured when it was made. Captured values
/// sit in the frame right after the parameters.
public final class UserFunction: Sendable {
    public let name: String
    public let parameters: [String]
    /// The body as the interpreter runs it, compiled once here (``Interpreter/compile(_:)``).
    let compiled: Interpreter.Compiled
    let frameSize: Int
    let span: SourceSpan
    /// The enclosing locals an anonymous function names, by value, in the order of its capture slots.
    let captured: [Value]
    /// The checked body, kept to compile a thread's own copy (``ownCopy()``).
    let body: Code

    init(name: String, parameters: [String], body: Code, frameSize: Int, span: SourceSpan) {
        self.name = name
        self.parameters = parameters
        self.compiled = Interpreter.compile(body)
        self.frameSize = frameSize
        self.span = span
        self.captured = []
        self.body = body
    }

    private init(_ template: UserFunction, captured: [Value], compiled: @escaping Interpreter.Compiled) {
        name = template.name
        parameters = template.parameters
        self.compiled = compiled
        frameSize = template.frameSize
        span = template.span
        body = template.body
        self.captured = captured
    }

    /// The same function compiled anew, for one thread of a split (``Interpreter/split``): calls
    /// count references on the function and its compiled parts, and threads that shared them
    /// would fight over those counts (scoring on two threads took 1.7 times the CPU of one).
    func ownCopy() -> UserFunction {
        UserFunction(self, captured: captured, compiled: Interpreter.compile(body))
    }

    /// True for `fn(x) = …`, which shows without a name.
    var isAnonymous: Bool { name.isEmpty }

    /// This function with `values` captured (an anonymous function made at run time).
    func capturing(_ values: [Value]) -> UserFunction {
        UserFunction(self, captured: values, compiled: compiled)
    }
}
