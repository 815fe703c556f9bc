import FlyingFox
import Foundation
import SuanCore

/// The routes of `suan serve` (docs/serve.md):
///
///     GET    /                        the page (and /app.js, /style.css)
///     GET    /api/info                the server's version, limits and starting FILE
///     POST   /api/sessions[?lang=zh]  → {"id": "…"}
///     POST   /api/sessions/ID/run     Suan source as the body → the run's documents as JSON
///                                     (`?exports=1`: also its tables as CSV, Markdown and .xlsx)
///     DELETE /api/sessions/ID         closes a session
///
/// Every refusal is `{"error": {"code", "message"}}` with its HTTP status (``ServeError``).
struct Router: HTTPHandler {
    let store: SessionStore
    let language: Language
    let guardian: RequestGuard
    /// The name of the FILE the sessions start from, nil when they start from the Stdlib alone.
    let file: String?
    let version: String

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        let language = requestLanguage(request) ?? self.language
        if let refusal = guardian.check(host: request.headers[.host], origin: request.headers[HTTPHeader("Origin")]) {
            return Router.error(refusal, language)
        }
        let parts = request.path.split(separator: "/").map(String.init)
        switch (request.method, parts.count) {
        case (.GET, 0): return Router.asset(Page.html, type: "text/html; charset=utf-8")
        case (.GET, 1) where parts[0] == "app.js": return Router.asset(Page.script, type: "text/javascript; charset=utf-8")
        case (.GET, 1) where parts[0] == "style.css": return Router.asset(Page.style, type: "text/css; charset=utf-8")
        case (.GET, 2) where parts == ["api", "info"]: return await info()
        case (.POST, 2) where parts == ["api", "sessions"]:
            do throws(ServeError) {
                let id = try await store.open(language: language)
                return Router.json("{\"id\":" + JSONRenderer.string(id) + "}", status: 201)
            } catch { return Router.error(error, language) }
        case (.POST, 4) where parts[0] == "api" && parts[1] == "sessions" && parts[3] == "run":
            return await run(session: parts[2], request: request, language: language)
        case (.DELETE, 3) where parts[0] == "api" && parts[1] == "sessions":
            return await store.close(parts[2]) ? HTTPResponse(statusCode: .noContent) : Router.error(.unknownSession(parts[2]), language)
        default:
            return Router.error(.notFound(request.method.rawValue + " " + request.path), language)
        }
    }

    func run(session id: String, request: HTTPRequest, language: Language) async -> HTTPResponse {
        do throws(ServeError) {
            let worker = try await store.worker(id)
            let text = try await body(of: request)
            let exports = request.query.first(where: { $0.name == "exports" })?.value == "1"
            switch await worker.run(text, exports: exports) {
            case .reply(let reply): return Router.json(reply.json, status: reply.httpStatus)
            case .failed(let error):
                if case .stuck = error { await store.sweep() }
                return Router.error(error, language)
            }
        } catch { return Router.error(error, language) }
    }

    /// The body as text, refused when longer than the limit or not UTF-8.
    func body(of request: HTTPRequest) async throws(ServeError) -> String {
        let limit = store.limits.bodyBytes
        if let declared = request.bodySequence.count, declared > limit { throw .bodyTooLarge(limit: limit) }
        var bytes: [UInt8] = []
        do {
            for try await chunk in request.bodySequence {
                bytes += chunk
                if bytes.count > limit { throw ServeError.bodyTooLarge(limit: limit) }
            }
        } catch let error as ServeError {
            throw error
        } catch {
            throw .notText("\(error)")
        }
        switch SourceDecoding.decode(bytes) {
        case .success(let text): return text
        case .failure(let problem): throw .notText(problem.message(in: "body"))
        }
    }

    func info() async -> HTTPResponse {
        let l = store.limits
        let fields = [
            "\"version\":" + JSONRenderer.string(version),
            "\"file\":" + (file.map(JSONRenderer.string) ?? "null"),
            "\"language\":" + JSONRenderer.string(language.rawValue),
            "\"sessions\":" + String(await store.count),
            "\"limits\":{\"runSeconds\":\(l.runSeconds),\"bodyBytes\":\(l.bodyBytes),\"sessions\":\(l.sessions),\"idleSeconds\":\(l.idleSeconds)}",
        ]
        return Router.json("{" + fields.joined(separator: ",") + "}", status: 200)
    }

    /// `?lang=zh` or `?lang=en`.
    func requestLanguage(_ request: HTTPRequest) -> Language? {
        guard let value = request.query.first(where: { $0.name == "lang" })?.value.lowercased() else { return nil }
        return value.hasPrefix("zh") ? .chinese : value.hasPrefix("en") ? .english : nil
    }

    static func json(_ body: String, status: Int) -> HTTPResponse {
        HTTPResponse(statusCode: HTTPStatusCode(status, phrase: phrase(status)),
                     headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                     body: Data(body.utf8))
    }

    static func error(_ error: ServeError, _ language: Language) -> HTTPResponse {
        json(error.json(in: language), status: error.status)
    }

    static func asset(_ bytes: [UInt8], type: String) -> HTTPResponse {
        HTTPResponse(statusCode: .ok, headers: [.contentType: type, .cacheControl: "no-cache"], body: Data(bytes))
    }

    static func phrase(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 201: "Created"
        case 400: "Bad Request"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 409: "Conflict"
        case 413: "Payload Too Large"
        case 429: "Too Many Requests"
        case 504: "Gateway Timeout"
        default: "Error"
        }
    }
}
