import SuanCore

/// A record with the position of each of a closed set of lines (``RecordLine``) found in one pass
/// over its names. Derivation and scenarios read and write those lines by position: a record shared
/// with another (a scenario's base year) has its storage copied once, on the first write, one that
/// nothing else holds (a project taken out of its list) is written in place, and no line is looked
/// up by name again.
struct LinedRecord<Line: RecordLine> {
    /// The record as it stands.
    private(set) var record: Record
    /// Where each line sits in `keys`, by the line's raw value; -1 when the record lacks it.
    private var positions: [Int]

    init(_ record: Record) {
        self.record = record
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

    var kind: RecordKind? {
        get { record.kind }
        set { record.kind = newValue }
    }

    var keys: [String] { record.keys }

    /// Whether `record` is the record this was taken from, unchanged: the very same storage (a
    /// storage is written in place only when nothing else holds it, so nothing can compare with it).
    func holds(_ record: Record) -> Bool { self.record.isIdentical(to: record) }

    /// Whether `other` was taken from the same record as this one and neither has changed since.
    func holds(_ other: LinedRecord) -> Bool { record.isIdentical(to: other.record) }

    /// Room for `count` more lines, so that adding them allocates once, at their size (appending
    /// one by one grows the room by half: 100,000 projects' 执行率 took 8 bytes in 20 of memory).
    mutating func reserve(_ count: Int) {
        record.reserve(count)
    }

    /// Takes `names` for the names when they are the same as this record's, so that records that
    /// gained the same lines share one array of names again (as they did when read).
    mutating func share(names: [String]) {
        record.share(keys: names)
    }

    /// A line's value; nil when the record lacks it. As with a record's fields, setting a line it
    /// lacks adds the line at the end, and setting nil removes it.
    subscript(line: Line) -> Value? {
        get {
            let i = positions[line.rawValue]
            return i < 0 ? nil : record.value(at: i)
        }
        set {
            let i = positions[line.rawValue]
            if i >= 0, let newValue {
                record.setValue(newValue, at: i)
            } else if i >= 0 {
                record.remove(at: i)
                // The lines after it move up one; the line itself is now wherever its name comes again.
                for l in positions.indices where positions[l] > i { positions[l] -= 1 }
                let keys = record.keys
                positions[line.rawValue] = keys[i...].firstIndex { ExactText.same($0, line.name) } ?? -1
            } else if let newValue {
                positions[line.rawValue] = record.count
                record.append(line.name, newValue)
            }
        }
    }
}
