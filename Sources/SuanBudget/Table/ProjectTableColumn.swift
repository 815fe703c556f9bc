import SuanCore

/// The columns of a project table (项目支出绩效自评表) that Suan reads and writes, with the names
/// provinces give them. The first name is the one `export` writes; `load` accepts all of them.
///
/// Amount columns are read in 万元 unless the header ends in `（元）` / `（亿元）` (or a row above the
/// header says `单位：元`); `export` writes them as `全年预算数（万元）`.
enum ProjectTableColumn: Int, CaseIterable {
    /// `类型`: what a row of Suan's year CSV holds (``ProjectTableRowKind``); absent in official forms.
    case rowKind
    /// `行`: the name of a year-level line (`基本支出`, an income item, …) on a 收入/支出/合计/其他 row.
    case line
    /// `金额`: the amount of a year-level line.
    case amount
    /// `占比`: a line's share of 总收入 or 总支出 (written for reading; recomputed on load).
    case share
    /// `项目名称`: a project's name; the column every table needs.
    case name
    /// `全年预算数`: a project's budget for the year.
    case budget
    /// `全年执行数`: what a project spent.
    case spent
    /// `年初预算数`: the budget at the start of the year (the budget when no other budget column is given).
    case initialBudget
    /// `执行率`: 执行 ÷ 预算 (written for reading; recomputed on load).
    case rate
    /// `一级指标` / `二级指标`: an indicator's category (`产出` / `数量`, read as `产出.数量`).
    case firstLevel, secondLevel
    /// `三级指标`: an indicator's name; a row with one adds an indicator.
    case indicator
    /// `指标性质`: the target's relation, `≥`, `≤` or `=` (also `>=`, `大于等于`, …).
    case relation
    /// `年度指标值`: the target (`≥1200件`, or `1200` with 指标性质 and 度量单位).
    case target
    /// `度量单位`: the unit of a bare target or actual (`件`, `%`, `万元`).
    case measure
    /// `实际完成值`: the actual outcome.
    case actual
    /// `分值`: the indicator's points.
    case points
    /// `得分`: the points it scored in the published report.
    case score
    /// `随预算`: whether the output follows the budget in scenarios (`true`, or an elasticity).
    case followsBudget
    /// `领域`: the area of a department indicator.
    case area
    /// `备注`: a note.
    case note
    /// `值`: the value of an `其他` line that is not an amount (`4项`, `true`, text).
    case value
    /// `部门`: the department.
    case department
    /// `年度`: the budget year.
    case year

    /// Header names, the one `export` writes first.
    var names: [String] {
        switch self {
        case .rowKind: ["类型", "行类型"]
        case .line: ["行"]
        case .amount: ["金额"]
        case .share: ["占比"]
        case .name: ["项目名称", "名称", "项目"]
        case .budget: ["全年预算数", "调整后预算数", "调整后预算", "全年预算", "预算数", "预算"]
        case .spent: ["全年执行数", "预算执行数", "执行数", "全年执行", "执行"]
        case .initialBudget: ["年初预算数", "年初预算"]
        case .rate: ["执行率"]
        case .firstLevel: ["一级指标"]
        case .secondLevel: ["二级指标"]
        case .indicator: ["三级指标", "指标名称"]
        case .relation: ["指标性质"]
        case .target: ["年度指标值", "指标值", "年度目标值", "目标值", "目标"]
        case .measure: ["度量单位", "计量单位"]
        case .actual: ["实际完成值", "完成值", "实际值", "实际"]
        case .points: ["分值", "权重"]
        case .score: ["得分"]
        case .followsBudget: ["随预算"]
        case .area: ["领域"]
        case .note: ["备注"]
        case .value: ["值"]
        case .department: ["部门", "单位名称", "部门名称"]
        case .year: ["年度"]
        }
    }

    /// The header `export` writes: the first name, with `（万元）` or `（%）` for figures.
    var header: String {
        switch self {
        case .amount, .budget, .spent, .initialBudget: names[0] + "（万元）"
        case .share, .rate: names[0] + "（%）"
        default: names[0]
        }
    }

    /// Whether cells hold amounts of money.
    var holdsAmounts: Bool {
        switch self {
        case .amount, .budget, .spent, .initialBudget: true
        default: false
        }
    }
}

/// What one row of Suan's year CSV holds, by its `类型` cell. An official form has no 类型 column:
/// its rows are projects (with their first indicator) and indicator rows.
enum ProjectTableRowKind: String, CaseIterable {
    /// an income item: 行 = its name, 金额
    case income = "收入"
    /// 基本支出, 人员经费, 公用经费 or 项目支出: 行, 金额
    case expenditure = "支出"
    /// 总收入 or 总支出 as declared totals (checked against their parts); 收支差额 is recomputed
    case total = "合计"
    /// a project: 项目名称, amounts, and its first indicator
    case project = "项目"
    /// a further indicator of the project above
    case indicator = "指标"
    /// a department-level indicator (with 领域)
    case departmentIndicator = "部门指标"
    /// any other line of the year: 行, and 金额 or 值
    case other = "其他"
}
