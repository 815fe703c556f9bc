import SuanCore

extension YearReport {
    /// The headline lines of each year, one row per year (or scenario), for a list of years
    /// (`示例年份` after `load 示例 2020..2022`): a list of whole years printed as nested records is
    /// pages of fields; `show` of one year (or `compare` of the list) gives the rest.
    static let headlineLines = ["总收入", "基本支出", "项目支出", "总支出", "收支差额", "项目支出占比"]

    func years(_ items: [Value]) -> Document {
        let label = "年度"
        let projects = "项目数"
        var table = Document.Table(headers: [label, "部门"] + YearReport.headlineLines + [projects])
        for case .record(let y) in items {
            let name: Cell = if y.kind == .scenario, case .string(let n)? = y["名称"] { .text(n) } else { cell(y["年度"]) }
            let department: Cell = if case .string(let d)? = y["部门"] { .text(d) } else { .empty }
            let count: Cell = .value(.number(ExactDecimal(Year.projects(y).count)))
            table.add([name, department] + YearReport.headlineLines.map { cell(y[$0]) } + [count])
        }
        return Document([.table(table)])
    }
}
