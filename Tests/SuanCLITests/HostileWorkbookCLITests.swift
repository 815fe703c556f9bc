import Foundation
import Testing

/// Bad workbooks through the binary: each is an error that says where (the part, or the sheet and
/// cell), exit status 1, never a signal, under a memory limit. The workbooks are written at test
/// time by `Fixtures/xlsx/make_hostile.py` (the 10⁶-row sheet and the zip bomb are too large to commit).
@Suite(.timeLimit(.minutes(5))) struct HostileWorkbookCLITests {
    /// The folder `make_hostile.py` wrote into, once per run.
    static let folder: URL = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("suan-hostile-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", XLSXCLITests.fixtures.appendingPathComponent("make_hostile.py").path, dir.path]
        try? process.run()
        process.waitUntilExit()
        return dir
    }()

    @Test(arguments: [
        ("not-a-zip.xlsx", "<expr>:1:1: error: \"not-a-zip.xlsx\" is not an .xlsx workbook (not a zip archive)"),
        ("encrypted.xlsx", "<expr>:1:1: error: \"encrypted.xlsx\" is password-protected (encrypted) or an old .xls workbook, which Suan cannot read"),
        ("missing-sheet.xlsx", "<expr>:1:1: error: \"missing-sheet.xlsx\" has no part xl/worksheets/sheet1.xml: it is not a complete workbook"),
        ("long-cell.xlsx", "<expr>:1:1: error: long-cell.xlsx[自评表]!B2: the cell holds more than 32767 characters, Excel's limit"),
        ("zip-bomb.xlsx", "<expr>:1:1: error: xl/worksheets/sheet1.xml in \"zip-bomb.xlsx\" inflates to more than 256 MiB, the most Suan reads from one part"),
        ("lying-bomb.xlsx", "<expr>:1:1: error: xl/worksheets/sheet1.xml in \"lying-bomb.xlsx\" inflates to more than 256 MiB, the most Suan reads from one part"),
        ("row-million.xlsx", "row-million.xlsx[自评表]!B1000000: error: 'abc' is not an amount"),
    ])
    func aBadWorkbookIsAnErrorThatSaysWhere(_ file: String, _ first: String) throws {
        let r = try Binary.run(["-e", "load \"\(file)\" as b"], directory: Self.folder, deadline: 60, memoryLimit: 1024)
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.hasPrefix(first + "\n"), "\(r.stderr)")
        let json = try Binary.run(["--format", "json", "-e", "load \"\(file)\" as b"], directory: Self.folder, deadline: 60, memoryLimit: 1024)
        #expect(json.stderr.contains("\"id\":\"xlsx\""), "\(json.stderr)")
        #expect(json.stderr.contains("\"kind\":\"diagnostic\",\"severity\":\"error\""), "\(json.stderr)")
    }

    /// A password-protected .xlsx (an OLE compound file, as an .xls is) says so, in Chinese too.
    @Test func anEncryptedWorkbookSaysItIsProtected() throws {
        let r = try Binary.run(["-e", "load \"encrypted.xlsx\" as b"], directory: Self.folder, environment: ["SUAN_LANG": "zh"])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.hasPrefix("<expr>:1:1: 错误：“encrypted.xlsx”设有密码（已加密）或是旧版 .xls 工作簿，无法读取\n"), "\(r.stderr)")
        #expect(!r.stderr.contains("zip"), "\(r.stderr)")
    }

    /// 1,000,000 rows of two cells: the read stops at the millionth cell, in the row it reached.
    /// (A part over 10 MB is parsed as a stream; given whole, libxml2 refused it as malformed.)
    @Test func aMillionRowSheetStopsAtTheCellLimit() throws {
        let r = try Binary.run(["-e", "load \"million-rows.xlsx\" as b"], directory: Self.folder, deadline: 240, memoryLimit: 1536)
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.hasPrefix("<expr>:1:1: error: million-rows.xlsx[自评表]!A500001: the sheet has more than 1000000 cells, the most Suan reads from one sheet\n"),
                "\(r.stderr)")
    }

    /// A sheet part of 12 MB that is well within the limits loads (12,000 rows, each with a note of
    /// 300 characters: large in bytes, few cells), read as a stream.
    @Test func aSheetPartOverTenMegabytesLoads() throws {
        let note = String(repeating: "备", count: 300)
        let header = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>项目名称</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>全年预算数</t></is></c>"
            + "<c r=\"C1\" t=\"inlineStr\"><is><t>备注</t></is></c></row>"
        let rows = (2...12_001).map { "<row r=\"\($0)\"><c r=\"A\($0)\" t=\"inlineStr\"><is><t>p\($0)</t></is></c><c r=\"B\($0)\"><v>1</v></c>"
            + "<c r=\"C\($0)\" t=\"inlineStr\"><is><t>\(note)</t></is></c></row>" }
        let dir = Self.folder.appendingPathComponent("large")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data((header + rows.joined()).utf8).write(to: dir.appendingPathComponent("rows.xml"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", """
            import sys, zipfile
            sys.path.insert(0, sys.argv[1])
            import make_hostile as m
            with zipfile.ZipFile("large.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
                m.skeleton(z)
                z.writestr("xl/worksheets/sheet1.xml", m.sheet(open("rows.xml", encoding="utf-8").read()))
            """, XLSXCLITests.fixtures.path]
        process.currentDirectoryURL = dir
        try process.run()
        process.waitUntilExit()
        let r = try Binary.run(["-e", "load \"large.xlsx\" as b", "-e", "len(b.项目)", "-e", "b.项目支出"], directory: dir, deadline: 240)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "12,000\n12,000.00万元\n", "\(r.stdout)")
    }
}
