import SuanCore

/// A record taken apart into its arrays, with the position of each of a closed set of lines
/// (``RecordLine``) found in one pass over its names. Derivation and scenarios read and write those
/// lines by position: a record shared with another (a scenario's base year) has its arrays copied
/// once, on the first write, and no line is looked up by name again.
struct LinedRecord<Line: RecordLine> {
    var kind: RecordKind?
    private(set) var keys: [String]
    private(set) var values: [Value]
    private(set) var spans: [SourceSpan]
    /// Where each line sits in `keys`, by the line's raw value; -1 when the record lacks it.
    private var positions: [Int]

    init(_ record: Record) {
        kind = record.kind
        keys = record.keys
        values = record.values
        spans = record.spans
        positions = LinedRecord.positions(of: record.keys)
    }

    /// The first position of each line, as ``Record/index(of:)`` finds it.
    private static func positions(of keys: [String]) -> [Int] {
        var positions = [Int](repeating: -1, count: Line.names.count)
        for (i, key) in keys.enumerated() {
            if let line = Line.named(key), positions[line.rawValue] < 0 { positions[line.rawValue] = i }
        }
        return positions
    }

    /// Whether `record` is the record this was taken from: the same kind and the very same arrays.
    func holds(_ record: Record) -> Bool {
        holds(kind: record.kind, record.keys, record.values, record.spans)
    }

    /// Whether `other` was taken from the same record as this one and neither has changed since.
    func holds(_ other: LinedRecord) -> Bool {
        holds(kind: other.kind, other.keys, other.values, other.spans)
    }

    private func holds(kind: RecordKind?, _ keys: [String], _ values: [Value], _ spans: [SourceSpan]) -> Bool {
        self.kind == kind && LinedRecord.same(self.keys, keys) && LinedRecord.same(self.values, values)
            && LinedRecord.same(self.spans, spans)
    }

    private static func same<T>(_ a: [T], _ b: [T]) -> Bool {
        a.count == b.count && a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in x.baseAddress == y.baseAddress } }
    }

    /// Room for `count` more lines, so that adding them allocates the values once, at their size
    /// (appending one by one doubles the room: 100,000 projects' 执行率 took 8 bytes in 20 of memory).
    mutating func reserve(_ count: Int) {
        values.reserveCapacity(values.count + count)
    }

    /// Takes `names` for the names when they are the same as this record's, so that records that
    /// gained the same lines share one array of names again (as they did when read).
    mutating func share(names: [String]) {
        guard !LinedRecord.same(keys, names), keys.count == names.count,
              zip(keys, names).allSatisfy({ ExactText.same($0, $1) }) else { return }
        keys = names
    }

    /// The record put back together.
    var record: Record { Record(kind: kind, keys: keys, values: values, spans: spans) }

    /// A line's value; nil when the record lacks it. As with a record's fields, setting a line it
    /// lacks adds the line at the end, and setting nil removes it.
    subscript(line: Line) -> Value? {
        get {
            let i = positions[line.rawValue]
            return i < 0 ? nil : values[i]
        }
        set {
            let i = positions[line.rawValue]
            if i >= 0, let newValue {
                values[i] = newValue
            } else if i >= 0 {
                keys.remove(at: i)
                values.remove(at: i)
                if i < spans.count { spans.remove(at: i) }
                // The lines after it move up one; the line itself is now wherever its name comes again.
                for l in positions.indices where positions[l] > i { positions[l] -= 1 }
                positions[line.rawValue] = keys[i...].firstIndex { ExactText.same($0, line.name) } ?? -1
            } else if let newValue {
                positions[line.rawValue] = keys.count
                keys.append(line.name)
                values.append(newValue)
            }
        }
    }
}
