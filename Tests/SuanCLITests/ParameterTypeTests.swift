import Foundation
import Testing

/// Issue 18, misusing the Stdlib's planning functions: typed parameters (`fn history(years: List of
/// Year, 名: String)`) make a misuse an error before anything runs, at the argument the user wrote;
/// a year an estimate lacks is named by the Stdlib through `fail(…)`; a note from inside the Stdlib
/// names the place, not the Stdlib's code. Scripts print first, so a check-time error leaves stdout empty.
@Suite(.timeLimit(.minutes(3))) struct ParameterTypeTests {
    static let load = "load 示例 2020..2022"

    @Test(arguments: [
        // The tester's three: a Number for a project's name, a list of projects for years, a key giving a list.
        (["show history(示例年份, 3)"], "type-mismatch t.suan:3:20"),
        (["show history(项目, \"人民调解补贴\")"], "type-mismatch t.suan:3:14"),
        (["show 项目历史(项目, \"人民调解补贴\")"], "type-mismatch t.suan:3:11"),
        (["show series(示例年份, \"项目\")"], "type-mismatch t.suan:3:19"),
        (["show series(示例年份, fn(y) = y.项目)"], "type-mismatch t.suan:3:19"),
        (["show estimate(示例年份, 3500宗, \"调解案件\", 3500宗)"], "type-mismatch t.suan:3:21"),
        (["show 单位成本(示例2022)"], "type-mismatch t.suan:3:11"),
        // The prelude's: top's count, group's and zip's lists, cagr's years.
        (["show top(项目, \"2\", \"预算\")"], "type-mismatch t.suan:3:14"),
        (["show group(3, \"a\")"], "type-mismatch t.suan:3:12"),
        (["show zip([1], 2)"], "type-mismatch t.suan:3:15"),
        (["show cagr(1, 2, \"3\")"], "type-mismatch t.suan:3:17"),
        // Through a user's function: the argument is checked where the user's function passes it on.
        (["fn 看(ys) = history(ys, 2022)", "show 看(示例年份)"], "type-mismatch t.suan:3:24"),
        // A user's own typed function.
        (["fn 人均(总额: Money, 人数: Count) = 总额 / 人数", "show 人均(3件, 2人)"], "type-mismatch t.suan:4:9"),
        (["fn 首(xs: List of Project) = xs[0]", "show 首(示例年份)"], "type-mismatch t.suan:4:8"),
        (["fn 取(xs: List, k: Key of Money) = map(xs, fn(x) = keyof(x, k))", "show 取(项目, \"执行率\")"], "type-mismatch t.suan:4:12"),
        // A type that does not exist, a type on a lambda's parameter, fail with no message.
        (["fn f(x: Mony) = x"], "unknown-name t.suan:3:9"),
        (["fn f(x: Number of Year) = x"], "type-mismatch t.suan:3:9"),
        (["show map([1], fn(x: Number) = x)"], "syntax t.suan:3:21"),
        (["show fail(3)"], "type-mismatch t.suan:3:11"),
        // A branch that fails has no value: the `if` has the other branch's type, checked as usual.
        (["fn 正(x) = if value(x) > 0 then x else fail(\"no\")", "show 正(1万元) + 1件"], "dimension-mismatch t.suan:4:6"),
    ])
    func aMisusedTypedParameterIsAnErrorAtTheArgumentBeforeRunning(_ lines: [String], _ expected: String) throws {
        let r = try FunctionArgumentCheckTests.firstError(lines, load: Self.load)
        #expect(!r.ran, "\(lines)")
        #expect(r.error == expected, "\(lines): \(r.stderr)")
    }

    @Test func wellTypedCallsRunAndUntypedArgumentsAreLeftToRunTime() throws {
        let r = try Binary.run(["-e", Self.load, "-e", "fn 人均(总额: Money, 人数: Count) = 总额 / 人数", "-e", "人均(6万元, 3人)",
                                "-e", "len(history(示例年份, \"人民调解补贴\"))", "-e", "len(series(示例年份, \"项目支出\"))",
                                "-e", "fn 首(xs) = history(xs, \"人民调解补贴\")[0].年度", "-e", "首(示例年份)",
                                "-e", "单位成本(示例2022.项目[\"人民调解补贴\"])"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "2.00万元/人\n3\n4\n2020\n631.27元/宗\n", "\(r.stdout)")
    }

    @Test func theMessagesSayTheFunctionTheArgumentAndTheDeclarationInBothLanguages() throws {
        let en = try Binary.run(["-e", Self.load, "-e", "history(示例年份, 3)"])
        #expect(en.stderr.contains("<expr:2>:1:15: error: history takes a String as its argument 名, not a Number"), "\(en.stderr)")
        #expect(en.stderr.contains("note: declared as fn history(years: List of Year, 名: String)"), "\(en.stderr)")
        let zh = try Binary.run(["-e", Self.load, "-e", "series(示例年份, \"项目\")"], environment: ["SUAN_LANG": "zh"])
        #expect(zh.stderr.contains("<expr:2>:1:14: 错误：series 的参数 key 须对 years 的每一项给出 Scalar"), "\(zh.stderr)")
        #expect(zh.stderr.contains("注意：其定义为 fn series(years: List, key: Key of Scalar)"), "\(zh.stderr)")
        #expect(!zh.stderr.contains("needs its argument"), "\(zh.stderr)")
    }

    /// 旧 is a plain record standing for a year that lacks the project: the error names it, at the call.
    @Test func anEstimateOverAYearWithoutTheProjectNamesThatYear() throws {
        let lines = ["let 旧 = {年度: 2019, 项目: [示例2020.项目[\"法治宣传教育\"]]}",
                     "explain estimate([旧, 示例2021, 示例2022], \"人民调解补贴\", \"调解案件\", 3500宗)"]
        let r = try FunctionArgumentCheckTests.firstError(lines, load: Self.load)
        #expect(r.ran)
        #expect(r.error == "failed t.suan:4:9", "\(r.stderr)")
        for (language, name) in [("en", "2019 has no project \\\"人民调解补贴\\\""), ("zh", "2019 没有项目“人民调解补贴”")] {
            let shown = try Binary.run(["-e", Self.load, "-e", lines[0], "-e", lines[1]], environment: ["SUAN_LANG": language])
            #expect(shown.status == 1)
            #expect(shown.stderr.contains(name.replacingOccurrences(of: "\\\"", with: "\"")), "\(shown.stderr)")
            // The note names the Stdlib's place, without printing the Stdlib's own code.
            #expect(shown.stderr.range(of: #"(raised in|出自) Stdlib/planning\.suan:\d+:\d+\n?$"#, options: .regularExpression) != nil, "\(shown.stderr)")
            #expect(!shown.stderr.contains("fail("), "\(shown.stderr)")
        }
        // A name no year has still suggests the nearest one.
        let typo = try Binary.run(["-e", Self.load, "-e", "estimate(示例年份, \"人民调解补帖\", \"调解案件\", 3500宗)"])
        #expect(typo.stderr.contains("did you mean \"人民调解补贴\"?"), "\(typo.stderr)")
    }

    @Test func failInAModuleStopsAtTheCallWithItsMessage() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("suan-fail-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "fn 正数(x) = if x > 0 then x else fail(\"需要正数：{x}\")\n".write(to: dir.appendingPathComponent("lib.suan"), atomically: true, encoding: .utf8)
        let r = try Binary.run(["-e", "use \"lib.suan\"", "-e", "正数(2)", "-e", "正数(-1)"], directory: dir)
        #expect(r.status == 1)
        #expect(r.stdout == "2\n", "\(r.stdout)")
        #expect(r.stderr.hasPrefix("<expr:3>:1:1: error: 需要正数：-1"), "\(r.stderr)")
        // Raised in the user's own module: its line is shown, as for any module.
        #expect(r.stderr.contains("note: raised in lib.suan:1:"), "\(r.stderr)")
    }
}
