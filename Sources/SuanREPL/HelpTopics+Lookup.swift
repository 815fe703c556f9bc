import SuanCore

extension HelpTopics {
    /// The text of the `:help` topic named `name` in `language`, for programs (`suan --machine`'s
    /// inspect request); nil when there is no such topic.
    public static func text(of name: String, in language: Language) -> String? {
        topic(name).map { $0.name + "\n" + $0.text(in: language) }
    }
}
