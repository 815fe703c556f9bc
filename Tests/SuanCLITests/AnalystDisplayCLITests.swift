import Foundation
import Testing

/// Issue 18 as an analyst met it through the binary: grouped tables in JSON and Chinese, lists of
/// years and module prefixes at a prompt, years that read as years, explanations in one language.
@Suite(.timeLimit(.minutes(3))) struct AnalystDisplayCLITests {
    @Test func groupedTablesMarkTheirSumsAndNameBooleanKeysInTheSessionsLanguage() throws {
        let json = try Binary.run(["--format", "json", "-e", "load 示例 2022", "-e", "group(项目, fn(p) = p.执行率 > 95%)"])
        #expect(json.status == 0, "\(json.stderr)")
        // Keys are text cells like the names beside them; sums carry their role.
        #expect(json.stdout.contains("{\"level\":0,\"cells\":[\"true\",\"社区法律顾问服务\","), "\(json.stdout)")
        #expect(json.stdout.contains("{\"level\":0,\"role\":\"subtotal\",\"cells\":[\"subtotal\",null,"), "\(json.stdout)")
        #expect(json.stdout.contains("{\"level\":0,\"role\":\"total\",\"cells\":[\"total\",null,"), "\(json.stdout)")
        #expect(!json.stdout.contains("\"type\":\"Bool\""), "\(json.stdout)")
        let zh = try Binary.run(["--format", "csv", "-e", "load 示例 2022", "-e", "group(项目, fn(p) = p.执行率 > 95%)"],
                                environment: ["SUAN_LANG": "zh"])
        #expect(zh.stdout.contains("\r\n是,社区法律顾问服务,"), "\(zh.stdout)")
        #expect(zh.stdout.contains("\r\n否,法治宣传教育,"), "\(zh.stdout)")
        #expect(zh.stdout.contains("\r\n小计,,360,350,,\r\n"), "\(zh.stdout)")
        let html = try Binary.run(["--format", "html", "-e", "load 示例 2022", "-e", "group(项目, fn(p) = p.执行率 > 95%)"])
        #expect(html.stdout.contains("<tr class=\"subtotal\">"), "\(html.stdout)")
        #expect(html.stdout.contains("<tr class=\"total\">"), "\(html.stdout)")
        // `export` writes the same roles and keys.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("suan-grouped-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let export = try Binary.run(["-e", "load 示例 2022", "-e", "export group(项目, fn(p) = p.执行率 > 95%) to \"g.json\""],
                                    directory: dir, environment: ["SUAN_LANG": "zh"])
        #expect(export.status == 0, "\(export.stderr)")
        let written = String(decoding: try Data(contentsOf: dir.appendingPathComponent("g.json")), as: UTF8.self)
        #expect(written.contains("{\"level\":0,\"cells\":[\"是\",\"社区法律顾问服务\",\"140.00\""), "\(written)")
        #expect(written.contains("{\"level\":0,\"role\":\"total\",\"cells\":[\"合计\",null,\"450.00\""), "\(written)")
    }

    @Test func aListOfYearsIsATableOfTheirHeadlinesAndAPrefixListsItsNames() throws {
        let r = try Binary.run(["-e", "load 示例 2020..2022", "-e", "示例年份", "-e", "use scoring as 评分", "-e", "评分"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("年度  部门") && $0.contains("项目支出占比") }, "\(r.stdout)")
        #expect(lines.contains { $0.hasPrefix("2021  示例县司法局（示例数据）  2,075.00万元") }, "\(r.stdout)")
        #expect(r.stdout.count < 3000, "\(r.stdout)")
        // The prefix: its names and types, not its values, and not the Stdlib's helpers.
        #expect(lines.contains("score         fn score(x)"), "\(r.stdout)")
        #expect(lines.contains { $0.hasPrefix("超额提示线") && $0.hasSuffix("Ratio") }, "\(r.stdout)")
        #expect(!r.stdout.contains("内部名称"), "\(r.stdout)")
        #expect(!r.stdout.contains("评分行"), "\(r.stdout)")
    }

    @Test func yearsReadAsYears() throws {
        let r = try Binary.run(["-e", "range(2020, 2023)", "-e", "12345", "-e", "load 示例 2020..2022",
                                "-e", "series(示例年份, \"项目支出\")"], environment: ["SUAN_LANG": "zh"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("[2020, 2021, 2022]\n12,345\n"), "\(r.stdout)")
        // 年度 is a label column: the years sit at its left, as 年均增长 does.
        #expect(r.stdout.contains("\n2020      400.00万元"), "\(r.stdout)")
        #expect(r.stdout.contains("\n年均增长           —"), "\(r.stdout)")
    }

    @Test func anExplanationSpeaksTheSessionsLanguage() throws {
        let estimate = "explain estimate(示例年份, \"人民调解补贴\", \"调解案件\", 3500宗)"
        let en = try Binary.run(["-e", "load 示例 2020..2022", "-e", estimate, "-e", "explain history(示例年份, \"人民调解补贴\")"])
        #expect(en.status == 0, "\(en.stderr)")
        let lines = en.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("basis") && lines.contains("methods") && lines.contains("years") && lines.contains("indicators"), "\(en.stdout)")
        #expect(en.stdout.contains("unit cost  221.23万元  632.08元/宗 × 3,500宗, to 0.01万元"), "\(en.stdout)")
        for chinese in ["依据", "平均法", "历年", "最小二乘", "差距"] { #expect(!en.stdout.contains(chinese), "\(chinese): \(en.stdout)") }
        let zh = try Binary.run(["-e", "load 示例 2020..2022", "-e", estimate], environment: ["SUAN_LANG": "zh"])
        let zhLines = zh.stdout.split(separator: "\n").map(String.init)
        #expect(zhLines.contains("依据") && zhLines.contains("方法"), "\(zh.stdout)")
        #expect(zh.stdout.contains("单位成本法  221.23万元"), "\(zh.stdout)")
    }
}
