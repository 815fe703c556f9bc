import Foundation
import Testing

/// Issue 12, item 9: the small things users hit on the command line, through the real binary.
@Suite(.timeLimit(.minutes(3))) struct UsersHitTests {
    @Test func anErrorInsideAssertIsPrintedOnce() throws {
        let r = try Binary.run(["-e", "assert 未知 == 1"])
        #expect(r.status == 1)
        #expect(r.stderr.components(separatedBy: "unknown name").count == 2, "\(r.stderr)")
    }

    @Test func usageErrorsPrintOneUsageLine() throws {
        for arguments in [["--bogus"], ["a.suan", "b.suan"], ["--timeout"], ["--format", "x", "-e", "1"]] {
            let r = try Binary.run(arguments)
            #expect(r.status == 2)
            #expect(r.stderr.components(separatedBy: "Usage:").count == 2, "\(arguments): \(r.stderr)")
            #expect(r.stderr.hasPrefix("Error: "), "\(arguments): \(r.stderr)")
        }
    }

    @Test func helpShowsEachDefaultOnce() throws {
        let help = try Binary.run(["--help"]).stdout
        for option in ["--rounding", "--max-depth", "--format"] {
            // The option's line and its wrapped continuation lines, up to the next option.
            let lines = help.split(separator: "\n", omittingEmptySubsequences: false)
            let first = lines.firstIndex { $0.hasPrefix("  " + option) } ?? lines.endIndex
            let rest = lines[first...].dropFirst().prefix { $0.hasPrefix("      ") }
            let block = lines[first..<min(first + 1, lines.endIndex)].joined() + rest.joined()
            #expect(block.lowercased().components(separatedBy: "default").count == 2, "\(option): \(block)")
        }
    }

    @Test func aNegativeTimeoutGetsARealMessage() throws {
        let r = try Binary.run(["--timeout", "-1", "-e", "1"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("--timeout must be a positive number of seconds"), "\(r.stderr)")
        let depth = try Binary.run(["--max-depth", "-5", "-e", "1"])
        #expect(depth.stderr.contains("--max-depth must be between"), "\(depth.stderr)")
    }

    @Test func theFileExistsHintNamesTheCommandThatWasUsed() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("suan-hit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let svg = dir.appendingPathComponent("y.svg").path
        let csv = dir.appendingPathComponent("y.csv").path
        try Data().write(to: URL(fileURLWithPath: svg))
        try Data().write(to: URL(fileURLWithPath: csv))
        let chart = try Binary.run(["-e", "load 2022", "-e", "chart y2022 to \"\(svg)\""])
        #expect(chart.stderr.contains("chart … to \"\(svg)\" force"), "\(chart.stderr)")
        let export = try Binary.run(["-e", "load 2022", "-e", "export y2022 to \"\(csv)\""])
        #expect(export.stderr.contains("export … to \"\(csv)\" force"), "\(export.stderr)")
    }

    @Test func aBareNumberWhereMoneyIsExpectedSuggestsTheFix() throws {
        let r = try Binary.run(["-e", "load 2022", "-e", "scenario s from y2022 { 基本支出 -= 5 }"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("help: write 5万元 for an amount, or 5% for a relative change"), "\(r.stderr)")
    }

    @Test func roundingARatioToABareNumberWarnsWhatItMeans() throws {
        let r = try Binary.run(["-e", "load 2022", "-e", "round(基本支出 / 总支出, 0.1)"])
        #expect(r.status == 0)
        #expect(r.stdout == "70%\n")
        #expect(r.stderr.contains("warning: round's step 0.1 on a ratio means 10%"), "\(r.stderr)")
        let fine = try Binary.run(["-e", "load 2022", "-e", "round(基本支出 / 总支出, 0.1%)", "-e", "round(3.14159, 0.01)"])
        #expect(fine.stderr.isEmpty, "\(fine.stderr)")
    }

    @Test func explainScoreWorksOnASingleIndicator() throws {
        let r = try Binary.run(["-e", "load 示例 2022", "-e", "explain score(项目[\"人民调解补贴\"].指标[0])"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("调解案件") && r.stdout.contains("正向"), "\(r.stdout)")
        #expect(!r.stdout.contains("预算执行率"))
    }
}
