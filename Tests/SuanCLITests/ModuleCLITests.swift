import Foundation
import Testing

/// Issue 18, modules through the binary: a script's `use` paths start at the script's folder, so
/// it runs from any directory; on the command line (`-e`, the REPL) they start at the current one.
@Suite(.timeLimit(.minutes(1))) struct ModuleCLITests {
    /// analysis/年度分析.suan uses analysis/lib/口径.suan; `elsewhere/` is an unrelated folder.
    static func project() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("suan-use-\(UUID().uuidString)")
        let files = [
            "analysis/lib/口径.suan": "let 警戒线 = 95%\nfn 执行率(p) = p.执行 / p.预算\nfn 偏低(ps) = filter(ps, fn(p) = 执行率(p) < 警戒线)\n",
            "analysis/年度分析.suan": "use \"lib/口径.suan\" as 口径\nload 示例 2022\nmap(口径.偏低(项目), fn(p) = p.名称)\n",
            "elsewhere/README": "",
        ]
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return root
    }

    @Test func aScriptWithAModuleRunsFromAnyDirectory() throws {
        let root = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }
        for (cwd, path) in [("analysis", "年度分析.suan"), ("elsewhere", "../analysis/年度分析.suan"), ("", "analysis/年度分析.suan")] {
            let r = try Binary.run([path], directory: root.appendingPathComponent(cwd))
            #expect(r.status == 0, "from \(cwd): \(r.stderr)")
            #expect(r.stdout == "[\"法治宣传教育\"]\n", "from \(cwd): \(r.stdout)")
        }
        let absolute = try Binary.run([root.appendingPathComponent("analysis/年度分析.suan").path], directory: URL(fileURLWithPath: "/"))
        #expect(absolute.stdout == "[\"法治宣传教育\"]\n", "\(absolute.stderr)")
    }

    @Test func onTheCommandLinePathsStartAtTheCurrentDirectory() throws {
        let root = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }
        let args = ["-e", "use \"lib/口径.suan\"", "-e", "load 示例 2022", "-e", "len(偏低(项目))"]
        let here = try Binary.run(args, directory: root.appendingPathComponent("analysis"))
        #expect(here.status == 0, "\(here.stderr)")
        #expect(here.stdout == "1\n", "\(here.stdout)")
        let elsewhere = try Binary.run(args, directory: root.appendingPathComponent("elsewhere"))
        #expect(elsewhere.status == 1)
        #expect(elsewhere.stderr.hasPrefix("<expr:1>:1:1: error: cannot open \"lib/口径.suan\""), "\(elsewhere.stderr)")
        // The REPL reading a pipe: the same statement, relative to the current directory.
        let piped = try Binary.run([], stdin: "use \"lib/口径.suan\" as k\nk.警戒线\n", directory: root.appendingPathComponent("analysis"))
        #expect(piped.stdout == "95%\n", "\(piped.stderr)")
    }

    @Test func errorsInAndThroughAModuleArePositioned() throws {
        let root = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }
        let lib = root.appendingPathComponent("analysis/lib")
        try "fn 加件(p) = p.执行 / p.预算 + 1件\nfn 倒数(x) = 1 / x\n".write(to: lib.appendingPathComponent("坏.suan"), atomically: true, encoding: .utf8)
        try "let 基准 = 1万元 + 1件\n".write(to: lib.appendingPathComponent("更坏.suan"), atomically: true, encoding: .utf8)
        // A call of a module's function is checked with its arguments before anything runs.
        let call = try Binary.run(["-e", "print 1\nuse \"lib/坏.suan\"\n加件({执行: 1万元, 预算: 2万元})"], directory: root.appendingPathComponent("analysis"))
        #expect(call.status == 1)
        #expect(call.stdout.isEmpty, "\(call.stdout)")
        #expect(call.stderr.hasPrefix("<expr>:3:1: error: in this call of 加件: cannot add Quantity(件) to Ratio"), "\(call.stderr)")
        // Failing at run time inside the module's function: at the call, with a note at the module's line.
        let run = try Binary.run(["-e", "use \"lib/坏.suan\" as k\nk.倒数(0)"], directory: root.appendingPathComponent("analysis"))
        #expect(run.stderr.contains("note: raised in lib/坏.suan:2:12"), "\(run.stderr)")
        // An error in the module's own definitions: at its file:line:col, with a note at the use.
        try "# 引用一个有错的模块\nuse \"lib/更坏.suan\"\n".write(to: root.appendingPathComponent("analysis/用.suan"), atomically: true, encoding: .utf8)
        let r = try Binary.run(["../analysis/用.suan"], directory: root.appendingPathComponent("elsewhere"))
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("../analysis/lib/更坏.suan:1:10: error: cannot add Quantity(件) to Money"), "\(r.stderr)")
        #expect(r.stderr.contains("= note: in the module used at ../analysis/用.suan:2:1: use \"lib/更坏.suan\""), "\(r.stderr)")
    }

    /// For programs (`--format json`, serve, the kernel): the module's position, and where it was used.
    @Test func aModuleErrorAsJSONCarriesItsUses() throws {
        let root = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }
        try "let 基准 = 1万元 + 1件\n".write(to: root.appendingPathComponent("analysis/lib/更坏.suan"), atomically: true, encoding: .utf8)
        try "\nuse \"lib/更坏.suan\"\n".write(to: root.appendingPathComponent("analysis/用.suan"), atomically: true, encoding: .utf8)
        let r = try Binary.run(["--format", "json", "analysis/用.suan"], directory: root)
        #expect(r.status == 1)
        #expect(r.stderr.contains(#""id":"dimension-mismatch","message":"cannot add Quantity(件) to Money","file":"analysis/lib/更坏.suan","line":1,"column":10"#), "\(r.stderr)")
        #expect(r.stderr.contains(#""usedAt":[{"file":"analysis/用.suan","line":2,"column":1}]"#), "\(r.stderr)")
    }
}
