import SuanCore

/// `show` for years, scenarios, projects and indicators: the figures a planner reads, as a document
/// (a title, the lines with amounts and shares, projects, indicators) that every renderer prints.
struct YearReport {
    let format: ValueFormatter

    typealias Cell = Document.Cell

    func cell(_ v: Value?) -> Cell { v.map(Cell.value) ?? .value(.unknown) }

    func show(_ value: Value) -> Document? {
        if case .list(let items) = value, value.isListOfYears { return years(items) }
        guard case .record(let r) = value else { return nil }
        switch r.kind {
        case .year, .scenario: return year(r)
        case .project: return project(r)
        case .indicator: return Document([.table(indicators([.record(r)], title: nil))])
        default: return nil
        }
    }

    func title(_ y: Record) -> String {
        let department = if case .string(let d)? = y["部门"] { d } else { "" }
        let label = y["年度"].map { $0.decimal == nil ? "" : format.text($0) + "年度" } ?? ""
        var title = "\(department) \(label)".trimmed
        if y.kind == .scenario, case .string(let n)? = y["名称"] {
            title += "  情景 \(n)" + (y["基于"].map { "（基于 \(format.text($0))）" } ?? "")
        }
        return title
    }

    func year(_ y: Record) -> Document {
        var doc = Document([.heading(title(y), level: 1)])
        var lines = Document.Table(columns: [.init(""), .init("金额"), .init("占比")])
        if case .record(let income)? = y["收入"] {
            lines.add([.text("收入"), .empty, .empty])
            for (k, v) in income.entries { lines.add([.text(k), .value(v), share(v, y["总收入"])], level: 1) }
            lines.add([.text("总收入"), cell(y["总收入"]), share(y["总收入"], y["总收入"])], level: 1)
        }
        lines.add([.text("支出"), .empty, .empty])
        lines.add([.text("基本支出"), cell(y["基本支出"]), cell(y["基本支出占比"])], level: 1)
        for part in ["人员经费", "公用经费"] where y[part] != nil {
            lines.add([.text(part), cell(y[part]), share(y[part], y["总支出"])], level: 2)
        }
        lines.add([.text("项目支出"), cell(y["项目支出"]), cell(y["项目支出占比"])], level: 1)
        lines.add([.text("总支出"), cell(y["总支出"]), share(y["总支出"], y["总支出"])], level: 1)
        lines.add([.text("收支差额"), cell(y["收支差额"]), .empty])
        for extra in ["自评覆盖率", "绩效目标申报覆盖率", "绩效目标公开覆盖率", "预算执行率"] where y[extra] != nil {
            lines.add([.text(extra), .empty, cell(y[extra])])
        }
        doc.append(.table(lines))
        let projects = Year.projects(y)
        if !projects.isEmpty {
            // A scenario's 预算 is planned and its 执行 projected: the base year's figures stand beside them.
            let planned = y.kind == .scenario
            // Projects read from a self-scored form (自评表) show the score printed on it.
            let selfScored = projects.contains { $0["自评得分"] != nil }
            let headers = (planned ? ["项目", "预算（计划）", "执行（预计）", "执行率", "基期预算", "基期执行", "指标"]
                                   : ["项目", "预算", "执行", "执行率", "指标"]) + (selfScored ? ["自评得分"] : [])
            var table = Document.Table(headers: headers)
            for p in projects {
                let count = if case .list(let l)? = p["指标"] { l.count } else { 0 }
                let base: [Cell] = planned ? [cell(p["基期预算"]), cell(p["基期执行"])] : []
                let score: [Cell] = selfScored ? [p["自评得分"].map(Cell.value) ?? .empty] : []
                table.add([cell(p["名称"]).asText, cell(p["预算"]), cell(p["执行"]), cell(p["执行率"])] + base + [.value(.number(ExactDecimal(count)))] + score)
            }
            if planned {
                let root = format.text(y["基期"] ?? y["基于"] ?? .unknown)
                let chain = y["基期"] != nil && y["基期"]?.plainText != y["基于"]?.plainText ? "（基于 \(format.text(y["基于"]!))）" : ""
                table.footnotes.append(format.language.pick(
                    "预计规则：执行随预算按基期执行率变化（情景中另设的执行除外）；标注“随预算”的指标按基期单位成本预计产出；得分按预计执行与预计产出计算。基期：\(root)\(chain)。",
                    "Projection: 执行 follows 预算 at the base year's execution rate (unless the scenario sets 执行); outputs marked 随预算 follow at the base year's unit cost; scores use the projected 执行 and outputs. Base: \(root)\(chain)."))
            }
            doc.append(.table(table))
        }
        if case .list(let items)? = y["指标"], !items.isEmpty {
            doc.append(.table(indicators(items, title: "部门指标")))
        }
        return doc
    }

    func share(_ part: Value?, _ whole: Value?) -> Cell {
        guard case .money(let a, _)? = part, case .money(let b, _)? = whole, !b.isZero, let r = try? a.divided(by: b) else { return .empty }
        return .value(.ratio(r, .percent))
    }

    func project(_ p: Record) -> Document {
        var doc = Document([.heading(format.text(p["名称"] ?? .unknown), level: 2)])
        var lines = Document.Table(headers: ["预算", "执行", "执行率"])
        lines.add([cell(p["预算"]), cell(p["执行"]), cell(p["执行率"])])
        doc.append(.table(lines))
        if case .list(let items)? = p["指标"], !items.isEmpty { doc.append(.table(indicators(items, title: nil))) }
        return doc
    }

    func indicators(_ items: [Value], title: String?) -> Document.Table {
        let records = items.compactMap { if case .record(let r) = $0 { r } else { nil } }
        let hasArea = records.contains { $0["领域"] != nil }
        let hasProjection = records.contains { $0["预计"] != nil }
        let selfScored = records.contains { $0["自评得分"] != nil }
        var headers = (hasArea ? ["领域"] : []) + ["指标", "类别", "目标", "实际"]
        if hasProjection { headers.append("预计") }
        headers += ["分值"] + (selfScored ? ["自评得分"] : []) + ["备注"]
        var table = Document.Table(title: title, headers: headers)
        for r in records {
            var row: [Cell] = hasArea ? [r["领域"].map { .text(format.text($0)) } ?? .empty] : []
            row += [cell(r["名称"]).asText, r["类别"].map { .text(format.text($0)) } ?? .empty, r["目标"].map(Cell.value) ?? .empty, cell(r["实际"])]
            if hasProjection { row.append(ProjectionDisplay.text(of: r, format: format).map { .text($0 + "（预计）") } ?? .empty) }
            row += [r["分值"].map(Cell.value) ?? .empty] + (selfScored ? [r["自评得分"].map(Cell.value) ?? .empty] : [])
            row += [r["备注"].map { .text(format.text($0)) } ?? .empty]
            table.add(row)
        }
        return table
    }
}

extension Document.Cell {
    /// A string value as plain text (a name), other cells as they are.
    var asText: Document.Cell {
        if case .value(.string(let s)) = self { return .text(s) }
        return self
    }
}
