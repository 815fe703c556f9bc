import SuanCore

/// What `chart` draws, as a chart of the document model (terminal bars and SVG are the renderers'):
/// a year's structure (人员经费 and 公用经费 under 基本支出, projects under 项目支出); for several years or
/// scenarios, the same lines with one bar per year — projects included, so a scenario shows what it
/// changed; a record of figures; a list of records or values.
struct BarChart {
    let format: ValueFormatter

    func chart(_ items: [(label: String, value: Value)]) -> Document.Chart? {
        let years = items.compactMap { if case .record(let r) = $0.value, r.kind?.isYear == true { r } else { nil } }
        if !years.isEmpty && years.count == items.count {
            var chart = Document.Chart(title: years.count == 1 ? YearReport(format: format).title(years[0]) : "支出结构",
                                       series: items.map(\.label))
            func add(_ label: String, level: Int, _ get: (Record) -> Value?) {
                addEach(label, level: level) { get(years[$0]) }
            }
            /// A bar from each year's value, by the year's place.
            func addEach(_ label: String, level: Int, _ get: (Int) -> Value?) {
                let values = years.indices.map { get($0) ?? .unknown }
                if values.contains(where: { $0.decimal != nil }) { chart.categories.append(.init(label, values, level: level)) }
            }
            for line in ["基本支出", "人员经费", "公用经费", "项目支出"] {
                add(line, level: line == "人员经费" || line == "公用经费" ? 1 : 0) { $0[line] }
                guard line == "项目支出" else { continue }
                // Each year's projects by name: a search per name and year made a chart of a
                // 20,000-project year and its scenario take most of a minute.
                let byName = years.map(Year.projectsByName)
                for name in Year.projectNames(years) {
                    addEach(name, level: 1) { byName[$0][name]?["预算"] }
                }
            }
            if years.count > 1 { add("收支差额", level: 0) { $0["收支差额"] } }
            return chart.categories.isEmpty ? nil : chart
        }
        var chart = Document.Chart(series: [items.count == 1 ? items[0].label : "值"])
        for (label, value) in items {
            switch value {
            case .record(let r):
                for (k, v) in r.entries where v.decimal != nil { chart.categories.append(.init(k, [v])) }
            case .list(let list):
                for (i, item) in list.enumerated() {
                    if case .record(let r) = item {
                        let name = r.entries.first { if case .string = $0.1 { true } else { false } }?.1.plainText ?? "\(i + 1)"
                        if let figure = r.entries.first(where: { $0.1.decimal != nil })?.1 { chart.categories.append(.init(name, [figure])) }
                    } else if item.decimal != nil {
                        chart.categories.append(.init("\(label)[\(i)]", [item]))
                    }
                }
            default:
                if value.decimal != nil { chart.categories.append(.init(label, [value])) }
            }
        }
        return chart.categories.isEmpty ? nil : chart
    }
}
