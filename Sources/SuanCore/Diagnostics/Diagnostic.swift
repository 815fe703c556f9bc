/// A problem found in Suan source, as data; rendering is separate (``DiagnosticRenderer``).
public struct Diagnostic: Sendable, Error {
    public enum Severity: String, Sendable {
        case error, warning, note
    }

    public var severity: Severity
    /// A stable identifier for tests and docs, e.g. `dimension-mismatch`.
    public var id: DiagnosticID
    /// What went wrong, in either language (``Message``).
    public var text: Message
    public var span: SourceSpan
    /// Further lines printed after the source excerpt (`help: …`, `left: …`).
    public var notes: [Message]
    /// Where the problem arose, when ``span`` points at the call that led there (an error inside a
    /// Stdlib function points at the user's call; this is the Stdlib line, rendered as a note).
    public var origin: SourceSpan?
    /// True when ``origin`` is in the Stdlib: the note names the place but not its line, which is
    /// the Stdlib's own code and no help to a user who called it.
    public var originInLibrary = false
    /// When the span is in a module: the `use` statements that led to it, innermost first, each
    /// rendered as a note with its own position (the error itself points into the module's file).
    public var usedAt: [SourceSpan] = []

    public init(_ severity: Severity = .error, id: DiagnosticID, _ message: Message, at span: SourceSpan, notes: [Message] = []) {
        self.severity = severity
        self.id = id
        self.text = message
        self.span = span
        self.notes = notes
    }

    /// The message in English (tests check ids; this is for logs and tools).
    public var message: String { text.description }
}
