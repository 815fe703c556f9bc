import SuanCore
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// Prints session events in the format of the run (`--format`): results and documents to standard
/// output, diagnostics to standard error. One renderer per format; nothing is formatted here.
package struct Console {
    /// How a whole run prints (`suan --format …`).
    package enum Format: String, CaseIterable {
        case terminal, md, csv, html, json
    }

    package var format: Format = .terminal
    package var colour: Bool
    package var colourErrors: Bool
    /// The widest line on a terminal; nil for unlimited (a pipe, a file).
    package var width: Int?
    package var values = ValueFormatter()
    package var unicode = true
    /// The command line's own messages, in the run's language.
    package var words: CommandWords { CommandWords(language: values.language) }
    /// Keeps a streamed table's layout across its parts.
    package let layouts = TerminalRenderer.LayoutMemory()

    package init(format: Format = .terminal, colour: Bool, colourErrors: Bool, width: Int?, values: ValueFormatter = ValueFormatter(), unicode: Bool = true) {
        self.format = format
        self.colour = colour
        self.colourErrors = colourErrors
        self.width = width
        self.values = values
        self.unicode = unicode
    }

    package static func error(_ text: String) {
        // Output printed so far goes first, so that a warning never lands inside a table in a pipe.
        fflush(stdout)
        fputs(text + "\n", stderr)
    }

    package func terminal(_ sources: [SourceFile] = [], colour: Bool? = nil) -> TerminalRenderer {
        TerminalRenderer(format: values, colour: colour ?? self.colour, width: width, unicode: unicode, sources: sources, layouts: layouts)
    }

    /// The text a document prints as in this run's format.
    package func rendered(_ document: Document, sources: [SourceFile] = []) -> String {
        switch format {
        case .terminal:
            return terminal(sources).render(document)
        case .md: return MarkdownRenderer(format: values, sources: sources).render(document)
        case .csv:
            // Table-shaped results as CSV (no byte-order mark on a stream); anything else as plain text.
            return CSVRenderer(format: values, byteOrderMark: false).render(document)
                ?? TerminalRenderer(format: values, sources: sources).render(document) + "\n"
        case .html: return HTMLRenderer(format: values, sources: sources).render(document)
        case .json: return JSONRenderer(format: values, sources: sources).render(document)
        }
    }

    package func show(_ event: Session.Event) {
        switch event {
        case .result(let value, let type):
            emit(rendered(Document([.value(value, type: type, label: nil)])))
        case .document(let document):
            emit(rendered(document))
        case .loaded:
            break
        case .diagnostic:
            break  // rendered by `diagnostic(_:session:)`, which has the session's sources
        }
    }

    /// Prints text that ends in a newline as it is, and other text with one.
    package func emit(_ text: String) {
        if text.hasSuffix("\n") { fputs(text, stdout) } else { print(text) }
    }

    /// A diagnostic on standard error, in the run's format (JSON runs get a JSON object).
    package func diagnostic(_ d: Diagnostic, session: Session) {
        diagnostic(d, sources: session.sources)
    }

    /// A diagnostic rendered against `sources`, in the run's format, on standard error.
    package func diagnostic(_ d: Diagnostic, sources: [SourceFile]) {
        switch format {
        case .json: Console.error(JSONRenderer(format: values, sources: sources).render(Document([.diagnostic(d)])).trimmingTrailingNewline)
        case .html: Console.error(HTMLRenderer(format: values, sources: sources).render(Document([.diagnostic(d)])).trimmingTrailingNewline)
        default: Console.error(DiagnosticRenderer(colour: colourErrors, language: values.language).render(d, in: sources))
        }
    }
}

extension String {
    var trimmingTrailingNewline: String { hasSuffix("\n") ? String(dropLast()) : self }
}
