import Foundation
import Testing

/// The year model's Done-means, through the binary as a planner types them.
@Suite(.timeLimit(.minutes(3))) struct YearModelCommandLineTests {
    @Test func aPartMovesItsTotals() throws {
        let r = try Binary.run(["-e", "load 示例 2022", "-e", "scenario S from 示例2022 { 公用经费 -= 100万元 }",
                                "-e", "S.基本支出 == 1600万元 and S.总支出 == 2050万元"])
        #expect(r.stdout == "true\n" && r.status == 0, "\(r.stderr)")
    }

    @Test func anImpossibleChangeIsAWarningAtItsColumnAndTheSessionGoesOn() throws {
        let r = try Binary.run(["-e", "load 示例 2022", "-e", "scenario S from 示例2022 { 基本支出 -= 3000万元 }", "-e", "S.总支出"])
        #expect(r.status == 0)
        #expect(r.stderr.contains("<expr:2>:1:26: warning: "), "\(r.stderr)")
        #expect(r.stderr.contains("基本支出 would be -1,300.00万元, below zero"), "\(r.stderr)")
        #expect(r.stderr.contains(" 1 | scenario S from 示例2022 { 基本支出 -= 3000万元 }"))
        #expect(r.stdout == "-850.00万元\n")
    }

    @Test func theYearPrintsAsAYear() throws {
        #expect(try Binary.run(["-e", "load 2022", "-e", "y2022.年度"]).stdout == "2022\n")
    }

    @Test func pathsInAScriptStartFromItsFolder() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("suan-paths-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("data"), withIntermediateDirectories: true)
        try "项目名称,全年预算数,全年执行数\n甲,100,90\n".write(to: dir.appendingPathComponent("data/x.csv"), atomically: true, encoding: .utf8)
        try "load \"data/x.csv\" as x\nx.项目[\"甲\"].预算\n".write(to: dir.appendingPathComponent("a.suan"), atomically: true, encoding: .utf8)
        // From another directory: the script's own folder decides.
        let r = try Binary.run([dir.appendingPathComponent("a.suan").path], directory: FileManager.default.temporaryDirectory)
        #expect(r.stdout == "100.00万元\n" && r.status == 0, "\(r.stderr)")
        // With -e, paths start from the current directory.
        let e = try Binary.run(["-e", "load \"data/x.csv\" as x", "-e", "x.项目支出"], directory: dir)
        #expect(e.stdout == "100.00万元\n", "\(e.stderr)")
    }
}
