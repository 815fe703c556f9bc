import SuanCore

/// One of a closed set of fields that the domain reads and writes by position in a record
/// (``YearLine``, ``ProjectLine``), named as the record names it.
protocol RecordLine: RawRepresentable<Int>, CaseIterable, Sendable {
    /// The field's name in the record.
    var name: String { get }
    /// The lines' names as bytes, kept by each type: `static let names = LineNames<Self>()`.
    static var names: LineNames<Self> { get }
}

extension RecordLine {
    /// The line a field name is, by the name's bytes; nil for any other field.
    static func named(_ key: String) -> Self? { names.line(named: key) }
}
