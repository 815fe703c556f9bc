import Foundation
import Testing

/// The scores printed on a one-project form (自评得分) beside the ones Suan computes by the rules:
/// in `form.xlsx` the 法律援助 form followed the rules and the 人民调解 form did not (it scored
/// 调解成功率 45 of 50 where 90% of a 95% target gives 47.37).
@Suite(.timeLimit(.minutes(2))) struct SelfScoreCLITests {
    func run(_ lines: String..., format: String? = nil) throws -> Binary.Outcome {
        try Binary.run((format.map { ["--format", $0] } ?? []) + ["-e", "load \"form.xlsx\" as f"] + lines.flatMap { ["-e", $0] },
                       directory: XLSXCLITests.fixtures)
    }

    @Test func whereTheFormFollowedTheRulesEveryRowMatches() throws {
        let r = try run("map(filter(说明.score(f.项目[\"法律援助\"]), fn(r) = r.得分 != r.自评得分), fn(r) = r.指标)",
                        "score(f.项目[\"法律援助\"]) == f.项目[\"法律援助\"].自评得分")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "[]\ntrue\n", "\(r.stdout)")
    }

    @Test func whereItDidNotTheIndicatorAndTheTotalDiffer() throws {
        let r = try run("map(filter(说明.score(f.项目[\"人民调解\"]), fn(r) = r.得分 != r.自评得分), fn(r) = r.指标)",
                        "score(f.项目[\"人民调解\"].指标[\"调解成功率\"])", "f.项目[\"人民调解\"].指标[\"调解成功率\"].自评得分")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "[\"调解成功率\", \"合计\"]\n47.37\n45\n", "\(r.stdout)")
    }

    @Test func explainShowsBothAndNamesTheIndicatorThatDiffers() throws {
        let r = try run("explain score(f.项目[\"人民调解\"])", format: "csv")
        #expect(r.status == 0, "\(r.stderr)")
        let rows = r.stdout.split(separator: "\r\n").map(String.init)
        #expect(rows.first == "指标,单位,类别,目标,实际,分值,得分,自评得分,规则,提示", "\(r.stdout)")
        #expect(rows.contains { $0.hasPrefix("预算执行率,%,预算执行率,≥ 100%,89.2857,10,8.93,8.93,") }, "\(r.stdout)")
        #expect(rows.contains { $0.hasPrefix("调解成功率,%,产出指标.质量指标,≥ 95%,90,50,47.37,45,正向,") && $0.contains("47.37)") }, "\(r.stdout)")
        #expect(rows.contains { $0.hasPrefix("人均补贴,元,成本指标.经济成本指标,≤ 800.00元,780,40,40,40,反向,") }, "\(r.stdout)")
        #expect(rows.contains { $0.hasPrefix("合计,,,,,100,96.3,93.93,") && $0.contains("调解成功率") }, "\(r.stdout)")
        let zh = try Binary.run(["-e", "load \"form.xlsx\" as f", "-e", "explain score(f.项目[\"人民调解\"])"],
                                directory: XLSXCLITests.fixtures, environment: ["SUAN_LANG": "zh"])
        #expect(zh.stdout.contains("自评得分与规则不符（规则 47.37）"), "\(zh.stdout)")
        #expect(zh.stdout.contains("与规则不符：调解成功率"), "\(zh.stdout)")
    }

    @Test func aProjectWithoutAFormKeepsItsTable() throws {
        let r = try Binary.run(["--format", "csv", "-e", "load 示例 2022", "-e", "explain score(项目[\"人民调解补贴\"])"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("指标,单位,类别,目标,实际,分值,得分,规则"), "\(r.stdout)")
        #expect(!r.stdout.contains("自评得分"), "\(r.stdout)")
    }

    @Test func compareShowsTheFormsScoreAsALine() throws {
        let r = try run("scenario 补足 from f { 项目[\"人民调解\"].执行 = 33.6万元 }", "compare f, 补足 only 人民调解", format: "csv")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("人民调解 · 得分,,96.3,97.37,1.07,"), "\(r.stdout)")
        #expect(r.stdout.contains("人民调解 · 自评得分,,93.93,93.93,0,"), "\(r.stdout)")
        // Each project's two scores stand together.
        let both = try run("scenario 补足 from f { 项目[\"人民调解\"].执行 = 33.6万元 }", "compare f, 补足 only 法律援助, 人民调解", format: "csv")
        let labels = both.stdout.split(separator: "\r\n").compactMap { $0.split(separator: ",").first.map(String.init) }.filter { $0.contains("得分") }
        #expect(labels == ["法律援助 · 得分", "法律援助 · 自评得分", "人民调解 · 得分", "人民调解 · 自评得分"], "\(both.stdout)")
    }

    @Test func showOfTheYearAndOfAProjectHasTheColumn() throws {
        let r = try run("show f", "show f.项目[\"人民调解\"]", format: "csv")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("法律援助,200,190,95,4,99.5\r\n"), "\(r.stdout)")
        #expect(r.stdout.contains("人民调解,33.6,30,89.2857,2,93.93\r\n"), "\(r.stdout)")
        #expect(r.stdout.contains("调解成功率,%,产出指标.质量指标,≥ 95%,90,50,45,"), "\(r.stdout)")
    }

    /// The flat 自评表's 得分 column is the form's score too: each indicator's 自评得分.
    @Test func theFlatFormsScoresStandBesideTheRulesToo() throws {
        let r = try Binary.run(["--format", "csv", "-e", "load \"自评表.xlsx\" as t", "-e", "explain score(t.项目[\"人民调解\"])"],
                               directory: XLSXCLITests.fixtures)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("调解成功率,,产出.质量,≥ 95%,98.2,3.36,3.36,3.36,正向"), "\(r.stdout)")
    }

    /// The indicators' 自评得分 go out in the year table's 得分 column and come back.
    @Test func theIndicatorsScoresSurviveTheYearExport() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("suan-selfscore-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let form = XLSXCLITests.fixtures.appendingPathComponent("form.xlsx").path
        let write = try Binary.run(["-e", "load \"\(form)\" as f", "-e", "export f to \"y.xlsx\""], directory: dir)
        #expect(write.status == 0, "\(write.stderr)")
        let back = try Binary.run(["-e", "load \"\(form)\" as f", "-e", "load \"y.xlsx\" as back",
                                   "-e", "back.项目[\"人民调解\"].指标 == f.项目[\"人民调解\"].指标", "-e", "back.项目[\"人民调解\"].指标[0].自评得分"],
                                  directory: dir)
        #expect(back.status == 0, "\(back.stderr)")
        #expect(back.stdout == "true\n45\n", "\(back.stdout)")
    }
}
