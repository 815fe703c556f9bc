import Foundation
import Testing

/// Issue 18 through the binary: the analyst's vocabulary (anonymous functions, lists of records).
@Suite(.timeLimit(.minutes(1))) struct AnalystCLITests {
    @Test func anonymousFunctionsMapFilterAndCheckBeforeRunning() throws {
        let r = try Binary.run(["-e", "map([1, 2, 3], fn(x) = x * 2)", "-e", "load 示例 2022",
                                "-e", "map(filter(项目, fn(p) = p.执行率 < 95%), fn(p) = p.名称)"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("[2, 4, 6]\n"), "\(r.stdout)")
        #expect(r.stdout.contains("[\"法治宣传教育\"]"), "\(r.stdout)")
        let bad = try Binary.run(["-e", "print 1\nmap([1万元], fn(x) = x + 1件)"])
        #expect(bad.status == 1)
        #expect(bad.stdout.isEmpty, "\(bad.stdout)")
        #expect(bad.stderr.contains("cannot add Quantity(件) to Money"), "\(bad.stderr)")
    }

    @Test func sortGroupAndTopOnTheBundledYears() throws {
        let r = try Binary.run(["-e", "load 示例 2022", "-e", "join(map(sort(项目, fn(p) = p.预算, \"desc\"), fn(p) = p.名称), \"、\")",
                                "-e", "map(top(项目, 1, \"执行率\"), fn(p) = p.名称)", "-e", "range(2020, 2023)",
                                "-e", "load 2022", "-e", "len(group(y2022.指标, fn(i) = i.领域))"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("人民调解补贴、社区法律顾问服务、法治宣传教育\n[\"人民调解补贴\"]\n[2,020, 2,021, 2,022]\n"), "\(r.stdout)")
        #expect(r.stdout.hasSuffix("14\n"), "\(r.stdout)")
        let bad = try Binary.run(["-e", "sort([{a: 1}], fn(r) = r.a > 1)"])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("a key here is a Bool"), "\(bad.stderr)")
    }

    @Test func stringInterpolationWritesSentences() throws {
        let r = try Binary.run(["-e", "load 示例 2022", "-e", "let p = 项目[\"人民调解补贴\"]",
                                "-e", "print \"{p.名称}：预算 {p.预算}，执行率 {p.执行率}\"",
                                "-e", "format(p.执行率, 1)"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasSuffix("人民调解补贴：预算 220.00万元，执行率 97.27%\n97.3%\n"), "\(r.stdout)")
        let bad = try Binary.run(["-e", "\"x {1万元 + 1件}\""])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("<expr>:1:5: error: cannot add Quantity(件) to Money"), "\(bad.stderr)")
    }

    @Test func keyedTotalsRankAndZip() throws {
        let r = try Binary.run(["-e", "load 示例 2022", "-e", "sum(项目, \"预算\")", "-e", "avg(项目, fn(p) = p.执行)",
                                "-e", "show rank(项目, \"执行率\", \"desc\")", "-e", "zip([\"甲\", \"乙\"], [1件, 2件])"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("450.00万元\n144.67万元\n名次  名称"), "\(r.stdout)")
        #expect(r.stdout.contains("1     人民调解补贴"), "\(r.stdout)")
        #expect(r.stdout.contains("3     法治宣传教育"), "\(r.stdout)")
        #expect(r.stdout.hasSuffix("[[\"甲\", 1件], [\"乙\", 2件]]\n"), "\(r.stdout)")
        let bad = try Binary.run(["-e", "load 示例 2022", "-e", "print 1\nsum(项目, \"预算\") + 1件"])
        #expect(bad.status == 1)
        #expect(bad.stdout.isEmpty, "\(bad.stdout)")
        #expect(bad.stderr.contains("cannot add Quantity(件) to Money"), "\(bad.stderr)")
    }

    @Test func manyYearsLoadAsARangeAndLineUpAsTables() throws {
        let r = try Binary.run(["-e", "load 示例 2020..2022", "-e", "series(示例年份, fn(y) = y.项目支出)",
                                "-e", "history(示例年份, \"人民调解补贴\")", "-e", "compare 示例年份 only 项目支出"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        // Three years with 同比, then the compound rate.
        #expect(lines.contains("2021  425.00万元  25.00万元  6.25%"), "\(r.stdout)")
        #expect(lines.contains("2022  450.00万元  25.00万元  5.88%"), "\(r.stdout)")
        #expect(lines.contains("CAGR           —          —  6.07%"), "\(r.stdout)")
        #expect(r.stdout.contains("2020  200.00万元  196.00万元  98%     632.26元/宗"), "\(r.stdout)")
        #expect(r.stdout.contains("Δ and Δ% are changes from the column before"), "\(r.stdout)")
        // Every format gets the table: CSV with exact figures in the column's unit.
        let csv = try Binary.run(["--format", "csv", "-e", "load 示例 2020..2022", "-e", "series(示例年份, \"项目支出\")"])
        #expect(csv.stdout.hasPrefix("年度,值（万元）,Δ（万元）,同比（%）\r\n2020,400,,\r\n2021,425,25,6.25\r\n"), "\(csv.stdout)")
        // The checks: sort on the bundled years (a list of projects prints as their table).
        let sorted = try Binary.run(["-e", "load 示例 2022", "-e", "sort(项目, fn(p) = p.预算)"])
        #expect(sorted.stdout.contains("法治宣传教育       90.00万元   84.00万元  4 项  93.33%\n社区法律顾问服务"), "\(sorted.stdout)")
        // export compare of a list writes the same changes from the year before.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("suan-years-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let export = try Binary.run(["-e", "load 示例 2020..2022", "-e", "export compare 示例年份 only 调解案件 to \"c.csv\"",
                                     "-e", "export group(项目, fn(p) = p.执行率 > 95%) to \"g.csv\""], directory: dir)
        #expect(export.status == 0, "\(export.stderr)")
        let written = String(decoding: try Data(contentsOf: dir.appendingPathComponent("c.csv")), as: UTF8.self)
        #expect(written.contains("\"≥ 3,300宗\",200宗,6.67,100宗,3.13\r\n"), "\(written)")
        let grouped = String(decoding: try Data(contentsOf: dir.appendingPathComponent("g.csv")), as: UTF8.self)
        #expect(grouped.contains("\r\nsubtotal,,360.00,350.00,,\r\n"), "\(grouped)")
        #expect(grouped.hasSuffix("\r\ntotal,,450.00,434.00,,\r\n"), "\(grouped)")
        // A reversed range is a positioned error, in Chinese under SUAN_LANG=zh.
        let bad = try Binary.run(["-e", "load 示例 2022..2020"], environment: ["SUAN_LANG": "zh"])
        #expect(bad.status == 1)
        #expect(bad.stderr.hasPrefix("<expr>:1:9: 错误：范围 2022..2020 是倒序的"), "\(bad.stderr)")
    }
}
