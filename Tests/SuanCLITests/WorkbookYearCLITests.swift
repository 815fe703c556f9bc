import Foundation
import Testing

/// A workbook's recognised sheets as one year, through the binary: the 部门决算 tables with the
/// one-project forms (`final-accounts.xlsx`), the forms' 其中 rows and their check, warnings placed
/// in the sheet they come from (`over-parts.xlsx`), a flat 自评表 beside a form (`mixed.xlsx`), and
/// the form saved as CSV. The fixtures are written by `Fixtures/xlsx/make_fixtures.py`.
@Suite(.timeLimit(.minutes(2))) struct WorkbookYearCLITests {
    func run(_ lines: [String], format: String? = nil, language: String? = nil) throws -> Binary.Outcome {
        try Binary.run((format.map { ["--format", $0] } ?? []) + lines.flatMap { ["-e", $0] }, directory: XLSXCLITests.fixtures,
                       environment: language.map { ["SUAN_LANG": $0] } ?? [:])
    }

    @Test func finalAccountsAndFormsLoadAsOneYearWithLinesAndProjects() throws {
        let r = try run(["load \"final-accounts.xlsx\" as d", "d.部门", "d.年度", "d.收入", "d.总收入", "d.基本支出", "d.人员经费", "d.公用经费",
                         "d.项目支出", "d.总支出", "d.收支差额", "len(d.项目)", "d.项目[\"人民调解\"].预算", "score(d.项目[\"法律援助\"])"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty, "\(r.stderr)")
        #expect(r.stdout == """
            示例县司法局
            2023
            {一般公共预算财政拨款收入: 2,090.00万元, 其他收入: 60.00万元}
            2,150.00万元
            1,700.00万元
            1,340.00万元
            360.00万元
            450.00万元
            2,150.00万元
            0.00万元
            2
            33.60万元
            99.5

            """, "\(r.stdout)")
    }

    @Test func theFinalAccountsYearShowsItsLinesAndTheFormsScores() throws {
        let r = try run(["load \"final-accounts.xlsx\" as d", "show d"], format: "csv")
        #expect(r.status == 0, "\(r.stderr)")
        for line in ["一般公共预算财政拨款收入,2090,97.2093", "基本支出,1700,79.0698", "人员经费,1340,62.3256", "项目支出,450,20.9302",
                     "法律援助,200,190,95,4,99.5", "人民调解,33.6,30,89.2857,2,93.93"] {
            #expect(r.stdout.contains(line + "\r\n"), "\(line) in \(r.stdout)")
        }
    }

    @Test func aFormsFundSourcesAreKeptOnTheProject() throws {
        let r = try run(["load \"form.xlsx\" as f", "f.项目[\"法律援助\"].财政资金预算", "f.项目[\"法律援助\"].财政资金执行",
                         "f.项目[\"法律援助\"].财政资金年初预算", "f.项目[\"法律援助\"].单位资金预算", "f.项目[\"人民调解\"].财政专户管理资金执行"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "200.00万元\n190.00万元\n200.00万元\n0.00万元\n0.00万元\n", "\(r.stdout)")
    }

    /// The part that exceeds 总额 is on the workbook's second sheet: the warning names that sheet and
    /// its cell, and shows that sheet's row.
    @Test func aFundSourceAboveTheTotalIsAWarningAtItsCellInItsSheet() throws {
        let r = try run(["load \"over-parts.xlsx\" as o", "o.项目[\"人民调解\"].财政资金预算"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "40.00万元\n", "\(r.stdout)")
        #expect(r.stderr == """
            over-parts.xlsx[人民调解]!D7: warning: 人民调解.财政资金预算 (40.00万元) is more than its 总额 预算 (33.60万元)
             7 | 预算执行情况（万元）,其中：财政资金,33.6,40,30,89.29%
               |                                          ^~

            """, "\(r.stderr)")
        let json = try run(["load \"over-parts.xlsx\" as o"], format: "json")
        #expect(json.stderr.contains("\"id\":\"part-exceeds-total\""), "\(json.stderr)")
        #expect(json.stderr.contains("\"file\":\"over-parts.xlsx[人民调解]\""), "\(json.stderr)")
        #expect(json.stderr.contains("\"cell\":\"D7\""), "\(json.stderr)")
        // After a workbook of four sheets read, in the same run: each sheet counts as a source.
        let after = try run(["load \"final-accounts.xlsx\" as d\nload \"over-parts.xlsx\" as o"])
        #expect(after.stderr.hasPrefix("over-parts.xlsx[人民调解]!D7: warning: 人民调解.财政资金预算"), "\(after.stderr)")
        let zh = try run(["load \"over-parts.xlsx\" as o"], language: "zh")
        #expect(zh.stderr.hasPrefix("over-parts.xlsx[人民调解]!D7: 警告：人民调解.财政资金预算（40.00万元）超过总额的预算（33.60万元）"), "\(zh.stderr)")
    }

    @Test func theFormSavedAsCSVReadsAsFromTheWorkbook() throws {
        let r = try run(["load \"form.xlsx\" as f", "load \"form-法律援助.csv\" as c", "c.项目[0] == f.项目[\"法律援助\"]", "c.部门", "c.年度",
                         "c.项目[0].项目代码", "c.项目[0].指标[\"结案率\"].类别", "c.项目[0].财政资金执行", "score(c.项目[0])", "c.项目[0].自评得分"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "true\n示例县司法局\n2023\n51092324T000000000000\n产出指标.时效指标\n190.00万元\n99.5\n99.5\n", "\(r.stdout)")
    }

    @Test func aBadCellOfTheFormSavedAsCSVIsPositionedInTheCSV() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("suan-formcsv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let text = try String(contentsOf: XLSXCLITests.fixtures.appendingPathComponent("form-法律援助.csv"), encoding: .utf8)
        try Data(text.replacingOccurrences(of: ",总额,200,200,190,", with: ",总额,200,2oo,190,").utf8).write(to: dir.appendingPathComponent("f.csv"))
        let r = try Binary.run(["--format", "json", "-e", "load \"f.csv\" as c"], directory: dir)
        #expect(r.status == 1)
        #expect(r.stderr.contains("\"id\":\"csv\""), "\(r.stderr)")
        #expect(r.stderr.contains("\"file\":\"f.csv\",\"line\":6,\"column\":9"), "\(r.stderr)")
    }

    /// A form cut short before its 绩效指标 header is an error at its budget header, not a table
    /// whose label rows have too many fields.
    @Test func aFormWithoutItsIndicatorHeaderIsAnErrorAtItsBudgetBlock() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("suan-formcut-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let text = try String(contentsOf: XLSXCLITests.fixtures.appendingPathComponent("form-法律援助.csv"), encoding: .utf8)
        let cut = text.components(separatedBy: "\r\n").prefix(11).joined(separator: "\r\n") + "\r\n"
        try Data(cut.utf8).write(to: dir.appendingPathComponent("cut.csv"))
        let r = try Binary.run(["--format", "json", "-e", "load \"cut.csv\" as c"], directory: dir)
        #expect(r.status == 1)
        #expect(r.stderr.contains("\"id\":\"csv\""), "\(r.stderr)")
        #expect(r.stderr.contains("\"file\":\"cut.csv\",\"line\":5,\"column\":1"), "\(r.stderr)")
        #expect(r.stderr.contains("绩效指标"), "\(r.stderr)")
    }

    /// The flat 自评表 on one sheet and a one-project form on a later one: all projects.
    @Test func aFlatTableAndAFormInOneWorkbookLoadWithAllProjects() throws {
        let r = try run(["load \"mixed.xlsx\" as m", "map(m.项目, fn(p) = p.名称)", "m.项目[\"人民调解\"].预算", "m.项目[\"公共法律服务\"].预算",
                         "m.项目[\"公共法律服务\"].指标[\"窗口服务\"].目标", "score(m.项目[\"公共法律服务\"]) == m.项目[\"公共法律服务\"].自评得分", "m.项目支出"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "[\"法律援助\", \"人民调解\", \"公共法律服务\"]\n33.60万元\n80.50万元\n≥ 5,000人次\ntrue\n314.10万元\n", "\(r.stdout)")
    }

    /// An empty folder for a test's exports.
    func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("suan-forms-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// The forms' own fields (项目代码, 主管部门, 实施单位, the printed scores, the 其中 parts) are
    /// columns of the year export after 年度, which `load` reads back: as CSV and as a workbook, the
    /// projects are equal to the ones loaded from the forms.
    @Test(arguments: ["final-accounts.xlsx", "mixed.xlsx"])
    func aYearOfFormsExportsAndLoadsBackToEqualProjects(workbook: String) throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let source = XLSXCLITests.fixtures.appendingPathComponent(workbook).path
        let r = try Binary.run(["load \"\(source)\" as d", "export d to \"y.csv\"", "export d to \"y.xlsx\"", "load \"y.csv\" as c",
                                "load \"y.xlsx\" as x", "c.项目 == d.项目", "x.项目 == d.项目"].flatMap { ["-e", $0] }, directory: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasSuffix("true\ntrue\n"), "\(r.stdout)")
        let header = String(decoding: try Data(contentsOf: dir.appendingPathComponent("y.csv")), as: UTF8.self).prefix { $0 != "\r\n" }
        #expect(header.contains(",部门,年度,") && header.hasSuffix(",主管部门,实施单位,预算执行自评得分,财政资金预算（万元）,财政资金执行（万元）,"
                                 + "财政资金年初预算（万元）,财政专户管理资金预算（万元）,财政专户管理资金执行（万元）,财政专户管理资金年初预算（万元）,"
                                 + "单位资金预算（万元）,单位资金执行（万元）,单位资金年初预算（万元）,项目自评得分"), "\(header)")
    }

    /// What the forms' fields read back as: text, exact money, scores as numbers; and the committed
    /// export that Scripts/xlsx-final-accounts.suan loads is exactly what `export` writes.
    @Test func theFormsFieldsReadBackWithTheirTypes() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let source = XLSXCLITests.fixtures.appendingPathComponent("final-accounts.xlsx").path
        let r = try Binary.run(["load \"\(source)\" as d", "export d to \"y.xlsx\"", "load \"y.xlsx\" as x", "x.项目[\"法律援助\"].项目代码",
                                "x.项目[\"法律援助\"].实施单位", "x.项目[\"法律援助\"].财政资金执行 + 0.005万元 == 190.005万元", "x.项目[\"人民调解\"].自评得分 + 1",
                                "x.项目[\"人民调解\"].预算执行自评得分", "export d to \"y.csv\""].flatMap { ["-e", $0] }, directory: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "wrote 15 rows to y.xlsx\n51092324T000000000000\n示例县法律援助中心\ntrue\n94.93\n8.93\nwrote 15 rows to y.csv\n", "\(r.stdout)")
        let committed = try Data(contentsOf: Binary.root.appendingPathComponent("Scripts/data/决算与自评-示例2023-export.csv"))
        let bytes = try Data(contentsOf: dir.appendingPathComponent("y.csv"))
        #expect(committed == bytes, "re-export Scripts/data/决算与自评-示例2023-export.csv")
        #expect(String(decoding: bytes, as: UTF8.self).contains(",部门,年度,项目代码,主管部门,"))
    }
}
