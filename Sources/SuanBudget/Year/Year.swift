import SuanCore

/// One year of a department's budget: the model that `load`, CSV import, `scenario`, `compare`,
/// scoring, `show`, `chart` and `export` all go through. It holds the year as the language sees it
/// (a ``Record`` of kind `year` or `scenario`) and owns its rules:
///
/// - given lines: 部门, 年度, 收入 (income items), 基本支出 (parts 人员经费 + 公用经费), 项目支出,
///   项目 (projects: 名称, 预算, 执行, 指标), 指标 (department indicators), notes;
/// - the hierarchy (``YearHierarchy``): 人员经费 + 公用经费 = 基本支出; 基本支出 + 项目支出 = 总支出;
///   Σ 收入 = 总收入; project budgets sum into 项目支出;
/// - derived lines (``derive()``): 总收入, 总支出, 收支差额, 基本支出占比, 项目支出占比,
///   项目预算合计, 预算执行率, 自评覆盖率, 绩效目标申报覆盖率, 绩效目标公开覆盖率, each project's 执行率;
/// - validation (``YearValidation``), the same for a loaded year and for a scenario.
///
/// An amount the data does not give is unknown (—), and so is everything derived from it.
///
/// A year is held with the position of each ``YearLine`` found once (``LinedRecord``): a scenario
/// copies its base year's storage once, then reads and writes lines in place.
struct Year {
    private var lines: LinedRecord<YearLine>

    init(_ record: Record) { lines = LinedRecord(record) }

    /// A year whose lines were found before (``ScenarioBase``).
    init(_ lines: LinedRecord<YearLine>) { self.lines = lines }

    /// The year as the language sees it. Setting it finds the lines' positions again.
    var record: Record {
        get { lines.record }
        set { lines = LinedRecord(newValue) }
    }

    var kind: RecordKind? {
        get { lines.kind }
        set { lines.kind = newValue }
    }

    /// Room for `count` more lines in the year's own record (``LinedRecord/reserve(_:)``).
    mutating func reserve(_ count: Int) { lines.reserve(count) }

    /// A line's value, read and written by position; nil when the year lacks it.
    subscript(line: YearLine) -> Value? {
        get { lines[line] }
        set { lines[line] = newValue }
    }

    /// Differences up to this are the report's own rounding: a warning, not an error (0.01万元).
    static let tolerance = ExactDecimal(100)

    /// Lines computed from others; a scenario cannot set them (it changes their inputs instead).
    static let derivedLines: [String: String] = [
        "收支差额": "总收入 − 总支出", "基本支出占比": "基本支出 ÷ 总支出", "项目支出占比": "项目支出 ÷ 总支出",
        "项目预算合计": "Σ 项目.预算", "预算执行率": "Σ 执行 ÷ Σ 预算", "自评覆盖率": "自评覆盖资金 ÷ 总支出",
        "绩效目标申报覆盖率": "申报绩效目标项目数 ÷ 项目数", "绩效目标公开覆盖率": "公开绩效目标项目数 ÷ 项目数",
        "执行率": "执行 ÷ 预算", "基期预算": "the base year's 预算", "基期执行": "the base year's 执行", "预计": "实际 scaled with 预算",
    ]

    /// The formula of a derived line, looked up by the name's bytes (a scenario asks for every change).
    static func formula(ofDerived key: String) -> String? { derivedByBytes[ExactText(key)] }
    private static let derivedByBytes = Dictionary(uniqueKeysWithValues: derivedLines.map { (ExactText($0.key), $0.value) })

    // MARK: Money

    /// Σ amounts, shown in the first one's unit; unknown when any is unknown.
    static func sum(_ values: some Sequence<Value>) -> Value {
        var total = MoneySum()
        for v in values { total.add(v) }
        return total.value
    }

    static func money(_ v: Value?) -> ExactDecimal? {
        if case .money(let d, _)? = v { return d }
        return nil
    }

    static func plus(_ a: Value?, _ b: Value?) -> Value {
        guard case .money? = a, case .money? = b, let s = try? Arithmetic.apply(.add, a!, b!, span: .none) else { return .unknown }
        return s
    }

    static func minus(_ a: Value?, _ b: Value?) -> Value {
        guard case .money? = a, case .money? = b, let s = try? Arithmetic.apply(.subtract, a!, b!, span: .none) else { return .unknown }
        return s
    }

    /// a ÷ b as a percentage; unknown when either is unknown or b is zero.
    static func ratio(_ a: Value?, _ b: Value?) -> Value {
        guard let x = money(a), let y = money(b), !y.isZero, let r = try? x.divided(by: y) else { return .unknown }
        return .ratio(r, .percent)
    }

    /// Whether a derived line already holds exactly `v` (the same case, digits, scale and display),
    /// so that it need not be written again. Only unknowns and ratios are compared; anything else counts as changed.
    static func identical(_ old: Value?, _ v: Value) -> Bool {
        switch (old, v) {
        case (.unknown?, .unknown): true
        case (.ratio(let a, let s)?, .ratio(let b, let t)): s == t && a.coefficient == b.coefficient && a.scale == b.scale
        default: false
        }
    }

    // MARK: Parts

    static func projects(_ year: Record) -> [Record] {
        guard case .list(let items)? = year["项目"] else { return [] }
        return items.compactMap { if case .record(let r) = $0 { r } else { nil } }
    }

    /// A year's projects by 名称, the first of a name where two share it (as a search from the start
    /// finds it), for the lines that look each name up in several years.
    static func projectsByName(_ year: Record) -> [String: Record] {
        var found: [String: Record] = [:]
        for p in projects(year) { if let n = p["名称"]?.plainText, found[n] == nil { found[n] = p } }
        return found
    }

    /// The project names of several years, each once, in the order they first appear.
    static func projectNames(_ years: [Record]) -> [String] {
        var names: [String] = []
        var seen: Set<String> = []
        for y in years { for p in projects(y) { if let n = p["名称"]?.plainText, seen.insert(n).inserted { names.append(n) } } }
        return names
    }

    static func income(_ year: Record) -> [Value] {
        guard case .record(let r)? = year["收入"] else { return [] }
        return r.values
    }

    var projects: [Record] { Year.projects(record) }

    /// The name a year is bound to: `y2022`, or the collection and year (`示例2022`).
    static func name(year: Int?, collection: String?) -> String {
        guard let year else { return "year" }
        return (collection ?? "y") + "\(year)"
    }

    /// The name of the list `load 示例 2020..2022` binds: `示例年份`; `年份` for bare years.
    static func listName(collection: String?) -> String { (collection ?? "") + "年份" }

    /// The year number, from `年度`.
    var yearNumber: Int? {
        switch self[.year] {
        case .year(let y)?: y
        case .number(let d)?: d.integerValue
        default: nil
        }
    }
}
