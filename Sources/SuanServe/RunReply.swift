import Foundation
import SuanCore
import SuanSheets

/// What one `POST /api/sessions/ID/run` answers: the run's status, its results as the JSON
/// renderer's objects (one per block, in order), its diagnostics with their spans, and the same
/// results as one HTML fragment for the page.
///
///     {"status":"success","results":[{"kind":"value","type":"Ratio","text":"67.19%",…}],
///      "diagnostics":[],"html":"<div class=\"suan-doc\">…</div>"}
struct RunReply: Sendable {
    /// `success`, `failure`, `incomplete` (the input ends inside a bracket) or `timedOut`.
    var status: String
    /// One JSON object per block of every document the run produced.
    var results: [String] = []
    /// One JSON object per diagnostic (errors and warnings), with `rendered` holding the caret text.
    var diagnostics: [String] = []
    /// The documents and then the diagnostics, rendered by the HTML renderer.
    var html = ""
    /// The run's tables as CSV (with the byte-order mark Excel needs) and as Markdown: what the page's
    /// export buttons download, written by the same renderers as `export`.
    var csv = ""
    var markdown = ""
    /// The same tables as an Excel workbook, base64-encoded (empty when the run made no table).
    var xlsx = ""
    /// Set when the run hit a limit (its time): answered with that error's HTTP status.
    var error: ServeError?
    var language: Language

    /// The HTTP status: 200 for a run that ended (also with an error in the source), else the limit's.
    var httpStatus: Int { error?.status ?? 200 }

    /// Collects the events of a run and renders them against the session's sources once it ended.
    struct Collector {
        /// What the run printed, in order: documents, and the years it loaded.
        enum Item {
            case document(Document)
            case loaded(name: String, label: String)
        }

        var items: [Item] = []
        var diagnostics: [Diagnostic] = []

        mutating func take(_ event: Session.Event) {
            switch event {
            case .result(let value, let type): items.append(.document(Document([.value(value, type: type, label: nil)])))
            case .document(let document): items.append(.document(document))
            case .loaded(let name, let label): items.append(.loaded(name: name, label: label))
            case .diagnostic(let d): diagnostics.append(d)
            }
        }

        func reply(status: Session.Status, timedOut: Double?, session: Session) -> RunReply {
            let json = JSONRenderer(format: session.formatter, sources: session.sources)
            let html = HTMLRenderer(format: session.formatter, sources: session.sources)
            var reply = RunReply(status: RunReply.name(status), language: session.settings.language)
            var all = Document()
            for item in items {
                switch item {
                case .loaded(let name, let label):
                    reply.results.append("{\"kind\":\"loaded\",\"name\":" + JSONRenderer.string(name) + ",\"label\":" + JSONRenderer.string(label) + "}")
                case .document(let document):
                    reply.results += document.blocks.map(json.render)
                    reply.html += html.render(document)
                    all.blocks += document.blocks
                }
            }
            reply.csv = CSVRenderer(format: session.formatter, byteOrderMark: true).render(all) ?? ""
            reply.xlsx = XLSXRenderer(format: session.formatter).render(all).map { Data($0).base64EncodedString() } ?? ""
            reply.markdown = MarkdownRenderer(format: session.formatter).render(Document(all.blocks.filter { if case .table = $0 { true } else { false } }))
            reply.diagnostics = diagnostics.map { json.render(.diagnostic($0)) }
            if !diagnostics.isEmpty { reply.html += html.render(Document(diagnostics.map { .diagnostic($0) })) }
            if let timedOut, status == .interrupted {
                reply.status = "timedOut"
                reply.error = .timedOut(seconds: timedOut)
            }
            return reply
        }
    }

    static func name(_ status: Session.Status) -> String {
        switch status {
        case .success: "success"
        case .failure: "failure"
        case .incomplete: "incomplete"
        case .interrupted: "interrupted"
        }
    }

    var json: String {
        var fields = ["\"status\":" + JSONRenderer.string(status),
                      "\"results\":[" + results.joined(separator: ",") + "]",
                      "\"diagnostics\":[" + diagnostics.joined(separator: ",") + "]",
                      "\"html\":" + JSONRenderer.string(html),
                      "\"csv\":" + JSONRenderer.string(csv),
                      "\"markdown\":" + JSONRenderer.string(markdown),
                      "\"xlsx\":" + JSONRenderer.string(xlsx)]
        if let error { fields.append("\"error\":" + error.object(in: language)) }
        return "{" + fields.joined(separator: ",") + "}"
    }
}
