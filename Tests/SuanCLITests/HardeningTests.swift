import Foundation
import Testing

/// Limits, interrupts and file rules, through the built binary.
@Suite(.timeLimit(.minutes(2))) struct HardeningTests {
    func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("suan-hard-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func ctrlCStopsAScriptWithExitCode130() throws {
        let dir = try scratch()
        let script = dir.appendingPathComponent("long.suan")
        try "fn f(n) = if n <= 0 then 0 else f(n - 1) + f(n - 1)\nf(60)\n".write(to: script, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Binary.path)
        process.arguments = [script.path]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        Thread.sleep(forTimeInterval: 0.5)
        process.interrupt()
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        #expect(String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).contains("interrupted"))
    }

    @Test func timeoutStopsAScript() throws {
        let r = try Binary.run(["--timeout", "0.5", "-e", "fn f(n) = if n <= 0 then 0 else f(n - 1) + f(n - 1)", "-e", "f(60)"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("timed out"))
        #expect(try Binary.run(["--timeout", "-1", "-e", "1"]).status == 2)
    }

    @Test func noWriteForbidsEveryWrite() throws {
        let dir = try scratch()
        let r = try Binary.run(["--no-write", "-e", "load 2022", "-e", "export y2022 to \"out.csv\""], directory: dir)
        #expect(r.status == 1)
        #expect(r.stderr.contains("forbidden by --no-write"))
        let chart = try Binary.run(["--no-write", "-e", "load 2022", "-e", "chart y2022 to \"c.svg\""], directory: dir)
        #expect(chart.status == 1)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out.csv").path))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("c.svg").path))
    }

    @Test func exportRefusesToOverwriteAndWritesWhole() throws {
        let dir = try scratch()
        #expect(try Binary.run(["-e", "load 2022", "-e", "export y2022 to \"y.csv\""], directory: dir).status == 0)
        let again = try Binary.run(["-e", "load 2022", "-e", "export y2022 to \"y.csv\""], directory: dir)
        #expect(again.status == 1 && again.stderr.contains("already exists"))
        #expect(try Binary.run(["-e", "load 2022", "-e", "export y2022 to \"y.csv\" force"], directory: dir).status == 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains("suan-tmp") }
        #expect(leftovers.isEmpty)
    }

    static let limits: [String: (source: String, message: String)] = [
        "doubling string": ("fn f(s, n) = if n == 0 then s else f(s + s, n - 1)\nlen(f(\"ab\", 40))", "longer than"),
        "runaway recursion": ("fn f(n) = f(n + 1)\nf(0)", "calls nest deeper"),
        "beyond 38 digits": ("99999999999999999999999999999999999999 + 99999999999999999999999999999999999999", "too large"),
        "5000 brackets": (String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000), "nest more than"),
        "5000 parentheses": (String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000), "nest more than"),
    ]

    @Test(arguments: limits.keys.sorted())
    func limitsFailPolitely(_ name: String) throws {
        let (source, message) = Self.limits[name]!
        let dir = try scratch()
        let file = dir.appendingPathComponent("limit.suan")
        try source.write(to: file, atomically: true, encoding: .utf8)
        let r = try Binary.run([file.path])
        #expect(r.status == 1, "\(r.status): \(r.stderr.prefix(300))")
        #expect(r.stderr.contains(message), "\(r.stderr.prefix(300))")
        #expect(r.stderr.range(of: #":\d+:\d+: error: "#, options: .regularExpression) != nil)
    }

    @Test func longFlatExpressionsAreFineUpToTheLimit() throws {
        let dir = try scratch()
        let file = dir.appendingPathComponent("flat.suan")
        try ("let x = " + String(repeating: "1 + ", count: 4000) + "1\nx\n").write(to: file, atomically: true, encoding: .utf8)
        let r = try Binary.run([file.path])
        #expect(r.status == 0 && r.stdout == "4001\n")
        try ("let x = " + String(repeating: "1 + ", count: 20000) + "1\nx\n").write(to: file, atomically: true, encoding: .utf8)
        let long = try Binary.run([file.path])
        #expect(long.status == 1 && long.stderr.contains("operators in one expression"))
    }

    @Test func longLinesAndHarmlessInputAreFine() throws {
        let dir = try scratch()
        let file = dir.appendingPathComponent("wide.suan")
        let sum = (1...5000).map { "\($0)元" }.joined(separator: " + ")
        try "\u{FEFF}let x = 1；let y = ２\r\nx ＋ y\r\n\(sum)\r\n".write(to: file, atomically: true, encoding: .utf8)
        let r = try Binary.run([file.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "3\n12,502,500.00元\n")
    }
}
