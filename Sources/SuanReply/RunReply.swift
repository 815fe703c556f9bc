import Foundation
import SuanCore
import SuanSheets

/// What one run of Suan source answers a program: the run's status, its results as the JSON
/// renderer's objects (one per block, in order), its diagnostics with their spans, and the same
/// results as one HTML fragment. `suan serve` answers `POST /api/sessions/ID/run` with it and
/// `suan --machine` answers each request line with it (docs/output.md).
///
///     {"status":"success","results":[{"kind":"value","type":"Ratio","text":"67.19%",…}],
///      "diagnostics":[],"html":"<div class=\"suan-doc\">…</div>"}
public struct RunReply: Sendable {
    /// `success`, `failure`, `incomplete` (the input ends inside a bracket), `interrupted`, or what
    /// the caller makes of an interruption (`suan serve`: `timedOut`).
    public var status: String
    /// One JSON object per block of every document the run produced.
    public var results: [String] = []
    /// One JSON object per diagnostic (errors and warnings), with `rendered` holding the caret text.
    public var diagnostics: [String] = []
    /// The documents and then the diagnostics, rendered by the HTML renderer.
    public var html = ""
    /// The run's tables as CSV (with the byte-order mark Excel needs) and as Markdown: what the page's
    /// export buttons download, written by the same renderers as `export`. Empty unless asked for.
    public var csv = ""
    public var markdown = ""
    /// The same tables as an Excel workbook, base64-encoded (empty when the run made no table or
    /// exports were not asked for).
    public var xlsx = ""
    /// Whether the run made a table or a chart (a notebook shows those as HTML).
    public var hasTables = false
    /// One text per result, in the order of ``results``: what the REPL prints for it in the session's
    /// language (`67.19%  [Ratio]`, `已载入 y2022（来自 …）`, a table or chart as the terminal draws it,
    /// without colour). A notebook shows it as `text/plain`.
    public var texts: [String] = []
    /// Each chart the run drew as a standalone SVG document, in order, when the charts were asked
    /// for apart (`suan --machine`: a notebook shows them as `image/svg+xml`); ``html`` then leaves
    /// them out.
    public var charts: [String] = []
    public var language: Language

    public init(status: String, language: Language) {
        self.status = status
        self.language = language
    }

    /// Collects the events of a run and renders them against the session's sources once it ended.
    public struct Collector {
        /// What the run printed, in order: documents, and the years it loaded.
        enum Item {
            case document(Document)
            case loaded(name: String, label: String)
            /// The note under a table cut to its first `shown` rows.
            case leftOut(rows: Int, shown: Int)
        }

        var items: [Item] = []
        var diagnostics: [Diagnostic] = []
        /// The most rows of each table the reply holds; nil for all (``RowCap``).
        var rowCap: RowCap?

        /// `rowsShown`: the most rows of each table the reply holds (the rest are counted in a note
        /// under the table); nil for all.
        public init(rowsShown: Int? = nil) {
            rowCap = rowsShown.map { RowCap(limit: $0) }
        }

        public mutating func take(_ event: Session.Event) {
            switch event {
            case .result(let value, let type): take(.document(Document([.value(value, type: type, label: nil)])))
            case .document(let document):
                guard var cap = rowCap else { items.append(.document(document)); return }
                var kept = Document()
                for block in document.blocks {
                    let (closed, admitted) = cap.admit(block)
                    if let closed {
                        if !kept.blocks.isEmpty { items.append(.document(kept)) }
                        items.append(closed)
                        kept = Document()
                    }
                    guard let admitted else { continue }
                    if !kept.joins(admitted), !(kept.blocks.isEmpty && joinsLastItem(admitted)) { kept.append(admitted) }
                }
                rowCap = cap
                if !kept.blocks.isEmpty { items.append(.document(kept)) }
            case .loaded(let name, let label):
                closeTable()
                items.append(.loaded(name: name, label: label))
            case .diagnostic(let d): diagnostics.append(d)
            }
        }

        /// Joins a table's continuation to the part before it in the last item, if that ends in a table.
        mutating func joinsLastItem(_ block: Document.Block) -> Bool {
            guard case .document(var last)? = items.last, last.joins(block) else { return false }
            items[items.count - 1] = .document(last)
            return true
        }

        /// Adds the note of rows left out of the last table, if any.
        mutating func closeTable() {
            if let note = rowCap?.close() { items.append(note) }
        }

        /// The reply; with `exports`, also the CSV, Markdown and workbook of the run's tables; with
        /// `chartsApart`, the charts as SVG documents in ``charts`` instead of inside ``html``.
        public func reply(status: Session.Status, session: Session, exports: Bool = true, chartsApart: Bool = false) -> RunReply {
            var collector = self
            collector.closeTable()
            return collector.finished(status: status, session: session, exports: exports, chartsApart: chartsApart)
        }

        func finished(status: Session.Status, session: Session, exports: Bool, chartsApart: Bool) -> RunReply {
            let json = JSONRenderer(format: session.formatter, sources: session.sources)
            let plain = PlainText(session: session)
            let html = HTMLRenderer(format: session.formatter, sources: session.sources)
            var reply = RunReply(status: RunReply.name(status), language: session.settings.language)
            var all = Document()
            for item in items {
                switch item.shown(in: session) {
                case .loaded(let name, let label):
                    reply.results.append("{\"kind\":\"loaded\",\"name\":" + JSONRenderer.string(name) + ",\"label\":" + JSONRenderer.string(label) + "}")
                    reply.texts.append(plain.loaded(name, from: label))
                case .document(let document):
                    reply.results += document.blocks.map(json.render)
                    reply.texts += document.blocks.map(plain.render)
                    all.blocks += document.blocks
                    guard chartsApart else { reply.html += html.render(document); continue }
                    reply.charts += document.blocks.compactMap { if case .chart(let chart) = $0 { SVGChart(format: session.formatter).render(chart) } else { nil } }
                    let rest = Document(document.blocks.filter { if case .chart = $0 { false } else { true } })
                    if !rest.blocks.isEmpty { reply.html += html.render(rest) }
                case .leftOut:
                    break  // made a document by `shown(in:)`
                }
            }
            reply.hasTables = all.blocks.contains { block in
                switch block {
                case .table, .chart: true
                default: false
                }
            }
            if exports {
                reply.csv = CSVRenderer(format: session.formatter, byteOrderMark: true).render(all) ?? ""
                reply.xlsx = XLSXRenderer(format: session.formatter).render(all).map { Data($0).base64EncodedString() } ?? ""
                reply.markdown = MarkdownRenderer(format: session.formatter).render(Document(all.blocks.filter { if case .table = $0 { true } else { false } }))
            }
            reply.diagnostics = diagnostics.map { json.render(.diagnostic($0)) }
            if !diagnostics.isEmpty { reply.html += html.render(Document(diagnostics.map { .diagnostic($0) })) }
            return reply
        }
    }

    /// The reply's members for a program that shows the results itself (`suan --machine`): the core
    /// ones, `texts`, `hasTables` and `charts`.
    public var machineFields: [String] {
        coreFields + ["\"texts\":[" + texts.map(JSONRenderer.string).joined(separator: ",") + "]",
                      "\"hasTables\":" + (hasTables ? "true" : "false"),
                      "\"charts\":[" + charts.map(JSONRenderer.string).joined(separator: ",") + "]"]
    }

    public static func name(_ status: Session.Status) -> String {
        switch status {
        case .success: "success"
        case .failure: "failure"
        case .incomplete: "incomplete"
        case .interrupted: "interrupted"
        }
    }

    /// The status, results, diagnostics and HTML as JSON object members (without the braces).
    public var coreFields: [String] {
        ["\"status\":" + JSONRenderer.string(status),
         "\"results\":[" + results.joined(separator: ",") + "]",
         "\"diagnostics\":[" + diagnostics.joined(separator: ",") + "]",
         "\"html\":" + JSONRenderer.string(html)]
    }

    /// The export members: `csv`, `markdown`, `xlsx`.
    public var exportFields: [String] {
        ["\"csv\":" + JSONRenderer.string(csv),
         "\"markdown\":" + JSONRenderer.string(markdown),
         "\"xlsx\":" + JSONRenderer.string(xlsx)]
    }
}
