import Synchronization

/// The name in a field read (`i.目标`), with the position the field had in the last record read
/// there.
///
/// Records of one shape put a field at one position: a year file's projects share one keys array,
/// and the records a `fn` builds list their fields in the order written. So the last position is
/// checked first, one comparison, and the fields are searched by name only when it misses. The
/// guess is a relaxed atomic because the parts of a `--jobs` split run the same code at once; a
/// stale guess is only a wasted comparison, never a wrong answer, as the name is always compared.
final class FieldName: Sendable {
    let text: String
    /// The part of a target this name reads (`目标.值`), worked out once here.
    let targetPart: TargetPart?
    private let guess = Atomic<Int>(0)

    init(_ text: String) {
        self.text = text
        targetPart = TargetPart(text)
    }

    /// The fields a target (`>= 7000件`) has: its value and its direction.
    enum TargetPart {
        /// `目标.值`, `目标.value`
        case value
        /// `目标.方向`, `目标.direction`: the operator as a string (`">="`)
        case direction

        init?(_ name: String) {
            switch name {
            case "值", "value": self = .value
            case "方向", "direction": self = .direction
            default: return nil
            }
        }

        /// This part of the target `op box.value`.
        func read(_ op: ComparisonOperator, _ box: Value.Box) -> Value {
            switch self {
            case .value: box.value
            case .direction: .string(op.rawValue)
            }
        }
    }

    /// The position of this field in `record`, or nil when it has none.
    @inline(__always)
    func index(in record: Record) -> Int? {
        let last = guess.load(ordering: .relaxed)
        if record.holds(text, at: last) { return last }
        guard let found = record.index(of: text) else { return nil }
        guess.store(found, ordering: .relaxed)
        return found
    }
}
