import SuanCore

/// What a spreadsheet cell can hold where an indicator's 目标 or 实际 belongs that is no figure:
/// an Excel error value (`#DIV/0!`), a boolean (`TRUE`) or a date. A loaded year reads each as
/// unknown (a 目标 as none), with a warning at the cell, so that the indicator scores `—` with its
/// reason instead of the scoring rules failing on text. An Excel error as a form's printed 得分
/// (自评得分, 预算执行自评得分) is unknown with a warning too.
enum NonFigure {
    case excelError, boolean, date

    /// Excel's error values, as a sheet's cell text shows them.
    static let excelErrors: Set<String> = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA",
                                           "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#UNKNOWN!", "#CONNECT!", "#BUSY!"]

    init?(_ value: Value) {
        guard case .string(let raw) = value else { return nil }
        let text = raw.trimmed
        if Self.excelErrors.contains(text.uppercased()) { self = .excelError }
        else if text == "TRUE" || text == "FALSE" { self = .boolean }
        else if Self.isDate(text) { self = .date }
        else { return nil }
    }

    /// `2023-06-30`, as a date cell reads (a time may follow).
    static func isDate(_ text: String) -> Bool {
        let characters = Array(text.prefix(10))
        guard characters.count == 10 else { return false }
        return characters.indices.allSatisfy { i in i == 4 || i == 7 ? characters[i] == "-" : characters[i].isASCII && characters[i].isNumber }
    }

    /// The warning for `field` (`项目["甲"].指标["次数"].实际`) holding `text`.
    func message(_ field: String, _ text: String) -> Message {
        switch self {
        case .excelError: "\(field) is an Excel error value (\(text)): read as unknown"
        case .boolean: "\(field) is a TRUE/FALSE cell (\(text)), not a figure: read as unknown"
        case .date: "\(field) is a date (\(text)), not a figure: read as unknown"
        }
    }

    /// The fields of an indicator that may hold a cell that is no figure, in the order they warn.
    static let indicatorFields = ["目标", "实际", "自评得分"]

    /// `owner` (a project, or the year for its department indicators) with each of its cells that
    /// is no figure made unknown, and a warning for each; nil when it has none, as almost every
    /// project has. Only a field that holds text is looked at, and labels are written for a warning.
    /// `label` is how the owner's fields are named: `项目["甲"].`, or nothing for the year.
    static func cleaned(_ owner: Record, label: () -> String, into warnings: inout [Diagnostic]) -> Record? {
        let own = owner.kind == .project && found(owner, "预算执行自评得分") != nil
        var hits: [Int] = []
        if case .list(let items)? = owner["指标"] {
            for (n, item) in items.enumerated() {
                if case .record(let indicator) = item, holdsNoFigure(indicator) { hits.append(n) }
            }
        }
        guard own || !hits.isEmpty else { return nil }
        var owner = owner
        let label = label()
        if own { clean(&owner, "预算执行自评得分", field: label + "预算执行自评得分", &warnings) }
        guard !hits.isEmpty, case .list(var items)? = owner["指标"] else { return owner }
        for n in hits {
            guard case .record(var indicator) = items[n] else { continue }
            let name = indicator["名称"]?.plainText ?? ""
            for key in indicatorFields { clean(&indicator, key, field: "\(label)指标[\"\(name)\"].\(key)", &warnings) }
            items[n] = .record(indicator)
        }
        owner["指标"] = .list(items)
        return owner
    }

    /// Whether one of an indicator's ``indicatorFields`` is no figure. Only text can be: most
    /// indicators hold one string, their 名称, so each field is looked at once.
    static func holdsNoFigure(_ indicator: Record) -> Bool {
        for (key, value) in indicator.entries {
            guard case .string = value, indicatorFields.contains(where: { ExactText.same($0, key) }) else { continue }
            if found(indicator, key) != nil { return true }
        }
        return false
    }

    /// What `record[key]` is when it is no figure that loading makes unknown: an Excel error
    /// anywhere, a boolean or a date only as a 目标 or 实际.
    static func found(_ record: Record, _ key: String) -> (NonFigure, Value)? {
        guard let value = record[key], let kind = NonFigure(value), kind == .excelError || key == "目标" || key == "实际" else { return nil }
        return (kind, value)
    }

    /// Makes `record[key]` unknown (a 目标: removes it) when it is no figure, with a warning.
    static func clean(_ record: inout Record, _ key: String, field: String, _ warnings: inout [Diagnostic]) {
        guard let (kind, value) = found(record, key) else { return }
        warnings.append(Diagnostic(.warning, id: .notAFigure, kind.message(field, value.plainText), at: record.span(of: key) ?? .none,
                                   notes: ["help: write the figure itself in the cell, or leave it empty"]))
        // An unknown 实际 scores `—`; a target that is none leaves the indicator without one.
        record[key] = key == "目标" ? nil : .unknown
    }
}
