import Synchronization
import SuanCore

/// A year prepared once for building scenarios from it: where its lines are, and, once a scenario
/// first derives them, its projects as a scenario that leaves them alone derives them (each
/// remembering its 基期 when the base is a loaded year, indicators projected).
/// `count k in 1..10000 where (scenario from y2022 {…})…` builds 10,000 scenarios from one base;
/// each starts from here instead of finding the lines and deriving every project again.
struct ScenarioBase: Sendable {
    let lines: LinedRecord<YearLine>
    /// The projects derived (nil inside when the base lists none); nil until a scenario asks.
    fileprivate var projects: DerivedProjects??

    init(_ record: Record) { lines = LinedRecord(record) }

    /// The base's projects as a scenario derives them; nil when it lists none.
    fileprivate func derivedProjects() -> DerivedProjects? {
        guard case .list(var items)? = lines[.projects] else { return nil }
        return Year.derive(&items, rememberingBase: lines.kind == .year, projecting: true)
    }

    /// The base last prepared, for one statement (``BudgetDomain/forStatement()``) and shared by
    /// its `--jobs` parts behind a lock. It holds the base's record, so that finding the same
    /// storage in a record means the same base: a storage shared so is never changed in place.
    final class Memo: Sendable {
        private let last = Mutex<ScenarioBase?>(nil)

        init() {}

        func base(for record: Record) -> ScenarioBase {
            let known = last.withLock { last -> ScenarioBase? in
                guard let last, last.lines.holds(record) else { return nil }
                return last
            }
            if let known { return known }
            let fresh = ScenarioBase(record)
            last.withLock { $0 = fresh }
            return fresh
        }

        /// The projects of `base` as a scenario derives them, worked out the first time one asks.
        func projects(of base: ScenarioBase) -> DerivedProjects? {
            // A base handed out after the first scenario from it carries them already.
            if case .some(let projects) = base.projects { return projects }
            let known = last.withLock { last -> DerivedProjects?? in
                guard let last, last.lines.holds(base.lines) else { return nil }
                return last.projects
            }
            if case .some(let projects) = known { return projects }
            let projects = base.derivedProjects()
            last.withLock { last in
                if last?.lines.holds(base.lines) == true { last?.projects = .some(projects) }
            }
            return projects
        }
    }
}
