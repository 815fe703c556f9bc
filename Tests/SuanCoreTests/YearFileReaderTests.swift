import Testing
import SuanStdlib
@testable import SuanCore

/// The direct reader for data-only year files and the general pipeline build the same year.
@Suite struct YearFileReaderTests {
    func bothWays(_ name: String, _ text: String) throws -> (fast: Record?, general: Record) {
        let session = Session()
        let source = SourceFile(name: name, text: text)
        let fast = YearFileReader.read(source, file: 0, units: session.stdlibScope.units) { n in
            session.stdlibScope.slot(n).map { session.stdlibGlobals[$0] }
        }
        var slow = session.dataEvaluator
        slow.usesDirectReader = false
        return (fast, try slow.evaluate(source, file: 0))
    }

    func same(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.record(let x), .record(let y)):
            return x.kind == y.kind && x.keys == y.keys && x.spans == y.spans && zip(x.values, y.values).allSatisfy { same($0, $1) }
        case (.list(let x), .list(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
        case (.target(let o1, let v1), .target(let o2, let v2)):
            return o1 == o2 && same(v1.value, v2.value)
        case (.money(let x, let u1), .money(let y, let u2)): return x == y && u1 == u2
        case (.ratio(let x, let s1), .ratio(let y, let s2)): return x == y && s1 == s2
        default:
            return (try? Arithmetic.equalValues(a, b)) == true
        }
    }

    @Test(arguments: StdlibFiles.bundled)
    func bundledYearsReadTheSameBothWays(_ entry: (collection: String?, year: Int)) throws {
        let file = try #require(StdlibFiles.year(entry.year, collection: entry.collection))
        let (fast, general) = try bothWays(file.name, file.text)
        let read = try #require(fast, "the bundled year \(file.name) should be pure data")
        #expect(same(.record(read), .record(general)))
    }

    @Test func anythingElseFallsBackToTheGeneralPipeline() throws {
        for text in ["year 2023 { 部门: \"x\", 基本支出: 1万元 + 2万元 }", "year 2023 { a: 3斤 }", "year 2023 { a: 1, a: 2 }",
                     "year 2023 { a: b }", "let x = 1"] {
            let session = Session()
            let fast = YearFileReader.read(SourceFile(name: "t", text: text), file: 0, units: session.stdlibScope.units) { n in
                session.stdlibScope.slot(n).map { session.stdlibGlobals[$0] }
            }
            #expect(fast == nil, "\(text)")
        }
        // The general pipeline still evaluates what the reader declines.
        let (_, general) = try bothWays("t", "year 2023 { 部门: \"x\", 基本支出: 1万元 + 2万元 }")
        #expect(general["基本支出"]?.plainText == "3.00万元")
    }

    @Test func fullWidthPunctuationAndCommentsReadTheSame() throws {
        let text = "# 注释\nyear 2023 {\n  部门：\"测试\"，\n  收入: { 拨款: 100万元 } # 行尾注释\n  项目: [project \"甲\" { 预算: 1_000.5万元, 指标: [indicator \"乙\" { 目标: >= 5件, 实际: 7件 }] }]\n}\n"
        let (fast, general) = try bothWays("t", text)
        let read = try #require(fast)
        #expect(same(.record(read), .record(general)))
    }

    @Test func fullWidthDigitsInNamesAndWideScalarsInTextReadTheSame() throws {
        // A full-width digit in a name reads as its ASCII twin; text between quotes stays as written.
        let text = "\u{FEFF}year 2023 {\r\n  部门: 「测𠀀试」\r\n  备注１: \"é 𠀀\"\r\n  项目: [project “甲” { 预算: １２.５万元 }]\r\n}\r\n"
        let (fast, general) = try bothWays("t", text)
        let read = try #require(fast)
        #expect(same(.record(read), .record(general)))
        #expect(read["备注1"]?.plainText == "é 𠀀")
    }

    @Test func withoutSpansTheSameValuesAreRead() throws {
        let session = Session()
        let file = try #require(StdlibFiles.year(2022, collection: "示例"))
        let source = SourceFile(name: file.name, text: file.text)
        let lookup: (String) -> Value? = { n in session.stdlibScope.slot(n).map { session.stdlibGlobals[$0] } }
        let with = try #require(YearFileReader.read(source, file: 0, units: session.stdlibScope.units, lookup: lookup))
        let without = try #require(YearFileReader.read(source, file: 0, units: session.stdlibScope.units, lookup: lookup, keepsSpans: false))
        #expect(!with.spans.isEmpty && without.spans.isEmpty)
        #expect(with.keys == without.keys)
        #expect(zip(with.values, without.values).allSatisfy { (try? Arithmetic.equalValues($0, $1)) == true })
    }

    /// A year of `count` projects (about 330 bytes each), for the split read; `nested` projects
    /// hold a list of sub-projects on lines of their own, each beginning with `project`.
    func largeYear(_ count: Int, nested: Bool = false) -> String {
        var text = "year 2030 {\n  部门: \"大\"\n  项目: [\n"
        for n in 0..<count {
            text += "    project \"项目\(n)\" { 预算: \(100 + n).25万元, 执行: \(90 + n)万元, 指标: [\n"
            text += "      indicator \"数量\(n)\" { 类别: 产出.数量, 目标: >= \(n % 97 + 1)件, 实际: \(n % 89)件, 分值: 30 },\n"
            text += "      indicator \"满意度\(n)\" { 类别: 满意度.满意度, 目标: >= 90%, 实际: \(n % 100)%, 分值: 10 }\n    ]"
            if nested {
                text += ", 子项目: [\n"
                for k in 0..<40 { text += "      project \"子\(n)-\(k)\" { 预算: \(k)万元, 备注: \"说明文字说明文字说明文字\" }\(k < 39 ? "," : "")\n" }
                text += "    ]"
            }
            text += " }\(n < count - 1 ? "," : "")\n"
        }
        return text + "  ]\n  基本支出: 10万元\n}\n"
    }

    func read(_ text: String, jobs: Int, keepsSpans: Bool = true) throws -> Record {
        let session = Session()
        return try #require(YearFileReader.read(SourceFile(name: "t", text: text), file: 0, units: session.stdlibScope.units, lookup: { n in
            session.stdlibScope.slot(n).map { session.stdlibGlobals[$0] }
        }, keepsSpans: keepsSpans, jobs: jobs))
    }

    @Test func aProjectListReadInTwoHalvesIsTheListReadInOne() throws {
        let text = largeYear(2_000)
        #expect(text.utf8.count > 2 * YearFileReader.smallestSplit)
        let serial = try read(text, jobs: 1), split = try read(text, jobs: 2)
        #expect(same(.record(serial), .record(split)))
        // Spans too: the second half counts its scalar offsets from the list's start.
        guard case .list(let a)? = serial["项目"], case .list(let b)? = split["项目"], case .record(let last)? = b.last else {
            Issue.record("no projects"); return
        }
        #expect(a.count == 2_000 && b.count == 2_000)
        #expect(last.spans == (a.last.flatMap { if case .record(let r) = $0 { r.spans } else { nil } } ?? []))
        #expect(!last.spans.isEmpty)
        #expect(serial.spans == split.spans)
    }

    @Test func aGuessInsideAProjectIsDroppedAndTheListStillReadsWhole() throws {
        // Lines inside each project begin with `project` too; a guess that lands on one is not where
        // the list's next item starts, and the first half reads on.
        let text = largeYear(300, nested: true)
        #expect(text.utf8.count > 2 * YearFileReader.smallestSplit)
        let serial = try read(text, jobs: 1), split = try read(text, jobs: 2)
        #expect(same(.record(serial), .record(split)))
        guard case .list(let items)? = split["项目"] else { Issue.record("no projects"); return }
        #expect(items.count == 300)
    }

    @Test func aHalfThatGivesUpGivesUpTheRead() throws {
        // An expression deep in the second half: one thread gives up, so two do.
        var text = largeYear(2_000)
        let at = try #require(text.range(of: "预算: 1900.25万元"))
        text.replaceSubrange(at, with: "预算: 1900.25万元 + 1万元")
        let session = Session()
        for jobs in [1, 2] {
            let fast = YearFileReader.read(SourceFile(name: "t", text: text), file: 0, units: session.stdlibScope.units, lookup: { n in
                session.stdlibScope.slot(n).map { session.stdlibGlobals[$0] }
            }, jobs: jobs)
            #expect(fast == nil, "jobs \(jobs)")
        }
    }
}

