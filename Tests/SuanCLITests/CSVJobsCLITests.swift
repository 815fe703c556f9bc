import Foundation
import Testing

/// `load "x.csv"` with `--jobs`: a long table read in two halves prints, through the binary,
/// what reading it on one thread prints — values, warnings and errors with their positions.
@Suite(.timeLimit(.minutes(3))) struct CSVJobsCLITests {
    /// A table of `count` projects with five indicator rows each, in the layout of
    /// `Benchmarks/generate.py`; `edit` may change a project's rows.
    static func table(projects count: Int, edit: (Int, inout String) -> Void = { _, _ in }) -> String {
        var text = "项目名称,全年预算数,全年执行数,一级指标,二级指标,三级指标,年度指标值,实际完成值,分值\n"
        for n in 0..<count {
            let budget = 1_000 + (n * 7_919) % 400_000
            var rows = "项目\(n),\(budget / 100).\(budget % 100),\(budget / 110).5,,,,,,\n"
            rows += ",,,产出,数量,产出数量\(n),≥\(100 + n % 900)件,\(90 + n % 950)件,30\n"
            rows += ",,,产出,质量,合格率\(n),≥95%,\(80 + n % 21)%,20\n"
            rows += ",,,效益,社会效益,投诉\(n),≤\(5 + n % 40)件,\(3 + n % 45)件,30\n"
            rows += ",,,满意度,满意度,满意度\(n),≥90%,\(80 + (n * 3) % 21)%,10\n"
            rows += ",,,效益,社会效益,覆盖\(n),≥\(10 + n % 90)个,\(8 + n % 95)个,10\n"
            edit(n, &rows)
            text += rows
        }
        return text
    }

    func runs(_ text: String, _ lines: [String]) throws -> [Binary.Outcome] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("suan-csv-jobs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try text.write(to: dir.appendingPathComponent("t.csv"), atomically: true, encoding: .utf8)
        let arguments = (["load \"t.csv\""] + lines).flatMap { ["-e", $0] }
        return try [1, 2].map { try Binary.run(["--jobs", "\($0)"] + arguments, directory: dir) }
    }

    @Test func aLongTableLoadsOnTwoThreadsAsOnOne() throws {
        // Clean, with a warning in each half (执行 over 预算), and with an error in the second half.
        let clean = Self.table(projects: 3_000)
        #expect(clean.utf8.count > 600_000)
        let warned = Self.table(projects: 3_000) { n, rows in
            if n == 100 || n == 2_900 { rows = rows.replacingOccurrences(of: ".5,,,,,,", with: "99999.5,,,,,,") }
        }
        let failing = Self.table(projects: 3_000) { n, rows in
            if n == 2_500 { rows = rows.replacingOccurrences(of: "≥95%", with: "≥95%,") }
        }
        for (text, status) in [(clean, Int32(0)), (warned, 0), (failing, 1)] {
            let outcomes = try runs(text, ["sum(map(项目, score))", "len(项目)", "项目[2999].指标[4].实际", "项目支出"])
            let (one, two) = (outcomes[0], outcomes[1])
            #expect(one.status == status)
            #expect(two.stdout == one.stdout)
            #expect(two.stderr == one.stderr)
            #expect(two.status == one.status)
        }
        let warnings = try runs(warned, []).map(\.stderr)
        #expect(warnings[0].components(separatedBy: "warning:").count == 3)
    }
}
