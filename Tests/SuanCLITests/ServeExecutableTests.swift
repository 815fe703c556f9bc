import Foundation
import Testing

/// `suan serve` runs `suan-serve` from the folder `suan` is in (Sources/suan/ServeExecutable.swift):
/// found through a link to `suan`, reported when missing, and `suan` itself without the server's
/// networking, which would cost every start (docs/performance.md, "Start-up").
@Suite(.timeLimit(.minutes(2))) struct ServeExecutableTests {
    @Test func aLinkToSuanFindsSuanServeBesideTheBinary() throws {
        let dir = try Binary.folder([:], prefix: "suan-link")
        defer { try? FileManager.default.removeItem(at: dir) }
        let link = dir.appendingPathComponent("suan").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: Binary.path)
        let help = try Binary.run(["serve", "--help"], executable: link)
        #expect(help.status == 0 && help.stdout.contains("OVERVIEW: Serve the browser view"))
        let bad = try Binary.run(["serve", "--port", "70000"], executable: link)
        #expect(bad.status == 64 && bad.stderr.contains("--port must be between 0 and 65535"))
    }

    @Test func aSuanWithoutSuanServeSaysWhatIsMissing() throws {
        let dir = try Binary.folder([:], prefix: "suan-alone")
        defer { try? FileManager.default.removeItem(at: dir) }
        let copy = dir.appendingPathComponent("suan").path
        try FileManager.default.copyItem(atPath: Binary.path, toPath: copy)
        let english = try Binary.run(["serve", "--port", "0"], executable: copy)
        #expect(english.status == 1)
        #expect(english.stderr == "suan: error: cannot run '\(dir.path)/suan-serve': No such file or directory (suan serve needs suan-serve in the same folder as suan)\n")
        let chinese = try Binary.run(["serve"], environment: ["SUAN_LANG": "zh"], executable: copy)
        #expect(chinese.status == 1 && chinese.stderr.contains("suan-serve") && chinese.stderr.contains("错误"))
        // The copy still does everything else.
        #expect(try Binary.run(["-e", "2433.84万元 + 1188.56万元"], executable: copy).stdout == "3,622.40万元\n")
    }

    @Test func suanDoesNotLinkTheServersNetworking() throws {
        let readelf = Process()
        readelf.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        readelf.arguments = ["readelf", "--dynamic", Binary.path]
        let out = Pipe()
        readelf.standardOutput = out
        try readelf.run()
        let dynamic = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        readelf.waitUntilExit()
        #expect(readelf.terminationStatus == 0 && dynamic.contains("(NEEDED)"))
        #expect(!dynamic.contains("FoundationNetworking") && !dynamic.contains("libcurl"))
    }
}
