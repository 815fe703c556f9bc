import SuanCore

/// The field names of the last project and the last indicator a table gave. The next record with
/// the same names shares that array, and a new record reserves room for as many fields: the
/// indicators of a 10,000-project table hold one array of names, and no record's arrays grow 1, 2,
/// 4, 8. (Two stored arrays rather than a dictionary by kind: a table makes these two kinds only,
/// and a lookup per record hashed.)
struct RecordShapes {
    var project: [String]?
    var indicator: [String]?

    /// The names of the last record of `kind`; none for kinds a table does not make.
    subscript(kind: RecordKind) -> [String]? {
        get {
            switch kind {
            case .project: project
            case .indicator: indicator
            case .year, .scenario: nil
            }
        }
        set {
            switch kind {
            case .project: project = newValue
            case .indicator: indicator = newValue
            case .year, .scenario: break
            }
        }
    }

    /// A builder for a record of `kind`, with room for the fields of the last one.
    func builder(_ kind: RecordKind, keepsSpans: Bool) -> RecordBuilder {
        var builder = RecordBuilder(kind: kind, keepsSpans: keepsSpans)
        if let count = self[kind]?.count { builder.reserve(count) }
        return builder
    }

    /// The record `builder` holds, sharing the names of the last record of its kind when they are the same.
    mutating func record(_ builder: RecordBuilder) -> Record {
        guard let kind = builder.kind else { return builder.record }
        if let known = self[kind], known.count == builder.keys.count, zip(known, builder.keys).allSatisfy({ ExactText.same($0, $1) }) {
            return Record(kind: kind, keys: known, values: builder.values, spans: builder.keepsSpans ? builder.spans : [])
        }
        self[kind] = builder.keys
        return builder.record
    }
}
