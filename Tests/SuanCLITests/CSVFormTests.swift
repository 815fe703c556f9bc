import Foundation
import Testing

/// Official 自评表 layouts and hostile CSV tables, loaded through the built binary.
@Suite(.timeLimit(.minutes(2))) struct CSVFormTests {
    func folder(_ files: [String: String]) throws -> URL {
        try Binary.folder(files, prefix: "suan-csv")
    }

    @Test func theFirstIndicatorsRowKeepsItsProjectsAmounts() throws {
        // The official form: the project's row also holds its first indicator. With a BOM and CRLF.
        let csv = "\u{FEFF}项目名称,全年预算数,全年执行数,三级指标,年度指标值,实际完成值\r\n甲,1188.56,100,件数,≥5件,6件\r\n,,,人数,≥3人,4人\r\n"
        let dir = try folder(["form.csv": csv])
        let r = try Binary.run(["-e", "load \"form.csv\" as t", "-e", "t.项目[\"甲\"].预算", "-e", "t.项目[\"甲\"].执行",
                                "-e", "len(t.项目[\"甲\"].指标)", "-e", "t.项目支出", "-e", "t.总收入"], directory: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "1,188.56万元\n100.00万元\n2\n1,188.56万元\n—\n", "\(r.stdout)")
    }

    @Test func provincialColumnNamesAndUnitsAreRead() throws {
        let csv = """
        2023年度项目支出绩效自评表
        单位：元
        项目名称,调整后预算数,预算执行数,一级指标,二级指标,三级指标,指标性质,指标值,度量单位,完成值,权重,得分
        乙,"2,000,000",1900000,产出,数量,培训场次,≥,12,场次,14,20,20
        ,,,满意度,满意度,满意率,≥,90,%,96,10,10

        """
        let dir = try folder(["form.csv": csv])
        let r = try Binary.run(["-e", "load \"form.csv\" as t", "-e", "t.项目[\"乙\"].预算", "-e", "t.项目[\"乙\"].执行",
                                "-e", "t.项目[\"乙\"].指标[\"培训场次\"].目标", "-e", "t.项目[\"乙\"].指标[\"满意率\"].实际",
                                "-e", "t.项目[\"乙\"].指标[\"满意率\"].分值", "-e", "t.项目[\"乙\"].指标[\"培训场次\"].自评得分",
                                "-e", "t.项目[\"乙\"].指标[\"培训场次\"].类别"], directory: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "200.00万元\n190.00万元\n≥ 12场次\n96%\n10\n20\n产出.数量\n", "\(r.stdout)")
    }

    @Test func aTenThousandProjectFormWithOverExecutionLoadsWithFewWarnings() throws {
        var csv = "项目名称,全年预算数,全年执行数\n"
        for i in 0..<10_000 { csv += "项目\(i),100,\(i % 50 == 0 ? 101 : 90)\n" }
        let dir = try folder(["big.csv": csv])
        let r = try Binary.run(["-e", "load \"big.csv\" as b", "-e", "len(b.项目)"], directory: dir)
        #expect(r.status == 0, "\(r.stderr.prefix(500))")
        #expect(r.stdout == "10,000\n")
        let warnings = r.stderr.components(separatedBy: "\n").filter { $0.contains(": warning: ") }
        #expect(warnings.count == 6, "\(warnings.count) warnings")
        #expect(warnings.last?.contains("… and 195 more projects executed more than their budget") == true, "\(warnings.last ?? "")")
        #expect(!r.stderr.contains("error"))
    }

    /// Speed is the benchmark's to measure (Benchmarks/run), not a test's: the deadline only stops a
    /// load that went quadratic in the rows of one project, as it once did, from hanging the suite.
    @Test func manyIndicatorRowsOfOneProjectLoad() throws {
        var csv = "项目名称,全年预算数,三级指标,实际完成值\n甲,100,指标0,1\n"
        for i in 1..<20_000 { csv += ",,指标\(i),\(i)\n" }
        let dir = try folder(["many.csv": csv])
        let r = try Binary.run(["-e", "load \"many.csv\" as m", "-e", "len(m.项目[0].指标)"], directory: dir, deadline: 60)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "20,000\n")
    }

    @Test func aNulInANameIsAnErrorWithItsPosition() throws {
        let dir = try folder(["nul.csv": "项目名称,全年预算数\na\u{0}b,1\n"])
        let r = try Binary.run(["-e", "load \"nul.csv\""], directory: dir)
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("nul.csv:2:2: error: "), "\(r.stderr)")
        #expect(r.stderr.contains("a␀b,1"), "\(r.stderr)")
    }

    @Test func twoIndicatorsOfOneNameArePositionedAtTheSecond() throws {
        let dir = try folder(["dup.csv": "项目名称,全年预算数,三级指标\n甲,1,x\n,,y\n,,x\n"])
        let r = try Binary.run(["-e", "load \"dup.csv\""], directory: dir)
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("dup.csv:4:3: error: 甲 has two indicators named \"x\""), "\(r.stderr)")
    }
}
