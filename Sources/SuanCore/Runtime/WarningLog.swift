/// Warnings raised while a statement runs (a scenario that makes a year impossible), each once:
/// a `table` over many scenarios reports a problem at a change's line one time, not per row.
final class WarningLog: @unchecked Sendable {
    private var items: [Diagnostic] = []
    private var seen: Set<String> = []

    func add(_ d: Diagnostic) {
        let key = "\(d.id.rawValue)|\(d.span.file)|\(d.span.start)|\(d.message)"
        if seen.insert(key).inserted { items.append(d) }
    }

    /// The warnings not yet taken, in the order they were raised.
    func take() -> [Diagnostic] {
        defer { items = [] }
        return items
    }
}
