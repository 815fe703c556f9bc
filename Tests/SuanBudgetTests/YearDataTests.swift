import Foundation
import Testing
import SuanTestSupport
@testable import SuanBudget
@testable import SuanCore

/// A scratch directory holding year files written by a test.
struct Scratch {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("suan-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ text: String) throws -> String {
        let path = url.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func write(_ name: String, bytes: [UInt8]) throws -> String {
        let path = url.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }
}

let goodYear = """
year 2023 {
  部门: "测试区司法局"
  收入: { 一般公共预算财政拨款收入: 950万元, 其他收入: 50万元 }
  总收入: 1000万元
  基本支出: 700万元
  人员经费: 560万元
  公用经费: 140万元
  项目支出: 300万元
  总支出: 1000万元
  项目: [
    project "法律援助" { 预算: 200万元, 执行: 190万元 },
    project "普法（宣传）" { 预算: 100万元, 执行: 80万元 }
  ]
}
"""

@Suite struct YearModelTests {
    @Test func theBundledYearGivesTheReportsFigures() {
        var h = SessionHarness()
        h.run("load 2022")
        #expect(h.value("基本支出 + 项目支出 == 总支出") == "true")
        #expect(h.value("round(基本支出 / 总支出, 0.1%)") == "67.2%")
        #expect(h.value("y2022.总收入") == "3,622.40万元")
        #expect(h.value("收支差额") == "0.00万元")
        #expect(h.value("自评覆盖率") == "100%")
        #expect(h.value("len(项目)") == "2")
        // No per-project budgets in the report: unknown, never zero.
        #expect(h.value("项目[\"海珠区专职人民调解服务项目\"].预算") == "—")
        #expect(h.value("项目[\"海珠区专职人民调解服务项目\"].执行率") == "—")
        #expect(h.value("项目[\"海珠区专职人民调解服务项目\"].指标[\"涉及金额\"].实际") == "3.31亿元")
    }

    @Test func derivedLinesAndUnknownsFollowTheModel() throws {
        let dir = try Scratch()
        let path = try dir.write("2023.suan", goodYear)
        var h = SessionHarness()
        #expect(h.run("load \"\(path)\"") == .success)
        #expect(h.value("y2023.总支出") == "1,000.00万元")
        #expect(h.value("项目支出占比") == "30%")
        #expect(h.value("项目[\"普法（宣传）\"].执行率") == "80%")
        #expect(h.value("预算执行率") == "90%")
        #expect(h.value("项目预算合计") == "300.00万元")
        #expect(h.value("收入.其他收入") == "50.00万元")
    }

    @Test func aLaterLoadReplacesTheCurrentYearsNames() throws {
        let dir = try Scratch()
        let path = try dir.write("2023.suan", goodYear)
        var h = SessionHarness()
        h.run("load \"\(path)\"")
        #expect(h.value("人员经费") == "560.00万元")
        h.run("load 2022")
        #expect(h.errorID("人员经费") == "unknown-name")
        #expect(h.value("y2023.人员经费") == "560.00万元")
        #expect(h.value("总支出") == "3,622.40万元")
    }

    @Test func loadAsBindsAName() {
        var h = SessionHarness()
        h.run("load 2022 as 海珠")
        #expect(h.value("海珠.基本支出") == "2,433.84万元")
    }

    @Test func loadingFindsTheCurrentDirectoryThenSuanPathThenTheBundle() throws {
        // Through the locator directly: ./2022.suan is preferred, then SUAN_PATH, then the bundled year.
        let (name, _) = try YearLoader().locate(2022, collection: nil, span: .none)
        #expect(name == "Stdlib/years/seed-2022.suan" || name == "2022.suan")
        #expect(throws: Diagnostic.self) { try YearLoader().locate(1999, collection: nil, span: .none) }
    }

    @Test func theTrainingDepartmentIsMarkedAsSampleData() {
        var h = SessionHarness()
        h.run("load 示例 2021")
        #expect(h.value("示例2021.部门") == "示例县司法局（示例数据）")
        #expect(h.value("示例2021.示例数据") == "true")
        #expect(h.value("基本支出 + 项目支出 == 总支出") == "true")
    }
}

@Suite struct YearValidationTests {
    func problems(_ text: String) throws -> [Diagnostic] {
        let dir = try Scratch()
        let path = try dir.write("y.suan", text)
        var h = SessionHarness()
        h.run("load \"\(path)\"")
        return h.diagnostics
    }

    func replacing(_ old: String, _ new: String) -> String {
        goodYear.replacingOccurrences(of: old, with: new)
    }

    /// A year of 5,000 projects, with problems in both halves; `twice` names one project twice.
    func longYear(twice: Bool) -> String {
        var text = "year 2030 {\n  部门: \"大\"\n  收入: { 拨款: 20000010万元 }\n  基本支出: 10万元\n  项目支出: 20000000万元\n  项目: [\n"
        for n in 0..<5_000 {
            let name = twice && n == 4_000 ? "项目100" : "项目\(n)"
            let budget = n == 3_000 || n == 1_200 ? "-5万元" : "\(100 + n)万元"
            let spent = n == 10 || n == 4_500 ? "\(200 + n)万元" : "\(90 + n)万元"
            let actual = n == 2_600 ? "\"#DIV/0!\"" : "\(n % 89)件"
            text += "    project \"\(name)\" { 预算: \(budget), 执行: \(spent), 指标: [indicator \"数量\" { 目标: >= 5件, 实际: \(actual), 分值: 30 }] }\(n < 4_999 ? "," : "")\n"
        }
        return text + "  ]\n}\n"
    }

    @Test(arguments: [false, true])
    func aLongYearCheckedOnTwoThreadsFindsWhatOneFinds(twice: Bool) throws {
        // The problems, their order and their positions are those of one thread; a name given once
        // in each half is found.
        let dir = try Scratch()
        let path = try dir.write("y.suan", longYear(twice: twice))
        func problems(jobs: Int) -> [String] {
            var settings = Settings()
            settings.jobs = jobs
            var h = SessionHarness(session: Session(domain: BudgetDomain(), settings: settings))
            h.run("load \"\(path)\"")
            return h.diagnostics.map { "\($0.id) " + h.session.render($0) }
        }
        let one = problems(jobs: 1), two = problems(jobs: 2)
        #expect(one == two)
        let ids = one.map { String($0.split(separator: " ")[0]) }
        let expected = twice ? ["duplicateName"] : ["notAFigure", "overExecution", "negativeAmount", "negativeAmount", "overExecution"]
        #expect(ids == expected)
    }

    @Test(arguments: [false, true])
    func aLongYearLoadedOnTwoThreadsIsTheYearLoadedOnOne(warned: Bool) throws {
        // Read in halves and checked in parts: the same projects, in order, with the same derived
        // 执行率 and sums (a clean year, and one read again with positions for its warnings).
        var text = longYear(twice: false)
        if !warned {
            text = text.replacingOccurrences(of: "-5万元", with: "99999万元").replacingOccurrences(of: "\"#DIV/0!\"", with: "1件")
                .replacingOccurrences(of: "执行: 210万元", with: "执行: 100万元").replacingOccurrences(of: "执行: 4700万元", with: "执行: 4590万元")
        }
        let dir = try Scratch()
        let path = try dir.write("y.suan", text)
        func answers(jobs: Int) -> [String] {
            var settings = Settings()
            settings.jobs = jobs
            var h = SessionHarness(session: Session(domain: BudgetDomain(), settings: settings))
            h.run("load \"\(path)\"")
            #expect(h.diagnostics.isEmpty == !warned)
            return ["len(项目)", "项目预算合计", "预算执行率", "sum(map(项目, fn(p) = p.执行率))", "项目[0].名称", "项目[4999].名称",
                    "项目[2600].执行率", "join(map(filter(项目, fn(p) = p.执行率 > 100%), fn(p) = p.名称), \",\")"].map { h.value($0) }
        }
        let one = answers(jobs: 1), two = answers(jobs: 2)
        #expect(one == two)
        #expect(one[0] == "5,000" || one[0] == "5000")
    }

    @Test func aGoodFileLoadsWithoutProblems() throws {
        #expect(try problems(goodYear).isEmpty)
    }

    @Test func declaredTotalsMustMatchTheirParts() throws {
        #expect(try problems(replacing("总收入: 1000万元", "总收入: 1001万元")).first?.id == .totalMismatch)
        #expect(try problems(replacing("总支出: 1000万元", "总支出: 990万元")).first?.id == .totalMismatch)
        #expect(try problems(replacing("人员经费: 560万元", "人员经费: 500万元")).first?.id == .totalMismatch)
    }

    @Test func differencesWithinTheReportsRoundingAreWarnings() throws {
        let found = try problems(replacing("总支出: 1000万元", "总支出: 1000.01万元"))
        #expect(found.map(\.id) == [.totalRounding])
        #expect(found.first?.severity == .warning)
    }

    @Test func projectBudgetsCannotExceedProjectSpending() throws {
        #expect(try problems(replacing("预算: 200万元", "预算: 250万元")).first?.id == .projectSum)
    }

    @Test func executionCannotExceedBudget() throws {
        #expect(try problems(replacing("执行: 190万元", "执行: 210万元")).first?.id == .overExecution)
    }

    @Test func duplicateNamesAreErrors() throws {
        #expect(try problems(replacing("普法（宣传）", "法律援助")).first?.id == .duplicateName)
    }

    /// A project's indicators are checked against each other directly when they are few, through
    /// a set when they are many; both find a name given twice, and only then.
    @Test(arguments: [3, 40]) func indicatorsNamedTwiceAreErrors(count: Int) throws {
        func year(lastNamed last: Int) -> String {
            let indicators = (0..<count).map { "indicator \"i\($0 == count - 1 ? last : $0)\" { 分值: 1 }" }
            return replacing("project \"法律援助\" { 预算: 200万元, 执行: 190万元 }",
                             "project \"法律援助\" { 预算: 200万元, 执行: 190万元, 指标: [\n      \(indicators.joined(separator: ",\n      "))\n    ] }")
        }
        #expect(try problems(year(lastNamed: 1)).map(\.id) == [.duplicateName])
        #expect(try problems(year(lastNamed: count - 1)).map(\.id) == [])
    }

    @Test func missingRequiredFieldsAreErrors() throws {
        let found = try problems(replacing("  基本支出: 700万元\n", ""))
        #expect(found.first?.id == .missingField)
    }

    @Test func wrongDimensionsAreErrors() throws {
        let found = try problems(replacing("项目支出: 300万元", "项目支出: 300件"))
        #expect(found.first?.id == .wrongDimension)
        #expect(found.first.map { SessionHarness().session.render($0) }?.isEmpty == false)
    }

    /// An indicator whose 实际 cannot be compared with its 目标 cannot be scored: the load says
    /// where, rather than scoring failing far from the data. A CSV row that lost a comma, so
    /// that `1298件` and `30` (its 分值) ran into one cell, is caught the same way.
    @Test func anIndicatorWhoseOutcomeCannotMeetItsTargetIsAnError() throws {
        func indicator(_ goal: String, _ actual: String) -> String {
            replacing("project \"法律援助\" { 预算: 200万元, 执行: 190万元 }",
                      "project \"法律援助\" { 预算: 200万元, 执行: 190万元, 指标: [indicator \"合格率\" { 目标: \(goal), 实际: \(actual), 分值: 10 }] }")
        }
        let mixed = try problems(indicator(">= 95%", "94件"))
        #expect(mixed.map(\.id) == [.wrongDimension])
        #expect(mixed.first.map { SessionHarness().session.render($0) }?.contains("法律援助.合格率") == true)
        #expect(try problems(indicator(">= 1200件", "1298个")).map(\.id) == [.wrongDimension])
        // A bare number (a form's 实际 without its unit) is left to scoring: such years load.
        for (goal, actual) in [(">= 95%", "97%"), (">= 1200件", "1298件"), ("\"达成\"", "\"达成\""), (">= 95%", "unknown"), ("== 0件", "0件"), (">= 8人次", "9")] {
            #expect(try problems(indicator(goal, actual)).isEmpty, "\(goal) / \(actual)")
        }
        let dir = try Scratch()
        let csv = try dir.write("t.csv", """
            项目名称,全年预算数,全年执行数,一级指标,二级指标,三级指标,年度指标值,实际完成值,分值
            法律援助,200,190,产出,数量,办理案件,≥1200件,1298件30
            """)
        var h = SessionHarness()
        h.run("load \"\(csv)\"")
        #expect(h.diagnostics.map(\.id) == [.wrongDimension], "\(h.diagnostics.map { h.session.render($0) })")
    }

    @Test func brokenFilesArePositionedErrorsNeverCrashes() throws {
        for text in ["year 2023 {", "year 2023 { 部门: }", "let a = 1", "year 2023 {}\nyear 2024 {}", "", "year 2023 { 收入: 5 }",
                     "year 2023 { 部门: \"x\", 收入: {}, 基本支出: 1万元, 项目支出: 1万元, 项目: 5 }",
                     "year 2023 { 部门: \"x\", 收入: {}, 基本支出: 1万元, 项目支出: 1万元, 项目: [1, 2] }",
                     "year 2023 { 部门: \"x\", 收入: {}, 基本支出: 1万元, 项目支出: 1万元, 项目: [project \"a\" { 指标: 3 }] }"] {
            let found = try problems(text)
            #expect(found.contains { $0.severity == .error }, "\(text)")
        }
    }

    @Test func aFileThatIsNotUTF8IsAnError() throws {
        let dir = try Scratch()
        let path = try dir.write("bad.suan", bytes: [0x79, 0x65, 0x61, 0x72, 0x20, 0xFF])
        var h = SessionHarness()
        h.run("load \"\(path)\"")
        #expect(h.diagnostics.first?.id == .loadEncoding)
    }

    @Test func loadingNeverWritesToTheFile() throws {
        let dir = try Scratch()
        let path = try dir.write("2023.suan", goodYear)
        let before = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        var h = SessionHarness()
        h.run("load \"\(path)\"")
        h.run("scenario s from y2023 { 基本支出 -= 5% }")
        let after = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        #expect(before == after)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == goodYear)
    }
}

@Suite struct CSVImportTests {
    func load(_ csv: String, bytes: [UInt8]? = nil) throws -> SessionHarness {
        let dir = try Scratch()
        let path = try bytes.map { try dir.write("t.csv", bytes: $0) } ?? dir.write("t.csv", csv)
        var h = SessionHarness()
        h.run("load \"\(path)\" as t")
        return h
    }

    @Test func readsAProjectTableExactly() throws {
        var h = try load("项目名称,全年预算数,全年执行数\n法律援助,200,190\n普法,\"1,000.5\",900.25\n")
        #expect(h.diagnostics.isEmpty)
        #expect(h.value("t.项目[\"普法\"].预算") == "1,000.50万元")
        #expect(h.value("t.项目支出") == "1,200.50万元")
        #expect(h.value("t.项目[\"法律援助\"].执行率") == "95%")
    }

    @Test func handlesBOMQuotesCRLFAndEmbeddedNewlines() throws {
        let text = "\u{FEFF}项目名称,全年预算数（元）,全年执行数（元）\r\n\"法律\"\"援助\"\"\",\"2,000,000\",1900000\r\n\"两行\n名称\",100,\r\n"
        var h = try load(text)
        #expect(h.diagnostics.isEmpty)
        #expect(h.value("t.项目[\"法律\\\"援助\\\"\"].预算") == "200.00万元")
        #expect(h.value("t.项目[\"两行\\n名称\"].执行") == "—")
    }

    @Test func readsIndicatorRowsOfTheOfficialForm() throws {
        let text = """
        项目名称,全年预算数,全年执行数,一级指标,二级指标,三级指标,年度指标值,实际完成值,分值
        法律援助,200,190,,,,,,
        ,,,产出,数量,办理案件,≥1200件,1298件,20
        ,,,满意度,满意度,满意率,>=90%,95%,10
        """
        var h = try load(text)
        #expect(h.diagnostics.isEmpty, "\(h.rendered)")
        #expect(h.value("t.项目[\"法律援助\"].指标[\"办理案件\"].目标") == "≥ 1,200件")
        #expect(h.value("t.项目[\"法律援助\"].指标[\"满意率\"].实际") == "95%")
    }

    @Test(arguments: [
        ("项目名称,全年预算数\n法律援助,12a\n", "csv"),
        ("项目名称,全年预算数\n\"未闭合,1\n", "csv"),
        ("名字,预算\n法律援助,1\n", "csv"),
        ("项目名称,全年预算数\n法律援助,1,2,3\n", "csv"),
        ("项目名称,全年预算数\n,5\n", "csv"),
    ])
    func badRowsArePositionedErrors(_ csv: String, _ id: String) throws {
        let h = try load(csv)
        #expect(h.diagnostics.first?.id.rawValue == id, "\(csv)")
        #expect(h.rendered.first?.contains("t.csv:") == true, "\(h.rendered)")
    }
}

@Suite struct ShowAndExportTests {
    @Test func showAlignsChineseByDisplayWidth() throws {
        let dir = try Scratch()
        let path = try dir.write("2023.suan", goodYear)
        var h = SessionHarness()
        h.run("load \"\(path)\"")
        h.run("show y2023")
        let text = h.output.last ?? ""
        let expected = """
        测试区司法局 2023年度

                                        金额    占比
        ──────────────────────────  ──────────  ──────
        收入
          一般公共预算财政拨款收入  950.00万元     95%
          其他收入                   50.00万元      5%
          总收入                   1,000.00万元    100%
        """
        // The money column is right-aligned although the labels mix CJK and ASCII.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "测试区司法局 2023年度")
        let firstTable = lines.dropFirst(2).prefix { !$0.isEmpty }
        let amounts = firstTable.filter { $0.contains("万元") }
        #expect(amounts.count >= 8)
        let ends = Set(amounts.map { DisplayWidth.of(String($0.prefix(upTo: $0.range(of: "万元")!.upperBound))) })
        #expect(ends.count == 1, "\(amounts)")
        _ = expected
    }

    @Test func exportWritesCSVAndRefusesToOverwrite() throws {
        let dir = try Scratch()
        let out = dir.url.appendingPathComponent("out.csv").path
        var h = SessionHarness()
        h.run("load 2022")
        #expect(h.run("export y2022 to \"\(out)\"") == .success)
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: out)), as: UTF8.self)
        #expect(text.hasPrefix("\u{FEFF}类型,行,项目名称,金额（万元）,占比（%）,"))
        #expect(text.contains("\r\n支出,基本支出,,2433.84,67.19,"))
        #expect(h.run("export y2022 to \"\(out)\"") == .failure)
        #expect(h.diagnostics.last?.id == .exportExists)
        #expect(h.run("export y2022 to \"\(out)\" force") == .success)
        let md = dir.url.appendingPathComponent("out.md").path
        #expect(h.run("export 项目 to \"\(md)\"") == .success)
        #expect(try String(contentsOfFile: md, encoding: .utf8).hasPrefix("| 类型 | 行 | 项目名称 |"))
    }
}
