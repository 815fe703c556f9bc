#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Counts the steps of one long piece of work and reports them (``Settings/progress``): nothing for
/// the first second, so that quick work shows no line at all, then at most five times a second,
/// and once more when the work ends, so that the shell can clear its line. The parts of a split
/// (``Interpreter/split``) share one meter, so it counts atomically.
final class ProgressMeter: Sendable {
    /// Work that ends within this long reports nothing.
    static let delay: UInt64 = 1_000_000_000
    static let interval: UInt64 = 200_000_000

    let work: ProgressReport.Work
    let total: Int
    private let report: @Sendable (ProgressReport) -> Void
    private let done = Atomic<Int>(0)
    /// The monotonic time in nanoseconds before which nothing is reported.
    private let due: Atomic<UInt64>
    private let shown = Atomic<Bool>(false)

    /// A meter for `total` steps of `work`, or nil when nobody is listening or the work is small.
    init?(_ work: ProgressReport.Work, total: Int, report: (@Sendable (ProgressReport) -> Void)?, smallest: Int = 2) {
        guard let report, total >= smallest else { return nil }
        self.work = work
        self.total = total
        self.report = report
        self.due = Atomic(ProgressMeter.now + ProgressMeter.delay)
    }

    static var now: UInt64 {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
    }

    /// Counts `steps` more steps done, and reports when a report is due.
    func advance(_ steps: Int = 1) {
        let done = done.add(steps, ordering: .relaxed).newValue
        let now = ProgressMeter.now
        let when = due.load(ordering: .relaxed)
        // One thread of a split wins each report.
        guard now >= when, due.compareExchange(expected: when, desired: now + ProgressMeter.interval, ordering: .relaxed).exchanged else { return }
        shown.store(true, ordering: .relaxed)
        report(ProgressReport(work: work, done: done, total: total, finished: false))
    }

    /// Clears a shown line: when the work ends (or fails), and before output it would garble (the
    /// rows of a streamed table); a later report shows it again.
    func clear() {
        guard shown.exchange(false, ordering: .relaxed) else { return }
        report(ProgressReport(work: work, done: done.load(ordering: .relaxed), total: total, finished: true))
    }
}
