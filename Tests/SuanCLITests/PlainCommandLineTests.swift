import Foundation
import Testing

/// `suan -e …` and `suan FILE` are read without ArgumentParser (Sources/suan/RunOptions.swift, for
/// the start-up's sake): each such command line must run exactly as the same line parsed by
/// ArgumentParser does — here forced by an option given at its default value, or by `--`.
@Suite(.timeLimit(.minutes(2))) struct PlainCommandLineTests {
    static let script = "let a = 2433.84万元\na + 1188.56万元\nshare(a, 3622.4万元)\na + 3件\n"

    @Test(arguments: [
        (["-e", "2433.84万元 + 1188.56万元"], ["--rounding", "half-up"], [:]),
        (["-e", "load 2022", "-e", "基本支出 / 总支出", "-e", "show y2022"], ["--format", "terminal"], [:]),
        (["-e", "1万元 + 3件"], ["--max-depth", "400"], ["SUAN_LANG": "zh"]),
        (["-e", "-5%", "-e", ""], ["--rounding=half-up"], [:]),
        (["script.suan"], ["--"], [:]),
        (["missing.suan"], ["--"], ["SUAN_LANG": "zh"]),
        ([], ["--format", "terminal"], [:]),
    ] as [([String], [String], [String: String])])
    func aPlainCommandLineRunsAsArgumentParserReadsIt(_ plain: [String], _ parsedBy: [String], _ environment: [String: String]) throws {
        let dir = try Binary.folder(["script.suan": Self.script])
        defer { try? FileManager.default.removeItem(at: dir) }
        let stdin = "1 + 1\n3件 * 2\n"
        let fast = try Binary.run(plain, stdin: stdin, directory: dir, environment: environment)
        let parsed = try Binary.run(parsedBy + plain, stdin: stdin, directory: dir, environment: environment)
        #expect(fast.stdout == parsed.stdout)
        #expect(fast.stderr == parsed.stderr)
        #expect(fast.status == parsed.status)
        #expect(!fast.stdout.isEmpty || !fast.stderr.isEmpty)
    }
}
