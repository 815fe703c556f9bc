import SuanCommandLine
import SuanCore
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// The progress line of long work on standard error, only when standard error is a terminal:
/// `suan: count 45% (450/1000 rows)`, redrawn in place and cleared when the work ends.
struct ProgressLine: Sendable {
    let words: CommandWords

    /// The reporter for ``Settings/progress``, or nil when standard error is not a terminal (a pipe,
    /// a file, a test), where a line redrawn with carriage returns would be noise.
    static func reporter(words: CommandWords) -> (@Sendable (ProgressReport) -> Void)? {
        guard isatty(2) == 1 else { return nil }
        let line = ProgressLine(words: words)
        return { line.show($0) }
    }

    func show(_ report: ProgressReport) {
        // Carriage return, the text, then erase to the end of the line: a shorter line leaves no tail.
        let text = report.finished ? "\r\u{1B}[K" : "\r" + words.progress(report) + "\u{1B}[K"
        fflush(stdout)
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }
    }
}
