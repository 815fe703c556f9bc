/// How far a long piece of work has got: what the shell shows as a progress line.
public struct ProgressReport: Sendable {
    /// The kinds of work that report progress.
    public enum Work: String, Sendable {
        case count, table, map, filter, load
    }

    public var work: Work
    /// Rows, items or bytes done so far, of ``total``.
    public var done: Int
    public var total: Int
    /// True once, when work that reported ends: the shell then clears its line.
    public var finished: Bool

    /// Done as a whole percentage of the total (0–100).
    public var percent: Int { total > 0 ? Swift.min(100, done * 100 / total) : 100 }
}
