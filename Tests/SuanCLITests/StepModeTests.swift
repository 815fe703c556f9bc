import Foundation
import Testing

/// Issue 12, item 7: `suan --step FILE`, through the binary. Without a terminal, each line of
/// standard input answers one pause (`q` quits); at the end of input the script runs to its end.
@Suite(.serialized, .timeLimit(.minutes(2))) struct StepModeTests {
    static let demo = Binary.root.appendingPathComponent("Scripts/trainer-demo.suan").path

    @Test func resultsCarryLabelsAndHeadingsPrintAsHeadings() throws {
        let r = try Binary.run(["--step", Self.demo])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.contains("合计 = 100%"))
        #expect(lines.contains("基本占比 = 67.19%"))
        #expect(lines.contains("单价 * 7730件 == 1188.56万元 = true"))
        #expect(lines.contains("二、支出结构") && !r.stdout.contains("# ##"))
        // The comment above a statement, then the statement as typed, then its result.
        let comment = try #require(lines.firstIndex(of: "# 两部分之和应为 100%"))
        #expect(lines[comment + 1] == "算> let 合计 = 基本占比 + 项目支出 / 总支出")
        #expect(lines.contains("loaded y2022 from Stdlib/years/seed-2022.suan"))
        // No pause prompt without a terminal.
        #expect(!r.stdout.contains("q: quit"))
    }

    @Test func eachLineOfInputRunsOneStepAndQQuits() throws {
        let r = try Binary.run(["--step", Self.demo], stdin: "\n\n\nq\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("基本占比 = 67.19%"))
        #expect(r.stdout.hasSuffix("算> 项目支出 / 总支出\n"), "\(r.stdout)")
        #expect(!r.stdout.contains("32.81%"))
    }

    @Test func statePassesToLaterExpressionsAndAFailureStopsWithItsPosition() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("suan-step-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = dir.appendingPathComponent("s.suan")
        try "let x = 3万元\n# ## 检查\nx * 2\n\n  x + 3件\nx\n".write(to: script, atomically: true, encoding: .utf8)
        let r = try Binary.run(["--step", script.path, "-e", "x"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("检查\n算> x * 2\nx * 2 = 6.00万元\n"), "\(r.stdout)")
        #expect(r.stderr.contains("s.suan:5:3: error: cannot add Quantity(件) to Money"), "\(r.stderr)")
        #expect(!r.stdout.contains("算> x\n"))
        // Without --step the same checks happen before anything runs.
        let whole = try Binary.run([script.path])
        #expect(whole.status == 1 && whole.stdout.isEmpty)
    }

    @Test func stepNeedsAFile() throws {
        let r = try Binary.run(["--step", "-e", "1"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("--step needs a FILE"))
    }

    /// On a terminal: one key per step, not echoed; `q` ends the stepping and `-i` opens the REPL
    /// with the script's state; Ctrl-C at a pause exits 130.
    @Test func keysOnATerminal() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("suan-pty-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let t = try Terminal(home: home, arguments: ["--step", Self.demo, "-i"])
        t.expect("算> load 2022")
        t.expect("Enter: run · q: quit")
        t.send("x")
        t.expect("loaded y2022")
        t.expect("算> let 基本占比")
        t.send(" ")
        t.expect("算> 基本占比")
        t.send("\r")
        t.expect("基本占比 = 67.19%")
        t.send("q")
        t.prompt()
        t.send("基本占比 * 2\r")
        t.expect("134.38%")
        t.prompt()
        t.send("\u{04}")
        #expect(t.exitStatus() == 0)

        let stopped = try Terminal(home: home, arguments: ["--step", Self.demo])
        stopped.expect("Enter: run · q: quit")
        stopped.send("\u{03}")
        stopped.expect("interrupted")
        #expect(stopped.exitStatus() == 130)
    }
}
