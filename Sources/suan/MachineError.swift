import SuanCore

/// Why `suan --machine` could not take a request line: each case has a stable code and a message
/// in either language, produced in the one switch below. The reply is
/// `{"id": …, "status": "error", "error": {"code": "…", "message": "…"}}` (docs/machine.md).
enum MachineError: Error, Sendable, Equatable {
    /// The line is not JSON.
    case notJSON
    /// The line is JSON, but not an object.
    case notAnObject
    /// The object has no `code`, `complete` or `inspect` string.
    case noRequest
    /// A line longer than the limit.
    case tooLong(limit: Int)

    var code: String {
        switch self {
        case .notJSON, .notAnObject: "bad-request"
        case .noRequest: "no-request"
        case .tooLong: "request-too-large"
        }
    }

    var message: Message {
        switch self {
        case .notJSON: "the request is not JSON"
        case .notAnObject: "the request is not a JSON object"
        case .noRequest: "the request has no \"code\", \"complete\" or \"inspect\" string"
        case .tooLong(let limit): "the request is longer than \(limit) bytes"
        }
    }

    /// The error as a JSON object: `{"code": "…", "message": "…"}`.
    func object(in language: Language) -> String {
        "{\"code\":" + JSONRenderer.string(code) + ",\"message\":" + JSONRenderer.string(message.text(in: language)) + "}"
    }
}
