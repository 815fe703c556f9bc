import SuanCore

/// Each result of a run as the REPL prints it, without colour, in the session's language: the
/// `text/plain` a notebook shows (`67.19%  [Ratio]`, `67.19%  [比率]`, `已载入 y2022（来自 …）`,
/// a table or chart as the terminal draws it).
struct PlainText {
    let session: Session
    /// One layout for the whole run, so that the parts of a long table line up.
    let terminal: TerminalRenderer

    init(session: Session) {
        self.session = session
        terminal = TerminalRenderer(format: session.formatter, unicode: true, sources: session.sources, layouts: TerminalRenderer.LayoutMemory())
    }

    var language: Language { session.settings.language }

    func loaded(_ name: String, from label: String) -> String {
        let message: Message = "loaded \(name) from \(label)"
        return message.text(in: language)
    }

    /// A value with its type in brackets (and its label in front); any other block as the terminal draws it.
    func render(_ block: Document.Block) -> String {
        guard case .value(let value, let type, let label) = block else { return terminal.render(block) }
        let shown = type == .any ? value.type : type
        let typeName = language == .chinese ? MessageCatalogue.term(shown.name) : shown.name
        return (label.map { $0 + " = " } ?? "") + session.formatter.text(value) + "  [" + typeName + "]"
    }
}
