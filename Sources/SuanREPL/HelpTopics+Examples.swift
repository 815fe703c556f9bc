import SuanCore

extension HelpTopics {
    /// A topic's examples as `:help` prints them, each run now in `session` (the REPL's fresh
    /// session with the bundled 2022 year): `算> input` then `= value` for an expression. A statement
    /// (`load 示例 2020..2022`) has no value and shows as its input alone; it still runs, so the
    /// examples after it see what it bound.
    static func shownExamples(_ topic: Topic, in session: Session) -> [String] {
        var scratch = session
        let format = scratch.formatter
        return topic.examples.map { example in
            var shown: String?
            scratch.run(example, name: "<help>", transactional: true) { event in
                if case .result(let v, _) = event { shown = format.text(v) }
            }
            return "  算> \(example)" + (shown.map { "\n  = \($0)" } ?? "")
        }
    }
}
