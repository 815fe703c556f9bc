import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A `suan serve` process for tests: started on a free port (`--port 0`), its URL read from the line
/// it prints, talked to through a real HTTP client (URLSession), and stopped with SIGINT.
final class ServedBinary: @unchecked Sendable {
    let process = Process()
    let url: URL
    private let output = Pipe(), errors = Pipe()

    struct NoURL: Error, CustomStringConvertible {
        var description: String
    }

    /// A JSON reply: the status and the decoded object.
    struct Reply {
        var status: Int
        var json: [String: Any]
        var text: String
        /// `results[i].text` of the run's values.
        var texts: [String] { (json["results"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String } }
        var diagnostics: [[String: Any]] { json["diagnostics"] as? [[String: Any]] ?? [] }
        var errorCode: String? { (json["error"] as? [String: Any])?["code"] as? String }
    }

    init(_ arguments: [String] = [], environment extra: [String: String] = [:]) throws {
        process.executableURL = URL(fileURLWithPath: Binary.path)
        process.arguments = ["serve", "--port", "0"] + arguments
        var environment = ["LANG": "C.UTF-8", "HOME": FileManager.default.temporaryDirectory.path, "PATH": "/usr/bin:/bin", "NO_COLOR": "1"]
        for (k, v) in extra { environment[k] = v }
        process.environment = environment
        process.currentDirectoryURL = FileManager.default.temporaryDirectory
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // The first line on standard output names the URL; wait for it at most 20 seconds.
        let line = ServedBinary.firstLine(of: output.fileHandleForReading, within: 20)
        guard let line, let start = line.range(of: "http://"), let found = URL(string: String(line[start.lowerBound...])) else {
            process.terminate()
            throw NoURL(description: "no URL printed; got \(line ?? "nothing")")
        }
        url = found
    }

    deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

    static func firstLine(of handle: FileHandle, within seconds: Double) -> String? {
        let box = ErrorCollector()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            var data = Data()
            while !data.contains(UInt8(ascii: "\n")) {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                data += chunk
            }
            box.data = data
            done.signal()
        }
        guard done.wait(timeout: .now() + seconds) == .success else { return nil }
        return String(decoding: box.data, as: UTF8.self).split(separator: "\n").first.map(String.init)
    }

    /// Sends a request and decodes the JSON reply (an empty object when the body is not JSON).
    func request(_ method: String, _ path: String, body: Data? = nil, headers: [String: String] = [:]) async throws -> Reply {
        var request = URLRequest(url: URL(string: path, relativeTo: url)!)
        request.httpMethod = method
        request.httpBody = body
        request.timeoutInterval = 30
        for (k, v) in headers { request.setValue(v, forHTTPHeaderField: k) }
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        let json = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        return Reply(status: status, json: json, text: String(decoding: data, as: UTF8.self))
    }

    /// Opens a session and returns its id.
    func openSession(_ query: String = "") async throws -> String {
        let reply = try await request("POST", "/api/sessions" + query)
        guard let id = reply.json["id"] as? String else { throw NoURL(description: "no id: \(reply.text)") }
        return id
    }

    /// Runs Suan source in a session.
    func run(_ source: String, in id: String) async throws -> Reply {
        try await request("POST", "/api/sessions/\(id)/run", body: Data(source.utf8), headers: ["Content-Type": "text/plain; charset=utf-8"])
    }

    /// Stops the server as Ctrl-C does; returns its exit status and standard error.
    func interrupt() -> (status: Int32, stderr: String) {
        kill(process.processIdentifier, SIGINT)
        let killer = DispatchWorkItem { [process] in if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 10, execute: killer)
        process.waitUntilExit()
        killer.cancel()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        return (process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus,
                String(decoding: err, as: UTF8.self))
    }
}
