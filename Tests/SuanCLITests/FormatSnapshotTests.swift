import Foundation
import Testing

/// One analysis rendered by every renderer, in each language, snapshotted (SUAN_RECORD=1 re-records):
/// a change to how any renderer writes a table, a chart, a value or a diagnostic shows up here.
@Suite(.timeLimit(.minutes(2))) struct FormatSnapshotTests {
    static let folder = Binary.root.appendingPathComponent("Tests/SuanCLITests/Snapshots/formats")
    static let program = [
        "-e", "load 示例 2022",
        "-e", "scenario S from 示例2022 { 公用经费 -= 100万元; 项目 += project \"新\" { 预算: 20万元 } }",
        "-e", "S.总支出",
        "-e", "compare 示例2022, S",
        "-e", "chart 示例2022, S",
        "-e", "show 部门评分(S)",
    ]

    @Test(arguments: ["terminal", "md", "csv", "html", "json"], ["en", "zh"])
    func format(_ format: String, _ language: String) throws {
        let r = try Binary.run(["--format", format] + Self.program, environment: ["SUAN_LANG": language, "COLUMNS": "100"])
        #expect(r.status == 0, "\(r.stderr)")
        assertSnapshot(r.stdout + "--- stderr\n" + r.stderr, at: Self.folder.appendingPathComponent("\(format).\(language).out"))
    }
}
