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
    /// A count with its tag (`7730件`). Held in a box of its own: a decimal and a tag together
    /// would make every value 48 bytes instead of 32.
    indirect case quantity(ExactDecimal, String)
    /// 元 per one of a tag, shown in a money unit (`0.15万元/件`); boxed, as a quantity is.
    indirect case rate(ExactDecimal, MoneyUnit, String)
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
            let key = r.identity
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
/// fight over its count. The values sit in the storage itself, after its header, rather than in
/// an array of their own: one allocation a record instead of two, 48 bytes less each (an array's
/// header and a heap block), 29 MB for the 600,000 records of a year of 100,000 projects.
///
/// Sendable by hand: the storage (a `ManagedBuffer`, which the standard library keeps from being
/// `Sendable`) is changed only when this record alone holds it, so threads share it read-only.
public struct Record: @unchecked Sendable {
    /// What a storage holds before its values.
    struct Header {
        var kind: RecordKind?
        /// Values initialised, and the room for them.
        var count: Int32
        var capacity: Int32
        var keys: [String]
        var spans: [SourceSpan]
    }

    /// A header and `capacity` values in one block. Changed only through ``unique`` (when no other
    /// record holds it); the header and values are reached through pointers, so they need no
    /// dynamic exclusivity checks, which cost more than the reads they guard.
    final class Storage: ManagedBuffer<Header, Value> {
        /// A storage holding `values`, with room for `room` of them (at least their count).
        static func make<C: Collection<Value>>(kind: RecordKind?, keys: [String], values: C, spans: [SourceSpan], room: Int = 0) -> Storage {
            let count = values.count
            let capacity = Swift.max(count, room)
            let buffer = create(minimumCapacity: capacity) { _ in
                Header(kind: kind, count: Int32(count), capacity: Int32(capacity), keys: keys, spans: spans)
            }
            let storage = unsafeDowncast(buffer, to: Storage.self)
            storage.withUnsafeMutablePointerToElements { elements in
                var at = elements
                for v in values { at.initialize(to: v); at += 1 }
            }
            return storage
        }

        deinit {
            withUnsafeMutablePointers { header, elements in _ = elements.deinitialize(count: Int(header.pointee.count)) }
        }

        var count: Int { Int(withUnsafeMutablePointerToHeader { $0.pointee.count }) }

        /// The values in place, valid while the storage lives.
        @inline(__always)
        var elements: UnsafeMutableBufferPointer<Value> {
            withUnsafeMutablePointers { header, elements in UnsafeMutableBufferPointer(start: elements, count: Int(header.pointee.count)) }
        }

        @inline(__always)
        var fields: UnsafeMutablePointer<Header> { withUnsafeMutablePointerToHeader { $0 } }

        /// A copy, with room for `room` values.
        func copy(room: Int = 0) -> Storage {
            let h = fields.pointee
            return Storage.make(kind: h.kind, keys: h.keys, values: UnsafeBufferPointer(elements), spans: h.spans, room: room)
        }
    }

    private var storage: Storage

    /// The storage, made this record's own before a change, with room for `room` values.
    private mutating func unique(room: Int = 0) -> Storage {
        if !isKnownUniquelyReferenced(&storage) || room > Int(storage.fields.pointee.capacity) {
            storage = storage.copy(room: room)
        }
        return storage
    }

    /// What built it; years, projects and indicators show as tables.
    public var kind: RecordKind? {
        get { storage.fields.pointee.kind }
        set { unique().fields.pointee.kind = newValue }
    }
    public var keys: [String] { storage.fields.pointee.keys }
    /// The values, in the order of ``keys`` (an array made for the caller: ``value(at:)`` reads one
    /// in place).
    public var values: [Value] { Array(storage.elements) }
    /// How many fields it has.
    public var count: Int { storage.count }
    /// Where each field's value was written, for records read from year files; empty otherwise.
    public var spans: [SourceSpan] {
        get { storage.fields.pointee.spans }
        set { unique().fields.pointee.spans = newValue }
    }

    public init(kind: RecordKind? = nil, keys: [String] = [], values: [Value] = [], spans: [SourceSpan] = []) {
        storage = Storage.make(kind: kind, keys: keys, values: values, spans: spans)
    }

    /// Whether both are the very same storage: neither changed since one was copied from the other
    /// (what a cache of work on a record can trust; equal records in two storages are not identical).
    public func isIdentical(to other: Record) -> Bool { storage === other.storage }

    /// The storage's address, for memos of shared records (``EqualityMemo``, ``Value/type(memo:)``).
    var identity: UInt { UInt(bitPattern: ObjectIdentifier(storage)) }

    /// The value at a position (from ``index(of:)``).
    @inline(__always)
    public func value(at i: Int) -> Value { storage.elements[i] }

    /// Sets the value at a position (from ``index(of:)``), in place when no other record holds the storage.
    public mutating func setValue(_ v: Value, at i: Int) { unique().elements[i] = v }

    /// Room for `more` fields, so that appending them allocates once, at their size; the record's
    /// own storage too (a shared one is copied now, with the room, rather than at the next change
    /// without it).
    public mutating func reserve(_ more: Int) {
        _ = unique(room: storage.count + more)
    }

    /// Takes `names` for the keys when they are the same names (compared by bytes) in another array,
    /// so that records of one shape share one array of names.
    public mutating func share(keys names: [String]) {
        let keys = storage.fields.pointee.keys
        guard keys.count == names.count, zip(keys, names).allSatisfy({ ExactText.same($0, $1) }) else { return }
        unique().fields.pointee.keys = names
    }

    /// Where a field's value was written, if the record came from a file.
    public func span(of key: String) -> SourceSpan? {
        let spans = storage.fields.pointee.spans
        guard let i = index(of: key), i < spans.count else { return nil }
        return spans[i]
    }

    /// The position of a field. Names compare by their UTF-8 bytes: Swift's `==` on CJK text goes
    /// through Unicode normalisation, and field names all come from one normalised source.
    @inline(__always)
    public func index(of key: String) -> Int? {
        let keys = storage.fields.pointee.keys
        for i in keys.indices where ExactText.same(keys[i], key) { return i }
        return nil
    }

    /// Whether the field at position `i` is `key` (a guess checked, see ``FieldName``).
    @inline(__always)
    func holds(_ key: String, at i: Int) -> Bool {
        let keys = storage.fields.pointee.keys
        return i < keys.count && ExactText.same(keys[i], key)
    }

    public subscript(key: String) -> Value? {
        get { index(of: key).map { value(at: $0) } }
        set {
            if let i = index(of: key) {
                if let v = newValue { unique().elements[i] = v } else { remove(at: i) }
            } else if let v = newValue {
                append(key, v)
            }
        }
    }

    /// Adds a field at the end (without looking for one of that name: the subscript does).
    public mutating func append(_ key: String, _ v: Value) {
        // Without room reserved, the room grows by half again, as an array's would double.
        let count = storage.count
        let s = unique(room: count < Int(storage.fields.pointee.capacity) ? count + 1 : count + 1 + count / 2)
        s.withUnsafeMutablePointers { header, elements in
            (elements + count).initialize(to: v)
            header.pointee.count += 1
            header.pointee.keys.append(key)
        }
    }

    /// Takes out the field at `i`; the fields after it move up one.
    public mutating func remove(at i: Int) {
        let s = unique()
        s.withUnsafeMutablePointers { header, elements in
            let count = Int(header.pointee.count)
            (elements + i).deinitialize(count: 1)
            (elements + i).moveInitialize(from: elements + i + 1, count: count - i - 1)
            header.pointee.count -= 1
            header.pointee.keys.remove(at: i)
            if i < header.pointee.spans.count { header.pointee.spans.remove(at: i) }
        }
    }

    /// The fields as (name, value) pairs, in order, read in place.
    public var entries: Entries { Entries(record: self) }

    /// A record's fields as (name, value) pairs, without an array of the values made for them.
    public struct Entries: RandomAccessCollection, Sendable {
        let record: Record
        public var startIndex: Int { 0 }
        public var endIndex: Int { Swift.min(record.keys.count, record.count) }
        public subscript(i: Int) -> (String, Value) { (record.keys[i], record.value(at: i)) }
    }

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
