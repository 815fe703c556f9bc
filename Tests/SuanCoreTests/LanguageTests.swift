import Testing
import SuanTestSupport
@testable import SuanCore

@Suite struct LexerTests {
    func kinds(_ text: String) -> [Token.Kind] {
        Lexer.tokenize(SourceFile(name: "t", text: text), file: 0).map(\.kind)
    }

    @Test func readsNumbersUnitsAndNames() {
        #expect(kinds("3622.4万元") == [.number("3622.4"), .identifier("万元"), .endOfInput])
        #expect(kinds("1_000") == [.number("1000"), .endOfInput])
        #expect(kinds("67.2%") == [.number("67.2"), .symbol(.percent), .endOfInput])
        #expect(kinds("0..10") == [.number("0"), .symbol(.dotDot), .number("10"), .endOfInput])
        #expect(kinds("let 公用经费 = 380万元")[1] == .identifier("公用经费"))
        #expect(kinds("x -> 亿元 # note") == [.identifier("x"), .symbol(.arrow), .identifier("亿元"), .endOfInput])
    }

    @Test func readsFullWidthPunctuationAsASCII() {
        #expect(kinds("f（1，2）") == [.identifier("f"), .symbol(.leftParen), .number("1"), .symbol(.comma), .number("2"), .symbol(.rightParen), .endOfInput])
        #expect(kinds("{a：1}")[2] == .symbol(.colon))
        #expect(kinds("１２") == [.number("12"), .endOfInput])
        #expect(kinds("a ≥ b")[1] == .symbol(.greaterEqual))
        #expect(kinds("2 × 3")[1] == .symbol(.star))
        // Inside strings nothing changes.
        #expect(kinds("\"一村（社区）\"") == [.string("一村（社区）"), .endOfInput])
    }

    @Test func reportsBadCharactersAsTokens() {
        if case .invalid(let m) = kinds("1 @ 2")[1] { #expect(m.description.contains("'@'")) } else { Issue.record("expected invalid") }
        if case .invalid(let m) = kinds("\"open")[0] { #expect(m.description.contains("not closed")) } else { Issue.record("expected invalid") }
    }
}

@Suite struct ParserTests {
    func parse(_ text: String) -> Result<[Statement], Parser.Failure> {
        Parser.parse(SourceFile(name: "t", text: text), file: 0)
    }

    func ok(_ text: String) -> [Statement] {
        guard case .success(let s) = parse(text) else { Issue.record("did not parse: \(text)"); return [] }
        return s
    }

    @Test func precedenceFollowsTheTable() {
        var h = SessionHarness()
        #expect(h.value("1 + 2 * 3") == "7")
        #expect(h.value("(1 + 2) * 3") == "9")
        #expect(h.value("-2 ^ 2") == "-4")
        #expect(h.value("2 ^ 3 ^ 2") == "512")
        #expect(h.value("1 < 2 and 2 < 3 or false") == "true")
        #expect(h.value("not 1 > 2") == "true")
        #expect(h.value("1万元 + 2万元 -> 元") == "30,000.00元")
    }

    @Test func statementsSpanLinesInsideBracketsAndAfterOperators() {
        #expect(ok("let a = 1 +\n  2").count == 1)
        #expect(ok("[1,\n 2,\n 3]").count == 1)
        #expect(ok("if true\n then 1\n else 2").count == 1)
        #expect(ok("let a = 1; let b = 2\nlet c = 3").count == 3)
        #expect(ok("{预算: 10万元,\n 执行: 9万元}").count == 1)
    }

    @Test func unfinishedInputIsIncompleteNotAnError() {
        for text in ["(1 + 2", "1 +", "[1, 2", "fn f(x) =", "if a then b else"] {
            #expect(Session.isIncomplete(text), "\(text)")
        }
        for text in ["1 + 2)", "let = 3", "1 2"] {
            #expect(!Session.isIncomplete(text), "\(text)")
        }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
        guard case .failure(let f) = parse(deep) else { Issue.record("parsed"); return }
        #expect(f.diagnostic.id == .nestingLimit)
    }

    @Test func comparisonsDoNotChain() {
        guard case .failure(let f) = parse("1 < 2 < 3") else { Issue.record("parsed"); return }
        #expect(f.diagnostic.message.contains("and"))
    }
}

@Suite struct CheckerTests {
    @Test func unknownNamesSuggestTheClosest() {
        var h = SessionHarness()
        h.run("let 基本支出 = 1万元")
        h.run("基本支出s + 1万元")
        #expect(h.diagnostics.last?.id == .unknownName)
        #expect(h.diagnostics.last?.notes.map(\.description).contains("help: did you mean '基本支出'?") == true)
    }

    @Test func theWholeScriptIsCheckedBeforeAnythingRuns() {
        var h = SessionHarness()
        let status = h.run("print 1\nprint 2\n1万元 + 3件\nprint nosuch", transactional: false)
        #expect(status == .failure)
        #expect(h.output.isEmpty)
        #expect(h.diagnostics.map(\.id) == [.dimensionMismatch, .unknownName])
    }

    @Test func argumentCountsAreChecked() {
        var h = SessionHarness()
        #expect(h.errorID("fn f(a, b) = a + b\nf(1)") == "argument-count")
        #expect(h.errorID("round(1, 2, 3)") == "argument-count")
        #expect(h.errorID("share(1万元)") == "argument-count")
    }

    @Test func dimensionErrorsInsideFunctionsAreFoundAtTheCall() {
        var h = SessionHarness()
        h.run("fn add(a, b) = a + b")
        #expect(h.errorID("add(1万元, 3件)") == "dimension-mismatch")
        #expect(h.value("add(1万元, 2万元)") == "3.00万元")
    }

    @Test func unknownUnitsAreReported() {
        var h = SessionHarness()
        #expect(h.errorID("3斤") == "unknown-unit")
        #expect(h.value("3件") == "3件")
    }
}

@Suite struct StatementTests {
    @Test func letFnRecursionAndConditionals() {
        var h = SessionHarness()
        h.run("let 公用经费 = 380万元")
        #expect(h.value("公用经费 * 2") == "760.00万元")
        h.run("fn fact(n) = if n <= 1 then 1 else n * fact(n - 1)")
        #expect(h.value("fact(20)") == "2,432,902,008,176,640,000")
        h.run("fn 占比2(part, whole) = part / whole")
        #expect(h.value("占比2(2433.84万元, 3622.4万元)") == "67.19%")
    }

    @Test func listsRecordsFieldsAndIndexing() {
        var h = SessionHarness()
        h.run("let p = {预算: 10万元, 执行: 9万元}")
        #expect(h.value("p.执行 / p.预算") == "90%")
        #expect(h.value("p[\"预算\"]") == "10.00万元")
        h.run("let xs = [1万元, 2万元, 3万元]")
        #expect(h.value("xs[1]") == "2.00万元")
        #expect(h.value("sum(xs)") == "6.00万元")
        #expect(h.value("len(xs)") == "3")
        h.run("let ps = [{名称: \"一村（社区）一法律顾问工作项目\", 预算: 5万元}]")
        #expect(h.value("ps[\"一村（社区）一法律顾问工作项目\"].预算") == "5.00万元")
        #expect(h.errorID("xs[5]") == "index-range")
        #expect(h.errorID("p.预") == "unknown-field")
    }

    @Test func builtinsAndPreludeFunctions() {
        var h = SessionHarness()
        #expect(h.value("round(2433.84万元 / 3622.4万元, 0.1%)") == "67.2%")
        #expect(h.value("round(1219692.3077元, 0.01万元)") == "121.97万元")
        #expect(h.value("round(2.5)") == "3")
        #expect(h.value("abs(-3万元)") == "3.00万元")
        #expect(h.value("min(3件, 1件, 2件)") == "1件")
        #expect(h.value("max([1%, 5%])") == "5%")
        #expect(h.value("avg([1万元, 2万元])") == "1.50万元")
        #expect(h.value("share(21家, 45家)") == "46.67%")
        #expect(h.value("占比(585人, 837人)") == "69.89%")
        #expect(h.value("growth(110万元, 100万元)") == "10%")
        #expect(h.value("增长率(837名, 697.5名)") == "20%")
        #expect(h.value("cagr(100万元, 121万元, 2)") == "10%")
    }

    @Test func bankersRoundingIsASetting() {
        var h = SessionHarness()
        #expect(h.value("round(0.125, 0.01)") == "0.13")
        h.session.settings.rounding = .halfEven
        #expect(h.value("round(0.125, 0.01)") == "0.12")
    }

    @Test func failedAssertPrintsBothSides() {
        var h = SessionHarness()
        h.run("assert 1万元 + 1万元 == 3万元")
        #expect(h.diagnostics.last?.id == .assert)
        #expect(h.diagnostics.last?.notes.map(\.description) == ["left:  2.00万元", "right: 3.00万元"])
        #expect(h.run("assert 1 == 1") == .success)
    }

    @Test func aFailedLineLeavesTheSessionAsItWas() {
        var h = SessionHarness()
        h.run("let a = 1万元")
        h.run("let a = 2万元\nlet b = 1 / 0")
        #expect(h.value("a") == "1.00万元")
        #expect(h.errorID("b") == "unknown-name")
    }

    @Test func runawayRecursionIsAPositionedError() {
        var h = SessionHarness()
        h.run("fn loop(n) = loop(n + 1)")
        #expect(h.errorID("loop(1)") == "recursion-limit")
        #expect(h.value("1 + 1") == "2")
    }

    @Test func ansHoldsTheLastResult() {
        var h = SessionHarness()
        h.run("2433.84万元")
        #expect(h.value("ans + 1188.56万元") == "3,622.40万元")
        #expect(h.value("_ -> 亿元") == "0.36亿元")
    }

    @Test func stdlibModulesLoadWithoutProblems() {
        #expect(Session().stdlibProblems.isEmpty)
    }
}
