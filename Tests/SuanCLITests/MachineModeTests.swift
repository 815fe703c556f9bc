import Foundation
import Testing

/// Issue 17: `suan --machine`, one JSON request per line in, one JSON reply per line out.
@Suite(.timeLimit(.minutes(3))) struct MachineModeTests {
    /// Runs the binary in machine mode on `requests` (one JSON object each) and parses the reply lines.
    static func replies(_ requests: [String], environment: [String: String] = [:]) throws -> [[String: Any]] {
        let outcome = try Binary.run(["--machine"], stdin: requests.joined(separator: "\n") + "\n", environment: environment)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        return try outcome.stdout.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    static func texts(_ reply: [String: Any]) -> [String] {
        (reply["results"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String == "value" ? $0["text"] as? String : nil }
    }

    @Test func aRangeOfYearsReportsEachLoadAndItsSeriesIsATable() throws {
        let replies = try Self.replies([#"{"id":1,"code":"load 示例 2020..2021\nseries(示例年份, \"项目支出\")"}"#])
        let results = replies[0]["results"] as? [[String: Any]] ?? []
        let loaded = results.filter { $0["kind"] as? String == "loaded" }.compactMap { $0["name"] as? String }
        #expect(loaded == ["示例2020", "示例2021", "示例年份"])
        let table = try #require(results.first { $0["kind"] as? String == "table" })
        #expect((table["columns"] as? [[String: Any]])?.compactMap { $0["title"] as? String } == ["年度", "值", "Δ", "同比"])
        #expect((table["rows"] as? [Any])?.count == 3)
        #expect(replies[0]["hasTables"] as? Bool == true)
    }

    @Test func eachRequestGetsOneReplyAndTheSessionSurvivesAnError() throws {
        let replies = try Self.replies([
            #"{"id":1,"code":"load 2022\n基本支出 / 总支出"}"#,
            #"{"id":"two","code":"1万元 + 3件"}"#,
            #"{"id":3,"code":"show y2022"}"#,
            #"{"id":4,"code":"let 预算 = 5万元"}"#,
            #"{"id":5,"code":"预算 * 2 + 基本支出"}"#,
        ])
        #expect(replies.count == 5)
        #expect(replies[0]["id"] as? Int == 1)
        #expect(replies[0]["status"] as? String == "success")
        #expect(Self.texts(replies[0]) == ["67.19%"])
        #expect(replies[0]["hasTables"] as? Bool == false)
        #expect((replies[0]["html"] as? String)?.contains("<span class=\"suan-value\">67.19</span>") == true)
        // The error: its id, span and caret text; no results.
        #expect(replies[1]["id"] as? String == "two")
        #expect(replies[1]["status"] as? String == "failure")
        let d = try #require((replies[1]["diagnostics"] as? [[String: Any]])?.first)
        #expect(d["id"] as? String == "dimension-mismatch")
        #expect(d["line"] as? Int == 1 && d["column"] as? Int == 1)
        #expect((d["rendered"] as? String)?.contains("^~~~") == true)
        // show: tables, in the JSON and in the HTML.
        #expect(replies[2]["hasTables"] as? Bool == true)
        #expect((replies[2]["html"] as? String)?.contains("<table class=\"suan-table\">") == true)
        #expect((replies[2]["results"] as? [[String: Any]])?.contains { $0["kind"] as? String == "table" } == true)
        // The session went on after the error.
        #expect(Self.texts(replies[4]) == ["2,443.84万元"])
    }

    /// A chart comes apart from the HTML, as an SVG document a notebook shows as image/svg+xml.
    @Test func chartsComeAsSVGDocuments() throws {
        let replies = try Self.replies([
            #"{"id":1,"code":"load 示例 2022\nshow 示例2022.基本支出\nchart 示例2022"}"#,
            #"{"id":2,"code":"示例2022.总支出"}"#,
        ])
        let charts = try #require(replies[0]["charts"] as? [String])
        #expect(charts.count == 1)
        #expect(charts.first?.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\"") == true)
        #expect(charts.first?.contains("<rect") == true)
        let html = try #require(replies[0]["html"] as? String)
        #expect(!html.contains("<svg"))
        #expect(replies[0]["hasTables"] as? Bool == true)
        #expect((replies[1]["charts"] as? [String])?.isEmpty == true)
    }

    @Test func aFailedRequestLeavesTheSessionAsItWas() throws {
        let replies = try Self.replies([
            #"{"id":1,"code":"let a = 1万元"}"#,
            #"{"id":2,"code":"let b = 2万元\nlet c = b + 3件"}"#,
            #"{"id":3,"code":"b"}"#,
            #"{"id":4,"code":"a"}"#,
        ])
        #expect(replies[1]["status"] as? String == "failure")
        #expect((replies[2]["diagnostics"] as? [[String: Any]])?.first?["id"] as? String == "unknown-name")
        #expect(Self.texts(replies[3]) == ["1.00万元"])
    }

    @Test func completionAnswersTheNamesInScope() throws {
        let replies = try Self.replies([#"{"id":1,"code":"load 2022"}"#, #"{"id":2,"complete":"基本"}"#, #"{"id":3,"complete":"y2022.项目[\""}"#])
        #expect(replies[1]["replacing"] as? Int == 2)
        #expect((replies[1]["matches"] as? [String])?.contains("基本支出") == true)
        #expect((replies[2]["matches"] as? [String])?.isEmpty == false)
    }

    @Test func inspectionAnswersTheTypeValueAndHelp() throws {
        let replies = try Self.replies([#"{"id":1,"code":"load 2022"}"#, #"{"id":2,"inspect":"基本支出"}"#,
                                        #"{"id":3,"inspect":"y2022.项目支出"}"#, #"{"id":4,"inspect":"what-if"}"#, #"{"id":5,"inspect":"没有这个"}"#,
                                        #"{"id":6,"inspect":"y2022"}"#])
        #expect(replies[1]["type"] as? String == "Money")
        #expect(replies[1]["text"] as? String == "2,433.84万元")
        #expect(replies[2]["type"] as? String == "Money")
        #expect(replies[2]["text"] as? String == "1,188.56万元")
        #expect((replies[3]["help"] as? String)?.hasPrefix("what-if") == true)
        #expect(replies[4]["found"] as? Bool == false)
        // A year's record is cut as a hover cuts it.
        let year = try #require(replies[5]["text"] as? String)
        #expect(year.count < 320 && year.hasSuffix("…"))
    }

    @Test func aBadLineIsAnErrorReplyAndTheNextLineIsAnswered() throws {
        let replies = try Self.replies(["not json", #"{"id":7}"#, #"[1,2]"#, #"{"id":8,"code":"1 + 1"}"#], environment: ["SUAN_LANG": "zh"])
        #expect(replies.count == 4)
        #expect(replies[0]["status"] as? String == "error")
        #expect((replies[0]["error"] as? [String: Any])?["code"] as? String == "bad-request")
        #expect(replies[1]["id"] as? Int == 7)
        #expect((replies[1]["error"] as? [String: Any])?["code"] as? String == "no-request")
        #expect(((replies[1]["error"] as? [String: Any])?["message"] as? String)?.contains("请求") == true)
        #expect((replies[2]["error"] as? [String: Any])?["code"] as? String == "bad-request")
        #expect(Self.texts(replies[3]) == ["2"])
        // Foundation's English reason for refusing the JSON does not leak into the Chinese message.
        let message = try #require((replies[0]["error"] as? [String: Any])?["message"] as? String)
        #expect(message == "请求不是 JSON")
    }

    /// `texts`: each result as the REPL prints it, in the session's language; a table as the terminal draws it.
    @Test func eachResultHasTheTextTheREPLPrints() throws {
        let english = try Self.replies([#"{"id":1,"code":"load 2022\n基本支出 / 总支出\nshow y2022.基本支出"}"#])
        let texts = try #require(english[0]["texts"] as? [String])
        #expect(texts.count == (english[0]["results"] as? [Any])?.count)
        #expect(texts.first == "loaded y2022 from Stdlib/years/seed-2022.suan")
        #expect(texts[1] == "67.19%  [Ratio]")
        #expect(texts.last?.contains("2,433.84") == true)
        let chinese = try Self.replies([#"{"id":1,"code":"load 2022\n基本支出 / 总支出"}"#], environment: ["SUAN_LANG": "zh"])
        #expect(chinese[0]["texts"] as? [String] == ["已载入 y2022（来自 Stdlib/years/seed-2022.suan）", "67.19%  [比率]"])
    }

    /// A failed run says that all of it was undone, results shown before the error included.
    @Test func aFailureSaysTheWholeCellWasUndone() throws {
        let replies = try Self.replies([#"{"id":1,"code":"load 2022\n基本支出\n1/0"}"#, #"{"id":2,"code":"1"}"#], environment: ["SUAN_LANG": "zh"])
        #expect(replies[0]["status"] as? String == "failure")
        #expect((replies[0]["undone"] as? String)?.contains("整个单元格已撤销") == true)
        #expect(replies[1]["undone"] == nil)
    }

    /// A million-row table: the reply holds the first rows and a note that counts the rest.
    @Test func aHugeTableIsCutWithANote() throws {
        let replies = try Self.replies([#"{"id":1,"code":"table r in 0..200000 step 1 { r * 2 }\n1"}"#])
        let texts = try #require(replies[0]["texts"] as? [String])
        #expect(texts.contains("… 199,001 more rows not shown (the first 1000 are; export writes the whole table)"))
        #expect(texts.last == "1  [Number]")
        let html = try #require(replies[0]["html"] as? String)
        // One table (its streamed parts joined again): the header and 1,000 rows.
        #expect(html.components(separatedBy: "<tr>").count - 1 == 1_001)
        #expect(html.components(separatedBy: "<table").count - 1 == 1)
    }

    /// `:help` and `:type` work in a cell as in the REPL.
    @Test func helpAndTypeAreAnswered() throws {
        let replies = try Self.replies([#"{"id":1,"code":":help what-if"}"#, #"{"id":2,"code":":type 1万元 / 2"}"#, #"{"id":3,"code":":type 没有"}"#])
        #expect((replies[0]["texts"] as? [String])?.first?.hasPrefix("what-if\nscenario") == true)
        #expect(replies[1]["texts"] as? [String] == ["Money"])
        #expect(replies[2]["status"] as? String == "failure")
        #expect((replies[2]["diagnostics"] as? [[String: Any]])?.first?["id"] as? String == "unknown-name")
    }

    @Test func machineGoesAlone() throws {
        let outcome = try Binary.run(["--machine", "-e", "1"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("--machine"))
    }
}
