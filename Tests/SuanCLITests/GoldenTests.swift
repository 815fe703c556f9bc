import Foundation
import Testing

/// Every `Scripts/*.suan` runs through the binary (in a scratch copy of Scripts/); its output must
/// match `Scripts/expected/NAME.out`.
@Suite(.timeLimit(.minutes(2))) struct ScriptGoldenTests {
    static let scripts: [String] = {
        let dir = Binary.root.appendingPathComponent("Scripts")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".suan") }.sorted()
    }()

    @Test func thereAreScripts() { #expect(Self.scripts.count >= 4) }

    /// Scripts run in a scratch copy of Scripts/, so that those which `export` write temporary files.
    static func scratchCopy() throws -> URL {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("suan-scripts-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Binary.root.appendingPathComponent("Scripts"), to: copy)
        return copy
    }

    @Test(arguments: scripts)
    func script(_ name: String) throws {
        let dir = Binary.root.appendingPathComponent("Scripts")
        let scratch = try Self.scratchCopy()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let r = try Binary.run([name], directory: scratch)
        #expect(r.status == 0, "\(name) failed: \(r.stderr)")
        let expected = dir.appendingPathComponent("expected").appendingPathComponent(name.replacingOccurrences(of: ".suan", with: ".out"))
        assertSnapshot(r.stdout + (r.stderr.isEmpty ? "" : "--- stderr\n" + r.stderr), at: expected)
    }
}

/// One program per kind of diagnostic; the rendered error (file:line:col, source line, caret) is snapshotted.
@Suite(.timeLimit(.minutes(2))) struct DiagnosticSnapshotTests {
    static let folder = Binary.root.appendingPathComponent("Tests/SuanCLITests/Snapshots/errors")
    static let programs: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".suan") && !$0.hasSuffix("-data.suan") }.sorted()
    }()

    @Test(arguments: programs)
    func diagnostic(_ name: String) throws {
        let r = try Binary.run([name], directory: Self.folder)
        #expect(r.status == 1, "\(name) exited \(r.status)")
        #expect(r.stderr.range(of: #":\d+:\d+: error: "#, options: .regularExpression) != nil, "\(name): \(r.stderr)")
        assertSnapshot(r.stderr, at: Self.folder.appendingPathComponent(name.replacingOccurrences(of: ".suan", with: ".stderr")))
    }

    /// The same programs in Chinese (`SUAN_LANG=zh`): the same ids and positions, every message translated.
    @Test(arguments: programs)
    func chineseDiagnostic(_ name: String) throws {
        let r = try Binary.run([name], directory: Self.folder, environment: ["SUAN_LANG": "zh"])
        #expect(r.status == 1, "\(name) exited \(r.status)")
        #expect(r.stderr.range(of: #":\d+:\d+: 错误："#, options: .regularExpression) != nil, "\(name): \(r.stderr)")
        assertSnapshot(r.stderr, at: Self.folder.appendingPathComponent(name.replacingOccurrences(of: ".suan", with: ".zh.stderr")))
    }
}
