import Foundation
import Testing
import SuanFuzzKit

/// Replays the fuzzing corpus (seeds and every finding, kept in Tests/FuzzCorpus) through the same
/// harness the fuzzers use, so that a regression crashes the test run. Not a fuzzing run.
@Suite struct FuzzCorpusReplayTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func files(_ folder: String) -> [URL] {
        let dir = root.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.sorted().map { dir.appendingPathComponent($0) }
    }

    @Test(arguments: FuzzHarness.Target.allCases)
    func corpusReplaysWithoutCrashing(_ target: FuzzHarness.Target) throws {
        let inputs = Self.files("Tests/FuzzCorpus/\(target.rawValue)")
            + (target == .program ? Self.files("Scripts").filter { $0.pathExtension == "suan" } : Self.files("Stdlib/years"))
        #expect(inputs.count >= 2)
        for input in inputs {
            FuzzHarness.run(Array(try Data(contentsOf: input)), target: target)
        }
    }

    @Test func hostileInputsAreHandled() {
        let cases: [[UInt8]] = [
            [], [0], [0xFF, 0xFE], Array("year 2022 {".utf8), Array(String(repeating: "(", count: 300).utf8),
            Array("fn f(n) = f(n) + f(n)\nf(1)".utf8), Array("count a in 0..1000000 step 1 where a > 0".utf8),
            Array("\u{FEFF}项目名称\r\n\"a\"\"b\",1,2,3\r\n".utf8),
        ]
        for bytes in cases {
            FuzzHarness.run(bytes, target: .program)
            FuzzHarness.run(bytes, target: .data)
        }
    }
}
