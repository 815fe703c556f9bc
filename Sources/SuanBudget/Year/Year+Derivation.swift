import SuanCore

extension Year {
    /// Adds or refreshes every derived line, in one pass over the projects.
    ///
    /// With `rememberingBase`, each project first remembers its 预算 and 执行 as 基期预算 and 基期执行
    /// (``rememberBase()``) in the same pass: a scenario built from a loaded year does both. `known`
    /// is the projects already derived so (``ScenarioBase``), when nothing changed them since.
    mutating func derive(rememberingBase: Bool = false, known: DerivedProjects? = nil) {
        if case .number(let d)? = self[.year], let n = d.integerValue { self[.year] = .year(n) }
        let listsProjects = self[.projects] != nil
        var projects = DerivedProjects()
        if let known {
            projects = known
            self[.projects] = known.list
        } else if case .list(var items)? = self[.projects] {
            // The list is taken out of the year while its projects change, so that it changes in place.
            self[.projects] = .unknown
            projects = Year.derive(&items, rememberingBase: rememberingBase, projecting: kind == .scenario)
            self[.projects] = projects.list
        }
        let (budgets, spent, projectCount) = (projects.budgets, projects.spent, projects.count)
        // A year read from a table of projects gives no income: 总收入 is unknown, not zero.
        if case .record(let income)? = self[.income], !income.values.isEmpty {
            self[.totalIncome] = Year.sum(income.values)
        } else {
            self[.totalIncome] = .unknown
        }
        self[.totalSpending] = Year.plus(self[.basicSpending], self[.projectSpending])
        self[.balance] = Year.minus(self[.totalIncome], self[.totalSpending])
        self[.basicShare] = Year.ratio(self[.basicSpending], self[.totalSpending])
        self[.projectShare] = Year.ratio(self[.projectSpending], self[.totalSpending])
        if listsProjects {
            self[.projectBudgetTotal] = budgets
            self[.executionRate] = Year.ratio(spent, budgets)
        }
        if self[.evaluatedFunds] != nil { self[.evaluationCoverage] = Year.ratio(self[.evaluatedFunds], self[.totalSpending]) }
        // Coverage of performance targets: declared (申报) and published (公开) over all projects.
        let total: ExactDecimal? = if case .quantity(let n, _)? = self[.projectCount] { n } else if listsProjects { ExactDecimal(projectCount) } else { nil }
        for (count, rate) in [(YearLine.declaredTargets, YearLine.declaredCoverage), (.publishedTargets, .publishedCoverage)] {
            guard case .quantity(let n, _)? = self[count] else { continue }
            if let total, !total.isZero, let r = try? n.divided(by: total) { self[rate] = .ratio(r, .percent) } else { self[rate] = .unknown }
        }
    }

    /// Derives a list of projects in place (``derive(_:projecting:)`` on each): items that are not
    /// projects are dropped, as a year's projects never hold them. Each project is taken out of the
    /// list while it changes, so that one nothing else holds changes in place.
    static func derive(_ items: inout [Value], rememberingBase: Bool, projecting: Bool) -> DerivedProjects {
        var budgets = MoneySum(), spent = MoneySum()
        var kept = 0
        var names: [String]? = nil
        for i in items.indices {
            guard case .record(let record) = items[i] else { continue }
            items[i] = .unknown
            var project = LinedRecord<ProjectLine>(record)
            // Room for the lines it gains, at once; none when it has them all (a scenario's
            // projects, which must not be copied for nothing).
            let missing = (rememberingBase ? Year.gainedRemembering : Year.gained).reduce(0) { $0 + (project[$1] == nil ? 1 : 0) }
            if missing > 0 { project.reserve(missing) }
            if rememberingBase { Year.remember(&project) }
            Year.derive(&project, projecting: projecting)
            // The names it now has are the next project's to share (the same array when it shared).
            if let names { project.share(names: names) }
            names = project.keys
            budgets.add(project[.budget] ?? .unknown)
            spent.add(project[.spent] ?? .unknown)
            items[kept] = .record(project.record)
            kept += 1
        }
        items.removeSubrange(kept...)
        return DerivedProjects(list: .list(items), budgets: budgets.value, spent: spent.value, count: kept)
    }

    /// The lines a project may gain when derived, and when its base is remembered too.
    private static let gained: [ProjectLine] = [.budget, .spent, .rate]
    private static let gainedRemembering: [ProjectLine] = [.baseBudget, .baseSpent, .budget, .spent, .rate]

    /// The base year's 预算 and 执行 on each project, as 基期预算 and 基期执行: the basis a scenario
    /// projects from. Set once, when a scenario is first built from a loaded year.
    mutating func rememberBase() {
        guard case .list(var items)? = self[.projects] else { return }
        self[.projects] = .unknown
        for i in items.indices {
            guard case .record(let record) = items[i] else { continue }
            items[i] = .unknown
            var project = LinedRecord<ProjectLine>(record)
            Year.remember(&project)
            items[i] = .record(project.record)
        }
        self[.projects] = .list(items)
    }

    /// Whether the year lists at least one project.
    var listsAProject: Bool {
        guard case .list(let items)? = self[.projects] else { return false }
        return items.contains { if case .record = $0 { true } else { false } }
    }

    /// 基期预算 and 基期执行 from a project's 预算 and 执行, unless it has remembered them already.
    private static func remember(_ project: inout LinedRecord<ProjectLine>) {
        guard project[.baseBudget] == nil else { return }
        project[.baseBudget] = project[.budget] ?? .unknown
        project[.baseSpent] = project[.spent] ?? .unknown
    }

    /// A project's derived lines: 预算 and 执行 (unknown when not given), 执行率, and in a scenario
    /// the projected outputs of its indicators (``projectIndicators(_:)``).
    private static func derive(_ project: inout LinedRecord<ProjectLine>, projecting: Bool) {
        if project[.budget] == nil { project[.budget] = .unknown }
        if project[.spent] == nil { project[.spent] = .unknown }
        let rate = Year.ratio(project[.spent], project[.budget])
        // Written only when it changed, so that a project deriving again is not copied.
        if !Year.identical(project[.rate], rate) { project[.rate] = rate }
        if projecting, let projected = Year.projectIndicators(project) { project[.indicators] = projected }
    }

    /// Indicators marked `随预算: true` project their output at the base year's unit cost; an
    /// elasticity (`随预算: 0.5`) moves the output by that share of the budget's relative change.
    /// The projection (预计) keeps its exact value; reports round counts for display only.
    /// Nil when no indicator of the project follows its budget (nothing to project).
    static func projectIndicators(_ project: LinedRecord<ProjectLine>) -> Value? {
        guard case .list(let indicators)? = project[.indicators],
              indicators.contains(where: { if case .record(let i) = $0 { i["随预算"] != nil } else { false } }) else { return nil }
        let scale = ratio(project[.budget], project[.baseBudget])
        return .list(indicators.map { item in
            guard case .record(var i) = item, let link = i["随预算"] else { return item }
            let elasticity: ExactDecimal
            switch link {
            case .bool(true): elasticity = .one
            case .number(let e), .ratio(let e, _): elasticity = e
            default: return item
            }
            if case .ratio(let budgetFactor, _) = scale, let actual = i["实际"], let d = actual.decimal,
               let change = try? budgetFactor.subtracting(.one).multiplied(by: elasticity),
               let factor = try? ExactDecimal.one.adding(change),
               let projected = try? d.multiplied(by: factor) {
                i["预计"] = Arithmetic.rebuild(actual, projected)
            } else {
                i["预计"] = .unknown
            }
            return .record(i)
        })
    }
}
