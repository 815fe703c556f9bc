import SuanCore

/// Why the HTTP interface refused a request: each case has a stable code, an HTTP status and a
/// message in either language, all produced in the one switch below. The reply is
/// `{"error": {"code": "…", "message": "…"}}` (docs/serve.md).
enum ServeError: Error, Sendable, Equatable {
    /// `POST /api/sessions/ID/run` with an ID the server does not hold (never made, or expired).
    case unknownSession(String)
    /// More sessions than `--max-sessions` would be open.
    case tooManySessions(limit: Int)
    /// A body longer than `--max-body` bytes.
    case bodyTooLarge(limit: Int)
    /// A body that is not UTF-8 text.
    case notText(String)
    /// A run was sent while the session's previous run was still going.
    case busy
    /// The run took longer than `--timeout` seconds and was stopped; the session is as it was before it.
    case timedOut(seconds: Double)
    /// The run did not stop within its time limit and the grace after it: the session is closed.
    case stuck(seconds: Double)
    /// A request from another site's page (its `Origin`), or for another host name (`Host`).
    case foreignOrigin(String)
    /// A path or method the server does not serve.
    case notFound(String)

    var code: String {
        switch self {
        case .unknownSession: "unknown-session"
        case .tooManySessions: "too-many-sessions"
        case .bodyTooLarge: "body-too-large"
        case .notText: "not-text"
        case .busy: "session-busy"
        case .timedOut: "run-timeout"
        case .stuck: "run-stuck"
        case .foreignOrigin: "foreign-origin"
        case .notFound: "not-found"
        }
    }

    /// The HTTP status the error is answered with.
    var status: Int {
        switch self {
        case .unknownSession, .notFound: 404
        case .tooManySessions: 429
        case .bodyTooLarge: 413
        case .notText: 400
        case .busy: 409
        case .timedOut, .stuck: 504
        case .foreignOrigin: 403
        }
    }

    var message: Message {
        switch self {
        case .unknownSession(let id): "no session \(id): it expired or was never opened; open a new one"
        case .tooManySessions(let limit): "too many sessions are open (at most \(limit)); close a tab or try again later"
        case .bodyTooLarge(let limit): "the request is larger than \(limit) bytes"
        case .notText(let reason): "the request is not UTF-8 text: \(reason)"
        case .busy: "the session is still running its previous input"
        case .timedOut(let seconds): "the run took longer than \(ServeError.shown(seconds)) s and was stopped (--timeout); the session is as it was before it"
        case .stuck(let seconds): "the run did not stop \(ServeError.shown(seconds)) s after its time limit; the session is closed"
        case .foreignOrigin(let origin): "requests from \(origin) are not served"
        case .notFound(let path): "nothing is served at \(path)"
        }
    }

    /// Seconds as written on the command line: `10`, `0.5`.
    static func shown(_ seconds: Double) -> String {
        seconds == seconds.rounded() && abs(seconds) < 1e9 ? String(Int(seconds)) : String(seconds)
    }

    /// The error as a JSON object: `{"code": "…", "message": "…"}`.
    func object(in language: Language) -> String {
        "{\"code\":" + JSONRenderer.string(code) + ",\"message\":" + JSONRenderer.string(message.text(in: language)) + "}"
    }

    /// The reply's JSON body: `{"error": {…}}`.
    func json(in language: Language) -> String { "{\"error\":" + object(in: language) + "}" }
}
