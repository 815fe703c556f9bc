import SuanCore

/// `show` for years, scenarios, projects and indicators: aligned tables of the figures a planner reads.
struct YearReport {
    let format: ValueFormatter

    func text(_ v: Value?) -> String { v.map { format.text($0) } ?? "—" }

    func show(_ value: Value) -> String? {
        guard case .record(let r) = value else { return nil }
        switch r.kind {
        case .year, .scenario: return year(r)
        case .project: return project(r)
        case .indicator: return indicators([.record(r)], title: nil)
        default: return nil
        }
    }

    func year(_ y: Record) -> String {
        var out: [String] = []
        let department = if case .string(let d)? = y["部门"] { d } else { "" }
        let label = y["年度"].map { $0.decimal == nil ? "" : format.text($0) + "年度" } ?? ""
        var title = "\(department) \(label)".trimmed
        if y.kind == .scenario, case .string(let n)? = y["名称"] {
            title += "  情景 \(n)" + (y["基于"].map { "（基于 \(text($0))）" } ?? "")
        }
        out.append(title)
        var lines = TextTable(headers: ["", "金额", "占比"])
        if case .record(let income)? = y["收入"] {
            lines.add(["收入", "", ""])
            for (k, v) in income.entries { lines.add(["  " + k, text(v), share(v, y["总收入"])]) }
            lines.add(["  总收入", text(y["总收入"]), share(y["总收入"], y["总收入"])])
        }
        lines.add(["支出", "", ""])
        lines.add(["  基本支出", text(y["基本支出"]), text(y["基本支出占比"])])
        for part in ["人员经费", "公用经费"] where y[part] != nil {
            lines.add(["    " + part, text(y[part]), share(y[part], y["总支出"])])
        }
        lines.add(["  项目支出", text(y["项目支出"]), text(y["项目支出占比"])])
        lines.add(["  总支出", text(y["总支出"]), share(y["总支出"], y["总支出"])])
        lines.add(["收支差额", text(y["收支差额"]), ""])
        for extra in ["自评覆盖率", "绩效目标申报覆盖率", "绩效目标公开覆盖率", "预算执行率"] where y[extra] != nil { lines.add([extra, "", text(y[extra])]) }
        out.append(lines.rendered)
        let projects = Year.projects(y)
        if !projects.isEmpty {
            // A scenario's 预算 is planned and its 执行 projected: the base year's figures stand beside them.
            let planned = y.kind == .scenario
            let headers = planned ? ["项目", "预算（计划）", "执行（预计）", "执行率", "基期预算", "基期执行", "指标"]
                                  : ["项目", "预算", "执行", "执行率", "指标"]
            var table = TextTable(headers: headers)
            for p in projects {
                let count = if case .list(let l)? = p["指标"] { l.count } else { 0 }
                let base = planned ? [text(p["基期预算"]), text(p["基期执行"])] : []
                table.add([text(p["名称"]), text(p["预算"]), text(p["执行"]), text(p["执行率"])] + base + ["\(count)"])
            }
            out.append(table.rendered)
            if planned {
                out.append("""
                预计规则：执行随预算按基期执行率变化（情景中另设的执行除外）；标注“随预算”的指标按基期单位成本预计产出；\
                得分按预计执行与预计产出计算。基期：\(text(y["基期"] ?? y["基于"]))\(y["基期"] != nil && y["基期"]?.plainText != y["基于"]?.plainText ? "（基于 \(text(y["基于"]))）" : "")。
                """)
            }
        }
        if case .list(let items)? = y["指标"], !items.isEmpty {
            out.append(indicators(items, title: "部门指标"))
        }
        return out.joined(separator: "\n\n")
    }

    func share(_ part: Value?, _ whole: Value?) -> String {
        guard case .money(let a, _)? = part, case .money(let b, _)? = whole, !b.isZero, let r = try? a.divided(by: b) else { return "" }
        return format.text(.ratio(r, .percent))
    }

    func project(_ p: Record) -> String {
        var out = [text(p["名称"])]
        var lines = TextTable(headers: ["预算", "执行", "执行率"], alignments: [.right, .right, .right])
        lines.add([text(p["预算"]), text(p["执行"]), text(p["执行率"])])
        out.append(lines.rendered)
        if case .list(let items)? = p["指标"], !items.isEmpty { out.append(indicators(items, title: nil)) }
        return out.joined(separator: "\n\n")
    }

    func indicators(_ items: [Value], title: String?) -> String {
        let records = items.compactMap { if case .record(let r) = $0 { r } else { nil } }
        let hasArea = records.contains { $0["领域"] != nil }
        let hasProjection = records.contains { $0["预计"] != nil }
        var headers = (hasArea ? ["领域"] : []) + ["指标", "类别", "目标", "实际"]
        if hasProjection { headers.append("预计") }
        headers += ["分值", "备注"]
        var table = TextTable(headers: headers, alignments: headers.map { ["指标", "领域", "类别", "备注"].contains($0) ? .left : .right })
        for r in records {
            var row = hasArea ? [r["领域"].map(text) ?? ""] : []
            row += [text(r["名称"]), r["类别"].map(text) ?? "", r["目标"].map(text) ?? "", text(r["实际"])]
            if hasProjection { row.append(ProjectionDisplay.text(of: r, format: format).map { $0 + "（预计）" } ?? "") }
            row += [r["分值"].map(text) ?? "", r["备注"].map(text) ?? ""]
            table.add(row)
        }
        return (title.map { $0 + "\n" } ?? "") + table.rendered
    }
}
