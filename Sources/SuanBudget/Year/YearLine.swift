import SuanCore

/// A line of a year that derivation and scenarios read or write: its given lines, the lines
/// ``Year/derive()`` computes, and the names a scenario carries. A ``Year`` finds where each one
/// sits once, so that building 10,000 scenarios looks no line up by name.
enum YearLine: Int, RecordLine {
    case year, income, basicSpending, personnel, publicFunds, projectSpending, projects, evaluatedFunds
    case projectCount, declaredTargets, publishedTargets
    case totalIncome, totalSpending, balance, basicShare, projectShare, projectBudgetTotal, executionRate
    case evaluationCoverage, declaredCoverage, publishedCoverage
    case name, basedOn, root

    /// Whether the line is given by the year's data (or spread over such lines, 总收入 and 总支出),
    /// never one of ``Year/derivedLines``.
    var isGiven: Bool { rawValue <= YearLine.publishedTargets.rawValue || self == .totalIncome || self == .totalSpending }

    /// The line's name in a year.
    var name: String {
        switch self {
        case .year: "年度"
        case .income: "收入"
        case .basicSpending: "基本支出"
        case .personnel: "人员经费"
        case .publicFunds: "公用经费"
        case .projectSpending: "项目支出"
        case .projects: "项目"
        case .evaluatedFunds: "自评覆盖资金"
        case .projectCount: "项目数"
        case .declaredTargets: "申报绩效目标项目数"
        case .publishedTargets: "公开绩效目标项目数"
        case .totalIncome: "总收入"
        case .totalSpending: "总支出"
        case .balance: "收支差额"
        case .basicShare: "基本支出占比"
        case .projectShare: "项目支出占比"
        case .projectBudgetTotal: "项目预算合计"
        case .executionRate: "预算执行率"
        case .evaluationCoverage: "自评覆盖率"
        case .declaredCoverage: "绩效目标申报覆盖率"
        case .publishedCoverage: "绩效目标公开覆盖率"
        case .name: "名称"
        case .basedOn: "基于"
        case .root: "基期"
        }
    }

    static let names = LineNames<Self>()
}
