import Foundation
import Testing

/// What a planner hit trying workbooks (issue 15, second round), through the binary: an unknown
/// figure's change in compare and its export. The fixtures are written by
/// `Fixtures/xlsx/make_fixtures.py`.
@Suite(.timeLimit(.minutes(3))) struct PlannerWorkbookCLITests {
    func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("suan-planner-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    func fixture(_ name: String) -> String { XLSXCLITests.fixtures.appendingPathComponent(name).path }

    /// The forms alone have no income and no 基本支出: those lines are unknown there, so their
    /// change is unknown too, on screen and in the export; only a project missing from one side
    /// counts from nothing.
    @Test func theChangeFromAnUnknownFigureIsUnknown() throws {
        let dir = try scratch()
        let r = try Binary.run(["--format", "csv", "-e", "load \"\(fixture("form.xlsx"))\" as f", "-e", "load \"\(fixture("final-accounts.xlsx"))\" as d",
                                "-e", "compare f, d", "-e", "export compare f, d to \"c.csv\""], directory: dir)
        #expect(r.status == 0, "\(r.stderr)")
        for line in ["收入 · 一般公共预算财政拨款收入,万元,,2090,,", "总收入,万元,,2150,,", "基本支出,万元,,1700,,", "项目支出,万元,233.6,450,216.4,92.637"] {
            #expect(r.stdout.contains(line + "\r\n"), "\(line) in \(r.stdout)")
        }
        let export = String(decoding: try Data(contentsOf: dir.appendingPathComponent("c.csv")), as: UTF8.self)
        for line in ["收入 · 一般公共预算财政拨款收入,万元,,2090.00,,", "总收入,万元,,2150.00,,", "项目支出,万元,233.60,450.00,216.40,92.64"] {
            #expect(export.contains(line + "\r\n"), "\(line) in \(export)")
        }
    }

    /// 项目名称 merged down over two header rows, group labels above the sub-headers: one header,
    /// and the rows below it are the projects (not the header's second row).
    @Test func aTwoRowHeaderReadsAsOneHeader() throws {
        let r = try Binary.run(["-e", "load \"two-row-header.xlsx\" as t", "-e", "len(t.项目)", "-e", "t.项目[0].名称",
                                "-e", "t.项目[\"甲项目\"].预算", "-e", "t.项目[\"甲项目\"].执行", "-e", "t.项目[\"乙项目\"].指标[\"调解成功率\"].实际"],
                               directory: XLSXCLITests.fixtures)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty, "\(r.stderr)")
        #expect(r.stdout == "2\n甲项目\n100.00万元\n90.00万元\n98.2%\n", "\(r.stdout)")
    }

    /// An Excel error, a boolean or a date where an indicator's figure belongs: a warning at the cell,
    /// the figure unknown, and the indicator scores `—` with its reason (score, explain and compare
    /// run); a 定性 完成值 that is none of the rule's values scores `—` too. A negative 执行 is a
    /// warning at its cell, and its 预算执行率 scores 0, not below.
    @Test func cellsThatAreNoFiguresAreUnknownWithAWarningAtTheCell() throws {
        let r = try Binary.run(["--format", "json", "-e", "load \"non-figures.xlsx\" as n", "-e", "map(n.项目, score)",
                                "-e", "n.项目[\"甲项目\"].指标[\"次数\"].实际", "-e", "has(n.项目[\"丙项目\"].指标[\"完成时间\"], \"目标\")",
                                "-e", "compare n, n only 项目支出"],
                               directory: XLSXCLITests.fixtures)
        #expect(r.status == 0, "\(r.stderr)")
        for cell in ["J2", "J3", "H4", "J4"] {
            #expect(r.stderr.contains("\"id\":\"not-a-figure\"") && r.stderr.contains("\"cell\":\"\(cell)\""), "\(cell) in \(r.stderr)")
        }
        #expect(r.stderr.contains("\"id\":\"negative-amount\"") && r.stderr.contains("\"cell\":\"C6\""), "\(r.stderr)")
        #expect(!r.stderr.contains("\"severity\":\"error\""), "\(r.stderr)")
        let zh = try Binary.run(["-e", "load \"non-figures.xlsx\" as n", "-e", "map(n.项目, score)", "-e", "explain score(n.项目[\"丁项目\"])",
                                 "-e", "explain score(n.项目[\"戊项目\"])"],
                                directory: XLSXCLITests.fixtures, environment: ["SUAN_LANG": "zh"])
        #expect(zh.status == 0, "\(zh.stderr)")
        #expect(zh.stdout.hasPrefix("[—, —, —, —, 50]\n"), "\(zh.stdout)")
        #expect(zh.stdout.contains("有指标的完成值未知或无效"), "\(zh.stdout)")
        #expect(zh.stdout.contains("-5%"), "\(zh.stdout)")
        #expect(zh.stderr.contains("non-figures.xlsx[自评表]!J2: 警告："), "\(zh.stderr)")
    }

    /// An Excel error in a form's 得分 is unknown with a warning at its cell; a 得分 that is text is
    /// an error at its cell; both wholly in Chinese under SUAN_LANG=zh.
    @Test func aBadScoreCellSaysSoInTheSessionsLanguage() throws {
        let zh = try Binary.run(["-e", "load \"error-score.xlsx\" as e", "-e", "e.项目[0].指标[0].自评得分"], directory: XLSXCLITests.fixtures,
                                environment: ["SUAN_LANG": "zh"])
        #expect(zh.status == 0, "\(zh.stderr)")
        #expect(zh.stdout == "—\n", "\(zh.stdout)")
        #expect(zh.stderr.hasPrefix("error-score.xlsx[自评表]!L2: 警告："), "\(zh.stderr)")
        let dir = try scratch()
        try "项目名称,三级指标,得分\n甲,次数,九十\n".write(to: dir.appendingPathComponent("s.csv"), atomically: true, encoding: .utf8)
        let text = try Binary.run(["-e", "load \"s.csv\" as s"], directory: dir, environment: ["SUAN_LANG": "zh"])
        #expect(text.status != 0)
        #expect(text.stderr.hasPrefix("s.csv:2:6: 错误：“九十”不是得分（应为数字）"), "\(text.stderr)")
        #expect(!text.stderr.contains("points"), "\(text.stderr)")
    }

    /// The text of `part` in the workbook `file`, read by Python's zipfile (another program than Suan).
    func part(_ part: String, of file: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())", file.path, part]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Year and project exports write bare targets and actuals as numbers (their unit has its own
    /// column) and still load back equal; compare's share rows are percent-formatted fractions, as
    /// the year's 占比 column; each sheet is named after what was exported.
    @Test func workbookExportsWriteFiguresAsNumbersAndNameTheirSheet() throws {
        let dir = try scratch()
        let r = try Binary.run(["-e", "load 示例 2022", "-e", "export 示例2022 to \"y.xlsx\"", "-e", "export 示例2022.项目 to \"p.xlsx\"",
                                "-e", "export compare 示例2022, 示例2022 to \"c.xlsx\"", "-e", "export compare 示例2022, 示例2022 to \"c.csv\"",
                                "-e", "load \"y.xlsx\" as back", "-e", "back.项目 == 示例2022.项目"], directory: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasSuffix("true\n"), "\(r.stdout)")
        for file in ["y.xlsx", "p.xlsx"] {
            let sheet = try part("xl/worksheets/sheet1.xml", of: dir.appendingPathComponent(file))
            #expect(sheet.contains("<v>5800</v>") && sheet.contains("<v>6020</v>"), "\(file): \(sheet)")
            #expect(!sheet.contains("<t>5800</t>") && !sheet.contains("<t>6020</t>"), "\(file): \(sheet)")
        }
        let compare = try part("xl/worksheets/sheet1.xml", of: dir.appendingPathComponent("c.xlsx"))
        #expect(compare.contains("s=\"2\"><v>0.7907</v>"), "\(compare)")
        #expect(!compare.contains("<v>79.07</v>"), "\(compare)")
        let csv = String(decoding: try Data(contentsOf: dir.appendingPathComponent("c.csv")), as: UTF8.self)
        #expect(csv.contains("基本支出占比,%,79.07,79.07,0,\r\n"), "\(csv)")
        for (file, name) in [("y.xlsx", "年度"), ("p.xlsx", "项目"), ("c.xlsx", "比较")] {
            let workbook = try part("xl/workbook.xml", of: dir.appendingPathComponent(file))
            #expect(workbook.contains("<sheet name=\"\(name)\""), "\(file): \(workbook)")
        }
    }

    /// A project that is there without a figure (the forms' 自评得分, which a plain project table does
    /// not give) is not said to be missing.
    @Test func aFigureTheProjectLacksIsNotAMissingProject() throws {
        let dir = try scratch()
        try "项目名称,全年预算数,全年执行数\n法律援助,200,190\n人民调解,33.6,30\n".write(to: dir.appendingPathComponent("plain.csv"), atomically: true, encoding: .utf8)
        let r = try Binary.run(["-e", "load \"\(fixture("form.xlsx"))\" as f", "-e", "load \"plain.csv\" as back", "-e", "compare f, back"], directory: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("— 人民调解 · 自评得分 (back): the project has no such figure"), "\(r.stdout)")
        #expect(!r.stdout.contains("no such project"), "\(r.stdout)")
    }
}
