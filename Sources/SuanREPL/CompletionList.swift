import SuanCore

/// Lays out completion candidates in columns that fit the terminal, so no line is wider than the
/// terminal and no candidate is broken across lines (widths by display width: CJK counts two).
enum CompletionList {
    /// At most this many candidates are shown; a last line says how many more there are.
    static let limit = 60

    static func layout(_ candidates: [String], width: Int) -> String {
        let shown = Array(candidates.prefix(limit))
        guard !shown.isEmpty else { return "" }
        let cell = (shown.map { DisplayWidth.of($0) }.max() ?? 1) + 2
        let columns = max(1, (width + 2) / cell)
        let rows = (shown.count + columns - 1) / columns
        var lines: [String] = []
        for r in 0..<rows {
            var line = ""
            for c in 0..<columns {
                let i = c * rows + r
                guard i < shown.count else { continue }
                line += c == columns - 1 || (c + 1) * rows + r >= shown.count ? shown[i] : DisplayWidth.pad(shown[i], to: cell)
            }
            lines.append(line)
        }
        if candidates.count > shown.count { lines.append("… +\(candidates.count - shown.count)") }
        return lines.joined(separator: "\n")
    }
}
