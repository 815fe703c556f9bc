import Foundation
import Testing

@Suite(.timeLimit(.minutes(3))) struct CommandLineTests {
    @Test func doneMeansOfTheCoreIssue() throws {
        #expect(try Binary.run(["-e", "0.1元 + 0.2元 == 0.3元"]).stdout == "true\n")
        #expect(try Binary.run(["-e", "2433.84万元 + 1188.56万元"]).stdout == "3,622.40万元\n")
        #expect(try Binary.run(["-e", "round(2433.84万元 / 3622.4万元, 0.1%)"]).stdout == "67.2%\n")
        let mismatch = try Binary.run(["-e", "1万元 + 3件"])
        #expect(mismatch.status == 1)
        #expect(mismatch.stderr.hasPrefix("<expr>:1:1: error: cannot add Quantity(件) to Money"))
        let zero = try Binary.run(["-e", "1/0"])
        #expect(zero.status == 1)
        #expect(zero.stderr.contains("<expr>:1:1: error: division by zero"))
    }

    @Test func eachExpressionPrintsAndStateCarriesOver() throws {
        let r = try Binary.run(["-e", "let a = 2万元", "-e", "a * 3", "-e", "a -> 元"])
        #expect(r.stdout == "6.00万元\n20,000.00元\n")
        #expect(r.status == 0)
    }

    @Test func scriptsRunFromFilesAndStandardInput() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("suan-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let script = dir.appendingPathComponent("a.suan")
        try "let x = 1万元\nx + 1万元\nprint \"done\"\n".write(to: script, atomically: true, encoding: .utf8)
        let r = try Binary.run([script.path])
        #expect(r.stdout == "2.00万元\ndone\n" && r.status == 0)
        let piped = try Binary.run([], stdin: "1万元 + 2万元\n")
        #expect(piped.stdout == "3.00万元\n")
        #expect(!piped.stdout.contains("\u{1B}"))
    }

    @Test func exitCodes() throws {
        #expect(try Binary.run(["-e", "assert 1 == 2"]).status == 1)
        #expect(try Binary.run(["--bogus"]).status == 2)
        #expect(try Binary.run(["--version"]).stdout.hasPrefix("suan "))
        #expect(try Binary.run(["--help"]).status == 0)
        #expect(try Binary.run(["/nonexistent/file.suan"]).status == 1)
        let assertion = try Binary.run(["-e", "assert 2433.84万元 / 3622.4万元 == 70%"])
        #expect(assertion.stderr.contains("left:  67.19%"))
        #expect(assertion.stderr.contains("right: 70%"))
    }

    @Test func invalidInputIsAPositionedError() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("suan-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let bad = dir.appendingPathComponent("bad.suan")
        try Data([0x31, 0x0A, 0x32, 0xFF, 0x0A]).write(to: bad)
        let r = try Binary.run([bad.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("bad.suan:2:2: error: invalid UTF-8"))
        let crlf = dir.appendingPathComponent("crlf.suan")
        try Data("\u{FEFF}let a = 1万元\r\na + 1万元\r\n".utf8).write(to: crlf)
        #expect(try Binary.run([crlf.path]).stdout == "2.00万元\n")
    }

    @Test(arguments: ["", "(", ")", "1 +", "let", "fn f(", "\"", "{", "[1,", "1 @ 2", "load", "scenario", "table x in",
                      "solve x in 1..2 where", "1万元 + 3件", "1/0", "x", "\u{0}", "99999999999999999999999999999999999999999",
                      "fn f(n) = f(n)\nf(1)", "round(1, 0)", "-", "1..2", "->", "show", "compare 1", "export 1 to \"x.csv\""])
    func noInputCrashes(_ input: String) throws {
        let r = try Binary.run(["-e", input])
        #expect(r.status <= 1, "'\(input)' exited \(r.status): \(r.stderr)")
        if r.status == 1 { #expect(r.stderr.contains("error"), "'\(input)'") }
    }
}
