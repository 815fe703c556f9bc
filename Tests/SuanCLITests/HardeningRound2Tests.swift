import Foundation
import Testing

/// Issue 13: hostile inputs end in exit 0 or 1 with a positioned error, never a signal or a hang.
@Suite(.timeLimit(.minutes(3))) struct HardeningRound2Tests {
    func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("suan-hard2-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Runs `source` as a script file, with `options` before it.
    func script(_ source: String, _ options: [String] = [], deadline: Double = 60, memoryLimit: Int? = nil) throws -> Binary.Outcome {
        let dir = try scratch()
        let file = dir.appendingPathComponent("case.suan")
        try source.write(to: file, atomically: true, encoding: .utf8)
        return try Binary.run(options + [file.path], directory: dir, deadline: deadline, memoryLimit: memoryLimit)
    }

    /// Exit 1 with a `FILE:LINE:COL: error:` diagnostic that contains `message`.
    func expectPositionedError(_ r: Binary.Outcome, _ message: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(r.status == 1, "status \(r.status): \(r.stderr.prefix(400))", sourceLocation: sourceLocation)
        #expect(r.stderr.contains(message), "\(r.stderr.prefix(400))", sourceLocation: sourceLocation)
        #expect(r.stderr.range(of: #":\d+:\d+: error: "#, options: .regularExpression) != nil, "\(r.stderr.prefix(400))",
                sourceLocation: sourceLocation)
    }

    // MARK: Stack

    @Test func deepRecursionOverDeepExpressionsStopsBeforeTheStackEnds() throws {
        let source = "fn f(n) = if n <= 0 then 0 else f(n - 1)" + String(repeating: " + 1", count: 2400) + "\nf(399)\n"
        let r = try script(source)
        #expect(r.status == 1 || r.status == 0, "status \(r.status)")
        if r.status == 1 { expectPositionedError(r, "too deeply for the stack") } else { #expect(r.stdout == "957,600\n") }
    }

    @Test func maxDepthCannotAllowWhatTheStackCannotHold() throws {
        let r = try Binary.run(["--max-depth", "100000", "-e", "fn f(n) = if n == 0 then 0 else 1 + f(n - 1)", "-e", "f(90000)"])
        #expect(r.status == 1 || r.status == 0, "status \(r.status)")
        if r.status == 1 { expectPositionedError(r, "too deeply for the stack") } else { #expect(r.stdout == "90,000\n") }
    }

    // MARK: Positions

    @Test func anOpenBracketAtTheEndIsPointedAtInFilesStdinAndExpressions() throws {
        let dir = try scratch()
        let file = dir.appendingPathComponent("open.suan")
        try "let x = 1\n(1".write(to: file, atomically: true, encoding: .utf8)
        for r in [try Binary.run([file.path]), try Binary.run([], stdin: "let x = 1\n(1"), try Binary.run(["-e", "let x = 1\n(1"])] {
            expectPositionedError(r, "open '('")
            #expect(r.stderr.contains(":2:1: error:"), "\(r.stderr)")
            #expect(r.stderr.contains("the end of the input (2:3)"), "\(r.stderr)")
        }
        expectPositionedError(try Binary.run(["-e", "1 +"]), "ends after")
    }
}
