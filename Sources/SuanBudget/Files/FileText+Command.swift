extension FileText {
    /// The command that writes a file, so that "already exists" shows how to replace it with the
    /// command the user typed.
    public enum Command: Sendable {
        /// `export … to "x.csv"`
        case export
        /// `chart … to "x.svg"`
        case chart
        /// `:save FILE` in the REPL
        case save
        /// The REPL's history file (always replaced).
        case history

        /// The command written out with `force`, e.g. `chart … to "y.svg" force`.
        func forced(_ path: String) -> String {
            switch self {
            case .export: "export … to \"\(path)\" force"
            case .chart: "chart … to \"\(path)\" force"
            case .save: ":save \(path) force"
            case .history: "force"
            }
        }
    }
}
