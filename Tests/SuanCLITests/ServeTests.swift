import Foundation
import Testing

/// Issue 16: `suan serve`, through the real binary and a real HTTP client.
@Suite(.serialized, .timeLimit(.minutes(2))) struct ServeTests {
    @Test func aRunAnswersTheDocumentsOfTheRunAsJSON() async throws {
        let server = try ServedBinary()
        #expect(server.url.absoluteString.hasPrefix("http://127.0.0.1:"))
        let id = try await server.openSession()
        let reply = try await server.run("load 2022\n基本支出 / 总支出", in: id)
        #expect(reply.status == 200)
        #expect(reply.json["status"] as? String == "success")
        #expect(reply.texts == ["67.19%"])
        let results = try #require(reply.json["results"] as? [[String: Any]])
        #expect(results.first?["kind"] as? String == "loaded")
        #expect(results.last?["type"] as? String == "Ratio")
        #expect((reply.json["html"] as? String)?.contains("<span class=\"suan-value\">67.19</span>") == true)
        // A show of the year is tables, in the JSON and in the HTML.
        let shown = try await server.run("show y2022", in: id)
        #expect((shown.json["results"] as? [[String: Any]])?.contains { $0["kind"] as? String == "table" } == true)
        #expect((shown.json["html"] as? String)?.contains("<table class=\"suan-table\">") == true)
        let stop = server.interrupt()
        #expect(stop.status == 0, "\(stop.stderr)")
    }

    @Test func sessionsAreIsolatedAndABadLineIsADiagnosticWithItsSpan() async throws {
        let server = try ServedBinary()
        let a = try await server.openSession(), b = try await server.openSession()
        #expect(a != b)
        #expect(try await server.run("let 预算 = 5万元", in: a).json["status"] as? String == "success")
        #expect(try await server.run("预算 * 2", in: a).texts == ["10.00万元"])
        let other = try await server.run("预算", in: b)
        #expect(other.status == 200)
        #expect(other.json["status"] as? String == "failure")
        #expect(other.diagnostics.first?["id"] as? String == "unknown-name")
        let bad = try await server.run("1万元 + 3件", in: a)
        let d = try #require(bad.diagnostics.first)
        #expect(d["id"] as? String == "dimension-mismatch")
        #expect(d["line"] as? Int == 1 && d["column"] as? Int == 1 && d["endColumn"] as? Int == 9)
        #expect((d["rendered"] as? String)?.contains("^~~~") == true)
        // A failed run leaves the session as it was.
        #expect(try await server.run("预算", in: a).texts == ["5.00万元"])
        _ = server.interrupt()
    }

    @Test func sessionsSpeakTheLanguageAsked() async throws {
        let server = try ServedBinary()
        let zh = try await server.openSession("?lang=zh")
        let reply = try await server.run("未定义的名字", in: zh)
        #expect((reply.diagnostics.first?["message"] as? String)?.contains("未知") == true)
        let missing = try await server.request("POST", "/api/sessions/0000/run?lang=zh", body: Data("1".utf8))
        #expect(missing.status == 404 && missing.errorCode == "unknown-session")
        #expect(missing.text.contains("没有会话"))
        _ = server.interrupt()
    }

    @Test func aTwentyMegabyteBodyIsRefusedAndTheServerGoesOn() async throws {
        let server = try ServedBinary()
        let id = try await server.openSession()
        let big = try await server.request("POST", "/api/sessions/\(id)/run", body: Data(repeating: UInt8(ascii: "1"), count: 20 << 20))
        #expect(big.status == 413)
        #expect(big.errorCode == "body-too-large")
        #expect(try await server.run("1 + 1", in: id).texts == ["2"])
        _ = server.interrupt()
    }

    @Test func aRunPastItsTimeLimitStopsAloneAndTheSessionGoesOn() async throws {
        let server = try ServedBinary(["--timeout", "1"])
        let slow = try await server.openSession(), other = try await server.openSession()
        #expect(try await server.run("let kept = 1", in: slow).json["status"] as? String == "success")
        let long = "fn f(n) = if n == 0 then 0 else f(n - 1) + 1\ntable r in 1..9000000 step 1 { f(300) }"
        async let stopped = server.run(long, in: slow)
        try await Task.sleep(for: .milliseconds(300))
        let started = Date()
        // Another session answers at once, and the busy one says so.
        #expect(try await server.run("2 * 3", in: other).texts == ["6"])
        #expect(Date().timeIntervalSince(started) < 0.9)
        let busy = try await server.run("1", in: slow)
        #expect(busy.status == 409 && busy.errorCode == "session-busy")
        let reply = try await stopped
        #expect(reply.status == 504)
        #expect(reply.errorCode == "run-timeout")
        #expect(reply.json["status"] as? String == "timedOut")
        #expect(try await server.run("kept", in: slow).texts == ["1"])
        _ = server.interrupt()
    }

    @Test func theSessionCountIsLimited() async throws {
        let server = try ServedBinary(["--max-sessions", "2"])
        let first = try await server.openSession()
        _ = try await server.openSession()
        let third = try await server.request("POST", "/api/sessions")
        #expect(third.status == 429 && third.errorCode == "too-many-sessions")
        #expect(try await server.request("DELETE", "/api/sessions/\(first)").status == 204)
        #expect(try await server.request("POST", "/api/sessions").status == 201)
        _ = server.interrupt()
    }

    @Test func idleSessionsExpire() async throws {
        let server = try ServedBinary(["--idle", "1"])
        let id = try await server.openSession()
        try await Task.sleep(for: .milliseconds(1500))
        let reply = try await server.run("1", in: id)
        #expect(reply.status == 404 && reply.errorCode == "unknown-session")
        _ = server.interrupt()
    }

    @Test func thePageIsServedAndOtherSitesAreRefused() async throws {
        let server = try ServedBinary()
        let page = try await server.request("GET", "/")
        #expect(page.status == 200 && page.text.contains("<html"))
        #expect(try await server.request("GET", "/app.js").status == 200)
        #expect(try await server.request("GET", "/nothing").errorCode == "not-found")
        let foreign = try await server.request("POST", "/api/sessions", headers: ["Origin": "http://evil.example"])
        #expect(foreign.status == 403 && foreign.errorCode == "foreign-origin")
        let rebound = try await server.request("POST", "/api/sessions", headers: ["Host": "evil.example"])
        #expect(rebound.status == 403)
        _ = server.interrupt()
    }

    @Test func aFileSetsUpTheStartingSession() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("suan-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = dir.appendingPathComponent("start.suan")
        try "load 2022\nlet 基本占比 = 基本支出 / 总支出\n".write(to: script, atomically: true, encoding: .utf8)
        let server = try ServedBinary([script.path])
        let info = try await server.request("GET", "/api/info")
        #expect(info.json["file"] as? String == script.path)
        let id = try await server.openSession()
        #expect(try await server.run("基本占比", in: id).texts == ["67.19%"])
        _ = server.interrupt()
        // A script with an error stops `suan serve` before it listens, with the diagnostic.
        try "1万元 + 3件\n".write(to: script, atomically: true, encoding: .utf8)
        let r = try Binary.run(["serve", "--port", "0", script.path], deadline: 30)
        #expect(r.status == 1 && r.stderr.contains("error"))
    }

    @Test func plainCommandsAreUntouchedByServe() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("suan-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "1 + 1\n".write(to: dir.appendingPathComponent("script.suan"), atomically: true, encoding: .utf8)
        try "2 + 2\n".write(to: dir.appendingPathComponent("serve"), atomically: true, encoding: .utf8)
        #expect(try Binary.run(["script.suan"], directory: dir).stdout == "2\n")
        #expect(try Binary.run(["./serve"], directory: dir).stdout == "4\n")
        #expect(try Binary.run(["-e", "3 + 3"]).stdout == "6\n")
        let help = try Binary.run(["serve", "--help"])
        #expect(help.status == 0 && help.stdout.contains("--port"))
        let bad = try Binary.run(["serve", "--port", "70000"])
        #expect(bad.status != 0)
    }
}

/// The examples of docs/serve.md, run against the real server: each `curl … --data-binary … /run`
/// line runs in one session, in order, and the ids and texts its reply shows must be in the answer.
@Suite(.serialized, .timeLimit(.minutes(3))) struct ServeDocumentationTests {
    @Test func theRunExamplesAnswerAsDocumented() async throws {
        let doc = try String(contentsOf: Binary.root.appendingPathComponent("docs/serve.md"), encoding: .utf8)
        let lines = doc.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let server = try ServedBinary()
        let id = try await server.openSession()
        var checked = 0
        for (i, line) in lines.enumerated() where line.hasPrefix("$ curl") && line.contains("/run") {
            let source = try #require(ServeDocumentationTests.body(of: line), "no body in \(line)")
            // The documented reply: the lines after the command, up to the next command or the block's end.
            let shown = lines[(i + 1)...].prefix { !$0.hasPrefix("$ ") && !$0.hasPrefix("```") }.joined(separator: "\n")
            let reply = try await server.run(source, in: id)
            for field in ["\"text\":\"", "\"id\":\"", "\"status\":\""] {
                for value in ServeDocumentationTests.values(of: field, in: shown) {
                    #expect(reply.text.contains(field + value + "\""), "\(source): \(field)\(value) not in \(reply.text)")
                }
            }
            checked += 1
        }
        #expect(checked >= 2)
        _ = server.interrupt()
    }

    /// The body of `--data-binary $'…'` or `--data-binary '…'`, with `\n` read as a new line.
    static func body(of line: String) -> String? {
        guard let start = line.range(of: "--data-binary ") else { return nil }
        var rest = line[start.upperBound...]
        let ansi = rest.hasPrefix("$")
        if ansi { rest = rest.dropFirst() }
        guard rest.hasPrefix("'"), let end = rest.dropFirst().firstIndex(of: "'") else { return nil }
        let text = String(rest[rest.index(after: rest.startIndex)..<end])
        return ansi ? text.replacingOccurrences(of: "\\n", with: "\n") : text
    }

    /// Each value of a `"field":"value"` pair in the text.
    static func values(of field: String, in text: String) -> [String] {
        var found: [String] = []
        var rest = text[...]
        while let r = rest.range(of: field) {
            rest = rest[r.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { break }
            found.append(String(rest[..<end]))
            rest = rest[end...]
        }
        return found
    }
}
