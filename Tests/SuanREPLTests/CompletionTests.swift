import Testing
import SuanTestSupport
import SuanBudget
@testable import SuanCore
@testable import SuanREPL

@Suite struct CompletionTests {
    var completer: Completer {
        var h = SessionHarness()
        h.run("load 2022")
        return Completer(session: h.session)
    }

    @Test func namesKeywordsAndCommands() {
        let c = completer
        #expect(c.complete("基本支").candidates.contains("基本支出"))
        #expect(c.complete("基本支").commonPrefix.hasPrefix("基本支出"))
        #expect(c.complete("scen").candidates == ["scenario"])
        #expect(c.complete(":he").candidates == [":help"])
    }

    @Test func fieldsAfterADot() {
        let c = completer
        #expect(c.complete("y2022.总").candidates.contains("总支出"))
        #expect(c.complete("y2022.").candidates.contains("项目"))
    }

    @Test func projectNamesInsideIndexing() {
        let completion = completer.complete("项目[\"海")
        #expect(completion.candidates == ["海珠区专职人民调解服务项目\"]"])
        #expect(completion.replacing == 1)
    }

    @Test func unitsAfterDigits() {
        let c = completer
        #expect(c.complete("3622.4万").candidates == ["万元"])
        #expect(c.complete("7730场").candidates == ["场次"])
    }

    @Test func pathsAfterLoad() {
        #expect(completer.complete("load \"/e").candidates.contains("/etc/"))
        #expect(completer.complete("use \"/e").candidates.contains("/etc/"))
    }

    @Test func stdlibModulesAfterUse() {
        #expect(completer.complete("use sc") == .init(replacing: 2, candidates: ["scoring"]))
        #expect(completer.complete("use ").candidates == ["units", "prelude", "scoring", "planning"])
        #expect(!completer.complete("sc").candidates.contains("scoring"))
    }

    @Test func historyEntriesAreOneLineDeduplicatedAndBounded() {
        #expect(HistoryFile.entry(for: "(1 +  \n\n  2)") == "(1 +\n  2)")
        // Multi-line entries keep their lines through the file; `\` at a line's end is kept too.
        let entries = ["1 + 1", "scenario s from y2022 {\n  基本支出 -= 5%\n}", "1 + \\\n2", "# a \\"]
        #expect(HistoryFile.decoded(HistoryFile.encoded(entries)) == ["1 + 1", "scenario s from y2022 {\n  基本支出 -= 5%\n}", "1 + \\\n2", "# a \\ "])
        #expect(HistoryFile.decoded("a\nb\n") == ["a", "b"])
        #expect(HistoryFile.normalized(["a", "b", "a"]) == ["b", "a"])
        #expect(HistoryFile.normalized((0..<1500).map(String.init)).count == HistoryFile.limit)
    }

    @Test func aCompleteNameThatIsAlsoAPrefixIsListedBesideTheLongerOne() {
        let completion = completer.complete("基本支出")
        #expect(completion.candidates.contains("基本支出"))
        #expect(completion.candidates.contains("基本支出占比"))
        #expect(completion.commonPrefix == "基本支出")
    }

    @Test func yearsAfterLoadCollectionAndProjectsAfterOnly() {
        let c = completer
        #expect(c.complete("load 示例 ").candidates == ["2020", "2021", "2022"])
        #expect(c.complete("load 示例 2021").candidates == ["2021"])
        #expect(c.complete("compare y2022 only ").candidates.contains("海珠区专职人民调解服务项目"))
        #expect(c.complete("compare y2022 only 总支出, 海").candidates == ["海珠区专职人民调解服务项目"])
        #expect(c.complete("compare y2022 only \"一村").candidates == ["一村（社区）一法律顾问工作项目\""])
    }

    @Test func stdlibHelpersAreHiddenAndShadowingVariablesShown() {
        var h = SessionHarness()
        _ = h.run("load 2022")
        let before = Completer(session: h.session)
        #expect(!before.complete("项目得").candidates.contains("项目得分"))
        #expect(!before.complete("项目评").candidates.contains("项目评分行"))
        #expect(!before.complete("估算").candidates.contains("估算说明"))
        #expect(before.complete("部门").candidates.contains("部门评分"))
        #expect(before.complete("估算").candidates.contains("估算"))
        #expect(!h.session.variables.map(\.name).contains("项目得分"))
        // A user's own binding of a Stdlib name is theirs: completion and :vars show it.
        #expect(h.run("let 占比 = 3") == .success)
        #expect(h.run("fn 项目得分(p) = 1") == .success)
        #expect(h.session.variables.map(\.name).contains("占比"))
        #expect(h.session.variables.map(\.name).contains("项目得分"))
        #expect(Completer(session: h.session).complete("项目得").candidates.contains("项目得分"))
    }
}

@Suite struct CompletionListTests {
    @Test func candidatesFitTheWidthWithoutBreakingAWord() {
        let names = (1...30).map { "基本支出占比候选\($0)" }
        let text = CompletionList.layout(names, width: 50)
        for line in text.split(separator: "\n") {
            #expect(DisplayWidth.of(String(line)) <= 50, "\(line)")
        }
        for name in names { #expect(text.contains(name)) }
    }
}

/// `:help`'s topics and how their examples show.
@Suite struct HelpTopicTests {
    @Test func aStatementExampleShowsWithoutAValueAndTheExamplesAfterItSeeWhatItBound() throws {
        var h = SessionHarness()
        h.run("load 2022")
        let years = try #require(HelpTopics.topic("years"))
        let shown = HelpTopics.shownExamples(years, in: h.session)
        #expect(shown.first == "  算> load 示例 2020..2022", "\(shown)")
        #expect(shown.dropFirst().first == "  算> len(示例年份)\n  = 3", "\(shown)")
        #expect(!shown.joined().contains("= —"), "\(shown)")
    }

    @Test func listsAndTextHaveTopicsInBothLanguagesAndTheirExamplesRun() throws {
        var h = SessionHarness()
        h.run("load 2022")
        for name in ["lists", "text", "fn", "format"] {
            let topic = try #require(HelpTopics.topic(name), "\(name)")
            #expect(HelpTopics.chinese[topic.name] != nil, "\(name)")
            for line in HelpTopics.shownExamples(topic, in: h.session) { #expect(line.contains("\n  = "), "\(name): \(line)") }
        }
        #expect(HelpTopics.topic("fn")?.name == "lists")
        #expect(HelpTopics.shownExamples(try #require(HelpTopics.topic("lists")), in: h.session).first == "  算> map([1, 2, 3], fn(x) = x * 2)\n  = [2, 4, 6]")
        // The years topic says which years are bundled, and English help speaks of subtotals.
        let years = try #require(HelpTopics.topic("years"))
        #expect(years.text(in: .english).contains("only 2022 and 示例 2020–2022 are bundled"))
        #expect(!years.text(in: .english).contains("小计"))
    }

    @Test func theDataTopicSaysLargeFilesShowTheirLoadingInBothLanguages() throws {
        let data = try #require(HelpTopics.topic("data"))
        #expect(data.text(in: .english).contains("suan: loading 40%"))
        #expect(data.text(in: .chinese).contains("suan：正在载入 40%"))
    }
}
