import SuanCore

/// `compare A, B, …`: every budget line side by side, with the change from the first column;
/// `compare 示例年份` (a list of years): with the change from each year to the next.
struct Comparison {
    let format: ValueFormatter
    /// Each change from the column before (a list of years), not from the first.
    var consecutive = false

    /// Each Δ column of a line, from the second column on: the values it compares, the change and
    /// the relative change. An unknown figure gives an unknown change (unknown is never zero); only a
    /// project missing from one side counts from nothing (new) or to nothing (removed).
    func changes(_ line: Line) -> [(from: Value, to: Value, change: Value?, relative: Value?)] {
        let values = line.values
        return values.indices.dropFirst().map { (i: Int) -> (from: Value, to: Value, change: Value?, relative: Value?) in
            let f = consecutive ? i - 1 : 0
            let (from, to) = (values[f], values[i])
            let change: (Value?, Value?)
            switch (from, to) {
            case (.unknown, .money(let y, let u)) where line.isAbsent(f) && !y.isZero: change = (.money(y, u), nil)
            case (.money(let x, let u), .unknown) where line.isAbsent(i) && !x.isZero: change = (.money(x.negated, u), nil)
            default: change = delta(from, to)
            }
            return (from, to, change.0, change.1)
        }
    }

    /// A note under the table saying what Δ is measured from, when it is not the first column.
    var deltaNote: String? {
        guard consecutive else { return nil }
        return format.language.pick("Δ、Δ% 为与前一列相比", "Δ and Δ% are changes from the column before")
    }

    struct Line {
        var label: String
        var values: [Value]
        /// Project lines fold away when unchanged; year lines always show.
        var foldable: Bool
        /// Projected counts of whole things (the base figure is a whole number) show as whole
        /// numbers; the exact projection is kept in the year.
        var wholeCounts = false
        /// The columns the line's item is missing from (a project new or removed there), as
        /// opposed to a figure the item has but is unknown.
        var absent: [Bool] = []

        func isAbsent(_ column: Int) -> Bool { column < absent.count && absent[column] }
    }

    func lines(_ years: [Record]) -> [Line] {
        var lines: [Line] = []
        var inProjects = false
        func add(_ label: String, absent: [Bool] = [], _ get: (Record) -> Value?) {
            addEach(label, absent: absent) { get(years[$0]) }
        }
        /// A line from each year's value, by the year's place.
        func addEach(_ label: String, absent: [Bool] = [], _ get: (Int) -> Value?) {
            let values = years.indices.map { get($0) ?? .unknown }
            if values.contains(where: { if case .unknown = $0 { false } else { true } }) {
                lines.append(Line(label: label, values: values, foldable: inProjects, absent: absent))
            }
        }
        var incomeKeys: [String] = []
        for y in years { if case .record(let r)? = y["收入"] { for k in r.keys where !incomeKeys.contains(k) { incomeKeys.append(k) } } }
        for k in incomeKeys { add("收入 · \(k)") { y in if case .record(let r)? = y["收入"] { r[k] } else { nil } } }
        add("总收入") { $0["总收入"] }
        add("基本支出") { $0["基本支出"] }
        add("  人员经费") { $0["人员经费"] }
        add("  公用经费") { $0["公用经费"] }
        add("项目支出") { $0["项目支出"] }
        add("总支出") { $0["总支出"] }
        add("收支差额") { $0["收支差额"] }
        add("基本支出占比") { $0["基本支出占比"] }
        add("项目支出占比") { $0["项目支出占比"] }
        add("预算执行率") { $0["预算执行率"] }
        var projectNames: [String] = []
        var seen: Set<String> = []
        for y in years { for p in Year.projects(y) { if case .string(let n)? = p["名称"], seen.insert(n).inserted { projectNames.append(n) } } }
        // Each year's projects by name: a search per name and year made comparing two years of 2,000
        // projects take ten seconds.
        let byName = years.map(Year.projectsByName)
        inProjects = true
        for name in projectNames {
            // The project of that name in each year, by the year's place.
            let project = byName.map { $0[name] }
            addEach("\(name) · 预算", absent: project.map { $0 == nil }) { project[$0]?["预算"] }
            var indicatorNames: [String] = []
            for p in project {
                if case .list(let items)? = p?["指标"] {
                    for case .record(let i) in items where i["预计"] != nil {
                        guard let name = i["名称"]?.plainText, !indicatorNames.contains(name) else { continue }
                        indicatorNames.append(name)
                    }
                }
            }
            // Targets and points a scenario set or changed, as rows of their own.
            var allIndicators: [String] = []
            for p in project {
                if case .list(let items)? = p?["指标"] {
                    for case .record(let i) in items {
                        if let n = i["名称"]?.plainText, !allIndicators.contains(n) { allIndicators.append(n) }
                    }
                }
            }
            for ind in allIndicators {
                // Only for an indicator every column has (a removed project shows by its 预算 row).
                let indicator = project.map { p -> Record? in
                    guard case .list(let items)? = p?["指标"] else { return nil }
                    for case .record(let i) in items where i["名称"]?.plainText == ind { return i }
                    return nil
                }
                guard indicator.allSatisfy({ $0 != nil }) else { continue }
                for field in ["目标", "分值"] {
                    let values = indicator.map { $0?[field] ?? .unknown }
                    let texts = values.map { format.text($0) }
                    if Set(texts).count > 1 { lines.append(Line(label: "\(name) · \(ind) · \(field)", values: values, foldable: true)) }
                }
            }
            for ind in indicatorNames {
                var whole = true
                addEach("\(name) · \(ind)（预计）") { k in
                    guard case .list(let items)? = project[k]?["指标"] else { return nil }
                    for case .record(let i) in items where i["名称"]?.plainText == ind {
                        if case .quantity(let actual, _)? = i["实际"], actual.isInteger {} else { whole = false }
                        return i["预计"] ?? i["实际"]
                    }
                    return nil
                }
                if whole, lines.last?.label == "\(name) · \(ind)（预计）" { lines[lines.count - 1].wholeCounts = true }
            }
        }
        return lines
    }

    /// The change from `a` to `b`: the difference (in 个百分点 for ratios) and the relative change.
    func delta(_ a: Value, _ b: Value) -> (Value?, Value?) {
        switch (a, b) {
        case (.target(let x, let a), .target(let y, let b)) where x == y:
            return delta(a.value, b.value)
        case (.money(let x, let u), .money(let y, _)):
            guard let d = try? y.subtracting(x) else { return (nil, nil) }
            return (.money(d, u), relative(d, x))
        case (.number(let x), .number(let y)):
            guard let d = try? y.subtracting(x) else { return (nil, nil) }
            return (.number(d), nil)
        case (.ratio(let x, _), .ratio(let y, _)):
            guard let d = try? y.subtracting(x) else { return (nil, nil) }
            return (.ratio(d, .points), nil)
        case (.quantity(let x, let t), .quantity(let y, _)):
            guard let d = try? y.subtracting(x) else { return (nil, nil) }
            return (.quantity(d, t), relative(d, x))
        default:
            return (nil, nil)
        }
    }

    func relative(_ d: ExactDecimal, _ base: ExactDecimal) -> Value? {
        guard !base.isZero, let r = try? d.divided(by: base) else { return nil }
        return .ratio(r, .percent)
    }

    /// The change between two projected counts as whole numbers, as the counts show.
    func wholeDelta(_ a: Value, _ b: Value) -> Value? {
        // The difference of the whole numbers shown, so that the row adds up as printed.
        guard case .quantity(let x, let t) = a, case .quantity(let y, _) = b else { return nil }
        let rx = x.rounded(toScale: 0, mode: format.rounding), ry = y.rounded(toScale: 0, mode: format.rounding)
        guard let d = try? ry.subtracting(rx) else { return nil }
        return .quantity(d, t)
    }

    /// Lines computed by the Stdlib (`{行: label, 值: value, 说明: why it is unknown}` per item), in
    /// first-seen order, and a footnote for each figure that is `—` with a reason.
    /// `years` (one per column) tell a project missing from a column from a project that is there
    /// without the figure (a 自评得分 its export did not keep).
    func extraLines(_ extra: [[Record]], labels names: [String], years: [Record] = []) -> (lines: [Line], footnotes: [String]) {
        var labels: [String] = []
        var seen: Set<String> = []
        for rows in extra { for r in rows { if case .string(let l)? = r["行"], seen.insert(l).inserted { labels.append(l) } } }
        // Each column's rows by label, the first of a label as a search from the start finds it
        // (a search per label and column was quadratic in the projects).
        let rowsByLabel: [[String: Record]] = extra.map { rows in
            var found: [String: Record] = [:]
            for r in rows { if let l = r["行"]?.plainText, found[l] == nil { found[l] = r } }
            return found
        }
        // A project's lines stay together (`人民调解 · 得分`, then `人民调解 · 自评得分`), in the order
        // their projects first appear.
        var group: [Substring: Int] = [:]
        let project = { (label: String) in label.split(separator: "·").first ?? Substring(label) }
        for label in labels where group[project(label)] == nil { group[project(label)] = group.count }
        labels = labels.enumerated().sorted { (group[project($0.element)]!, $0.offset) < (group[project($1.element)]!, $1.offset) }.map(\.element)
        var footnotes: [String] = []
        let lines = labels.compactMap { label -> Line? in
            var known = false
            var reasons: [String] = []
            var notes: [String] = []
            let values = names.indices.map { i -> Value in
                guard i < extra.count, let row = rowsByLabel[i][label] else {
                    reasons.append("absent")
                    let project = String(label.split(separator: "·").first ?? "").trimmed
                    let present = i < years.count && Year.projects(years[i]).contains { $0["名称"]?.plainText == project }
                    notes.append(footnote(label, names[i], present ? format.language.pick("该项目没有这一项", "the project has no such figure")
                                                                   : format.language.pick("没有该项目", "no such project")))
                    return .unknown
                }
                let value = row["值"] ?? .unknown
                let reason = if case .string(let r)? = row["说明"] { r } else { "" }
                reasons.append(reason)
                if case .unknown = value {
                    if !reason.isEmpty { notes.append(footnote(label, names[i], reason)) }
                } else {
                    known = true
                }
                return value
            }
            // A score no item has is shown only when something changed it (a new project, a zeroed budget).
            guard known || Set(reasons).count > 1 else { return nil }
            footnotes += notes
            return Line(label: label, values: values, foldable: true)
        }
        return (lines, footnotes)
    }

    /// The lines `only` names: a line, a project (all its rows) or an indicator; all lines when empty.
    func selected(_ all: [Line], only: [String], span: SourceSpan) throws(Diagnostic) -> [Line] {
        guard !only.isEmpty else { return all }
        let chosen = all.filter { line in
            only.contains { line.label.trimmed == $0 || line.label.hasPrefix($0 + " ·") || line.label.hasSuffix("· " + $0) || line.label.contains("· \($0) ·") }
        }
        guard !chosen.isEmpty else {
            throw Diagnostic(id: .unknownLine, "no line matches \(only.joined(separator: ", "))", at: span,
                             notes: ["help: lines are named as in show: 基本支出, 项目支出, 总支出, 收支差额, a project's name, …"])
        }
        return chosen
    }

    /// `— 新 · 得分（S）：无绩效指标` — why a figure of one column is `—`.
    func footnote(_ label: String, _ column: String, _ reason: String) -> String {
        format.language.pick("— \(label)（\(column)）：\(reason)", "— \(label) (\(column)): \(reason)")
    }

    func table(_ items: [(label: String, value: Value)], extra: [[Record]] = [], only: [String], span: SourceSpan) throws(Diagnostic) -> Document {
        var years: [Record] = []
        for item in items {
            guard case .record(let r) = item.value, r.kind?.isYear == true else {
                throw Diagnostic(id: .typeMismatch, "compare takes years and scenarios; \(item.label) is a \(item.value.type.name)", at: span)
            }
            years.append(r)
        }
        let (scores, footnotes) = extraLines(extra, labels: items.map(\.label), years: years)
        let all = try selected(lines(years) + scores, only: only, span: span)
        let labels = items.map(\.label)
        var columns = [Document.Column("项目", kind: .text)] + labels.map { Document.Column($0) }
        if items.count == 2 { columns += [.init("Δ"), .init("Δ%")] }
        else { columns += labels.dropFirst().flatMap { [Document.Column("Δ \($0)"), Document.Column("Δ% \($0)")] } }
        var table = Document.Table(columns: columns)
        var folded = 0
        for line in all {
            let unchanged = line.values.dropFirst().allSatisfy { v in (try? Arithmetic.equalValues(v, line.values[0])) == true }
            if unchanged && line.foldable && only.isEmpty && items.count > 1 { folded += 1; continue }
            let indent = line.label.prefix(while: { $0 == " " }).count / 2
            var row: [Document.Cell] = [.text(line.label.trimmed)]
            row += line.values.map { line.wholeCounts ? .value(ProjectionDisplay.rounded($0, format: format)) : .value($0) }
            for (from, v, change, p) in changes(line) {
                var d = change
                if line.wholeCounts, d != nil { d = wholeDelta(from, v) ?? d }
                row += [d.map(Document.Cell.change) ?? .empty, p.map(Document.Cell.change) ?? .empty]
            }
            table.add(row, level: indent)
        }
        if let deltaNote, items.count > 2 { table.footnotes.append(deltaNote) }
        if folded > 0 {
            table.footnotes.append(format.language.pick("（\(folded) 个项目行未变，已折叠；用 only 查看）",
                                                        "(\(folded) unchanged project lines folded; use only to see them)"))
        }
        let shown = Set(all.map(\.label))
        table.footnotes += footnotes.filter { note in shown.contains(where: { note.hasPrefix("— \($0)（") || note.hasPrefix("— \($0) (") }) }
        return Document([.table(table)])
    }
}
