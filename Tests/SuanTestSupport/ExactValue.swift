import SuanCore

extension Value {
    /// The value exactly as built, for tests that compare two ways of reading the same data: case,
    /// coefficient and scale (`30.0` and `30` print differently), unit, relation, the scalars of
    /// text, and a record's kind, names and spans.
    public var exactDescription: String {
        switch self {
        case .number(let d): "number(\(d.coefficient)e-\(d.scale))"
        case .money(let d, let unit): "money(\(d.coefficient)e-\(d.scale), \(unit))"
        case .ratio(let d, let style): "ratio(\(d.coefficient)e-\(d.scale), \(style))"
        case .quantity(let d, let tag): "quantity(\(d.coefficient)e-\(d.scale), \(Array(tag.unicodeScalars)))"
        case .target(let op, let box): "target(\(op), \(box.value.exactDescription))"
        case .string(let s): "string(\(Array(s.unicodeScalars)))"
        case .unknown: "unknown"
        case .list(let items): "[" + items.map(\.exactDescription).joined(separator: ", ") + "]"
        case .record(let r):
            "\(r.kind.map(\.rawValue) ?? "record") { " + r.keys.indices.map { i in
                let span = r.spans.isEmpty ? "" : "@\(r.spans[i].start)-\(r.spans[i].end)"
                return "\(Array(r.keys[i].unicodeScalars))\(span): \(r.values[i].exactDescription)"
            }.joined(separator: ", ") + " }"
        default: "other(\(self))"
        }
    }
}
