import SuanCore

/// One year of a department's budget: the model that `load`, CSV import, `scenario`, `compare`,
/// scoring, `show`, `chart` and `export` all go through. It holds the year as the language sees it
/// (a ``Record`` of kind `year` or `scenario`) and owns its rules:
///
/// - given lines: 部门, 年度, 收入 (income items), 基本支出 (parts 人员经费 + 公用经费), 项目支出,
///   项目 (projects: 名称, 预算, 执行, 指标), 指标 (department indicators), notes;
/// - the hierarchy (``YearHierarchy``): 人员经费 + 公用经费 = 基本支出; 基本支出 + 项目支出 = 总支出;
///   Σ 收入 = 总收入; project budgets sum into 项目支出;
/// - derived lines (``derive()``): 总收入, 总支出, 收支差额, 基本支出占比, 项目支出占比,
///   项目预算合计, 预算执行率, 自评覆盖率, 绩效目标申报覆盖率, 绩效目标公开覆盖率, each project's 执行率;
/// - validation (``YearValidation``), the same for a loaded year and for a scenario.
///
/// An amount the data does not give is unknown (—), and so is everything derived from it.
struct Year {
    var record: Record

    init(_ record: Record) { self.record = record }

    /// Differences up to this are the report's own rounding: a warning, not an error (0.01万元).
    static let tolerance = ExactDecimal(100)

    /// Lines computed from others; a scenario cannot set them (it changes their inputs instead).
    static let derivedLines: [String: String] = [
        "收支差额": "总收入 − 总支出", "基本支出占比": "基本支出 ÷ 总支出", "项目支出占比": "项目支出 ÷ 总支出",
        "项目预算合计": "Σ 项目.预算", "预算执行率": "Σ 执行 ÷ Σ 预算", "自评覆盖率": "自评覆盖资金 ÷ 总支出",
        "绩效目标申报覆盖率": "申报绩效目标项目数 ÷ 项目数", "绩效目标公开覆盖率": "公开绩效目标项目数 ÷ 项目数",
        "执行率": "执行 ÷ 预算", "基期预算": "the base year's 预算", "基期执行": "the base year's 执行", "预计": "实际 scaled with 预算",
    ]

    /// The formula of a derived line, looked up by the name's bytes (a scenario asks for every change).
    static func formula(ofDerived key: String) -> String? { derivedByBytes[ExactText(key)] }
    private static let derivedByBytes = Dictionary(uniqueKeysWithValues: derivedLines.map { (ExactText($0.key), $0.value) })

    // MARK: Money

    /// The base year's 预算 and 执行 on each project, as 基期预算 and 基期执行: the basis a scenario
    /// projects from. Set once, when a scenario is first built from a loaded year.
    mutating func rememberBase() {
        guard case .list(let items)? = record["项目"] else { return }
        record["项目"] = .list(items.map { item in
            guard case .record(var p) = item, p["基期预算"] == nil else { return item }
            p["基期预算"] = p["预算"] ?? .unknown
            p["基期执行"] = p["执行"] ?? .unknown
            return .record(p)
        })
    }

    /// Σ amounts, shown in the first one's unit; unknown when any is unknown.
    static func sum(_ values: [Value]) -> Value {
        guard case .money(_, let unit)? = values.first else { return values.isEmpty ? .money(.zero, .wan) : .unknown }
        var total = Value.money(.zero, unit)
        for v in values {
            guard case .money = v, let t = try? Arithmetic.apply(.add, total, v, span: .none) else { return .unknown }
            total = t
        }
        return total
    }

    static func money(_ v: Value?) -> ExactDecimal? {
        if case .money(let d, _)? = v { return d }
        return nil
    }

    static func plus(_ a: Value?, _ b: Value?) -> Value {
        guard case .money? = a, case .money? = b, let s = try? Arithmetic.apply(.add, a!, b!, span: .none) else { return .unknown }
        return s
    }

    static func minus(_ a: Value?, _ b: Value?) -> Value {
        guard case .money? = a, case .money? = b, let s = try? Arithmetic.apply(.subtract, a!, b!, span: .none) else { return .unknown }
        return s
    }

    /// a ÷ b as a percentage; unknown when either is unknown or b is zero.
    static func ratio(_ a: Value?, _ b: Value?) -> Value {
        guard let x = money(a), let y = money(b), !y.isZero, let r = try? x.divided(by: y) else { return .unknown }
        return .ratio(r, .percent)
    }

    /// Whether a derived line already holds exactly `v` (the same case, digits, scale and display),
    /// so that it need not be written again. Only unknowns and ratios are compared; anything else counts as changed.
    static func identical(_ old: Value?, _ v: Value) -> Bool {
        switch (old, v) {
        case (.unknown?, .unknown): true
        case (.ratio(let a, let s)?, .ratio(let b, let t)): s == t && a.coefficient == b.coefficient && a.scale == b.scale
        default: false
        }
    }

    // MARK: Parts

    static func projects(_ year: Record) -> [Record] {
        guard case .list(let items)? = year["项目"] else { return [] }
        return items.compactMap { if case .record(let r) = $0 { r } else { nil } }
    }

    static func income(_ year: Record) -> [Value] {
        guard case .record(let r)? = year["收入"] else { return [] }
        return r.values
    }

    var projects: [Record] { Year.projects(record) }

    /// The name a year is bound to: `y2022`, or the collection and year (`示例2022`).
    static func name(year: Int?, collection: String?) -> String {
        guard let year else { return "year" }
        return (collection ?? "y") + "\(year)"
    }

    /// The name of the list `load 示例 2020..2022` binds: `示例年份`; `年份` for bare years.
    static func listName(collection: String?) -> String { (collection ?? "") + "年份" }

    /// The year number, from `年度`.
    var yearNumber: Int? {
        switch record["年度"] {
        case .year(let y)?: y
        case .number(let d)?: d.integerValue
        default: nil
        }
    }

    // MARK: Derivation

    /// Adds or refreshes every derived line.
    mutating func derive() {
        var y = record
        if case .number(let d)? = y["年度"], let n = d.integerValue { y["年度"] = .year(n) }
        var items: [Value] = []
        var budgets: [Value] = [], spent: [Value] = []
        let scenario = y.kind == .scenario
        // A project is written back only when a derived line of it changed, so that deriving a year
        // again (a scenario, after each change) copies only the projects the change touched.
        let projects = Year.projects(y)
        var rewritten = false
        if case .list(let listed)? = y["项目"], listed.count != projects.count { rewritten = true }
        items.reserveCapacity(projects.count)
        for var p in projects {
            var touched = false
            if p["预算"] == nil { p["预算"] = .unknown; touched = true }
            if p["执行"] == nil { p["执行"] = .unknown; touched = true }
            let rate = Year.ratio(p["执行"], p["预算"])
            if !Year.identical(p["执行率"], rate) { p["执行率"] = rate; touched = true }
            if scenario, let projected = Year.projectIndicators(p) { p = projected; touched = true }
            budgets.append(p["预算"]!)
            spent.append(p["执行"]!)
            items.append(.record(p))
            rewritten = rewritten || touched
        }
        if y["项目"] != nil && rewritten { y["项目"] = .list(items) }
        // A year read from a table of projects gives no income: 总收入 is unknown, not zero.
        y["总收入"] = Year.income(y).isEmpty ? .unknown : Year.sum(Year.income(y))
        y["总支出"] = Year.plus(y["基本支出"], y["项目支出"])
        y["收支差额"] = Year.minus(y["总收入"], y["总支出"])
        y["基本支出占比"] = Year.ratio(y["基本支出"], y["总支出"])
        y["项目支出占比"] = Year.ratio(y["项目支出"], y["总支出"])
        if y["项目"] != nil {
            y["项目预算合计"] = Year.sum(budgets)
            y["预算执行率"] = Year.ratio(Year.sum(spent), Year.sum(budgets))
        }
        if y["自评覆盖资金"] != nil { y["自评覆盖率"] = Year.ratio(y["自评覆盖资金"], y["总支出"]) }
        // Coverage of performance targets: declared (申报) and published (公开) over all projects.
        let projectCount: ExactDecimal? = if case .quantity(let n, _)? = y["项目数"] { n } else if y["项目"] != nil { ExactDecimal(items.count) } else { nil }
        for (count, rate) in [("申报绩效目标项目数", "绩效目标申报覆盖率"), ("公开绩效目标项目数", "绩效目标公开覆盖率")] {
            guard case .quantity(let n, _)? = y[count] else { continue }
            if let total = projectCount, !total.isZero, let r = try? n.divided(by: total) { y[rate] = .ratio(r, .percent) } else { y[rate] = .unknown }
        }
        record = y
    }

    /// Indicators marked `随预算: true` project their output at the base year's unit cost; an
    /// elasticity (`随预算: 0.5`) moves the output by that share of the budget's relative change.
    /// The projection (预计) keeps its exact value; reports round counts for display only.
    /// Nil when no indicator of the project follows its budget (nothing to project).
    static func projectIndicators(_ project: Record) -> Record? {
        guard case .list(let indicators)? = project["指标"],
              indicators.contains(where: { if case .record(let i) = $0 { i["随预算"] != nil } else { false } }) else { return nil }
        let scale = ratio(project["预算"], project["基期预算"])
        var p = project
        p["指标"] = .list(indicators.map { item in
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
        return p
    }
}
