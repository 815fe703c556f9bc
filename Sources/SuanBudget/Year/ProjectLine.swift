/// The fields of a project that derivation and scenarios read or write by position (``LinedRecord``).
enum ProjectLine: Int, RecordLine {
    case budget, spent, rate, baseBudget, baseSpent, indicators

    /// The field's name in a project.
    var name: String {
        switch self {
        case .budget: "预算"
        case .spent: "执行"
        case .rate: "执行率"
        case .baseBudget: "基期预算"
        case .baseSpent: "基期执行"
        case .indicators: "指标"
        }
    }

    static let names = LineNames<Self>()
}
