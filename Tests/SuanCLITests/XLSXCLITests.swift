import Foundation
import Testing

/// Workbooks through the built binary: the committed fixtures (written by openpyxl, see
/// `Fixtures/xlsx/make_fixtures.py`), errors positioned at a sheet's cell, and the year export's
/// round trip. With `SUAN_OPENPYXL` naming a Python that has openpyxl (`.ci/run` makes one), a
/// workbook Suan writes is also opened by openpyxl.
@Suite(.timeLimit(.minutes(2))) struct XLSXCLITests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/xlsx")

    func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("suan-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func theOfficialFormLoadsFromAWorkbookWrittenByAnotherProgram() throws {
        let r = try Binary.run(["-e", "load \"自评表.xlsx\" as t", "-e", "t.项目[\"法律援助\"].预算", "-e", "t.项目[\"人民调解\"].预算",
                                "-e", "t.项目[\"法律援助\"].指标[\"满意率\"].实际", "-e", "t.项目[\"法律援助\"].指标[\"满意率\"].备注",
                                "-e", "t.项目[\"人民调解\"].指标[\"调解成功率\"].分值", "-e", "len(t.项目[\"法律援助\"].指标)"],
                               directory: Self.fixtures)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "200.00万元\n33.60万元\n95.5%\n2023-12-31\n3.36\n2\n", "\(r.stdout)")
    }

    @Test func aBadCellIsAnErrorAtItsSheetAndCell() throws {
        let r = try Binary.run(["-e", "load \"bad-amount.xlsx\" as t"], directory: Self.fixtures)
        #expect(r.status == 1)
        #expect(r.stderr == """
            bad-amount.xlsx[Sheet1]!C7: error: 'abc' is not an amount
             7 | 法律援助,200,abc,190
               |              ^~~
               = help: amounts are digits with an optional decimal point and thousands separators, e.g. 1,188.56

            """, "\(r.stderr)")
        let zh = try Binary.run(["-e", "load \"bad-amount.xlsx\" as t"], directory: Self.fixtures, environment: ["SUAN_LANG": "zh"])
        #expect(zh.stderr.hasPrefix("bad-amount.xlsx[Sheet1]!C7: 错误："), "\(zh.stderr)")
        let json = try Binary.run(["--format", "json", "-e", "load \"bad-amount.xlsx\" as t"], directory: Self.fixtures)
        #expect(json.stderr.contains("\"file\":\"bad-amount.xlsx[Sheet1]\""), "\(json.stderr)")
        #expect(json.stderr.contains("\"cell\":\"C7\""), "\(json.stderr)")
    }

    @Test func aFileThatIsNotAWorkbookIsRefused() throws {
        let dir = try scratch()
        try Data("项目名称,全年预算数\n甲,1\n".utf8).write(to: dir.appendingPathComponent("x.xlsx"))
        let r = try Binary.run(["-e", "load \"x.xlsx\" as t"], directory: dir)
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("<expr>:1:1: error: \"x.xlsx\" is not an .xlsx workbook (not a zip archive)"), "\(r.stderr)")
    }

    @Test func theYearExportRoundTrips() throws {
        let dir = try scratch()
        let write = try Binary.run(["-e", "load 示例 2022", "-e", "export 示例2022 to \"y.xlsx\""], directory: dir)
        #expect(write.status == 0, "\(write.stderr)")
        #expect(write.stdout == "wrote 23 rows to y.xlsx\n")
        let again = try Binary.run(["-e", "load 示例 2022", "-e", "export 示例2022 to \"y.xlsx\""], directory: dir)
        #expect(again.status == 1)
        #expect(again.stderr.contains("\"y.xlsx\" already exists"), "\(again.stderr)")
        let back = try Binary.run(["-e", "load 示例 2022", "-e", "load \"y.xlsx\" as back", "-e", "back.总支出 == 示例2022.总支出",
                                   "-e", "back.项目 == 示例2022.项目", "-e", "back.项目[\"人民调解补贴\"].预算"], directory: dir)
        #expect(back.status == 0, "\(back.stderr)")
        #expect(back.stdout == "true\ntrue\n220.00万元\n", "\(back.stdout)")
    }

    /// A Python with openpyxl, from `SUAN_OPENPYXL` (set by `.ci/run`); nil skips the check.
    static let openpyxl: String? = {
        guard let python = ProcessInfo.processInfo.environment["SUAN_OPENPYXL"], FileManager.default.isExecutableFile(atPath: python) else { return nil }
        return python
    }()

    @Test(.enabled(if: XLSXCLITests.openpyxl != nil)) func openpyxlReadsTheExactNumbersSuanWrites() throws {
        let dir = try scratch()
        let write = try Binary.run(["-e", "load 示例 2022", "-e", "export 示例2022 to \"y.xlsx\"",
                                    "-e", "export compare 示例2022, 示例2022 to \"c.xlsx\"",
                                    "-e", "export table r in 0%..10% step 5% { 总支出 * (1 - r) } to \"t.xlsx\""], directory: dir)
        #expect(write.status == 0, "\(write.stderr)")
        let script = """
            import openpyxl
            wb = openpyxl.load_workbook("y.xlsx")
            ws = wb.active
            print(ws.freeze_panes, ws["A1"].font.b, ws["D1"].value, repr(ws["D2"].value), ws["E2"].number_format, repr(ws["E2"].value))
            row = [r for r in ws.iter_rows(values_only=True) if r[2] == "人民调解补贴"][0]
            print(repr(row[5]), repr(row[6]))
            c = openpyxl.load_workbook("c.xlsx").active
            print(c.max_row > 5, c["A1"].value)
            t = openpyxl.load_workbook("t.xlsx").active
            print(t.freeze_panes, [r for r in t.iter_rows(values_only=True)], t["A3"].number_format)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: XLSXCLITests.openpyxl ?? "")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = dir
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(text == "A2 True 金额（万元） 2090.0 0.00% 0.9721\n220.0 214.0\nTrue 行\n"
                + "A2 [('r（%）', '总支出 * (1 - r)（万元）'), (0, 2150.0), (0.05, 2042.5), (0.1, 1935.0)] 0.00%\n", "\(text)")
    }
}

/// The one-project form provinces publish (部门预算项目支出绩效自评表), one sheet per project.
@Suite(.timeLimit(.minutes(2))) struct ProvinceFormCLITests {
    @Test func aWorkbookOfOneProjectFormsLoadsAsOneYear() throws {
        let r = try Binary.run(["-e", "load \"form.xlsx\" as f", "-e", "len(f.项目)", "-e", "f.项目[\"法律援助\"].预算", "-e", "f.项目[\"法律援助\"].执行",
                                "-e", "f.项目[\"人民调解\"].预算", "-e", "f.项目[\"法律援助\"].项目代码", "-e", "f.项目[\"法律援助\"].实施单位",
                                "-e", "f.年度", "-e", "f.部门", "-e", "f.项目支出"],
                               directory: XLSXCLITests.fixtures)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "2\n200.00万元\n190.00万元\n33.60万元\n51092324T000000000000\n示例县法律援助中心\n2023\n示例县司法局\n233.60万元\n", "\(r.stdout)")
    }

    @Test func indicatorsHaveTargetsAndTheFormsScores() throws {
        let r = try Binary.run(["-e", "load \"form.xlsx\" as f", "-e", "f.项目[\"法律援助\"].指标[\"结案率\"].目标",
                                "-e", "f.项目[\"人民调解\"].指标[\"人均补贴\"].目标", "-e", "f.项目[\"法律援助\"].指标[\"办理案件\"].实际",
                                "-e", "f.项目[\"法律援助\"].指标[\"结案率\"].分值", "-e", "f.项目[\"人民调解\"].指标[\"调解成功率\"].自评得分",
                                "-e", "f.项目[\"法律援助\"].自评得分", "-e", "f.项目[\"法律援助\"].预算执行自评得分",
                                "-e", "score(f.项目[\"法律援助\"])", "-e", "score(f.项目[\"人民调解\"])", "-e", "f.项目[\"人民调解\"].自评得分"],
                               directory: XLSXCLITests.fixtures)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "≥ 95%\n≤ 800.00元\n1,298件\n20\n45\n99.5\n9.5\n99.5\n96.3\n93.93\n", "\(r.stdout)")
    }

    @Test func explainScoreWorksOnAFormsProject() throws {
        let r = try Binary.run(["-e", "load \"form.xlsx\" as f", "-e", "explain score(f.项目[0])"], directory: XLSXCLITests.fixtures)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("预算执行率"), "\(r.stdout)")
        #expect(r.stdout.contains("办理案件"), "\(r.stdout)")
        #expect(r.stdout.contains("99.5"), "\(r.stdout)")
    }
}
