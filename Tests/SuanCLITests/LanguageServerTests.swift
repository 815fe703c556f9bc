import Foundation
import Testing

/// Issue 17: `suan lsp`, driven through the binary by a scripted client that frames JSON-RPC
/// messages with `Content-Length` as an editor does.
@Suite(.timeLimit(.minutes(3))) struct LanguageServerTests {
    /// The framed bytes of each message, in order.
    static func framed(_ messages: [[String: Any]]) throws -> String {
        try messages.map { message in
            let body = String(decoding: try JSONSerialization.data(withJSONObject: message), as: UTF8.self)
            return "Content-Length: \(body.utf8.count)\r\n\r\n" + body
        }.joined()
    }

    /// Splits the server's output into its messages, checking each header.
    static func messages(in output: String) throws -> [[String: Any]] {
        var bytes = Array(output.utf8)[...]
        var found: [[String: Any]] = []
        let separator = Array("\r\n\r\n".utf8)
        while !bytes.isEmpty {
            let end = try #require(bytes.indices.first { Array(bytes[$0...].prefix(4)) == separator })
            let header = String(decoding: bytes[..<end], as: UTF8.self)
            let length = try #require(Int(header.replacingOccurrences(of: "Content-Length: ", with: "")))
            let body = bytes[(end + 4)...].prefix(length)
            #expect(body.count == length)
            found.append(try #require(try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any]))
            bytes = bytes[(end + 4 + length)...]
        }
        return found
    }

    static var initialize: [[String: Any]] { [
        ["jsonrpc": "2.0", "id": 0, "method": "initialize", "params": ["processId": NSNull(), "rootUri": NSNull(), "capabilities": [:]]],
        ["jsonrpc": "2.0", "method": "initialized", "params": [:]],
    ] }
    static var shutdown: [[String: Any]] { [["jsonrpc": "2.0", "id": 99, "method": "shutdown"], ["jsonrpc": "2.0", "method": "exit"]] }

    static func open(_ uri: String, _ text: String) -> [String: Any] {
        ["jsonrpc": "2.0", "method": "textDocument/didOpen",
         "params": ["textDocument": ["uri": uri, "languageId": "suan", "version": 1, "text": text]]]
    }

    static func request(_ id: Int, _ method: String, _ uri: String, line: Int, character: Int) -> [String: Any] {
        ["jsonrpc": "2.0", "id": id, "method": method,
         "params": ["textDocument": ["uri": uri], "position": ["line": line, "character": character]]]
    }

    /// Runs a session of `messages` between initialize and shutdown; returns what the server sent.
    static func session(_ messages: [[String: Any]], raw: String = "", environment: [String: String] = [:]) throws -> [[String: Any]] {
        let input = try framed(initialize) + raw + framed(messages + shutdown)
        let outcome = try Binary.run(["lsp"], stdin: input, environment: environment)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        return try Self.messages(in: outcome.stdout)
    }

    static func response(_ id: Int, in messages: [[String: Any]]) -> [String: Any]? {
        messages.first { ($0["id"] as? Int) == id && $0["method"] == nil }
    }

    static func diagnostics(in messages: [[String: Any]]) -> [[[String: Any]]] {
        messages.filter { $0["method"] as? String == "textDocument/publishDiagnostics" }
            .map { ($0["params"] as? [String: Any])?["diagnostics"] as? [[String: Any]] ?? [] }
    }

    /// The markdown of the hover answering request `id`.
    static func hover(_ id: Int, in messages: [[String: Any]]) -> String? {
        ((response(id, in: messages)?["result"] as? [String: Any])?["contents"] as? [String: Any])?["value"] as? String
    }

    /// The completion items answering request `id`.
    static func items(_ id: Int, in messages: [[String: Any]]) -> [[String: Any]] {
        (response(id, in: messages)?["result"] as? [String: Any])?["items"] as? [[String: Any]] ?? []
    }

    static func position(_ range: Any?, _ end: String) -> [Int] {
        let p = (range as? [String: Any])?[end] as? [String: Any]
        return [p?["line"] as? Int ?? -1, p?["character"] as? Int ?? -1]
    }

    @Test func answersInitializeWithItsCapabilities() throws {
        let replies = try Self.session([])
        let capabilities = try #require((Self.response(0, in: replies)?["result"] as? [String: Any])?["capabilities"] as? [String: Any])
        #expect((capabilities["textDocumentSync"] as? [String: Any])?["change"] as? Int == 1)
        #expect(capabilities["hoverProvider"] as? Bool == true)
        #expect(capabilities["completionProvider"] is [String: Any])
        #expect(Self.response(99, in: replies)?["result"] is NSNull)
    }

    /// The diagnostic's range counts UTF-16 units: `𠀀` (outside the BMP) is one scalar but two units.
    @Test func publishesAPositionedDiagnosticAfterCJKText() throws {
        let uri = "file:///tmp/lsp-probe.suan"
        let replies = try Self.session([Self.open(uri, "# 法治宣传\nlet 𠀀合计 = 1万元 + 3件\n")])
        let published = Self.diagnostics(in: replies)
        let d = try #require(published.first?.first)
        #expect(d["code"] as? String == "dimension-mismatch")
        #expect(d["severity"] as? Int == 1)
        // `let 𠀀合计 = ` is 10 scalars and 11 UTF-16 units; the expression `1万元 + 3件` is 8 of either.
        #expect(Self.position(d["range"], "start") == [1, 11])
        #expect(Self.position(d["range"], "end") == [1, 19])
    }

    @Test func changesRepublishAndCloseClears() throws {
        let uri = "file:///tmp/lsp-change.suan"
        let replies = try Self.session([
            Self.open(uri, "1万元 + 3件"),
            ["jsonrpc": "2.0", "method": "textDocument/didChange",
             "params": ["textDocument": ["uri": uri, "version": 2], "contentChanges": [["text": "1万元 + 3万元"]]]],
            ["jsonrpc": "2.0", "method": "textDocument/didClose", "params": ["textDocument": ["uri": uri]]],
        ])
        let published = Self.diagnostics(in: replies)
        #expect(published.count == 3)
        #expect(published.first?.first?["code"] as? String == "dimension-mismatch")
        #expect(Self.position(published.first?.first?["range"], "start") == [0, 0])
        #expect(published.dropFirst().allSatisfy { $0.isEmpty })
    }

    @Test func hoversANameAndAFieldWithTypeAndValue() throws {
        let uri = "file:///tmp/lsp-hover.suan"
        let replies = try Self.session([
            Self.open(uri, "load 2022\nlet 收入 = 基本支出 + 1万元\ny2022.基本支出 / 总支出\nlet 𠀀甲 = 2万元\n𠀀甲 + 收入\n"),
            Self.request(1, "textDocument/hover", uri, line: 1, character: 5),
            Self.request(2, "textDocument/hover", uri, line: 2, character: 8),
            Self.request(3, "textDocument/hover", uri, line: 0, character: 2),
            Self.request(4, "textDocument/hover", uri, line: 2, character: 2),
            Self.request(6, "textDocument/hover", uri, line: 4, character: 7),
            Self.open("file:///tmp/lsp-help.suan", "data"),
            Self.request(5, "textDocument/hover", "file:///tmp/lsp-help.suan", line: 0, character: 1),
        ])
        #expect(Self.diagnostics(in: replies).first?.isEmpty == true)
        func hover(_ id: Int) -> String? { Self.hover(id, in: replies) }
        #expect(hover(1) == "**收入**: `Money` = 2,434.84万元")
        #expect(hover(2) == "**y2022.基本支出**: `Money` = 2,433.84万元")
        #expect(Self.position((Self.response(2, in: replies)?["result"] as? [String: Any])?["range"], "start") == [2, 0])
        // A keyword is not a name: no hover.
        #expect(Self.response(3, in: replies)?["result"] is NSNull)
        // On the year's name, the year; on a help topic's name, its help.
        #expect(hover(4)?.hasPrefix("**y2022**: `Year` = year {年度: 2022") == true)
        // A year's record is long: the hover shows its beginning.
        #expect(hover(4)?.hasSuffix(" …") == true)
        #expect((hover(4)?.count ?? 0) < 400)
        #expect(hover(5)?.contains("load") == true)
        // After `𠀀甲 + ` (6 UTF-16 units, 5 scalars), character 7 is inside 收入, which starts at 6.
        #expect(hover(6) == "**收入**: `Money` = 2,434.84万元")
        #expect(Self.position((Self.response(6, in: replies)?["result"] as? [String: Any])?["range"], "start") == [4, 6])
    }

    /// The locale chooses the language of messages and type names, as on the command line.
    @Test func speaksTheLocalesLanguage() throws {
        let uri = "file:///tmp/lsp-zh.suan"
        let replies = try Self.session([Self.open(uri, "let 预算 = 5万元\n预算 + 3件"),
                                        Self.request(1, "textDocument/hover", uri, line: 0, character: 5),
                                        ["jsonrpc": "2.0", "id": 2, "method": "workspace/frobnicate", "params": [:]],
                                        Self.request(3, "textDocument/hover", "file:///nowhere.suan", line: 0, character: 0)],
                                       environment: ["SUAN_LANG": "zh"])
        // The protocol's errors too.
        func message(_ id: Int) -> String? { (Self.response(id, in: replies)?["error"] as? [String: Any])?["message"] as? String }
        #expect(message(2) == "没有方法“workspace/frobnicate”")
        #expect(message(3) == "参数有误：文档 file:///nowhere.suan 没有打开")
        let d = try #require(Self.diagnostics(in: replies).first?.first)
        #expect(d["code"] as? String == "dimension-mismatch")
        #expect((d["message"] as? String)?.contains("金额") == true)
        #expect(Self.hover(1, in: replies)?.hasPrefix("**预算**: `金额`") == true)
    }

    /// While a line does not parse, hover and completion use the run around it — also in a document
    /// with an `export` line, which the editor refuses (a note, not an error).
    @Test func hoverWorksWhileALineDoesNotParse() throws {
        let typing = "load 2022\nlet 收入 = 基本支出 / 总支出\ny2022.\n"
        for (i, text) in [typing, typing + "export y2022 to \"out.csv\"\n"].enumerated() {
            let uri = "file:///tmp/lsp-typing-\(i).suan"
            let replies = try Self.session([
                Self.open(uri, text),
                Self.request(1, "textDocument/hover", uri, line: 1, character: 4),
                Self.request(2, "textDocument/completion", uri, line: 2, character: 6),
            ])
            #expect(Self.diagnostics(in: replies).first?.first?["code"] as? String == "syntax")
            #expect(Self.hover(1, in: replies)?.hasPrefix("**收入**: `Ratio` = 67.19%") == true, "\(text)")
            #expect(Self.items(2, in: replies).contains { $0["label"] as? String == "基本支出" }, "\(text)")
        }
        let uri = "file:///tmp/lsp-whatif.suan"
        let replies = try Self.session([Self.open(uri, "load 2022\nwhat-if\nexport y2022 to \"x.csv\"\n总支出\n"),
                                        Self.request(3, "textDocument/hover", uri, line: 3, character: 1)])
        #expect(Self.hover(3, in: replies)?.hasPrefix("**总支出**: `Money`") == true)
    }

    /// An editor that closed `项目["` itself leaves `"]` after the cursor: the edit replaces it
    /// instead of adding a second one.
    @Test func aProjectNameCompletionSwallowsTheClosingQuoteAndBracket() throws {
        let uri = "file:///tmp/lsp-closed.suan"
        let replies = try Self.session([
            Self.open(uri, "load 2022\n项目[\"\"]\n项目[\"海珠\""),
            Self.request(1, "textDocument/completion", uri, line: 1, character: 4),
            Self.request(2, "textDocument/completion", uri, line: 2, character: 6),
        ])
        let edit = try #require(Self.items(1, in: replies).first { ($0["label"] as? String)?.hasPrefix("海珠区专职") == true }?["textEdit"] as? [String: Any])
        #expect(Self.position(edit["range"], "start") == [1, 4])
        #expect(Self.position(edit["range"], "end") == [1, 6])
        let quoteOnly = try #require(Self.items(2, in: replies).first?["textEdit"] as? [String: Any])
        #expect(Self.position(quoteOnly["range"], "end") == [2, 7])
    }

    @Test func completesNamesFieldsAndProjectNames() throws {
        let uri = "file:///tmp/lsp-complete.suan"
        let text = "load 2022\n基本\ny2022.总\n项目[\"海珠"
        let replies = try Self.session([
            Self.open(uri, text),
            Self.request(1, "textDocument/completion", uri, line: 1, character: 2),
            Self.request(2, "textDocument/completion", uri, line: 2, character: 7),
            Self.request(3, "textDocument/completion", uri, line: 3, character: 6),
        ])
        func items(_ id: Int) -> [[String: Any]] { Self.items(id, in: replies) }
        func labels(_ id: Int) -> [String] { items(id).compactMap { $0["label"] as? String } }
        #expect(labels(1).contains("基本支出"))
        #expect(labels(2).contains("总支出"))
        #expect(labels(3) == ["海珠区专职人民调解服务项目\"]"])
        // Each edit replaces what was typed: `海珠` after the quote, columns 4 to 6.
        let edit = try #require(items(3).first?["textEdit"] as? [String: Any])
        #expect(Self.position(edit["range"], "start") == [3, 4])
        #expect(Self.position(edit["range"], "end") == [3, 6])
    }

    /// A document's loads start from its own folder, not from where the server runs.
    @Test func loadsResolveFromTheDocumentsFolder() throws {
        let uri = Binary.root.appendingPathComponent("Scripts/lsp-probe.suan").absoluteString
        let replies = try Self.session([
            Self.open(uri, "load \"data/unit1284-2023.suan\" as u\nu.总支出\nload \"data/unit12"),
            Self.request(1, "textDocument/hover", uri, line: 1, character: 0),
            Self.request(2, "textDocument/completion", uri, line: 2, character: 17),
        ])
        // Paths complete from the document's folder too.
        #expect(Self.items(2, in: replies).compactMap { $0["label"] as? String }.contains("data/unit1284-2023.suan"))
        #expect(Self.hover(1, in: replies)?.hasPrefix("**u**: ") == true)
    }

    /// Writing a file is not run in the editor: an information, not an error, and no file appears.
    @Test func aDocumentThatWritesAFileIsNotRun() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lsp-write-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let uri = folder.appendingPathComponent("a.suan").absoluteString
        let replies = try Self.session([Self.open(uri, "load 2022\nchart y2022 to \"x.svg\"\n")])
        let d = try #require(Self.diagnostics(in: replies).first?.first)
        #expect(d["code"] as? String == "no-write")
        #expect(d["severity"] as? Int == 3)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("x.svg").path))
    }

    /// A run that would not end is stopped by the step budget or the deadline; the server answers on.
    @Test func aRunawayDocumentIsStopped() throws {
        let uri = "file:///tmp/lsp-runaway.suan"
        let replies = try Self.session([
            Self.open(uri, "fn f(n) = if n < 1 then 1 else f(n - 1) + f(n - 1)\nf(60)\n"),
            Self.request(1, "textDocument/hover", uri, line: 0, character: 3),
        ])
        let codes = Self.diagnostics(in: replies).first?.compactMap { $0["code"] as? String } ?? []
        #expect(codes.contains("step-limit") || codes.contains("interrupted"))
        #expect(Self.response(1, in: replies) != nil)
    }

    @Test func badInputGetsJSONRPCErrorsAndTheServerGoesOn() throws {
        let notJSON = "{not json"
        let replies = try Self.session([
            ["jsonrpc": "2.0", "id": 5, "method": "workspace/frobnicate", "params": [:]],
            ["jsonrpc": "2.0", "id": 6, "method": "textDocument/hover", "params": ["textDocument": ["uri": "file:///nowhere.suan"]]],
            ["jsonrpc": "2.0", "method": "$/unknownNotification"],
            ["jsonrpc": "2.0", "id": 7, "method": "textDocument/completion", "params": "nonsense"],
        ], raw: "Content-Length: \(notJSON.utf8.count)\r\n\r\n" + notJSON + "X-Header: 1\r\n\r\n")
        let parseError = try #require(replies.first { ($0["error"] as? [String: Any])?["code"] as? Int == -32700 }?["error"] as? [String: Any])
        // Foundation's own (English) reason stays out of the message.
        #expect(parseError["message"] as? String == "the message is not JSON")
        // A header block without Content-Length.
        #expect(replies.contains { $0["id"] is NSNull && ($0["error"] as? [String: Any])?["code"] as? Int == -32600 })
        #expect((Self.response(5, in: replies)?["error"] as? [String: Any])?["code"] as? Int == -32601)
        #expect((Self.response(6, in: replies)?["error"] as? [String: Any])?["code"] as? Int == -32602)
        #expect((Self.response(7, in: replies)?["error"] as? [String: Any])?["code"] as? Int == -32602)
        #expect(Self.response(99, in: replies)?["result"] is NSNull)
    }

    @Test func requestsBeforeInitializeAreRefused() throws {
        let input = try Self.framed([["jsonrpc": "2.0", "id": 1, "method": "textDocument/hover", "params": [:]]] + Self.initialize + Self.shutdown)
        let outcome = try Binary.run(["lsp"], stdin: input)
        let replies = try Self.messages(in: outcome.stdout)
        #expect((Self.response(1, in: replies)?["error"] as? [String: Any])?["code"] as? Int == -32002)
        #expect(outcome.status == 0)
        // Input that ends without shutdown and exit ends the server with status 1.
        let unfinished = try Binary.run(["lsp"], stdin: try Self.framed(Self.initialize))
        #expect(unfinished.status == 1)
        // Options: --stdio is taken, --help answers, anything else is a usage error.
        #expect(try Binary.run(["lsp", "--stdio"], stdin: input).status == 0)
        #expect(try Binary.run(["lsp", "--help"]).stdout.contains("docs/lsp.md"))
        let unknown = try Binary.run(["lsp", "--port", "1"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("unknown option '--port'"))
    }
}
