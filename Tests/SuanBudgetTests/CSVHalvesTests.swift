import Testing
import SuanTestSupport
@testable import SuanBudget
@testable import SuanCore

/// A long CSV table read in two halves at once (`--jobs`) is the table read on one thread: the
/// same records and spans, the same diagnostics; the split is taken where it can be, and dropped
/// where the row at the guess does not begin a project.
@Suite struct CSVHalvesTests {
    /// Whether two years were read the same: every value exactly, records with their kinds, names and spans.
    func same(_ a: Record, _ b: Record) -> Bool {
        Value.record(a).exactDescription == Value.record(b).exactDescription
    }

    /// A table of `count` projects with five indicator rows each (about 100 bytes a row), in the
    /// columns of a province's form and Suan's own: names with commas and line breaks in quotes,
    /// wide characters, a 部门 that changes in the second half, a note with a doubled quote.
    /// `repeatNames` writes the project's name on each of its indicator rows too.
    func table(_ count: Int, repeatNames: Bool = false, edit: (Int, inout String) -> Void = { _, _ in }) -> String {
        var text = "\u{FEFF}部门,项目名称,全年预算数（元）,全年执行数,一级指标,二级指标,三级指标,年度指标值,度量单位,实际完成值,分值,备注\r\n"
        let categories = [("产出", "数量"), ("产出", "质量"), ("效益", "社会效益"), ("满意度", "满意度"), ("产出", "时效")]
        for n in 0..<count {
            let name = n % 7 == 3 ? "\"项目\(n),甲\n乙\"" : "项目\(n)"
            let department = n < count * 3 / 4 ? "司法局" : "司法局（合并）"
            var row = "\(n % 50 == 0 ? department : ""),\(name),\((n + 100) * 10_000 + 2_500),\(n).5,,,,,,,,\r\n"
            for k in 0..<5 {
                let (first, second) = categories[k]
                let target = ["≥\(n % 97 + 1)件", "≥95%", "≤\(n % 40)天", "90", "≥ 8 人次"][k]
                let actual = ["\(n % 89)件", "\(n % 100)%", "\(n % 45)天", "达成", "\"1,234.5\""][k]
                let note = k == 4 && n % 11 == 0 ? "\"说明\"\"引号\"\"，逗号\"" : ""
                row += ",\(repeatNames ? name : ""),,,\(first),\(second),指标\(k)-\(n),\(target),\(k == 3 ? "%" : ""),\(actual),\(k * 5),\(note)\r\n"
            }
            edit(n, &row)
            text += row
        }
        return text
    }

    func read(_ text: String, jobs: Int, keepsSpans: Bool = true) throws(Diagnostic) -> (year: Record, split: Int?) {
        var text = text
        let progress = Session().dataEvaluator.loadProgress(total: text.utf8.count)
        var result: Result<(year: Record, split: Int?), Diagnostic>!
        text.withUTF8 { bytes in
            result = Result { () throws(Diagnostic) in
                try ProjectTableImport.read(fromCSV: bytes, name: "t.csv", file: 0, span: .none, progress: progress, keepsSpans: keepsSpans, jobs: jobs)
            }
        }
        return try result.get()
    }

    @Test(arguments: [true, false])
    func aTableReadInTwoHalvesIsTheTableReadInOne(keepsSpans: Bool) throws {
        let text = table(2_000)
        #expect(text.utf8.count > 2 * ProjectTableImport.smallestSplit)
        let serial = try read(text, jobs: 1, keepsSpans: keepsSpans), split = try read(text, jobs: 2, keepsSpans: keepsSpans)
        #expect(serial.split == nil)
        // The split is taken, and joined at a project's row past the middle.
        let at = try #require(split.split)
        #expect(at >= text.utf8.count / 2)
        #expect(same(serial.year, split.year))
        guard case .list(let projects)? = split.year["项目"], case .record(let last)? = projects.last else {
            Issue.record("no projects"); return
        }
        #expect(projects.count == 2_000)
        // Spans too: the second half counts its scalar offsets from the table's start.
        #expect(last.spans.isEmpty == !keepsSpans)
        #expect(split.year["部门"]?.plainText == "司法局（合并）")
    }

    @Test func aGuessOnARowThatDoesNotStartAProjectIsDroppedAndTheTableStillReadsWhole() throws {
        // One project whose name is written again on every other indicator row: the row at the
        // guess names a project after a row without a name, but the project it names is the one
        // being read, which it continues; the first half reads on.
        let indicator = ",,,,产出,数量,次数,≥5件,,7件,10,\r\n"
        let long = table(1) + String(repeating: indicator.replacingOccurrences(of: ",,,,", with: ",项目0,,,") + indicator, count: 6_000)
        let serial = try read(long, jobs: 1), split = try read(long, jobs: 2)
        #expect(split.split == nil)
        #expect(same(serial.year, split.year))
        // Without names on the indicator rows there is no guess at all; with a project a row, the split is taken.
        let unnamed = long.replacingOccurrences(of: ",项目0,,,产出", with: ",,,,产出")
        #expect(try read(unnamed, jobs: 2).split == nil)
        #expect(same(try read(unnamed, jobs: 1).year, try read(unnamed, jobs: 2).year))
        #expect(try read(table(2_000, repeatNames: true), jobs: 2).split != nil)
    }

    @Test func aQuotedFieldOverTheMiddleIsNotTakenForRows() throws {
        // One note of many lines around the middle: the guess is the first row start after it.
        let text = table(1_500) { n, row in
            if n == 750 { row += ",,,,产出,数量,长说明,≥1件,,1件,1,\"\(String(repeating: "说明\n,", count: 40_000))\"\r\n" }
        }
        let serial = try read(text, jobs: 1), split = try read(text, jobs: 2)
        #expect(same(serial.year, split.year))
        // Taken at a project's row just after the note, which covers the middle.
        let end = text.utf8.distance(from: text.startIndex, to: try #require(text.range(of: "说明\n,\"\r\n")).upperBound)
        let at = try #require(split.split)
        #expect(at > end && at < end + 2_000)
        #expect(String(decoding: Array(text.utf8)[at...].prefix(20), as: UTF8.self).contains("项目75"))
    }

    /// The diagnostics of loading `text` as a CSV year through a session with one thread and with
    /// two, rendered with their ids.
    func problems(_ text: String) throws -> (one: [String], two: [String]) {
        let dir = try Scratch()
        let path = try dir.write("t.csv", text)
        func problems(jobs: Int) -> [String] {
            var h = SessionHarness.jobs(jobs)
            h.run("load \"\(path)\"")
            return h.diagnostics.map { "\($0.id) " + h.session.render($0) }
        }
        return (problems(jobs: 1), problems(jobs: 2))
    }

    @Test func errorsInEitherHalfAreTheErrorsOfOneThread() throws {
        // A bad amount in the first half; a row with a field too many and a bad 分值 in the
        // second; a NUL in the second (found before any row is read).
        let first = (300, "\(400 * 10_000 + 2_500),", "12a,")
        let extra = (1_700, ",1700.5,", ",1700.5,,")
        let points = (1_800, "≥95%,,0%,5,", "≥95%,,0%,5x,")
        let nul = (1_900, "指标0-1900", "指标0\u{0}")
        for cells in [[first], [extra], [points], [first, extra], [extra, points], [nul], [first, nul]] {
            let text = table(2_000) { k, row in
                for (m, a, b) in cells where m == k {
                    #expect(row.contains(a))
                    row = row.replacingOccurrences(of: a, with: b)
                }
            }
            let (one, two) = try problems(text)
            #expect(one.count == 1)
            #expect(one == two, "\(cells.map(\.0))")
        }
        // A warning for each half's project (执行 over 预算), in order, with positions.
        let warned = table(2_000) { n, row in
            if n == 10 || n == 1_990 { row = row.replacingOccurrences(of: ",\(n).5,", with: ",\(n + 5_000),") }
        }
        let (one, two) = try problems(warned)
        #expect(one.count == 2)
        #expect(one == two)
    }
}
