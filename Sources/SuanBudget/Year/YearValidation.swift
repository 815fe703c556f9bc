import SuanCore

/// The checks a year must pass. A loaded year gets all of them, with positions into its file:
/// errors stop the load, warnings are printed. A scenario gets the checks a change can break
/// (``scenarioProblems(of:)``), as warnings at the change that broke them.
enum YearValidation {
    static let required = ["部门", "收入", "基本支出", "项目支出"]
    static let moneyLines = ["基本支出", "项目支出", "人员经费", "公用经费", "总收入", "总支出", "自评覆盖资金"]

    // MARK: A loaded year

    /// A year as read (before deriving), with each cell that is no figure made unknown
    /// (``NonFigure``): the year, those cells' warnings, and the problems the checks below find.
    ///
    /// One pass over the projects both checks them and looks for cells that are no figure; a
    /// project is copied only when it has one, and the year only when a project or a department
    /// indicator changed.
    static func checked(_ year: Record, jobs: Int = 1) -> (year: Record, unreadable: [Diagnostic], problems: [Diagnostic]) {
        var problems: [Diagnostic] = []
        var unreadable: [Diagnostic] = []
        /// Projects with a cell that is no figure, made unknown: their places in 项目 and their records.
        var cleaned: [(Int, Record)] = []
        let header = year.span(of: "年度") ?? year.spans.first ?? .none
        func at(_ key: String, in r: Record = year) -> SourceSpan { r.span(of: key) ?? header }
        func error(_ id: DiagnosticID, _ message: Message, _ span: SourceSpan, notes: [Message] = []) {
            problems.append(Diagnostic(.error, id: id, message, at: span, notes: notes))
        }
        func warning(_ id: DiagnosticID, _ message: Message, _ span: SourceSpan, notes: [Message] = []) {
            problems.append(Diagnostic(.warning, id: id, message, at: span, notes: notes))
        }
        for key in required where year[key] == nil {
            error(.missingField, "the year has no \(key)", header, notes: ["help: every year gives \(required.joined(separator: ", "))"])
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
        if !Year.income(year).isEmpty {
            checkTotal(year["总收入"], Year.sum(Year.income(year)), "总收入", "Σ 收入", at("总收入"), &problems)
        }
        checkTotal(year["总支出"], Year.plus(year["基本支出"], year["项目支出"]), "总支出", "基本支出 + 项目支出", at("总支出"), &problems)
        if year["人员经费"] != nil || year["公用经费"] != nil {
            checkTotal(year["基本支出"], Year.plus(year["人员经费"], year["公用经费"]), "基本支出", "人员经费 + 公用经费", at("基本支出"), &problems)
        }
        // Projects: each checked on its own (on `jobs` threads for a long list), then gathered
        // in order, with the one check that looks across them, names given twice.
        if let list = year["项目"], case .list(let items) = list {
            let checks = projectChecks(items, header: header, listSpan: at("项目"), jobs: jobs)
            var names: Set<ExactText> = []
            names.reserveCapacity(items.count)
            var next = 0
            for n in items.indices {
                var f: ProjectFindings? = nil
                if next < checks.found.count && checks.found[next].item == n { f = checks.found[next].findings; next += 1 }
                if let clean = f?.cleaned { cleaned.append((n, clean)) }
                if let f { unreadable += f.unreadable; problems += f.first }
                guard let name = checks.names[n] else { continue }
                if !names.insert(ExactText(name)).inserted {
                    let span = if case .record(let p) = items[n] { p.span(of: "名称") ?? header } else { header }
                    error(.duplicateName, "two projects are named \"\(name)\"", span)
                }
                if let f { problems += f.rest }
            }
            let projectSum = Year.sum(checks.budgets.joined())
            if let total = Year.money(projectSum), let line = Year.money(year["项目支出"]), total > line {
                let excess = (try? total.subtracting(line)) ?? .zero
                let message: Message = "project budgets add up to \(Value.money(total, .wan).plainText), more than 项目支出 \(Value.money(line, .wan).plainText)"
                if excess <= Year.tolerance { warning(.projectSum, message + " (within the report's rounding)", at("项目支出")) }
                else { error(.projectSum, message, at("项目支出")) }
            }
        } else if year["项目"] != nil {
            error(.wrongType, "项目 must be a list of projects", at("项目"))
        }
        validateIndicators(year, owner: "the department", &problems)
        let ownIndicators = NonFigure.cleaned(year, label: { "" }, into: &unreadable)
        guard !cleaned.isEmpty || ownIndicators != nil else { return (year, unreadable, condensed(problems, at: header)) }
        var result = ownIndicators ?? year
        if !cleaned.isEmpty, case .list(var items)? = result["项目"] {
            for (n, project) in cleaned { items[n] = .record(project) }
            result["项目"] = .list(items)
        }
        return (result, unreadable, condensed(problems, at: header))
    }

    /// What the checks of one item of 项目 found, in the order a pass over the list finds it: its
    /// problems before the check of its name against the others', and after it.
    struct ProjectFindings: Sendable {
        /// The project with its cells that are no figure made unknown, when it has any.
        var cleaned: Record?
        var unreadable: [Diagnostic] = []
        var first: [Diagnostic] = []
        var rest: [Diagnostic] = []

        var isEmpty: Bool { cleaned == nil && unreadable.isEmpty && first.isEmpty && rest.isEmpty }
    }

    /// What the checks of a list of projects found: each record's 预算 (for the sum, in the parts
    /// the threads found them in: joined, 100,000 amounts would take 4.8 MB more while the year's
    /// text and records are all held), each item's name (nil when the item is no project), and the
    /// findings of the items that have any (most have none: 100,000 empty findings would take
    /// 13 MB), by their place in the list.
    struct ProjectChecks: Sendable {
        var budgets: [[Value]] = []
        var names: [String?] = []
        var found: [(item: Int, findings: ProjectFindings)] = []
    }

    /// Lists shorter than this are checked on one thread.
    static let smallestSplit = 2048

    /// The checks of each item of a year's 项目, in `jobs` parts when the list is long.
    static func projectChecks(_ items: [Value], header: SourceSpan, listSpan: SourceSpan, jobs: Int) -> ProjectChecks {
        let parts = items.count >= smallestSplit ? Swift.min(jobs, 8) : 1
        let bounds = (0...parts).map { items.count * $0 / parts }
        let checked = LargeStack.runAll((0..<parts).map { part in
            { @Sendable () -> ProjectChecks in
                var checks = ProjectChecks()
                var budgets: [Value] = []
                budgets.reserveCapacity(bounds[part + 1] - bounds[part])
                checks.names.reserveCapacity(bounds[part + 1] - bounds[part])
                for n in bounds[part]..<bounds[part + 1] {
                    let (budget, name, findings) = project(items[n], header: header, listSpan: listSpan)
                    if let budget { budgets.append(budget) }
                    checks.names.append(name)
                    if !findings.isEmpty { checks.found.append((n, findings)) }
                }
                checks.budgets = [budgets]
                return checks
            }
        })
        guard checked.count > 1 else { return checked[0] }
        var all = ProjectChecks()
        all.names.reserveCapacity(items.count)
        for part in checked {
            all.budgets += part.budgets
            all.names += part.names
            all.found += part.found
        }
        return all
    }

    /// The checks of one item of 项目 (`header` stands in for a position it lacks, `listSpan` is
    /// 项目's): its 预算 when it is a record, its name when it is a project, and what they found.
    static func project(_ item: Value, header: SourceSpan, listSpan: SourceSpan) -> (budget: Value?, name: String?, findings: ProjectFindings) {
        var f = ProjectFindings()
        var budget: Value? = nil
        if case .record(let p) = item {
            budget = p["预算"] ?? .unknown
            f.cleaned = NonFigure.cleaned(p, label: { "项目[\"\(p["名称"]?.plainText ?? "")\"]." }, into: &f.unreadable)
        }
        guard case .record(let p) = item, p.kind == .project || p.kind == nil else {
            f.first.append(Diagnostic(id: .wrongType, "项目 lists projects: project \"名称\" { 预算: …, 执行: … }", at: listSpan))
            return (budget, nil, f)
        }
        func at(_ key: String) -> SourceSpan { p.span(of: key) ?? header }
        func warning(_ id: DiagnosticID, _ message: Message, _ span: SourceSpan, notes: [Message] = []) {
            f.rest.append(Diagnostic(.warning, id: id, message, at: span, notes: notes))
        }
        let name: String = if case .string(let n)? = p["名称"] { n } else { "" }
        if name.isEmpty { f.first.append(Diagnostic(id: .missingField, "a project has no name", at: at("名称"))) }
        for key in ["预算", "执行", "年初预算"] { if let v = p[key] { expectMoney(v, "\(name).\(key)", at(key), &f.rest) } }
        // As a scenario's change warns: a form's negative amount is a slip, kept as read.
        for key in ["预算", "执行", "年初预算"] {
            if let d = Year.money(p[key]), d.isNegative {
                warning(.negativeAmount, "项目[\"\(name)\"].\(key) is \(Value.money(d, .wan).plainText), below zero", at(key),
                        notes: key == "执行" ? ["note: 预算执行率 is scored as at least 0"] : [])
            }
        }
        // Published reports contain it; scoring caps 执行率 at 100%, so the data stays usable.
        if let spent = Year.money(p["执行"]), let budget = Year.money(p["预算"]), spent > budget, !budget.isNegative {
            warning(.overExecution, "\"\(name)\" executed \(Value.money(spent, .wan).plainText), more than its budget \(Value.money(budget, .wan).plainText)",
                    at("执行"), notes: ["note: 预算执行率 is scored as at most 100%"])
        }
        validateFundSources(p, owner: name, &f.rest)
        validateIndicators(p, owner: name, &f.rest)
        return (budget, name, f)
    }

    /// How many problems of one id and severity print before the rest are summed up in one line.
    static let repeatsShown = 5

    /// The first ``repeatsShown`` problems of each id and severity, then one summary per id and
    /// severity: a 10,000-project table with 执行 > 预算 in hundreds of rows prints six warnings.
    static func condensed(_ problems: [Diagnostic], at span: SourceSpan) -> [Diagnostic] {
        var seen: [String: Int] = [:]
        var kept: [Diagnostic] = []
        var order: [(id: DiagnosticID, severity: Diagnostic.Severity)] = []
        for problem in problems {
            let key = problem.id.rawValue + "|" + problem.severity.rawValue
            let count = seen[key, default: 0]
            seen[key] = count + 1
            if count < repeatsShown { kept.append(problem) }
            if count == repeatsShown { order.append((problem.id, problem.severity)) }
        }
        for (id, severity) in order {
            let more = seen[id.rawValue + "|" + severity.rawValue, default: 0] - repeatsShown
            let message: Message = switch id {
            case .overExecution: "… and \(more) more projects executed more than their budget"
            default: "… and \(more) more like this (\(id.rawValue))"
            }
            kept.append(Diagnostic(severity, id: id, message, at: span))
        }
        return kept
    }

    /// Each amount and the names of its 其中 parts (`财政资金预算`, …), written once.
    static let fundFields: [(key: String, parts: [String])] = ["预算", "执行", "年初预算"].map { key in
        (key, ProjectFormImport.fundSources.map { $0 + key })
    }

    static let fundFieldNames = Set(fundFields.flatMap(\.parts).map(ExactText.init))
    static let shortestFundField = fundFieldNames.map(\.text.utf8.count).min() ?? 0

    /// A form's 其中 rows (财政资金, 财政专户管理资金, 单位资金) are parts of its 总额: none of them, and not
    /// their sum, may be more than the project's 预算, 执行 or 年初预算. A warning at the part's cell: the
    /// form is published as it is, and the project's own amounts still hold.
    static func validateFundSources(_ project: Record, owner name: String, _ problems: inout [Diagnostic]) {
        // Most projects have no 其中 parts: one look at their names, not twelve lookups; a name
        // shorter than every part's is not even hashed.
        guard project.keys.contains(where: { $0.utf8.count >= shortestFundField && fundFieldNames.contains(ExactText($0)) }) else { return }
        for (key, fields) in fundFields {
            guard let total = Year.money(project[key]) else { continue }
            let parts = fields.compactMap { field in Year.money(project[field]).map { (field, $0) } }
            let over = parts.filter { $0.1 > total }
            for (field, amount) in over {
                problems.append(Diagnostic(.warning, id: .partExceedsTotal,
                                           "\(name).\(field) (\(Value.money(amount, .wan).plainText)) is more than its 总额 \(key) (\(Value.money(total, .wan).plainText))",
                                           at: project.span(of: field) ?? .none))
            }
            guard over.isEmpty, parts.count > 1, let sum = Year.money(Year.sum(parts.map { .money($0.1, .wan) })), sum > total else { continue }
            problems.append(Diagnostic(.warning, id: .partExceedsTotal,
                                       "\(name): the 其中 rows' \(key) add up to \(Value.money(sum, .wan).plainText), more than its 总额 (\(Value.money(total, .wan).plainText))",
                                       at: project.span(of: parts[0].0) ?? .none))
        }
    }

    static func validateIndicators(_ owner: Record, owner name: String, _ problems: inout [Diagnostic]) {
        guard let v = owner["指标"] else { return }
        guard case .list(let items) = v else {
            problems.append(Diagnostic(id: .wrongType, "指标 must be a list of indicators", at: owner.span(of: "指标") ?? .none))
            return
        }
        // A project's few indicators are checked against each other directly: a set for each of
        // 100,000 projects cost more than the rest of their checks.
        let few = items.count <= 16
        var seen: Set<ExactText> = []
        for (k, item) in items.enumerated() {
            guard case .record(let i) = item, case .string(let n)? = i["名称"] else { continue }
            let repeated = few ? items[..<k].contains { if case .record(let e) = $0, case .string(let m)? = e["名称"] { ExactText.same(m, n) } else { false } }
                               : !seen.insert(ExactText(n)).inserted
            if repeated {
                problems.append(Diagnostic(id: .duplicateName, "\(name) has two indicators named \"\(n)\"", at: i.span(of: "名称") ?? .none))
            }
            if let score = i["分值"], score.dimension != .number {
                problems.append(Diagnostic(id: .wrongType, "分值 is a plain number of points, not a \(score.type.name)", at: i.span(of: "分值") ?? .none))
            }
            if let problem = incomparable(i, indicator: n, owner: name) { problems.append(problem) }
        }
    }

    /// An indicator whose 实际 cannot be compared with its 目标 (a target in % and an outcome in 件,
    /// or a count word the table ran into the next cell, `2699件30`): it cannot be scored, and
    /// scoring would fail far from the data, so the load says where. A bare number on either side
    /// (a form's 实际 written without its 度量单位) is left to scoring, as before: such years load.
    static func incomparable(_ i: Record, indicator: String, owner: String) -> Diagnostic? {
        guard let goal = i["目标"], let actual = i["实际"], let a = actual.dimension, a != .number else { return nil }
        let target: Value = if case .target(_, let box) = goal { box.value } else { goal }
        guard let t = target.dimension, t != .number, !DimensionRules.comparable(t, a) else { return nil }
        return Diagnostic(id: .wrongDimension, "\(owner).\(indicator): 实际 is a \(actual.type.name) but 目标 is a \(target.type.name); they cannot be compared",
                          at: i.span(of: "实际") ?? .none,
                          notes: ["help: write 实际 in the unit of 目标, e.g. 目标: >= 95% with 实际: 97%, or 目标: >= 1200件 with 实际: 1298件"])
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
        guard let d = Year.money(declared), let c = Year.money(computed), d != c, let gap = try? d.subtracting(c).magnitude else { return }
        let message: Message = "\(name) is declared as \(Value.money(d, .wan).plainText) but \(formula) is \(Value.money(c, .wan).plainText)"
        if gap <= Year.tolerance {
            problems.append(Diagnostic(.warning, id: .totalRounding, message + " (within the report's ±0.01万元 rounding)", at: span))
        } else {
            problems.append(Diagnostic(id: .totalMismatch, message, at: span))
        }
    }

    // MARK: A scenario

    /// What makes a derived year impossible: negative amounts, 执行 over 预算, parts larger than
    /// their total, coverage over 100%. Each problem has a key, so that a scenario reports it once,
    /// at the change that first caused it.
    static func scenarioProblems(of year: Record) -> [(key: String, id: DiagnosticID, message: () -> Message)] {
        var found: [(key: String, id: DiagnosticID, message: () -> Message)] = []
        // Labels and messages are written only for a problem found: most changes find none.
        func negative(_ label: @autoclosure () -> String, _ v: Value?) {
            guard let d = Year.money(v), d.isNegative else { return }
            let label = label()
            found.append(("negative|\(label)", .negativeAmount, { "\(label) would be \(Value.money(d, .wan).plainText), below zero" }))
        }
        if case .record(let income)? = year["收入"] {
            for (k, v) in income.entries { negative("收入.\(k)", v) }
        }
        for key in ["人员经费", "公用经费", "基本支出", "项目支出", "总支出", "总收入", "自评覆盖资金"] { negative(key, year[key]) }
        for p in Year.projects(year) {
            let name: String = if case .string(let n)? = p["名称"] { n } else { p["名称"]?.plainText ?? "" }
            negative("项目[\"\(name)\"].预算", p["预算"])
            negative("项目[\"\(name)\"].执行", p["执行"])
            if let spent = Year.money(p["执行"]), let budget = Year.money(p["预算"]), spent > budget, !budget.isNegative {
                found.append(("over|\(name)", .overExecution, {
                              "\"\(name)\" would execute \(Value.money(spent, .wan).plainText), more than its budget \(Value.money(budget, .wan).plainText) (执行率 \(Year.ratio(p["执行"], p["预算"]).plainText))" }))
            }
        }
        func part(_ part: String, _ partValue: Value?, of total: String, _ totalValue: Value?) {
            // A negative total is reported as such; comparing parts with it says nothing more.
            guard let p = Year.money(partValue), let t = Year.money(totalValue), p > t, !t.isNegative, !p.isNegative else { return }
            found.append(("part|\(part)|\(total)", .partExceedsTotal, {
                          "\(part) (\(Value.money(p, .wan).plainText)) would be larger than \(total) (\(Value.money(t, .wan).plainText))" }))
        }
        part("人员经费", year["人员经费"], of: "基本支出", year["基本支出"])
        part("公用经费", year["公用经费"], of: "基本支出", year["基本支出"])
        if year["项目"] != nil {
            // The budgets that are known: one of them alone may already be more than 项目支出.
            part("Σ 项目.预算", Year.sum(Year.projects(year).compactMap { if case .money? = $0["预算"] { $0["预算"] } else { nil } }), of: "项目支出", year["项目支出"])
        }
        if let covered = Year.money(year["自评覆盖资金"]), let total = Year.money(year["总支出"]), covered > total {
            found.append(("coverage", .overCoverage, {
                          "自评覆盖率 would be \(Year.ratio(year["自评覆盖资金"], year["总支出"]).plainText): 自评覆盖资金 \(Value.money(covered, .wan).plainText) is more than 总支出 \(Value.money(total, .wan).plainText)" }))
        }
        return found
    }

    /// What no year can hold, as a change can make it: a budget that is not money, a target without a
    /// direction or in another unit than its 实际, 分值 that is not a number of points at least 0.
    /// Errors at the change, so that they never surface inside the scoring rules.
    static func scenarioErrors(of year: Record) -> [(key: String, id: DiagnosticID, message: Message, help: Message?)] {
        var found: [(key: String, id: DiagnosticID, message: Message, help: Message?)] = []
        for p in Year.projects(year) {
            var name: String { p["名称"]?.plainText ?? "" }
            for key in ["预算", "执行", "年初预算"] {
                guard let v = p[key] else { continue }
                switch v {
                case .money, .unknown: break
                default:
                    found.append(("money|\(name)|\(key)", .wrongDimension, "项目[\"\(name)\"].\(key) must be an amount of money, not a \(v.type.name) (\(v.plainText))",
                                  "help: write amounts with 万元, 元 or 亿元, e.g. 20万元"))
                }
            }
            guard case .list(let indicators)? = p["指标"] else { continue }
            for case .record(let i) in indicators {
                var label: String { "项目[\"\(name)\"].指标[\"\(i["名称"]?.plainText ?? "")\"]" }
                if let target = i["目标"] {
                    switch target {
                    case .target(_, let box):
                        if let td = box.value.dimension, let ad = i["实际"]?.dimension, !DimensionRules.comparable(td, ad) {
                            found.append(("target-unit|\(label)", .dimensionMismatch,
                                          "\(label).目标 is in \(td.name) but its 实际 is in \(ad.name)", "help: give the target in the indicator's own unit, e.g. 目标 = >= \(i["实际"]!.plainText)"))
                        }
                    case .string, .unknown: break
                    default:
                        found.append(("target|\(label)", .typeMismatch, "\(label).目标 needs a direction: ≥, ≤ or ==",
                                      "help: write 目标 = >= \(target.plainText) (正向), <= … (反向) or == … (等于)"))
                    }
                }
                if let points = i["分值"] {
                    if case .number(let d) = points, !d.isNegative {} else if case .unknown = points {} else {
                        found.append(("points|\(label)", .typeMismatch, "\(label).分值 must be a number of points, at least 0, not \(points.plainText)", nil))
                    }
                }
                if let link = i["随预算"] {
                    switch link {
                    case .bool, .number, .ratio: break
                    default: found.append(("link|\(label)", .typeMismatch, "\(label).随预算 is true, false or an elasticity such as 0.5", nil))
                    }
                }
            }
        }
        return found
    }
}
