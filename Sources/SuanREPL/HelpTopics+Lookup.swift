import SuanCore

extension HelpTopics {
    /// The text of the `:help` topic named `name` in `language`, for programs (`suan --machine`'s
    /// inspect request); nil when there is no such topic.
    public static func text(of name: String, in language: Language) -> String? {
        topic(name).map { $0.name + "\n" + $0.text(in: language) }
    }
}

extension HelpTopics {
    /// What `:help TOPIC` answers a program (a notebook cell `:help what-if`): the overview for no
    /// topic, the topic's name and text, or "no help topic" and the overview.
    public static func page(_ topicName: String, in language: Language) -> String {
        guard !topicName.isEmpty else { return overview(language) }
        return text(of: topicName, in: language)
            ?? language.pick("没有帮助主题“\(topicName)”。", "no help topic '\(topicName)'. ") + overview(language)
    }
}
