import SuanCore
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// Prints session events: results and text to standard output, diagnostics to standard error.
struct Console {
    var colour: Bool
    var colourErrors: Bool

    static func error(_ text: String) {
        // Output printed so far goes first, so that a warning never lands inside a table in a pipe.
        fflush(stdout)
        fputs(text + "\n", stderr)
    }

    func show(_ event: Session.Event) {
        switch event {
        case .result(let value, _):
            print(ValueFormatter().markup(value).rendered(colour: colour))
        case .text(let text):
            print(text)
        case .loaded:
            break
        case .diagnostic:
            break  // rendered by the caller, which holds the session's sources
        }
    }
}
