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
}
