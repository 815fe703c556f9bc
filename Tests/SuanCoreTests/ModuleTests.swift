import Foundation
import Testing
import SuanTestSupport
@testable import SuanCore

/// Issue 18, modules: `use "file"` and `use "file" as P` run a file's definitions once, paths start
/// at the using file, and cycles, clashes and errors inside the module are positioned diagnostics.
@Suite struct ModuleTests {
    /// A fresh folder holding `files` (relative paths → text).
    static func folder(_ files: [String: String]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("suan-modules-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return root.path
    }

    static let caliber = """
        # 口径：shared definitions
        let 基准 = 100万元
        fn 人均(total, n) = total / n
        fn 对基准(x) = 占比(x, 基准)
        """

    @Test func aPrefixKeepsTheNamesApartAndCallsAreChecked() throws {
        let dir = try Self.folder(["lib/口径.suan": Self.caliber])
        var h = SessionHarness()
        #expect(h.run("use \"lib/口径.suan\" as 口径\n口径.人均(300万元, 3人)\n口径.对基准(50万元)", directory: dir) == .success, "\(h.rendered)")
        #expect(h.output == ["100.00万元/人", "50%"])
        // The module's names stay under the prefix, and the prefix is a record of them.
        #expect(h.errorID("人均(1万元, 1人)") == "unknown-name")
        #expect(h.value("口径.基准") == "100.00万元")
        // A call through the prefix is checked like any function: nothing runs.
        let before = h.output.count
        #expect(h.errorID("print 1\n口径.人均(1万元, 2件) + 1万元") == "dimension-mismatch")
        #expect(h.output.count == before)
        #expect(h.errorID("口径.没有") == "unknown-field")
    }

    @Test func withoutAPrefixTheNamesComeIntoScopeAndTheModuleRunsOnce() throws {
        let dir = try Self.folder(["lib/口径.suan": Self.caliber])
        var h = SessionHarness()
        #expect(h.run("use \"lib/口径.suan\"\n人均(10万元, 2人)", directory: dir) == .success, "\(h.rendered)")
        #expect(h.output == ["5.00万元/人"])
        let sources = h.session.sources.count
        // Used again (by another spelling of the same file, and under a prefix): read, not run again.
        #expect(h.run("use \"./lib/../lib/口径.suan\"\nuse \"lib/口径.suan\" as k\nk.基准", directory: dir) == .success, "\(h.rendered)")
        #expect(h.session.modules.count == 1)
        #expect(h.session.sources.count == sources + 1)
        #expect(h.session.variables.map(\.name).contains("人均"))
    }

    @Test func aModuleUsesOthersRelativeToItsOwnFolder() throws {
        let dir = try Self.folder(["lib/口径.suan": Self.caliber,
                                   "lib/报告.suan": "use \"口径.suan\" as 口径\nfn 人均文字(t, n) = text(口径.人均(t, n))\n"])
        var h = SessionHarness()
        #expect(h.run("use \"lib/报告.suan\"\n人均文字(9万元, 3人)", directory: dir) == .success, "\(h.rendered)")
        #expect(h.output == ["3.00万元/人"])
        // What a module uses is its own: the script does not see 口径.
        #expect(h.errorID("口径") == "unknown-name")
    }

    @Test func aCycleIsAnErrorAtTheUseThatClosesIt() throws {
        let dir = try Self.folder(["a.suan": "use \"b.suan\"\nfn fa(x) = x\n", "b.suan": "use \"a.suan\"\nfn fb(x) = x\n"])
        var h = SessionHarness()
        #expect(h.run("use \"a.suan\"", name: "main.suan", directory: dir) == .failure)
        let d = try #require(h.diagnostics.first)
        #expect(d.id == .moduleCycle)
        #expect(h.session.sources[Int(d.span.file)].name.hasSuffix("b.suan"))
        #expect(d.usedAt.count == 2)
        #expect(h.rendered[0].contains("note: in the module used at main.suan:1:1"), "\(h.rendered[0])")
    }

    @Test func aNameClashIsAnErrorAndAFailedUseChangesNothing() throws {
        let dir = try Self.folder(["lib/口径.suan": Self.caliber, "lib/别的.suan": "fn 人均(a, b) = a\n"])
        var h = SessionHarness()
        #expect(h.errorID("use \"\(dir)/lib/口径.suan\"\nfn 人均(a, b) = b") == "name-clash")
        #expect(h.errorID("人均") == "unknown-name")
        h.run("let 基准 = 1")
        #expect(h.errorID("use \"\(dir)/lib/口径.suan\"") == "name-clash")
        #expect(h.value("基准") == "1")
        var other = SessionHarness()
        #expect(other.run("use \"lib/口径.suan\"", directory: dir) == .success)
        #expect(other.errorID("use \"\(dir)/lib/别的.suan\"") == "name-clash")
        // The prefix must be a new name too.
        #expect(other.errorID("use \"\(dir)/lib/别的.suan\" as 人均") == "name-clash")
        // Under a prefix there is no clash; a Stdlib name may be shadowed, as with let.
        #expect(other.run("use \"\(dir)/lib/别的.suan\" as 别的\n别的.人均(1, 2)") == .success)
        #expect(other.output.last == "1")
    }

    @Test func anErrorInsideAModuleIsReportedAtItsOwnLineWithANoteAtTheUse() throws {
        let dir = try Self.folder(["lib/bad.suan": "fn 坏(x) = x + 1件\nlet 值 = 坏(1万元)\n", "lib/zero.suan": "let z = 1 / 0\n",
                                   "lib/show.suan": "fn ok(x) = x\nshow 1\n", "lib/unknown.suan": "fn f(x) = x + 外部\n"])
        var h = SessionHarness()
        #expect(h.run("let x = 1\nuse \"lib/bad.suan\"", name: "main.suan", directory: dir) == .failure)
        #expect(h.diagnostics.last?.id == .dimensionMismatch)
        #expect(h.rendered.last?.hasPrefix("\(dir)/lib/bad.suan:2:9: error:") == true, "\(h.rendered)")
        #expect(h.rendered.last?.contains("note: in the module used at main.suan:2:1: use \"lib/bad.suan\"") == true, "\(h.rendered)")
        // At run time too (a let's value), and a statement that would do something is refused.
        #expect(h.errorID("use \"\(dir)/lib/zero.suan\"") == "division-by-zero")
        #expect(h.diagnostics.last?.usedAt.isEmpty == false)
        #expect(h.errorID("use \"\(dir)/lib/show.suan\"") == "module-statement")
        // A module sees the Stdlib and its own names, not the session's.
        h.run("let 外部 = 1")
        #expect(h.errorID("use \"\(dir)/lib/unknown.suan\"") == "unknown-name")
        #expect(h.errorID("use \"\(dir)/lib/none.suan\"") == "load-io")
    }

    @Test func stdlibModulesByBareName() {
        var h = SessionHarness()
        #expect(h.run("use scoring\nuse scoring as 评分\n评分.等级划分[0].等级") == .success, "\(h.rendered)")
        #expect(h.output.last == "优")
        #expect(h.errorID("评分.正向得分(5件, 10件, 20) + 1万元") == "dimension-mismatch")
        #expect(h.errorID("use nosuch") == "module-not-found")
        #expect(h.errorID("use 1") == "syntax")
    }

    @Test func moduleDiagnosticsHaveChineseText() throws {
        let dir = try Self.folder(["a.suan": "use \"a.suan\"\n"])
        var h = SessionHarness.chinese
        #expect(h.run("use \"a.suan\"", name: "main.suan", directory: dir) == .failure)
        #expect(h.rendered[0].contains("错误：模块之间循环引用"), "\(h.rendered[0])")
        #expect(h.rendered[0].contains("注意：模块引用于 main.suan:1:1"), "\(h.rendered[0])")
        #expect(h.errorID("use nosuch") == "module-not-found")
        #expect(h.rendered.last?.contains("标准库中没有模块") == true)
    }

    /// A module's function and the script's own function of the same name are checked each by its own body.
    @Test func aModuleFunctionAndAScriptFunctionOfOneNameStayApart() throws {
        let dir = try Self.folder(["m.suan": "fn 值(x) = x > 1\n"])
        var h = SessionHarness()
        #expect(h.run("use \"m.suan\" as m\nfn 值(x) = x + 1万元\nm.值(2)\n值(1万元) + 1万元", directory: dir) == .success, "\(h.rendered)")
        #expect(h.output == ["true", "3.00万元"])
        #expect(h.errorID("m.值(2) + 1") == "type-mismatch")
    }

    /// Modules nest at most 100 deep; the error's notes show the ends of the chain, not all of it.
    @Test func deepChainsOfModulesStopWithAShortNote() throws {
        var files: [String: String] = ["m110.suan": "fn f(x) = x\n"]
        for i in 1..<110 { files["m\(i).suan"] = "use \"m\(i + 1).suan\"\n" }
        let dir = try Self.folder(files)
        var h = SessionHarness()
        #expect(h.run("use \"m1.suan\"", name: "main.suan", directory: dir) == .failure)
        #expect(h.diagnostics.first?.id == .nestingLimit)
        #expect(h.diagnostics.first?.usedAt.count == 100)
        let rendered = try #require(h.rendered.first)
        #expect(rendered.contains("note: … and 95 more uses"), "\(rendered)")
        #expect(rendered.components(separatedBy: "note: in the module used at").count == 6, "\(rendered)")
        #expect(rendered.hasSuffix("note: in the module used at main.suan:1:1: use \"m1.suan\""), "\(rendered)")
    }

    /// A script's `use`s bind first, wherever they stand, as its functions are declared first.
    @Test func aUseFurtherDownServesTheFunctionsAbove() throws {
        let dir = try Self.folder(["lib/口径.suan": Self.caliber])
        var h = SessionHarness()
        #expect(h.run("fn 双(x) = 人均(x, 1人) * 2\n双(10万元)\nuse \"lib/口径.suan\"", directory: dir) == .success, "\(h.rendered)")
        #expect(h.output == ["20.00万元/人"])
    }

    /// A count word a module declares is declared for the session, as the Stdlib's are.
    @Test func aModuleMayDeclareCountWords() throws {
        let dir = try Self.folder(["lib/户.suan": "unit 户\nfn 户均(total, n) = total / n\n"])
        var h = SessionHarness()
        #expect(h.run("use \"lib/户.suan\" as 户\n户.户均(30万元, 3户)", directory: dir) == .success, "\(h.rendered)")
        #expect(h.output == ["10.00万元/户"])
        #expect(h.session.countWords.contains("户"))
    }
}
