import Foundation
import Testing

/// Every result is a document, printed by the renderer `--format` picks; terminal output fits COLUMNS.
@Suite(.timeLimit(.minutes(3))) struct DocumentFormatTests {
    @Test func jsonValuesCarryExactStrings() throws {
        let r = try Binary.run(["--format", "json", "-e", "1万元 + 2万元"])
        #expect(r.stdout == #"{"kind":"value","type":"Money","text":"3.00万元","exact":"30000","unit":"元"}"# + "\n")
        let bad = try Binary.run(["--format", "json", "-e", "1万元 + 3件"])
        #expect(bad.status == 1)
        #expect(bad.stderr.hasPrefix(#"{"kind":"diagnostic","severity":"error","id":"dimension-mismatch""#), "\(bad.stderr)")
        #expect(bad.stderr.contains(#""line":1,"column":1"#))
    }

    @Test func markdownHTMLAndCSVOfTables() throws {
        let md = try Binary.run(["--format", "md", "-e", "load 2022", "-e", "show y2022"])
        #expect(md.stdout.contains("| 基本支出 |"), "\(md.stdout)")
        #expect(md.stdout.contains("| --- | ---: | ---: |"))
        let html = try Binary.run(["--format", "html", "-e", "load 示例 2022", "-e", "scenario S from 示例2022 { 公用经费 -= 100万元 }", "-e", "compare 示例2022, S"])
        #expect(html.stdout.contains("<table class=\"suan-table\">"))
        let csv = try Binary.run(["--format", "csv", "-e", "load 示例 2022", "-e", "show 部门评分(示例2022)"])
        #expect(csv.stdout.hasPrefix("项目,预算（万元）,执行（万元）,执行率（%）,得分,等级\r\n"), "\(csv.stdout)")
        #expect(csv.stdout.contains("社区法律顾问服务,140,136,97.1429,99.71,优\r\n"))
        #expect(try Binary.run(["--format", "yaml", "-e", "1"]).status == 2)
    }

    @Test func aFourWayCompareFitsEightyColumns() throws {
        let r = try Binary.run(["-e", "load 示例 2020", "-e", "load 示例 2021", "-e", "load 示例 2022",
                                "-e", "scenario S from 示例2022 { 公用经费 -= 100万元 }", "-e", "compare 示例2020, 示例2021, 示例2022, S"],
                               environment: ["COLUMNS": "80"])
        #expect(r.status == 0)
        for line in r.stdout.split(separator: "\n") {
            #expect(Binary.displayWidth(String(line)) <= 80, "\(line)")
        }
        #expect(r.stdout.contains("Δ S"))
    }

    @Test func decimalPointsAlignInAColumn() throws {
        let r = try Binary.run(["-e", "load 2022", "-e", "table r in 0%..10% step 5% { (项目支出 + 总支出 * r) / (总支出 + 总支出 * r) }"])
        let lines = r.stdout.split(separator: "\n").map(String.init).filter { $0.hasSuffix("%") && $0.contains(".") }
        let points = Set(lines.map { line in Binary.displayWidth(String(line[..<line.lastIndex(of: ".")!])) })
        #expect(points.count == 1, "\(r.stdout)")
    }

    @Test func tableLabelsKeepTheirStepsPrecisionAndColumnsCanBeNamed() throws {
        let r = try Binary.run(["-e", "table r in 0%..0.01% step 0.002% { r * 100 as \"放大\" }"])
        #expect(r.stdout.contains("0.002%") && r.stdout.contains("0.004%") && r.stdout.contains("放大"), "\(r.stdout)")
        #expect(!r.stdout.contains("r * 100"))
    }

    @Test func unitCostsThatRoundToNothingInWanShowInYuan() throws {
        let r = try Binary.run(["-e", "load 示例 2022", "-e", "示例2022.项目[0].执行 / 示例2022.项目[0].指标[0].实际"])
        #expect(r.stdout == "225.91元/件\n", "\(r.stdout)")
    }

    @Test func compareAsCSVHasAUnitPerRowAndPlainNumbers() throws {
        let r = try Binary.run(["--format", "csv", "-e", "load 示例 2022", "-e", "scenario S from 示例2022 { 公用经费 -= 100万元 }", "-e", "compare 示例2022, S"])
        #expect(r.stdout.hasPrefix("项目,单位,示例2022,S,Δ,Δ%（%）\r\n"), "\(r.stdout)")
        #expect(r.stdout.contains("基本支出,万元,1700,1600,-100,-5.8824\r\n"))
        #expect(r.stdout.contains("基本支出占比,%,79.0698,78.0488,-1.021,\r\n"), "\(r.stdout)")
    }

    @Test func solveReturnsTheExactGridPoint() throws {
        let r = try Binary.run(["--format", "json", "-e", "solve x in 0万元..1000万元 where x == 50万元"])
        #expect(r.stdout.contains(#""exact":"500000""#), "\(r.stdout)")
    }
}
