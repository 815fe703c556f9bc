import Foundation
import SuanCore

/// `suan lsp`: a language server on standard input and output (the Language Server Protocol:
/// JSON-RPC 2.0 messages framed by `Content-Length`), a thin shell over ``Session`` as the REPL is.
///
/// It keeps each open document's text (full sync) and, on open and on every change, runs it in a
/// fresh session (``DocumentAnalysis``) and publishes its diagnostics; hover and completion ask
/// that session. Requests and answers:
///
///     initialize                 → capabilities: full text sync, hover, completion (`.` and `"` trigger)
///     textDocument/didOpen, didChange → textDocument/publishDiagnostics (positions in UTF-16 units)
///     textDocument/didClose      → publishDiagnostics with none
///     textDocument/hover         → the type and value of the name or field path under the cursor
///     textDocument/completion    → names, fields after `.`, project names after `项目["`
///     shutdown, exit             → exit status 0 (1 when `exit` comes without `shutdown`)
///
/// A body that is not JSON, or a request for an unknown method, gets a JSON-RPC error and the
/// server reads on; unknown notifications are ignored, as the protocol asks.
public struct LanguageServer {
    /// One open document: its text, and the analysis of its latest text.
    struct OpenDocument {
        var text: String
        var path: String?
        var analysis: DocumentAnalysis
        /// The last analysis that ran without an error (a refused file write aside): hover and completion fall back to it while
        /// the text does not check (the user is in the middle of typing).
        var lastGood: DocumentAnalysis?
        /// The analysis of the text without the lines of its errors, made when hover or completion
        /// first asks after a change.
        var withoutErrors: DocumentAnalysis?
    }

    let makeSession: () -> Session
    /// The language of the protocol's error messages (the command sets the locale's).
    public var language = Language.english
    var stream = MessageStream()
    var documents: [String: OpenDocument] = [:]
    var initialized = false
    var shuttingDown = false

    /// `makeSession` makes the session each document runs in (the command gives it the budget
    /// domain without file writes, and the locale's language).
    public init(makeSession: @escaping () -> Session) {
        self.makeSession = makeSession
    }

    /// Serves until `exit` or the end of input; returns the exit status.
    public mutating func run() -> Int32 {
        while true {
            switch stream.next() {
            case .end:
                return shuttingDown ? 0 : 1
            case .unreadable(let reason):
                respond(id: NSNull(), error: .invalidRequest(reason))
            case .body(let body):
                if let status = handle(body) { return status }
            }
        }
    }

    /// Handles one message; returns an exit status when it was `exit`.
    mutating func handle(_ body: Data) -> Int32? {
        let message: [String: Any]
        do {
            guard let object = try JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]) as? [String: Any] else {
                respond(id: NSNull(), error: .invalidRequest("not an object"))
                return nil
            }
            message = object
        } catch {
            respond(id: NSNull(), error: .parse)
            return nil
        }
        let id = message["id"]
        guard let method = message["method"] as? String else {
            // A response from the client (we send no requests) is read and dropped.
            if id != nil && (message["result"] != nil || message["error"] != nil) { return nil }
            respond(id: id ?? NSNull(), error: .invalidRequest("no method"))
            return nil
        }
        if method == "exit" { return shuttingDown ? 0 : 1 }
        let params = message["params"] as? [String: Any] ?? [:]
        do throws(RPCError) {
            let result = try answer(method, params, isRequest: id != nil)
            if let id { respond(id: id, result: result ?? NSNull()) }
        } catch {
            if let id { respond(id: id, error: error) }
        }
        return nil
    }

    /// The result of a method (nil for a notification, or a `null` result).
    mutating func answer(_ method: String, _ params: [String: Any], isRequest: Bool) throws(RPCError) -> Any? {
        if shuttingDown { throw .shutDown }
        if !initialized && method != "initialize" {
            if isRequest { throw .notInitialized }
            return nil
        }
        switch method {
        case "initialize":
            initialized = true
            return ["capabilities": ["textDocumentSync": ["openClose": true, "change": 1],
                                     "hoverProvider": true,
                                     "completionProvider": ["triggerCharacters": [".", "\""]]],
                    "serverInfo": ["name": "suan"]]
        case "initialized", "$/cancelRequest", "$/setTrace", "workspace/didChangeConfiguration", "textDocument/didSave":
            return nil
        case "shutdown":
            shuttingDown = true
            return nil
        case "textDocument/didOpen":
            let document = try Self.member("textDocument", of: params)
            guard let uri = document["uri"] as? String, let text = document["text"] as? String else {
                throw .invalidParameters("textDocument needs uri and text")
            }
            update(uri, text: text)
            return nil
        case "textDocument/didChange":
            let uri = try Self.uri(params)
            // Full sync: the last change holds the whole text.
            guard let changes = params["contentChanges"] as? [[String: Any]], let text = changes.last?["text"] as? String else {
                throw .invalidParameters("contentChanges needs the whole text")
            }
            update(uri, text: text)
            return nil
        case "textDocument/didClose":
            let uri = try Self.uri(params)
            documents[uri] = nil
            publish(uri, [])
            return nil
        case "textDocument/hover":
            let (uri, position) = try located(params)
            return settled(uri).hover(at: position, in: documents[uri]?.text ?? "")
        case "textDocument/completion":
            let (uri, position) = try located(params)
            return settled(uri).completion(at: position, in: documents[uri]?.text ?? "")
        default:
            if isRequest { throw .methodNotFound(method) }
            return nil
        }
    }

    /// Runs a document's new text and publishes what it found.
    mutating func update(_ uri: String, text: String) {
        let path = URL(string: uri).flatMap { $0.isFileURL ? $0.path : nil }
        let analysis = DocumentAnalysis(text, path: path, name: uri, session: makeSession())
        var document = documents[uri] ?? OpenDocument(text: text, path: path, analysis: analysis)
        document.text = text
        document.analysis = analysis
        document.withoutErrors = nil
        if analysis.isUsable { document.lastGood = analysis }
        documents[uri] = document
        publish(uri, analysis.published())
    }

    /// The analysis hover and completion ask: the latest when it ran cleanly; else that of the text
    /// with the lines of its errors left out (the user is typing `y2022.` on one, which does not
    /// parse yet) when that runs cleanly; else the last clean one; else the latest. The parser stops
    /// at its first error, so lines are left out over a few rounds (``blankingRounds``).
    mutating func settled(_ uri: String) -> DocumentAnalysis {
        guard var document = documents[uri] else { preconditionFailure("located(_:) checked that the document is open") }
        guard !document.analysis.isUsable else { return document.analysis }
        if document.withoutErrors == nil {
            var lines = document.text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            var analysis = document.analysis
            for _ in 0..<LanguageServer.blankingRounds where !analysis.isUsable {
                let errorLines = analysis.errorLines.filter { $0 < lines.count && !lines[$0].isEmpty }
                guard !errorLines.isEmpty else { break }
                for line in errorLines { lines[line] = "" }
                analysis = DocumentAnalysis(lines.joined(separator: "\n"), path: document.path, name: uri, session: makeSession())
            }
            document.withoutErrors = analysis
            documents[uri] = document
        }
        if let analysis = document.withoutErrors, analysis.isUsable { return analysis }
        return document.lastGood ?? document.analysis
    }

    /// How many times ``settled(_:)`` leaves out error lines and runs the document again.
    static let blankingRounds = 4

    /// The open document and the position a request names.
    func located(_ params: [String: Any]) throws(RPCError) -> (uri: String, position: UTF16Position) {
        let uri = try Self.uri(params)
        guard documents[uri] != nil else { throw .invalidParameters("the document \(uri) is not open") }
        guard let position = UTF16Position(params["position"]) else { throw .invalidParameters("position needs line and character") }
        return (uri, position)
    }

    static func member(_ name: String, of params: [String: Any]) throws(RPCError) -> [String: Any] {
        guard let member = params[name] as? [String: Any] else { throw .invalidParameters("no \(name)") }
        return member
    }

    static func uri(_ params: [String: Any]) throws(RPCError) -> String {
        guard let uri = try member("textDocument", of: params)["uri"] as? String else { throw .invalidParameters("textDocument needs a uri") }
        return uri
    }

    func publish(_ uri: String, _ diagnostics: [[String: Any]]) {
        send(["jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": ["uri": uri, "diagnostics": diagnostics]])
    }

    func respond(id: Any, result: Any) {
        send(["jsonrpc": "2.0", "id": id, "result": result])
    }

    func respond(id: Any, error: RPCError) {
        send(["jsonrpc": "2.0", "id": id, "error": error.object(in: language)])
    }

    func send(_ message: [String: Any]) {
        guard let body = try? JSONSerialization.data(withJSONObject: message, options: [.withoutEscapingSlashes]) else { return }
        stream.send(body)
    }
}
