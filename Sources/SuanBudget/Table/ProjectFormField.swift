import SuanCore

/// A project field that the one-project form (``ProjectFormImport``) gives and a plain project
/// table has no column for: 项目代码, 主管部门, 实施单位, the printed scores and the 其中 fund parts.
///
/// `export` writes a column for each one some project has (after 年度, so that a plain year's table
/// is unchanged), and ``ProjectTableImport`` reads it back into the same field, so that a year
/// loaded from forms survives `export` and `load`.
struct ProjectFormField {
    /// How a field's cell is written and read.
    enum Kind { case text, amount, score }

    /// The project's field.
    let key: String
    let kind: Kind
    /// The column's title, when it is not the field's name.
    let title: String

    init(_ key: String, _ kind: Kind, title: String? = nil) {
        self.key = key
        self.kind = kind
        self.title = title ?? key
    }

    /// The header `export` writes: amounts with `（万元）`.
    var header: String { kind == .amount ? title + "（万元）" : title }

    /// Whether the field is set before the project's amounts (``ProjectFormImport`` sets it from the
    /// labels above the budget block), so that a project read back has its fields in the same order.
    var precedesAmounts: Bool { kind == .text }

    /// The fields, in the order the form sets them.
    static let all: [ProjectFormField] = [
        ProjectFormField("项目代码", .text), ProjectFormField("主管部门", .text), ProjectFormField("实施单位", .text),
        ProjectFormField("预算执行自评得分", .score),
    ] + ProjectFormImport.fundSources.flatMap { source in
        ["预算", "执行", "年初预算"].map { ProjectFormField(source + $0, .amount) }
    } + [
        // The 合计 row's score; 得分 alone is an indicator's.
        ProjectFormField("自评得分", .score, title: "项目自评得分"),
    ]

    /// Titles → fields, for reading a header.
    static let byTitle: [String: ProjectFormField] = Dictionary(all.map { ($0.title, $0) }, uniquingKeysWith: { first, _ in first })
}
