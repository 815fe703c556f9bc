import Foundation
import Testing

/// A year is read without positions first; one with a problem is read again with them, so its
/// warnings and errors point where they always did — deep in a large file too, year file or CSV.
@Suite(.timeLimit(.minutes(2))) struct LoadPositionTests {
    /// A year file of `count` projects, one a line from line 7; `line(i)` writes project i's.
    func yearFile(_ count: Int, line: (Int) -> String) -> String {
        "year 2023 {\n  部门: \"测试\"\n  收入: { 拨款: 100000万元 }\n  基本支出: 1万元\n  项目支出: 90000万元\n  项目: [\n"
            + (0..<count).map(line).joined(separator: ",\n") + "\n  ]\n}\n"
    }

    func project(_ i: Int, spent: String = "9万元") -> String {
        "    project \"项目\(i)\" { 预算: 10万元, 执行: \(spent), 指标: [indicator \"满意度\" { 目标: >= 90%, 实际: 95%, 分值: 10 }] }"
    }

    /// Loads `file` (3,000 projects) and expects it to load with its first warning at `line`:`column`.
    func expectWarning(_ file: String, _ text: String, line: Int, column: Int) throws {
        let r = try Binary.run(["-e", "load \"\(file)\" as b", "-e", "len(b.项目)"], directory: try Binary.folder([file: text]))
        #expect(r.status == 0, "\(r.stderr.prefix(500))")
        #expect(r.stdout == "3000\n")
        #expect(r.stderr.hasPrefix("\(file):\(line):\(column): warning: "), "\(r.stderr.prefix(300))")
        #expect(r.stderr.contains(" \(line) | "), "\(r.stderr.prefix(300))")
    }

    @Test func aWarningDeepInAYearFileKeepsItsLineAndColumn() throws {
        let text = yearFile(3_000) { i in project(i, spent: i == 2_500 ? "11万元" : "9万元") }
        try expectWarning("big.suan", text, line: 2507, column: "    project \"项目2500\" { 预算: 10万元, 执行: ".unicodeScalars.count + 1)
    }

    @Test func aWarningDeepInACSVTableKeepsItsLineAndColumn() throws {
        var csv = "项目名称,全年预算数,全年执行数\n"
        for i in 0..<3_000 { csv += "项目\(i),10,\(i == 2_500 ? 11 : 9)\n" }
        try expectWarning("big.csv", csv, line: 2502, column: "项目2500,10,".unicodeScalars.count + 1)
    }

    @Test func anErrorDeepInAYearFileKeepsItsLineAndColumn() throws {
        let text = yearFile(3_000) { i in project(i == 2_999 ? 7 : i) }
        let r = try Binary.run(["-e", "load \"big.suan\" as b"], directory: try Binary.folder(["big.suan": text]))
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("big.suan:3006:13: error: "), "\(r.stderr.prefix(300))")
    }

    @Test func aCleanYearLoadsAndLaterErrorsStillPointAtTheirLines() throws {
        let dir = try Binary.folder(["big.suan": yearFile(2_000) { project($0) }])
        let r = try Binary.run(["-e", "load \"big.suan\" as b", "-e", "len(b.项目)", "-e", "b.总支出 + 3件"], directory: dir)
        #expect(r.status == 1)
        #expect(r.stdout == "2000\n")
        #expect(r.stderr.hasPrefix("<expr:3>:1:1: error: "), "\(r.stderr.prefix(300))")
        #expect(r.stderr.contains(" 1 | b.总支出 + 3件"), "\(r.stderr.prefix(300))")
    }
}
