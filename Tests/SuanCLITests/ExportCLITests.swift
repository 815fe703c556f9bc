import Foundation
import Testing

/// `export` through the built binary: what it writes Excel opens and `load` reads back.
@Suite(.timeLimit(.minutes(2))) struct ExportCLITests {
    func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("suan-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func anExportedYearLoadsBackToEqualValues() throws {
        let dir = try scratch()
        let r = try Binary.run(["-e", "load 示例 2022", "-e", "export 示例2022 to \"y.csv\"", "-e", "load \"y.csv\" as back",
                                "-e", "back.总支出 == 示例2022.总支出", "-e", "back.项目 == 示例2022.项目", "-e", "back.年度"], directory: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "wrote 23 rows to y.csv\ntrue\ntrue\n2022\n")
        let bytes = try Data(contentsOf: dir.appendingPathComponent("y.csv"))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("\r\n支出,基本支出,,1700.00,79.07,"))
        #expect(text.contains("\r\n项目,,社区法律顾问服务,,,140.00,136.00,"))
        // The committed example that Scripts/export-roundtrip.suan loads is exactly what export writes.
        let committed = try Data(contentsOf: Binary.root.appendingPathComponent("Scripts/data/示例2022-export.csv"))
        #expect(committed == bytes, "re-export Scripts/data/示例2022-export.csv")
    }

    @Test func compareExplainAndTableExportFromAScript() throws {
        let dir = try scratch()
        let sub = dir.appendingPathComponent("analysis")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try """
        load 示例 2022
        scenario S from 示例2022 { 公用经费 -= 100万元 }
        export compare 示例2022, S only 总支出 to "c.csv"
        export explain score(项目["人民调解补贴"]) to "e.md"
        export table r in 0%..10% step 10% { 总支出 * (1 - r) } to "t.csv"
        """.write(to: sub.appendingPathComponent("a.suan"), atomically: true, encoding: .utf8)
        // Run from the script's folder: resolving paths from it when run elsewhere is item 9 of issue 11.
        let r = try Binary.run(["a.suan"], directory: sub)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "wrote 1 rows to c.csv\nwrote 6 rows to e.md\nwrote 2 rows to t.csv\n")
        let compare = String(decoding: try Data(contentsOf: sub.appendingPathComponent("c.csv")), as: UTF8.self)
        #expect(compare == "\u{FEFF}行,单位,示例2022,S,Δ,Δ（%）\r\n总支出,万元,2150.00,2050.00,-100.00,-4.65\r\n")
        let explain = try String(contentsOf: sub.appendingPathComponent("e.md"), encoding: .utf8)
        #expect(explain.hasPrefix("| 指标 | 类别 | 目标 | 实际 | 分值 | 得分 | 规则 | 提示 |\n| --- | --- | --- | --- | ---: | ---: | --- | --- |\n"))
        #expect(explain.hasSuffix("| 合计 |  |  |  | 100 | 99.73 | grade 优 |  |\n"), "\(explain)")
        let table = String(decoding: try Data(contentsOf: sub.appendingPathComponent("t.csv")), as: UTF8.self)
        #expect(table == "\u{FEFF}r（%）,总支出 * (1 - r)（万元）\r\n0,2150.00\r\n10,1935.00\r\n")
    }

    @Test func anUnknownExtensionIsRefused() throws {
        let dir = try scratch()
        let r = try Binary.run(["-e", "load 示例 2022", "-e", "export compare 示例2022, 示例2022 to \"c.xls\""], directory: dir)
        #expect(r.status == 1)
        #expect(r.stderr.contains("error: export writes .csv, .xlsx, .md, .html or .json files, not \"c.xls\""), "\(r.stderr)")
    }

    /// export uses the same renderers as --format: HTML and JSON files too.
    @Test func htmlAndJSONExports() throws {
        let dir = try scratch()
        let r = try Binary.run(["-e", "load 示例 2022", "-e", "export 部门评分(示例2022) to \"s.html\"", "-e", "export 部门评分(示例2022) to \"s.json\""], directory: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let html = try String(contentsOf: dir.appendingPathComponent("s.html"), encoding: .utf8)
        #expect(html.contains("<table class=\"suan-table\">") && html.contains("社区法律顾问服务"))
        let json = try String(contentsOf: dir.appendingPathComponent("s.json"), encoding: .utf8)
        #expect(json.hasPrefix("{\"kind\":\"table\""), "\(json)")
    }
}
