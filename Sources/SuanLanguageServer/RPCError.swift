import SuanCore

/// A JSON-RPC 2.0 error the server answers with: each case has the protocol's code and a message
/// in the session's language, produced in the one switch below. The server never stops on one; it answers and reads on.
enum RPCError: Error, Sendable, Equatable {
    /// The body is not JSON (or not UTF-8). Foundation's reason is English whatever the locale, so
    /// only the fact is told.
    case parse
    /// JSON, but not a request object (no `method` string).
    case invalidRequest(Message)
    /// A request for a method the server does not have.
    case methodNotFound(String)
    /// A known method with missing or mistyped parameters.
    case invalidParameters(Message)
    /// A request other than `initialize` before it.
    case notInitialized
    /// A request other than `exit` after `shutdown`.
    case shutDown

    var code: Int {
        switch self {
        case .parse: -32700
        case .invalidRequest, .shutDown: -32600
        case .methodNotFound: -32601
        case .invalidParameters: -32602
        case .notInitialized: -32002
        }
    }

    var message: Message {
        switch self {
        case .parse: "the message is not JSON"
        case .invalidRequest(let reason): "not a JSON-RPC request: \(reason)"
        case .methodNotFound(let method): "no method '\(method)'"
        case .invalidParameters(let reason): "bad parameters: \(reason)"
        case .notInitialized: "the server is not initialized yet"
        case .shutDown: "the server is shutting down"
        }
    }

    /// The `error` member of a response.
    func object(in language: Language) -> [String: Any] { ["code": code, "message": message.text(in: language)] }
}
