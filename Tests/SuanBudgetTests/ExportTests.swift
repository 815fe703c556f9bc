import Foundation
import Testing
import SuanTestSupport
@testable import SuanBudget
@testable import SuanCore

/// `export` of years, project lists, compare, explain and table; what it writes `load` reads back.
@Suite struct ExportTests {
    /// Runs lines in a session, failing the test on any error.
    func session(_ lines: [String]) -> SessionHarness {
        var h = SessionHarness()
        for line in lines {
            let status = h.run(line)
            #expect(status == .success, "\(line): \(h.rendered)")
        }
        return h
    }

    /// The file's text with its BOM (Foundation's `String(contentsOfFile:)` drops it).
    func read(_ path: String) throws -> String { String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self) }

    /// The CSV's rows (after the BOM), split at commas: the test files hold no quoted fields.
    func rows(_ text: String) -> [[String]] {
        text.dropFirst().split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test func aYearRoundTripsThroughCSV() throws {
        let dir = try Scratch()
        let path = dir.url.appendingPathComponent("y.csv").path
        var h = session(["load 示例 2022", "export 示例2022 to \"\(path)\"", "load \"\(path)\" as back"])
        for line in ["总支出", "总收入", "收入", "基本支出", "人员经费", "公用经费", "项目支出", "部门", "年度", "项目", "示例数据"] {
            #expect(h.value("back.\(line) == 示例2022.\(line)") == "true", "\(line)")
        }
        #expect(h.value("back.年度") == "2022")
        #expect(h.value("back.项目[\"人民调解补贴\"].指标[\"调解案件\"].目标") == "≥ 3,300宗")
        #expect(h.value("back.项目[\"人民调解补贴\"].指标[\"调解成功率\"].实际") == "98.2%")
        let text = try read(path)
        #expect(text.hasPrefix("\u{FEFF}类型,行,项目名称,金额（万元）,占比（%）,全年预算数（万元）,全年执行数（万元）,"))
        #expect(text.contains("\r\n项目,,人民调解补贴,,,220.00,214.00,,97.27,产出,数量,调解案件,≥,3300,宗,3390,30,,true,"))
        #expect(!text.contains("万元,") && !text.contains("2,022"))
    }

    @Test func theBundled2022YearRoundTripsWithItsUnknownsAndDepartmentIndicators() throws {
        let dir = try Scratch()
        let path = dir.url.appendingPathComponent("y.csv").path
        var h = session(["load 2022", "export y2022 to \"\(path)\"", "load \"\(path)\" as back"])
        for line in ["总支出", "收入", "基本支出", "项目支出", "指标", "项目数", "自评覆盖资金", "年度"] {
            #expect(h.value("back.\(line) == y2022.\(line)") == "true", "\(line)")
        }
        #expect(h.value("back.项目[1].指标 == y2022.项目[1].指标") == "true")
        #expect(h.value("back.项目[0].预算") == "—")
        let text = try read(path)
        #expect(text.contains("\r\n支出,项目支出,,1188.56,32.81,"))
        #expect(text.contains(",涉及金额,,,亿元,3.31,"))
    }

    @Test func aProjectListRoundTrips() throws {
        let dir = try Scratch()
        let path = dir.url.appendingPathComponent("p.csv").path
        let sorted = dir.url.appendingPathComponent("s.csv").path
        var h = session(["load 示例 2022", "export 项目 to \"\(path)\"", "load \"\(path)\" as p",
                         "export sort(项目, \"预算\") to \"\(sorted)\"", "load \"\(sorted)\" as s"])
        #expect(h.value("p.项目 == 示例2022.项目") == "true")
        #expect(h.value("p.总收入") == "—")
        #expect(h.value("p.项目支出") == "450.00万元")
        #expect(h.value("s.项目 == sort(示例2022.项目, \"预算\")") == "true")
    }

    @Test func aRankedListWritesTheColumnsTheTerminalShows() throws {
        let dir = try Scratch()
        let ranked = dir.url.appendingPathComponent("r.md").path
        _ = session(["load 示例 2022", "export rank(项目, \"执行率\", \"desc\") to \"\(ranked)\""])
        let md = try read(ranked)
        #expect(md.hasPrefix("| 名次 | 名称 | 预算（万元） | 执行（万元） | 指标 | 执行率（%） |\n"), "\(md)")
        #expect(md.contains("| 3 | 法治宣传教育 | 90.00 | 84.00 | 4 项 | 93.33 |"), "\(md)")
        #expect(!md.contains("部门"), "\(md)")
    }

    @Test func anEstimateAndUnitCostsExportAsNumbersAtTheirShownPrecision() throws {
        let dir = try Scratch()
        let estimate = dir.url.appendingPathComponent("e.csv").path
        let trend = dir.url.appendingPathComponent("s.md").path
        _ = session(["load 示例 2020..2022",
                     "export explain estimate(示例年份, \"人民调解补贴\", \"调解案件\", 3500宗) to \"\(estimate)\"",
                     "export series(history(示例年份, \"人民调解补贴\"), \"单位成本\") to \"\(trend)\""])
        let text = try read(estimate)
        // The unit-cost estimate is rounded to 0.01万元 where the Stdlib computes it.
        #expect(text.contains(",221.23,"), "\(text)")
        #expect(text.contains(",单位成本（元/宗）,"), "\(text)")
        #expect(text.contains(",3100,632.26,"), "\(text)")
        let md = try read(trend)
        #expect(md.hasPrefix("| 年度 | 值（元/宗） | Δ（元/宗） | 同比（%） |\n"), "\(md)")
        // The first year has no change: Δ and 同比 both show it as unknown.
        #expect(md.contains("| 2020 | 632.26 | — | — |"), "\(md)")
        #expect(md.contains("| 2022 | 631.27 | -1.45 | -0.23 |"), "\(md)")
    }

    @Test func aScenariosSharesAddUpAsShowPrintsThem() throws {
        let dir = try Scratch()
        let path = dir.url.appendingPathComponent("s.csv").path
        _ = session(["load 示例 2022", "scenario S from 示例2022 { 公用经费 -= 100万元 }", "export S to \"\(path)\""])
        var share: [String: String] = [:]
        for row in rows(try read(path)) where row.count > 4 && !row[1].isEmpty { share[row[1]] = row[4] }
        #expect(share["总收入"] == "100")
        #expect(share["一般公共预算财政拨款收入"] == "97.21" && share["其他收入"] == "2.79")
        #expect(share["基本支出"] == "78.05" && share["项目支出"] == "21.95" && share["总支出"] == "100")
    }

    @Test func markdownRightAlignsNumbersAndEndsWithANewline() throws {
        let dir = try Scratch()
        let path = dir.url.appendingPathComponent("y.md").path
        _ = session(["load 示例 2022", "export 示例2022 to \"\(path)\""])
        let text = try read(path)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(text.hasSuffix(" |\n"))
        #expect(lines[0].hasPrefix("| 类型 | 行 | 项目名称 | 金额（万元） | 占比（%） |"))
        #expect(lines[1].hasPrefix("| --- | --- | --- | ---: | ---: |"))
        #expect(lines[2].hasPrefix("| 收入 | 一般公共预算财政拨款收入 |  | 2090.00 | 97.21 |"))
    }

    @Test func compareExplainAndTableExport() throws {
        let dir = try Scratch()
        let compare = dir.url.appendingPathComponent("c.csv").path
        let explain = dir.url.appendingPathComponent("e.csv").path
        let table = dir.url.appendingPathComponent("t.md").path
        _ = session(["load 示例 2022", "scenario S from 示例2022 { 公用经费 -= 100万元 }",
                     "export compare 示例2022, S only 基本支出, 基本支出占比 to \"\(compare)\"",
                     "export explain score(项目[\"人民调解补贴\"]) to \"\(explain)\"",
                     "export table r in 0%..10% step 5% { 总支出 + r } to \"\(table)\""])
        #expect(try read(compare) == "\u{FEFF}行,单位,示例2022,S,Δ,Δ（%）\r\n基本支出,万元,1700.00,1600.00,-100.00,-5.88\r\n基本支出占比,%,79.07,78.05,-1.02,\r\n")
        let explained = rows(try read(explain))
        #expect(explained[0] == ["指标", "类别", "目标", "实际", "分值", "得分", "规则", "提示"])
        #expect(explained.last?.prefix(6) == ["合计", "", "", "", "100", "99.73"])
        #expect(try read(table) == "| r（%） | 总支出 + r（万元） |\n| ---: | ---: |\n| 0 | 2150.00 |\n| 5 | 2257.50 |\n| 10 | 2365.00 |\n")
    }

    @Test func unknownExtensionsAndRowKindsAreRefused() throws {
        var h = session(["load 示例 2022"])
        #expect(h.errorID("export 示例2022 to \"y.txt\"") == "export-format")
        #expect(h.errorID("export compare 示例2022, 示例2022 to \"c.xls\"") == "export-format")
        let dir = try Scratch()
        let path = try dir.write("bad.csv", "类型,行,项目名称,金额\n收入,财政拨款,,10\n支出,差旅,,5\n")
        #expect(h.errorID("load \"\(path)\"") == "csv")
        #expect(h.rendered.last?.contains("bad.csv:3:4: error: '差旅' is not an expenditure line") == true, "\(h.rendered.last ?? "")")
    }
}
