import SuanCore

/// The fields of one record as a table is read, each with the position of its cell. The record is
/// made once, at the end: appending to a record's list field would copy the list every time.
struct RecordBuilder {
    var kind: RecordKind?
    var keys: [String] = []
    var values: [Value] = []
    var spans: [SourceSpan] = []
    /// Whether the record keeps the spans (a table read without positions drops them at the end).
    var keepsSpans = true

    init(kind: RecordKind?, keepsSpans: Bool = true) {
        self.kind = kind
        self.keepsSpans = keepsSpans
    }

    /// The position of a field, comparing names by their UTF-8 bytes (as ``Record`` does).
    func index(of key: String) -> Int? {
        keys.firstIndex { ExactText.same($0, key) }
    }

    func has(_ key: String) -> Bool { index(of: key) != nil }

    subscript(key: String) -> Value? { index(of: key).map { values[$0] } }

    /// Sets a field, replacing an earlier value of the same name.
    mutating func set(_ key: String, _ value: Value, at span: SourceSpan) {
        if let i = index(of: key) {
            values[i] = value
            if keepsSpans { spans[i] = span }
        } else {
            add(key, value, at: span)
        }
    }

    /// Adds a field the record does not have yet (the caller adds each name once): no search
    /// among the fields set before.
    mutating func add(_ key: String, _ value: Value, at span: SourceSpan) {
        keys.append(key)
        values.append(value)
        if keepsSpans { spans.append(span) }
    }

    /// Makes room for `count` fields at once.
    mutating func reserve(_ count: Int) {
        keys.reserveCapacity(count)
        values.reserveCapacity(count)
        if keepsSpans { spans.reserveCapacity(count) }
    }

    var record: Record { Record(kind: kind, keys: keys, values: values, spans: keepsSpans ? spans : []) }
}
