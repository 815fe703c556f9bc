import SuanCore

/// The year model's rules: which lines a year must have, which it derives, and how declared totals
/// are checked against their parts. A year is a record of kind `year` (or `scenario`):
///
/// - given: 部门, 年度, 收入 (a record of income items), 基本支出 (optionally 人员经费, 公用经费),
///   项目支出, 项目 (projects: 名称, 预算, 执行, 指标), 指标 (department indicators), notes;
/// - derived: 总收入 = Σ 收入, 总支出 = 基本支出 + 项目支出, 收支差额 = 总收入 − 总支出,
///   基本支出占比, 项目支出占比, 项目预算合计, 预算执行率, 自评覆盖率, 绩效目标申报覆盖率,
///   绩效目标公开覆盖率 (over 项目数, or the projects listed), each project's 执行率.
///
/// An amount the data does not give is unknown (—), and so is everything derived from it.
enum YearRules {
    /// Differences up to this are the report's own rounding: a warning, not an error (0.01万元).
    static let tolerance = ExactDecimal(100)

    static let required = ["部门", "收入", "基本支出", "项目支出"]
    static let moneyLines = ["基本支出", "项目支出", "人员经费", "公用经费", "总收入", "总支出", "自评覆盖资金"]

    // MARK: Derivation

    static func sum(_ values: [Value]) -> Value {
        var total = ExactDecimal.zero
        var unit = MoneyUnit.wan
        for (i, v) in values.enumerated() {
            guard case .money(let d, let u) = v, let t = try? total.adding(d) else { return .unknown }
            if i == 0 { unit = u }
            total = t
        }
        return .money(total, unit)
    }

    static func money(_ v: Value?) -> ExactDecimal? {
        if case .money(let d, _)? = v { return d }
        return nil
    }

    static func plus(_ a: Value?, _ b: Value?) -> Value {
        guard case .money(let x, let u)? = a, let y = money(b), let s = try? x.adding(y) else { return .unknown }
        return .money(s, u)
    }

    static func minus(_ a: Value?, _ b: Value?) -> Value {
        guard case .money(let x, let u)? = a, let y = money(b), let s = try? x.subtracting(y) else { return .unknown }
        return .money(s, u)
    }

    static func ratio(_ a: Value?, _ b: Value?) -> Value {
        guard let x = money(a), let y = money(b), !y.isZero, let r = try? x.divided(by: y) else { return .unknown }
        return .ratio(r, .percent)
    }

    static func projects(_ year: Record) -> [Record] {
        guard case .list(let items)? = year["项目"] else { return [] }
        return items.compactMap { if case .record(let r) = $0 { r } else { nil } }
    }

    static func income(_ year: Record) -> [Value] {
        guard case .record(let r)? = year["收入"] else { return [] }
        return r.values
    }

    /// Adds or refreshes every derived line. `base` marks a first load: projects remember their
    /// budget as 基期预算, the basis for projecting outputs that scale with budget.
    static func derive(_ year: Record, firstLoad: Bool) -> Record {
        var y = year
        var items: [Value] = []
        var budgets: [Value] = [], spent: [Value] = []
        for var p in projects(y) {
            if firstLoad { p["基期预算"] = p["预算"] ?? .unknown }
            if p["预算"] == nil { p["预算"] = .unknown }
            if p["执行"] == nil { p["执行"] = .unknown }
            p["执行率"] = ratio(p["执行"], p["预算"])
            p = projectIndicators(p)
            budgets.append(p["预算"]!)
            spent.append(p["执行"]!)
            items.append(.record(p))
        }
        if y["项目"] != nil { y["项目"] = .list(items) }
        y["总收入"] = sum(income(y))
        y["总支出"] = plus(y["基本支出"], y["项目支出"])
        y["收支差额"] = minus(y["总收入"], y["总支出"])
        y["基本支出占比"] = ratio(y["基本支出"], y["总支出"])
        y["项目支出占比"] = ratio(y["项目支出"], y["总支出"])
        if !items.isEmpty {
            y["项目预算合计"] = sum(budgets)
            y["预算执行率"] = ratio(sum(spent), sum(budgets))
        }
        if y["自评覆盖资金"] != nil { y["自评覆盖率"] = ratio(y["自评覆盖资金"], y["总支出"]) }
        // Coverage of performance targets: declared (申报) and published (公开) over all projects.
        let projectCount: ExactDecimal? = if case .quantity(let n, _)? = y["项目数"] { n } else if y["项目"] != nil { ExactDecimal(items.count) } else { nil }
        for (count, rate) in [("申报绩效目标项目数", "绩效目标申报覆盖率"), ("公开绩效目标项目数", "绩效目标公开覆盖率")] {
            guard case .quantity(let n, _)? = y[count] else { continue }
            if let total = projectCount, !total.isZero, let r = try? n.divided(by: total) { y[rate] = .ratio(r, .percent) } else { y[rate] = .unknown }
        }
        return y
    }

    /// Indicators marked `随预算: true` project their output at the base year's unit cost; an
    /// elasticity (`随预算: 0.5`) moves the output by that share of the budget's relative change.
    static func projectIndicators(_ project: Record) -> Record {
        guard case .list(let indicators)? = project["指标"],
              indicators.contains(where: { if case .record(let i) = $0 { i["随预算"] != nil } else { false } }) else { return project }
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
                i["预计"] = rebuild(actual, projected)
            } else {
                i["预计"] = .unknown
            }
            return .record(i)
        })
        return p
    }

    static func rebuild(_ template: Value, _ x: ExactDecimal) -> Value {
        switch template {
        case .quantity(_, let t): .quantity(x.rounded(toScale: 2, mode: .halfAwayFromZero).normalized, t)
        case .money(_, let u): .money(x, u)
        case .ratio(_, let s): .ratio(x, s)
        default: .number(x)
        }
    }

    /// After a scenario's changes: a change to project budgets flows into 项目支出, then every
    /// derived line is recomputed.
    static func rederive(_ year: Record) -> Record {
        var y = year
        let before = y["项目预算合计"]
        let after = sum(projects(y).map { $0["预算"] ?? .unknown })
        if let old = money(before), let new = money(after), old != new,
           let delta = try? new.subtracting(old), case .money(let line, let u)? = y["项目支出"],
           let changed = try? line.adding(delta) {
            y["项目支出"] = .money(changed, u)
        }
        return derive(y, firstLoad: false)
    }

    // MARK: Validation

    /// Problems in a year as read: errors stop the load, warnings are printed.
    static func validate(_ year: Record, file: Int32) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let header = year.span(of: "年度") ?? year.spans.first ?? .none
        func at(_ key: String, in r: Record = year) -> SourceSpan { r.span(of: key) ?? header }
        func error(_ id: DiagnosticID, _ message: String, _ span: SourceSpan, notes: [String] = []) {
            problems.append(Diagnostic(.error, id: id, message, at: span, notes: notes))
        }
        func warning(_ id: DiagnosticID, _ message: String, _ span: SourceSpan, notes: [String] = []) {
            problems.append(Diagnostic(.warning, id: id, message, at: span, notes: notes))
        }
        for key in required where year[key] == nil {
            error(.missingField, "the year has no \(key)", header, notes: ["help: every year gives " + required.joined(separator: ", ")])
        }
        for key in moneyLines {
            if let v = year[key] { expectMoney(v, key, at(key), &problems) }
        }
        if let v = year["收入"] {
            if case .record(let r) = v {
                for (k, item) in r.entries { expectMoney(item, "收入.\(k)", at("收入"), &problems) }
            } else {
                error(.wrongType, "收入 must list income items, e.g. 收入: { 一般公共预算财政拨款收入: 3622.4万元 }", at("收入"))
            }
        }
        // Declared totals against their parts.
        checkTotal(year["总收入"], sum(income(year)), "总收入", "Σ 收入", at("总收入"), &problems)
        checkTotal(year["总支出"], plus(year["基本支出"], year["项目支出"]), "总支出", "基本支出 + 项目支出", at("总支出"), &problems)
        if year["人员经费"] != nil || year["公用经费"] != nil {
            checkTotal(year["基本支出"], plus(year["人员经费"], year["公用经费"]), "基本支出", "人员经费 + 公用经费", at("基本支出"), &problems)
        }
        // Projects.
        var names: Set<ExactText> = []
        if let list = year["项目"], case .list(let items) = list {
            for item in items {
                guard case .record(let p) = item, p.kind == .project || p.kind == nil else {
                    error(.wrongType, "项目 lists projects: project \"名称\" { 预算: …, 执行: … }", at("项目"))
                    continue
                }
                let name: String = if case .string(let n)? = p["名称"] { n } else { "" }
                if name.isEmpty { error(.missingField, "a project has no name", at("名称", in: p)) }
                if !names.insert(ExactText(name)).inserted {
                    error(.duplicateName, "two projects are named \"\(name)\"", at("名称", in: p))
                }
                for key in ["预算", "执行", "年初预算"] { if let v = p[key] { expectMoney(v, "\(name).\(key)", at(key, in: p), &problems) } }
                if let spent = money(p["执行"]), let budget = money(p["预算"]), spent > budget {
                    error(.overExecution, "\"\(name)\" executed \(Value.money(spent, .wan).plainText), more than its budget \(Value.money(budget, .wan).plainText)",
                          at("执行", in: p), notes: ["help: 全年执行数 cannot exceed 全年预算数; check both figures"])
                }
                validateIndicators(p, owner: name, &problems)
            }
            let projectSum = sum(projects(year).map { $0["预算"] ?? .unknown })
            if let total = money(projectSum), let line = money(year["项目支出"]), total > line {
                let excess = (try? total.subtracting(line)) ?? .zero
                let message = "project budgets add up to \(Value.money(total, .wan).plainText), more than 项目支出 \(Value.money(line, .wan).plainText)"
                if excess <= tolerance { warning(.projectSum, message + " (within the report's rounding)", at("项目支出")) }
                else { error(.projectSum, message, at("项目支出")) }
            }
        } else if year["项目"] != nil {
            error(.wrongType, "项目 must be a list of projects", at("项目"))
        }
        validateIndicators(year, owner: "the department", &problems)
        return problems
    }

    static func validateIndicators(_ owner: Record, owner name: String, _ problems: inout [Diagnostic]) {
        guard let v = owner["指标"] else { return }
        guard case .list(let items) = v else {
            problems.append(Diagnostic(id: .wrongType, "指标 must be a list of indicators", at: owner.span(of: "指标") ?? .none))
            return
        }
        var seen: Set<ExactText> = []
        for case .record(let i) in items {
            guard case .string(let n)? = i["名称"] else { continue }
            if !seen.insert(ExactText(n)).inserted {
                problems.append(Diagnostic(id: .duplicateName, "\(name) has two indicators named \"\(n)\"", at: i.span(of: "名称") ?? .none))
            }
            if let score = i["分值"], score.dimension != .number {
                problems.append(Diagnostic(id: .wrongType, "分值 is a plain number of points, not a \(score.type.name)", at: i.span(of: "分值") ?? .none))
            }
        }
    }

    static func expectMoney(_ v: Value, _ key: String, _ span: SourceSpan, _ problems: inout [Diagnostic]) {
        switch v {
        case .money, .unknown: break
        default:
            problems.append(Diagnostic(id: .wrongDimension, "\(key) must be an amount of money, not a \(v.type.name) (\(v.plainText))", at: span,
                                       notes: ["help: write amounts with 万元, 元 or 亿元, e.g. 1188.56万元"]))
        }
    }

    static func checkTotal(_ declared: Value?, _ computed: Value, _ name: String, _ formula: String, _ span: SourceSpan, _ problems: inout [Diagnostic]) {
        guard let d = money(declared), let c = money(computed), d != c, let gap = try? d.subtracting(c).magnitude else { return }
        let message = "\(name) is declared as \(Value.money(d, .wan).plainText) but \(formula) is \(Value.money(c, .wan).plainText)"
        if gap <= tolerance {
            problems.append(Diagnostic(.warning, id: .totalRounding, message + " (within the report's ±0.01万元 rounding)", at: span))
        } else {
            problems.append(Diagnostic(id: .totalMismatch, message, at: span))
        }
    }
}
