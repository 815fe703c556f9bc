import SuanCore

/// The parts of a year as tables give them — department, year, income items, expenditure lines,
/// projects, department indicators — gathered from one table or from several sheets of a workbook
/// (a 决算 table, a flat 自评表, one-project forms), and made into the year record once all are read.
///
/// Each part keeps the position of its cell, for validation. A part no table gives is left out:
/// without income 总收入 is unknown, without 基本支出 it is unknown, and without a 项目支出 line
/// 项目支出 is the sum of the project budgets.
struct YearParts {
    /// 部门, when a table names it (a 部门 column, a `部门：` label, a form's 主管部门).
    var department: (Value, SourceSpan)?
    /// 年度, when a table gives it.
    var year: (Value, SourceSpan)?
    var income = RecordBuilder(kind: nil)
    /// Year-level lines (基本支出 and its parts, 项目支出, declared totals, other lines) in the order read.
    var lines = RecordBuilder(kind: nil)
    var projects: [Record] = []
    var departmentIndicators: [Value] = []

    /// Adds what `other` gives: its lines and items replace those of the same name, its projects
    /// and indicators follow; the department and year are kept when already known.
    mutating func merge(_ other: YearParts) {
        if department == nil { department = other.department }
        if year == nil { year = other.year }
        take(other)
    }

    /// Sets `other`'s income items and lines in their order, and adds its projects and indicators.
    private mutating func take(_ other: YearParts) {
        for (i, key) in other.income.keys.enumerated() { income.set(key, other.income.values[i], at: other.income.spans[i]) }
        for (i, key) in other.lines.keys.enumerated() { lines.set(key, other.lines.values[i], at: other.lines.spans[i]) }
        projects += other.projects
        departmentIndicators += other.departmentIndicators
    }

    /// Adds what the rows after those read gave (the second half of a table read in two): its
    /// department and year replace these as a later row's would, its lines and items are set in
    /// their order, and its projects and indicators follow.
    mutating func append(_ later: YearParts) {
        if let department = later.department { self.department = department }
        if let year = later.year { self.year = year }
        take(later)
    }

    /// The first line `other` gives an amount for that differs from the amount already read (two
    /// 决算 tables with different totals): its name, its value and position in `other`, and the value read.
    func conflict(with other: YearParts) -> (line: String, value: Value, at: SourceSpan, read: Value)? {
        for (i, key) in other.lines.keys.enumerated() {
            guard let read = lines[key], let a = Year.money(read), let b = Year.money(other.lines.values[i]), a != b else { continue }
            return (key, other.lines.values[i], other.lines.spans[i], read)
        }
        return nil
    }

    /// The year of a `2023年度` title, when a title gives one.
    static func year(inTitles titles: [String]) -> Int? {
        for title in titles {
            let scalars = Array(title.unicodeScalars)
            if let n = scalars.indices.dropFirst(4).lazy.compactMap({ i -> Int? in
                guard scalars[i] == "年", scalars[(i - 4)..<i].allSatisfy({ $0.isASCII && $0.properties.numericType != nil }) else { return nil }
                return Int(String(String.UnicodeScalarView(scalars[(i - 4)..<i])))
            }).first { return n }
        }
        return nil
    }

    /// The year record: 年度, 部门 (the file's title when no table names one), 收入, the lines read,
    /// 基本支出, 项目支出, 项目 and 指标. `origin` is the span of what the tables do not give.
    /// Without `keepsSpans` the year record holds no spans, as the projects read without them.
    func record(fileName: String, origin: SourceSpan, keepsSpans: Bool = true) -> Record {
        var year = RecordBuilder(kind: .year, keepsSpans: keepsSpans)
        year.set("年度", self.year?.0 ?? .unknown, at: self.year?.1 ?? origin)
        year.set("部门", department?.0 ?? .string(ProjectTableImport.title(ofFile: fileName)), at: department?.1 ?? origin)
        year.set("收入", .record(income.record), at: income.spans.first ?? origin)
        for (i, key) in lines.keys.enumerated() { year.set(key, lines.values[i], at: lines.spans[i]) }
        if !year.has("基本支出") { year.set("基本支出", .unknown, at: origin) }
        if !year.has("项目支出") { year.set("项目支出", Year.sum(projects.map { $0["预算"] ?? .unknown }), at: origin) }
        year.set("项目", .list(projects.map { .record($0) }), at: origin)
        if !departmentIndicators.isEmpty { year.set("指标", .list(departmentIndicators), at: origin) }
        return year.record
    }
}
