import SuanCore

/// A year's projects with their derived lines (``Year/derive(_:rememberingBase:projecting:)``), and
/// what the year derives from them.
struct DerivedProjects: Sendable {
    /// The projects, as the year's 项目 line.
    var list: Value = .list([])
    /// Σ 预算, the year's 项目预算合计.
    var budgets: Value = .money(.zero, .wan)
    /// Σ 执行, over Σ 预算 the year's 预算执行率.
    var spent: Value = .money(.zero, .wan)
    /// How many projects there are.
    var count = 0
}
