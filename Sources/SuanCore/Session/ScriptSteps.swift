/// A script cut into the steps `suan --step` shows one at a time: each statement with the comment
/// lines above it, from the statement spans the parser gives.
///
/// A step runs on its own, but in the script's own coordinates: ``Step/runnable`` is the script's
/// text with everything before the statement blanked (line ends kept) and everything after it cut,
/// so a diagnostic names the script's line and column.
///
///     let steps = try ScriptSteps(SourceFile(name: "demo.suan", text: "# ## 概况\nlet a = 1\na + 1\n"))
///     steps.steps[0].comments   // ["# ## 概况"]
///     steps.steps[1].label      // "a + 1"
public struct ScriptSteps: Sendable {
    /// One statement and what is written above it.
    public struct Step: Sendable {
        /// Comment lines between the previous statement and this one, as written; blank lines dropped.
        public var comments: [String]
        /// The lines the statement stands on, as written (a comment after it included); empty for the
        /// comments after the last statement.
        public var lines: [String]
        /// For a bare expression, its source text on one line (`合计`): the label of its result.
        public var label: String?
        /// The source to run (see ``ScriptSteps``); empty for the comments after the last statement.
        public var runnable: String
    }

    public var steps: [Step]

    /// Splits `source`; fails with the parser's diagnostic when the script does not parse.
    public init(_ source: SourceFile) throws(Diagnostic) {
        let statements: [Statement]
        switch Parser.parse(source, file: 0) {
        case .success(let s): statements = s
        case .failure(let f): throw f.diagnostic
        }
        let scalars = source.decodedScalars()
        var steps: [Step] = []
        var nextLine = 1  // the first line not yet shown
        for statement in statements {
            let first = source.position(of: Int(statement.span.start)).line
            let last = source.position(of: max(Int(statement.span.start), Int(statement.span.end) - 1)).line
            let comments = first > nextLine ? ScriptSteps.comments(source, lines: nextLine..<first) : []
            let lines = last >= max(first, nextLine) ? (max(first, nextLine)...last).map(source.line) : []
            nextLine = max(nextLine, last + 1)
            var runnable = String.UnicodeScalarView()
            let start = min(Int(statement.span.start), scalars.count), end = min(Int(statement.span.end), scalars.count)
            for s in scalars[0..<start] { runnable.append(s == "\n" ? "\n" : " ") }
            runnable.append(contentsOf: scalars[start..<end])
            var label: String?
            if case .expression = statement.kind {
                label = source.text(statement.span).split(whereSeparator: \.isWhitespace).joined(separator: " ")
            }
            steps.append(Step(comments: comments, lines: lines, label: label, runnable: String(runnable)))
        }
        let total = source.position(of: scalars.count).line
        if total >= nextLine {
            let trailing = ScriptSteps.comments(source, lines: nextLine..<(total + 1))
            if !trailing.isEmpty { steps.append(Step(comments: trailing, lines: [], label: nil, runnable: "")) }
        }
        self.steps = steps
    }

    /// The non-blank lines in `range`, as written.
    static func comments(_ source: SourceFile, lines range: Range<Int>) -> [String] {
        range.map(source.line).filter { !$0.allSatisfy(\.isWhitespace) }
    }

    /// The heading a comment line marks, `# ## 概况` → ("概况", 2), or nil for an ordinary comment
    /// (`# 说明`, and `## 说明`: the comment's `#` must be followed by a space).
    public static func heading(_ comment: String) -> (text: String, level: Int)? {
        var rest = comment.drop { $0.isWhitespace }
        guard rest.first == "#", let gap = rest.dropFirst().first, gap.isWhitespace else { return nil }  // not `## 说明`
        rest = rest.dropFirst().drop { $0.isWhitespace }
        let marks = rest.prefix { $0 == "#" }.count
        guard marks > 0 else { return nil }
        let after = rest.dropFirst(marks)
        guard let space = after.first, space.isWhitespace else { return nil }
        let text = after.trimmingWhitespace
        return text.isEmpty ? nil : (text, marks)
    }
}

extension Substring {
    var trimmingWhitespace: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
