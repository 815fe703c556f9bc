import FlyingFox
import FlyingSocks
import Foundation
#if canImport(FoundationNetworking)
// FlyingFox's proxy handler (which Suan does not use) calls URLSession. A release build links
// Foundation statically (Package.swift), and FlyingFox's objects name FoundationNetworking but
// not the libraries under it (libcurl): importing it in this module, compiled against the static
// modules, names them.
import FoundationNetworking
#endif
import SuanCore

/// `suan serve`: an HTTP server on FlyingFox whose sessions are copies of one starting ``Session``,
/// each run on a thread of its own (``SessionWorker``), and the page that drives them.
///
///     let server = try SuanServer(template: session, host: "127.0.0.1", port: 8080, limits: ServeLimits())
///     try await server.run { url in print("Suan serving \(url)") }
public struct SuanServer: Sendable {
    /// Why the server could not start.
    public enum StartError: Error, Sendable {
        /// `--host` is not an IPv4 or IPv6 address (or `localhost`).
        case badHost(String)
    }

    let server: HTTPServer
    let store: SessionStore
    let host: String

    /// Prepares a server; nothing listens until ``run(ready:)``.
    /// - Parameters:
    ///   - template: the session every new session copies (the Stdlib, and FILE when given).
    ///   - file: FILE's name, for the page (nil: the page loads the bundled 2022 year).
    ///   - host: an IPv4 or IPv6 address, or `localhost`; default 127.0.0.1.
    ///   - port: 0 picks a free port (the URL passed to `ready` names it).
    public init(template: Session, file: String? = nil, host: String = "127.0.0.1", port: UInt16, limits: ServeLimits,
                language: Language, version: String) throws(StartError) {
        let name = host == "localhost" ? "127.0.0.1" : host
        let address: any SocketAddress
        if let v4 = try? sockaddr_in.inet(ip4: name, port: port) {
            address = v4
        } else if let v6 = try? sockaddr_in6.inet6(ip6: name.trimmingCharacters(in: CharacterSet(charactersIn: "[]")), port: port) {
            address = v6
        } else {
            throw .badHost(host)
        }
        self.host = name
        store = SessionStore(template: template, limits: limits)
        let loopback = name.hasPrefix("127.") || name == "::1" || name == "[::1]"
        let router = Router(store: store, language: language, guardian: RequestGuard(loopback: loopback), file: file, version: version)
        // The server's own limit per request is above a run's time limit and its grace.
        let config = HTTPServer.Configuration(address: address, timeout: limits.runSeconds + limits.graceSeconds + 5, logger: .disabled)
        server = HTTPServer(config: config, handler: router)
    }

    /// Listens, calls `ready` with the page's URL, and serves until the task is cancelled or ``stop()``.
    public func run(ready: @Sendable (String) -> Void) async throws {
        let server = self.server
        let serving = Task { try await server.run() }
        try await server.waitUntilListening()
        ready(await url)
        let sweeper = Task { [store] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(60))
                await store.sweep()
            }
        }
        defer { sweeper.cancel() }
        try await withTaskCancellationHandler {
            try await serving.value
        } onCancel: {
            serving.cancel()
        }
    }

    /// The page's URL: `http://127.0.0.1:PORT/`.
    public var url: String {
        get async {
            let port: UInt16 = switch await server.listeningAddress {
            case .ip4(_, let port), .ip6(_, let port): port
            default: 0
            }
            let shown = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
            return "http://\(shown):\(port)/"
        }
    }

    /// Stops listening, lets open requests finish for up to a second.
    public func stop() async {
        await server.stop(timeout: 1)
    }
}
