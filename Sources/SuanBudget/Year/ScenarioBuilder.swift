import SuanCore

/// Builds a scenario: a base year with changes applied in order, each change kept whole by the
/// year's hierarchy, and the result validated like a loaded year.
///
/// The rules (docs/what-if.md states them for users):
/// - **A part moves its total.** `公用经费 -= 100万元` lowers 基本支出 and so 总支出 by the same
///   amount; a project's 预算 moves 项目支出; an income item moves 总收入.
/// - **A total with parts spreads in proportion.** `基本支出 -= 5%` moves 人员经费 and 公用经费 by
///   their shares of 基本支出 (to 0.01元, the remainder on the largest part); `总支出` spreads over
///   基本支出 and 项目支出, and on down; 项目支出 spreads over the projects when their budgets are
///   all known and add up to it. A note at the change shows the split.
/// - **执行 follows 预算.** A change to a project's 预算 moves its 执行 in proportion, so the
///   execution rate stays the base year's; set 执行 after it to plan another.
/// - **Derived lines cannot be set** (收支差额, shares, rates): change what they are computed from.
/// - **Projects and indicators can be added, removed and given targets:** `项目 += project …`,
///   `项目 -= "名称"`, `项目["名称"].指标["指标"].目标 = >= 8000件`.
/// - After each change, what makes the year impossible (negative amounts, 执行 over 预算, parts
///   over their total, coverage over 100%) is a warning at that change.
struct ScenarioBuilder {
    var year: Year
    /// The change being applied, for notes and errors.
    var span: SourceSpan = .none
    /// What the current change did beyond its own line (spreads), for the note.
    var effects: [Message] = []
    /// Whether anyone reads the notes and warnings (`count` and `solve` mute them).
    var noting = true
    /// Whether the projects have still to remember the base year's figures as 基期 (``Year/rememberBase()``):
    /// done before the first change that writes a project, or with the first derivation.
    var baseToRemember = false
    /// The base prepared once, and where it is kept: its projects as derived for a scenario are
    /// used while no change has written a project (`projectsAsInBase`).
    var base: ScenarioBase
    var bases: ScenarioBase.Memo
    var projectsAsInBase = true

    /// Fields a change may add to a record that lacks them, by record kind.
    static let addableFields: [RecordKind: Set<String>] = [
        .project: ["预算", "执行", "指标", "年初预算", "备注"],
        .indicator: ["目标", "分值", "实际", "类别", "随预算", "得分比例", "备注"],
    ]

    /// A scenario from `base`: its lines found and its projects derived once per base (`bases`).
    static func build(from base: Record, name: String?, changes: [ScenarioEdit], span: SourceSpan,
                      warn: ((Diagnostic) -> Void)?, bases: ScenarioBase.Memo) throws(Diagnostic) -> Record {
        let prepared = bases.base(for: base)
        var year = Year(prepared.lines)
        // The base's lines are shared: the scenario's own copy is made here, once, with room for the
        // 基于 and 根 it gains at the end (a copy at exactly its size was copied again to grow).
        year.reserve(2)
        year.kind = .scenario
        // Moved in, not copied: a second holder of the record would make its first change copy it.
        var builder = ScenarioBuilder(year: consume year, base: prepared, bases: bases)
        // Projections start from the loaded year: its figures are remembered once, as 基期.
        builder.baseToRemember = base.kind == .year
        builder.noting = warn != nil
        let baseName = builder.year[.name].flatMap { if case .string(let n) = $0 { n } else { nil } }
            ?? Year.name(year: builder.year.yearNumber, collection: nil)
        let root = builder.year[.root].flatMap { if case .string(let n) = $0 { n } else { nil } } ?? baseName
        // Problems are worked out only for someone to warn: `count` and `solve` mute them.
        var reported = warn == nil ? [] : Set(YearValidation.scenarioProblems(of: base).map(\.key))
        // The base's own errors, worked out when a change first touches the projects.
        var knownErrors: Set<String>?
        // Derived lines are brought up to date before a change that reads them and at the end; when
        // warnings are read, after every change, since the checks read them.
        var derived = true
        for change in changes {
            builder.span = change.span
            builder.effects = []
            if !derived && !readsStoredLinesOnly(change) { builder.derive() }
            try builder.apply(change)
            derived = false
            if warn != nil { builder.derive(); derived = true }
            // What a change made that no year can hold (a budget in 件, a target without a direction) is an error here,
            // not later inside the scoring rules. Only a change under 项目 can make one: spreads set budgets to
            // money and derivation adds derived lines, which these checks do not read.
            if change.path.first.flatMap(YearLine.named) == .projects {
                let known = knownErrors ?? Set(YearValidation.scenarioErrors(of: base).map(\.key))
                knownErrors = known
                if let error = YearValidation.scenarioErrors(of: builder.year.record).first(where: { !known.contains($0.key) }) {
                    throw builder.fail(error.message, id: error.id, notes: error.help.map { [$0] } ?? [])
                }
            }
            guard let warn else { continue }
            if !builder.effects.isEmpty {
                warn(Diagnostic(.note, id: .spread, Message.joined(builder.effects, separator: "; "), at: change.span))
            }
            // One warning per kind of problem and change.
            var fresh: [(id: DiagnosticID, messages: [Message])] = []
            for problem in YearValidation.scenarioProblems(of: builder.year.record) where reported.insert(problem.key).inserted {
                if let i = fresh.firstIndex(where: { $0.id == problem.id }) { fresh[i].messages.append(problem.message()) }
                else { fresh.append((problem.id, [problem.message()])) }
            }
            for (id, messages) in fresh {
                warn(Diagnostic(.warning, id: id, Message.joined(messages, separator: "; "), at: change.span))
            }
        }
        if !derived { builder.derive() }
        // Without changes nothing was derived, but the base is remembered all the same.
        builder.rememberBaseIfPending()
        builder.year[.name] = name.map(Value.string)
        builder.year[.basedOn] = .string(baseName)
        builder.year[.root] = .string(root)
        return builder.year.record
    }

    /// Brings the derived lines up to date, remembering the base first if it is still to be.
    mutating func derive() {
        year.derive(rememberingBase: baseToRemember, known: projectsAsInBase ? bases.projects(of: base) : nil)
        baseToRemember = false
    }

    /// Remembers the base year's figures on the projects, if that is still to be done.
    mutating func rememberBaseIfPending() {
        guard baseToRemember else { return }
        year.rememberBase()
        baseToRemember = false
    }

    /// Before a change writes a project or the list: the base is remembered first, and the
    /// projects are derived again from then on.
    mutating func willChangeProjects() {
        rememberBaseIfPending()
        projectsAsInBase = false
    }

    /// Whether a change reads stored lines only, never a derived one: a change to 基本支出, 项目支出,
    /// 人员经费, 公用经费 or an income item spreads over and moves stored lines alone.
    static func readsStoredLinesOnly(_ change: ScenarioEdit) -> Bool {
        switch change.path.first.flatMap(YearLine.named) {
        case .basicSpending?, .projectSpending?, .personnel?, .publicFunds?, .income?: true
        default: false
        }
    }

    /// A change's path as it is written: `项目["名称"].预算`.
    static func written(_ path: [String]) -> String {
        var out = ""
        var inList = false
        for key in path {
            if inList { out += "[\"\(key)\"]"; inList = false; continue }
            out += out.isEmpty ? key : "." + key
            inList = key == "项目" || key == "指标"
        }
        return out
    }

    func fail(_ message: Message, id: DiagnosticID = .unknownLine, notes: [Message] = []) -> Diagnostic {
        Diagnostic(id: id, message, at: span, notes: notes)
    }

    // MARK: Applying one change

    mutating func apply(_ change: ScenarioEdit) throws(Diagnostic) {
        let path = change.path
        guard let key = path.first else { return }
        let line = YearLine.named(key)
        // A given line is never derived: only other names are looked up among the derived lines.
        if !(line?.isGiven ?? false), let formula = Year.formula(ofDerived: key) {
            throw fail("\(key) is computed (\(formula)); change what it is computed from", id: .derivedLine)
        }
        // The year's lines by position: changing one copies nothing but the base year's arrays, once.
        switch line {
        case .projects? where path.count > 1:
            willChangeProjects()
            try changeProject(named: path[1], rest: path.dropFirst(2), change)
            return
        case .projects?:
            willChangeProjects()
            guard let old = year[.projects] else { throw fail("this year lists no 项目") }
            let before = Year.projects(year.record)
            year[.projects] = try listChanged(old, change, what: "项目")
            // Projects added or removed move 项目支出 by their known budgets.
            let after = Year.projects(year.record)
            func name(_ p: Record) -> String { p["名称"]?.plainText ?? "" }
            let beforeNames = Set(before.map(name)), afterNames = Set(after.map(name))
            var delta = Value.money(.zero, .wan)
            for p in after where !beforeNames.contains(name(p)) {
                if let budget = p["预算"], case .money = budget { delta = try Arithmetic.apply(.add, delta, budget, span: span) }
            }
            for p in before where !afterNames.contains(name(p)) {
                if let budget = p["预算"], case .money = budget { delta = try Arithmetic.apply(.subtract, delta, budget, span: span) }
            }
            try moveStored(.projectSpending, by: delta)
            return
        case let line? where [.totalSpending, .basicSpending, .projectSpending, .totalIncome].contains(line):
            guard path.count == 1, let old = year[line] else { break }
            let new = try changed(old, change)
            try spread(line, to: new)
            return
        case let line? where line == .personnel || line == .publicFunds:
            guard path.count == 1, let old = year[line] else { break }
            let new = try changed(old, change)
            year[line] = new
            try moveStored(.basicSpending, by: try difference(new, old))
            return
        case .income? where path.count == 2:
            guard case .record(var income)? = year[.income] else { throw fail("this year has no 收入 items") }
            if let old = income[path[1]] {
                income[path[1]] = try changed(old, change)
            } else if change.operation == .set, case .money = change.value {
                income[path[1]] = change.value
            } else {
                throw fail("no income item '\(path[1])' to change", notes: hint(path[1], among: income.keys)
                           + ["help: a new item is set with '=': 收入.\(path[1]) = 100万元"])
            }
            year[.income] = .record(income)
            return
        default:
            break
        }
        year.record = try applyPlain(change, to: year.record, at: path[...])
    }

    /// `项目["名称"]…`: a project's 预算 (moving 项目支出 and 执行), its 执行, indicators and fields.
    mutating func changeProject(named name: String, rest: ArraySlice<String>, _ change: ScenarioEdit) throws(Diagnostic) {
        guard case .list(var items)? = year[.projects] else { throw fail("this year lists no 项目") }
        guard let i = items.firstIndex(where: { if case .record(let r) = $0, case .string(let n)? = r["名称"] { n == name } else { false } }),
              case .record(var project) = items[i] else {
            throw fail("no project named \"\(name)\"", id: .unknownItem, notes: hint(name, among: Year.projects(year.record).compactMap { $0["名称"]?.plainText }))
        }
        if rest.first == "预算" && rest.count == 1 {
            let old = project["预算"] ?? .unknown
            let new = try changed(old, change)
            project["预算"] = new
            project["执行"] = scaled(project["执行"] ?? .unknown, from: old, to: new)
            items[i] = .record(project)
            year[.projects] = .list(items)
            if case .money = old, case .money = new { try moveStored(.projectSpending, by: try difference(new, old)) }
            return
        }
        items[i] = .record(try applyPlain(change, to: project, at: rest))
        year[.projects] = .list(items)
    }

    /// Adds `delta` to a stored total (基本支出, 项目支出) when it is known.
    mutating func moveStored(_ line: YearLine, by delta: Value) throws(Diagnostic) {
        guard let old = year[line], case .money = old else { return }
        year[line] = try Arithmetic.apply(.add, old, delta, span: span)
    }

    func difference(_ new: Value, _ old: Value) throws(Diagnostic) -> Value {
        try Arithmetic.apply(.subtract, new, old, span: span)
    }

    /// `amount × to / from`, to 0.01元: 执行 keeping its rate when 预算 moves.
    func scaled(_ amount: Value, from old: Value, to new: Value) -> Value {
        guard case .money(let a, let u) = amount, let o = Year.money(old), let n = Year.money(new), !o.isZero,
              let x = try? a.multiplied(by: n).divided(by: o) else { return amount }
        return .money(x.rounded(toScale: 2, mode: .halfEven), u)
    }

    // MARK: Totals and their parts

    /// The stored parts of a total: lines of the year, income items, or project budgets.
    enum Part {
        case line(YearLine)
        case income(String)
        case project(Int)
    }

    func parts(of total: YearLine) -> [(part: Part, label: String, amount: ExactDecimal)]? {
        func lines(_ a: YearLine, _ b: YearLine) -> [(Part, String, ExactDecimal)]? {
            guard let x = Year.money(year[a]), let y = Year.money(year[b]) else { return nil }
            return [(.line(a), a.name, x), (.line(b), b.name, y)]
        }
        switch total {
        case .totalSpending: return lines(.basicSpending, .projectSpending)
        case .basicSpending: return lines(.personnel, .publicFunds)
        case .totalIncome:
            guard case .record(let income)? = year[.income], !income.keys.isEmpty else { return nil }
            let amounts = income.values.compactMap { Year.money($0) }
            return amounts.count == income.keys.count ? zip(income.keys, amounts).map { (.income($0), "收入.\($0)", $1) } : nil
        case .projectSpending:
            // Only when the listed projects are the whole of 项目支出: every budget known, adding up to it.
            guard case .list(let items)? = year[.projects] else { return nil }
            var projects: [(name: String, amount: ExactDecimal)] = []
            var sum = ExactDecimal.zero
            for case .record(let p) in items {
                guard let amount = Year.money(p["预算"]), let s = try? sum.adding(amount) else { return nil }
                projects.append((p["名称"]?.plainText ?? "", amount))
                sum = s
            }
            guard !projects.isEmpty, let line = Year.money(year[.projectSpending]), sum == line else { return nil }
            return projects.indices.map { (.project($0), "项目[\"\(projects[$0].name)\"].预算", projects[$0].amount) }
        default: return nil
        }
    }

    /// Sets a total to `new`, spreading the change over its parts in proportion, and on down.
    mutating func spread(_ line: YearLine, to new: Value) throws(Diagnostic) {
        let key = line.name
        let old = year[line] ?? .unknown
        guard let parts = parts(of: line), case .money(let n, _) = new, let o = Year.money(old), n != o else {
            if line == .totalIncome || line == .totalSpending {
                // Derived from parts that are not all known: nothing to spread over.
                throw fail("\(key) is the sum of its parts, and they are not all known here; change a part instead", id: .derivedLine)
            }
            if noting, line == .projectSpending, year.listsAProject {
                effects.append("项目支出 changed alone: its projects' budgets are not all known, or hold only part of it")
            }
            year[line] = new
            return
        }
        let delta = (try? n.subtracting(o)) ?? .zero
        let whole = parts.reduce(ExactDecimal.zero) { (try? $0.adding($1.amount)) ?? $0 }
        guard !whole.isZero else {
            throw fail("\(key) cannot change in proportion: its parts are all zero", id: .derivedLine,
                       notes: ["help: change one of its parts: \(parts.map(\.label).joined(separator: ", "))"])
        }
        // Each part's share to 0.01元; what rounding leaves goes to the largest part.
        var shares = parts.map { p -> ExactDecimal in
            ((try? delta.multiplied(by: p.amount).divided(by: whole)) ?? .zero).rounded(toScale: 2, mode: .halfEven)
        }
        let assigned = shares.reduce(ExactDecimal.zero) { (try? $0.adding($1)) ?? $0 }
        if let largest = parts.indices.max(by: { parts[$0].amount < parts[$1].amount }),
           let rest = try? delta.subtracting(assigned), let fixed = try? shares[largest].adding(rest) {
            shares[largest] = fixed
        }
        if noting {
            effects.append("\(key) \(signed(delta)) spread in proportion: "
                           + Message.joined(zip(parts, shares).map { Message(verbatim: "\($0.label) \(signed($1))") }, separator: ", "))
        }
        if line != .totalSpending && line != .totalIncome { year[line] = new }
        // The projects are taken out of the year while their budgets change and put back once:
        // writing the list back per project would copy it per project (quadratic in a province's year).
        var projectItems: [Value]? = nil
        for (p, share) in zip(parts, shares) {
            let newPart = Value.money((try? p.amount.adding(share)) ?? p.amount, .wan)
            switch p.part {
            case .line(let part): try spread(part, to: newPart)
            case .income(let item):
                if case .record(var income)? = year[.income] { income[item] = newPart; year[.income] = .record(income) }
            case .project(let i):
                willChangeProjects()
                if projectItems == nil, case .list(let items)? = year[.projects] {
                    year[.projects] = .list([])
                    projectItems = items
                }
                guard projectItems != nil, case .record(var project) = projectItems![i] else { continue }
                projectItems![i] = .unknown
                let oldBudget = project["预算"] ?? .unknown
                project["预算"] = newPart
                project["执行"] = scaled(project["执行"] ?? .unknown, from: oldBudget, to: newPart)
                projectItems![i] = .record(project)
            }
        }
        if let projectItems { year[.projects] = .list(projectItems) }
    }

    /// A change with its sign, in 万元, or in 元 when it is under 0.01万元.
    func signed(_ d: ExactDecimal) -> String {
        let unit: MoneyUnit = d.magnitude < Year.tolerance ? .yuan : .wan
        return (d.isNegative ? "−" : "+") + Value.money(d.magnitude, unit).plainText
    }

    func hint(_ name: String, among names: [String]) -> [Message] {
        NameSuggestion.closest(to: name, among: names).map { ["help: did you mean \"\($0)\"?"] } ?? []
    }

    // MARK: Lines without parts

    /// A change to a line, a record field or a named item, with no hierarchy to keep.
    func applyPlain(_ change: ScenarioEdit, to record: Record, at path: ArraySlice<String>) throws(Diagnostic) -> Record {
        var record = record
        guard let key = path.first else {
            throw fail("a change names a line: 项目[\"名称\"].预算 -= 10万元", id: .typeMismatch)
        }
        if let formula = Year.formula(ofDerived: key), record.kind != nil {
            throw fail("\(key) is computed (\(formula)); change what it is computed from", id: .derivedLine)
        }
        let rest = path.dropFirst()
        guard let old = record[key] else {
            if rest.isEmpty, change.operation == .set, let kind = record.kind, ScenarioBuilder.addableFields[kind]?.contains(key) == true {
                record[key] = change.value
                return record
            }
            let addable = record.kind.flatMap { ScenarioBuilder.addableFields[$0] }.map { fields -> [Message] in ["help: a new line is set with '=': \(fields.sorted().joined(separator: ", "))"] } ?? []
            throw fail("no line '\(key)' to change", notes: hint(key, among: record.keys) + addable)
        }
        if rest.isEmpty {
            record[key] = try changed(old, change)
            return record
        }
        switch old {
        case .record(let inner):
            record[key] = .record(try applyPlain(change, to: inner, at: rest))
        case .list(var items):
            let name = rest.first!
            guard let i = items.firstIndex(where: { if case .record(let r) = $0, case .string(let n)? = r["名称"] { n == name } else { false } }),
                  case .record(let item) = items[i] else {
                let names = items.compactMap { if case .record(let r) = $0, case .string(let n)? = r["名称"] { n } else { nil } }
                throw fail("no item named \"\(name)\" in \(key)", id: .unknownItem, notes: hint(name, among: names))
            }
            if rest.count == 1 {
                guard change.operation == .set, case .record(var replacement) = change.value else {
                    throw fail("\(key)[\"\(name)\"] is a whole item: set it with '=', or change one of its lines", id: .typeMismatch)
                }
                if replacement.kind == nil { replacement.kind = item.kind }
                items[i] = .record(replacement)
            } else {
                items[i] = .record(try applyPlain(change, to: item, at: rest.dropFirst()))
            }
            record[key] = .list(items)
        default:
            throw fail("'\(key)' has no parts to change")
        }
        return record
    }

    /// A list line: `+= item`, `+= [items]`, `-= "名称"`, `-= ["名称", …]`, `= [items]`.
    func listChanged(_ old: Value, _ change: ScenarioEdit, what: String) throws(Diagnostic) -> Value {
        guard case .list(let items) = old else { return try changed(old, change) }
        func named(_ v: Value) -> String? { if case .record(let r) = v, case .string(let n)? = r["名称"] { n } else { nil } }
        switch (change.operation, change.value) {
        case (.add, .record), (.add, .list):
            let added: [Value] = if case .list(let more) = change.value { more } else { [change.value] }
            for item in added {
                guard let n = named(item), !n.isEmpty else { throw fail("a new item in \(what) needs a 名称: project \"名称\" { 预算: … }", id: .missingField) }
                if items.contains(where: { named($0) == n }) {
                    throw fail("\(what) already has an item named \"\(n)\"", id: .duplicateName)
                }
            }
            return .list(items + added)
        case (.subtract, .string), (.subtract, .list):
            let names: [String] = if case .list(let l) = change.value { l.compactMap { if case .string(let s) = $0 { s } else { nil } } } else if case .string(let s) = change.value { [s] } else { [] }
            var kept = items
            for n in names {
                guard let i = kept.firstIndex(where: { named($0) == n }) else {
                    throw fail("no item named \"\(n)\" in \(what)", id: .unknownItem, notes: hint(n, among: items.compactMap(named)))
                }
                kept.remove(at: i)
            }
            return .list(kept)
        case (.set, .list):
            return change.value
        default:
            throw fail("a list line takes '+= item' (add), '-= \"名称\"' (remove) or '= list'", id: .typeMismatch)
        }
    }

    /// The new value of a line: `=`, `+=`, `-=`, `*=`, `/=` with the language's own arithmetic.
    func changed(_ old: Value, _ change: ScenarioEdit) throws(Diagnostic) -> Value {
        let value = change.value
        if case .unknown = old, change.operation != .set {
            throw fail("\(ScenarioBuilder.written(change.path)) is not known in this year (—), so it cannot change by \(change.operation.rawValue)",
                       id: .unknownCondition, notes: ["help: give it a value with '=': \(change.path.last ?? "") = …"])
        }
        if case .list = old { return try listChanged(old, change, what: change.path.last ?? "") }
        // A target changes by its value: 目标 += 10% raises the bar, keeping its direction.
        if case .target(let op, let box) = old, change.operation != .set {
            return .target(op, Value.Box(try changed(box.value, change)))
        }
        switch change.operation {
        case .set:
            if let od = old.dimension, let nd = value.dimension, !DimensionRules.comparable(od, nd) {
                throw fail("cannot set a \(od.name) line to a \(nd.name)", id: .dimensionMismatch)
            }
            if case .money(let d, _) = value, case .money(_, let u) = old { return .money(d, u) }
            if case .target(let op, _) = old, value.dimension != nil { return .target(op, Value.Box(value)) }
            return value
        case .add: return try Arithmetic.apply(.add, old, value, span: span)
        case .subtract: return try Arithmetic.apply(.subtract, old, value, span: span)
        case .multiply: return try Arithmetic.apply(.multiply, old, value, span: span)
        case .divide: return try Arithmetic.apply(.divide, old, value, span: span)
        }
    }
}
