import Foundation
import Testing

/// Issue 18, lambdas "checked like named functions" wherever they are given: a function or a key in
/// quotes given to a user's or the Stdlib's function is checked before anything runs, at the argument
/// the user wrote; a function of the wrong arity is an error at it, naming the function it was given
/// to. Each script prints first, so a check-time error shows as an empty stdout.
@Suite(.timeLimit(.minutes(3))) struct FunctionArgumentCheckTests {
    /// Runs `lines` as a script after `print "ran"`; the first error's id, line and column (JSON).
    static func firstError(_ lines: [String], load: String? = nil, environment: [String: String] = [:]) throws -> (ran: Bool, error: String, stderr: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("suan-fnargs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = ((load.map { [$0] } ?? []) + ["print \"ran\""] + lines).joined(separator: "\n") + "\n"
        try text.write(to: dir.appendingPathComponent("t.suan"), atomically: true, encoding: .utf8)
        let r = try Binary.run(["--format", "json", "t.suan"], directory: dir, environment: environment)
        #expect(r.status == 1, "\(text): \(r.stdout)")
        let line = r.stderr.split(separator: "\n").first.map(String.init) ?? ""
        func field(_ name: String) -> String {
            guard let range = line.range(of: "\"\(name)\":") else { return "?" }
            return String(line[range.upperBound...].prefix { $0 != "," && $0 != "}" }).replacingOccurrences(of: "\"", with: "")
        }
        return (r.stdout.contains("ran"), "\(field("id")) \(field("file")):\(field("line")):\(field("column"))", r.stderr)
    }

    @Test(arguments: [
        // A lambda's body, checked with the types the callee gives it, at the lambda's own text.
        (["show group(项目, fn(p) = p.预算 + 1件)"], "dimension-mismatch t.suan:3:24"),
        (["show top(项目, 2, fn(p) = p.预算 + 1件)"], "dimension-mismatch t.suan:3:25"),
        (["fn apply(f, x) = f(x)", "show apply(fn(x) = x + 1件, 1万元)"], "dimension-mismatch t.suan:4:20"),
        (["fn 取(f, x) = if kind(f) == \"String\" then x[f] else f(x)", "show 取(fn(x) = x + 1件, 1万元)"], "dimension-mismatch t.suan:4:16"),
        (["show series(示例年份, fn(y) = y.不存在)"], "unknown-field t.suan:3:27"),
        // A key in quotes, checked like sort's, at the key.
        (["show series(示例年份, \"不存在\")"], "unknown-field t.suan:3:19"),
        (["show top(项目, 2, \"预箅\")"], "unknown-field t.suan:3:17"),
        (["show group(项目, \"名字\")"], "unknown-field t.suan:3:16"),
        (["show sum(项目, \"预箅\")"], "unknown-field t.suan:3:14"),
    ])
    func aFunctionOrKeyGivenAsAnArgumentIsCheckedBeforeRunning(_ lines: [String], _ expected: String) throws {
        let r = try Self.firstError(lines, load: "load 示例 2020..2022")
        #expect(!r.ran, "\(lines)")
        #expect(r.error == expected, "\(lines): \(r.stderr)")
    }

    @Test(arguments: [
        (["show map([1,2], fn(a, b) = a)"], "argument-count t.suan:2:17"),
        (["show filter([1,2], fn() = true)"], "argument-count t.suan:2:20"),
        (["show sort([1,2], fn(a, b) = a)"], "argument-count t.suan:2:18"),
        (["show sum([1,2], fn(a,b)=a)"], "argument-count t.suan:2:17"),
        (["let g = fn(a,b)=a", "show map([1,2], g)"], "argument-count t.suan:3:17"),
        (["show group([1,2], fn(a, b) = a)"], "argument-count t.suan:2:19"),
        (["show top([1,2], 1, fn(a, b) = a)"], "argument-count t.suan:2:20"),
        (["fn apply(f, x) = f(x)", "show apply(fn(a, b) = a, 1)"], "argument-count t.suan:3:12"),
    ])
    func aFunctionOfTheWrongArityIsAnErrorAtIt(_ lines: [String], _ expected: String) throws {
        let r = try Self.firstError(lines)
        #expect(!r.ran, "\(lines)")
        #expect(r.error == expected, "\(lines): \(r.stderr)")
    }

    @Test func theArityMessageNamesTheFunctionItWasGivenToInBothLanguages() throws {
        let dir = FileManager.default.temporaryDirectory
        let english = try Binary.run(["-e", "map([1,2], fn(a, b) = a)"], directory: dir)
        #expect(english.stderr.contains("the function given to map takes 2 arguments; map calls it with 1"), "\(english.stderr)")
        let chinese = try Binary.run(["-e", "map([1,2], fn(a, b) = a)"], directory: dir, environment: ["SUAN_LANG": "zh"])
        #expect(chinese.stderr.contains("传给 map 的函数有 2 个参数，而 map 调用它时给 1 个"), "\(chinese.stderr)")
        // At run time (a function the checker cannot see through), the anonymous function is "this function".
        let late = try Binary.run(["-e", "let fs = [fn(a, b) = a]\nfs[0](1)"], directory: dir)
        #expect(late.stderr.contains("error: this function takes 2 arguments, but 1 was given"), "\(late.stderr)")
        let lateZh = try Binary.run(["-e", "let fs = [fn(a, b) = a]\nfs[0](1)"], directory: dir, environment: ["SUAN_LANG": "zh"])
        #expect(lateZh.stderr.contains("这个函数 需要 2 个参数，但给了 1 个"), "\(lateZh.stderr)")
    }

    /// An error that can only arise at run time: in the user's lambda, at its own line (not at the
    /// Stdlib line that called it); inside the Stdlib, at the user's call with the Stdlib line as a note.
    @Test func runTimeErrorsPointAtTheUsersText() throws {
        let inLambda = try Self.firstError(["show group(项目, fn(p) = p.预算 / 0)"], load: "load 示例 2022")
        #expect(inLambda.ran)
        #expect(inLambda.error.hasPrefix("division-by-zero t.suan:3:24") || inLambda.error.hasSuffix("t.suan:3:24"), "\(inLambda.stderr)")
        let inStdlib = try Self.firstError(["show history(示例年份, \"不存在\")"], load: "load 示例 2020..2022")
        #expect(inStdlib.ran)
        #expect(inStdlib.error.hasSuffix("t.suan:3:6"), "\(inStdlib.stderr)")
        #expect(inStdlib.stderr.contains("Stdlib/planning.suan"), "\(inStdlib.stderr)")
    }

    /// Items whose key is unknown make one group, last, with the key —.
    @Test func unknownKeysGroupTogetherLast() throws {
        let r = try Binary.run(["-e", "let xs = [{n: 1, v: \"a\"}, {n: 2, v: unknown}, {n: 3, v: \"a\"}]",
                                "-e", "map(group(xs, \"v\"), fn(g) = [g.key, len(g.items)])",
                                "-e", "len(group(xs, fn(x) = x.v))"], directory: FileManager.default.temporaryDirectory)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "[[\"a\", 2], [—, 1]]\n2\n", "\(r.stdout)")
    }
}
