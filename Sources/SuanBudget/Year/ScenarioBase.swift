import Synchronization
import SuanCore

/// A year prepared once for building scenarios from it: where its lines are, and its projects as
/// a scenario that leaves them alone derives them (each remembering its 基期 when the base is a
/// loaded year, indicators projected). `count k in 1..10000 where (scenario from y2022 {…})…`
/// builds 10,000 scenarios from one base; each starts from here instead of finding the lines and
/// deriving every project again.
struct ScenarioBase: Sendable {
    let lines: LinedRecord<YearLine>
    /// Nil when the base lists no projects.
    let projects: DerivedProjects?

    init(_ record: Record) {
        lines = LinedRecord(record)
        if case .list(var items)? = lines[.projects] {
            projects = Year.derive(&items, rememberingBase: record.kind == .year, projecting: true)
        } else {
            projects = nil
        }
    }

    /// The base last prepared, shared by the copies of a ``BudgetDomain`` (a session's, and each
    /// `--jobs` part's) behind a lock. It holds the base's arrays, so that finding the same
    /// buffers in a record means the same base: arrays shared so are never changed in place.
    final class Memo: Sendable {
        private let last = Mutex<ScenarioBase?>(nil)

        init() {}

        func base(for record: Record) -> ScenarioBase {
            if let known = last.withLock({ $0 }), known.lines.holds(record) { return known }
            let fresh = ScenarioBase(record)
            last.withLock { $0 = fresh }
            return fresh
        }
    }
}
