/// Session settings: display and limits.
public struct Settings: Sendable {
    /// 四舍五入 by default; banker's rounding on request.
    public var rounding: RoundingMode = .halfAwayFromZero
    /// Deeper Suan calls are an error, not a stack overflow.
    public var maximumCallDepth = 400
    public var maximumListLength = 10_000_000
    /// Rows a table may have before it is refused.
    public var maximumTableRows = 10_000_000
    /// At most this many calls and loop steps per statement, when set (the fuzzers set it so that a
    /// legitimately exponential program is an error rather than a hang).
    public var maximumSteps: Int? = nil
    /// Threads that `map`, `filter`, `count` and `table` may split long work across (`--jobs`); 1 runs
    /// everything on the session's thread. The answer is the same either way.
    public var jobs = 1
    /// Where long work (a `count` or `table` grid, a long `map` or `filter`, a large `load`) reports
    /// how far it has got, once it has run for a second; nil reports nothing. The shell shows it as
    /// a progress line on a terminal.
    public var progress: (@Sendable (ProgressReport) -> Void)? = nil
    /// Unicode block characters in charts; plain ASCII when the terminal is not UTF-8.
    public var unicode = true
    /// The language of messages and displays: Chinese or English (the CLI reads the locale).
    public var language: Language = .english

    public init() {}
}
