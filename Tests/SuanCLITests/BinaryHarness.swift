import Foundation
import Testing

/// Runs the built `suan` binary as a user would, with the environment set on the child only.
enum Binary {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var path: String {
        if let override = ProcessInfo.processInfo.environment["SUAN_BIN"] { return override }
        for configuration in ["debug", "release"] {
            let candidate = root.appendingPathComponent(".build/\(configuration)/suan").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return root.appendingPathComponent(".build/debug/suan").path
    }

    /// A new temporary folder holding `files` (name → text).
    static func folder(_ files: [String: String], prefix: String = "suan") throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
        return dir
    }

    struct Outcome {
        var stdout: String
        var stderr: String
        var status: Int32
    }

    /// Runs the binary with `arguments`. The child is killed (SIGKILL, status 137) after `deadline`
    /// seconds, so a hang fails its test instead of the whole run; with `memoryLimit` (in MiB) it
    /// runs under `ulimit -v`, so that unbounded growth ends in a failure instead of swapping.
    /// `executable` runs another path to the binary (a link to it, a copy).
    static func run(_ arguments: [String], stdin: String? = nil, directory: URL? = nil, environment extra: [String: String] = [:],
                    deadline: Double = 60, memoryLimit: Int? = nil, executable: String? = nil) throws -> Outcome {
        let path = executable ?? self.path
        let process = Process()
        // An address-space limit breaks AddressSanitizer's shadow memory: sanitizer runs go without it.
        if let memoryLimit, ProcessInfo.processInfo.environment["ASAN_OPTIONS"] == nil {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "ulimit -v \(memoryLimit * 1024) && exec \"$0\" \"$@\"", path] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: path)
            process.arguments = arguments
        }
        var environment = ["LANG": "C.UTF-8", "HOME": FileManager.default.temporaryDirectory.path, "PATH": "/usr/bin:/bin", "NO_COLOR": "1"]
        // Sanitizer settings of a sanitizer run reach the binary too (docs/hacking.md).
        for key in ["ASAN_OPTIONS", "LSAN_OPTIONS", "TSAN_OPTIONS"] {
            if let value = ProcessInfo.processInfo.environment[key] { environment[key] = value }
        }
        for (k, v) in extra { environment[k] = v }
        process.environment = environment
        process.currentDirectoryURL = directory ?? FileManager.default.temporaryDirectory
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        let killer = DispatchWorkItem { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        DispatchQueue.global().asyncAfter(deadline: .now() + deadline, execute: killer)
        defer { killer.cancel() }
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Both pipes are drained at once: a child that fills one while we wait on the other would hang.
        let collected = ErrorCollector()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            collected.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        let errData = collected.data
        process.waitUntilExit()
        return Outcome(stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
                       status: process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus)
    }
}

final class ErrorCollector: @unchecked Sendable {
    var data = Data()
}

/// Compares text with a committed snapshot; `SUAN_RECORD=1` rewrites the snapshot and fails the run,
/// so that recording is never left on.
func assertSnapshot(_ actual: String, at url: URL, sourceLocation: SourceLocation = #_sourceLocation) {
    if ProcessInfo.processInfo.environment["SUAN_RECORD"] != nil {
        try? actual.write(to: url, atomically: true, encoding: .utf8)
        Issue.record("recorded \(url.lastPathComponent); run again without SUAN_RECORD", sourceLocation: sourceLocation)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("no snapshot \(url.path); run with SUAN_RECORD=1 to create it", sourceLocation: sourceLocation)
        return
    }
    #expect(actual == expected, "\(url.lastPathComponent) differs from its snapshot", sourceLocation: sourceLocation)
}

extension Binary {
    /// Terminal columns text takes: two for CJK and full-width characters (what the tests need).
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { total, s in
            let v = s.value
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
                || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v)
            return total + (v < 0x20 ? 0 : (wide ? 2 : 1))
        }
    }
}
