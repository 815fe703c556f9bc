import Testing
@testable import SuanCore

/// The same document through every renderer.
@Suite struct RendererTests {
    let money = { (x: Int) in Value.money(ExactDecimal(x * 100), .wan) }  // x hundredths of a 万元, in 元

    var table: Document.Table {
        var t = Document.Table(title: "收支", headers: ["", "金额", "占比"])
        t.add([.text("基本支出"), .value(.money(ExactDecimal(24_338_400), .wan)), .value(.ratio(ExactDecimal(unchecked: 339, scale: 3), .percent))])
        t.add([.text("人员经费"), .value(.money(ExactDecimal(11_885_600), .wan)), .value(.ratio(ExactDecimal(unchecked: 3505, scale: 4), .percent))], level: 1)
        t.add([.text("未知"), .value(.unknown), .empty])
        return t
    }

    @Test func terminalAlignsDecimalPointsAndIndents() {
        let text = TerminalRenderer().render(Document([.table(table)]))
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "收支")
        let a = lines.first { $0.hasPrefix("基本支出") }!, b = lines.first { $0.hasPrefix("  人员经费") }!
        // 33.9% and 35.05% put their decimal points in the same column.
        #expect(DisplayWidth.of(String(a[..<a.lastIndex(of: ".")!])) == DisplayWidth.of(String(b[..<b.lastIndex(of: ".")!])))
        #expect(a.hasSuffix("33.9%") && b.hasSuffix("35.05%"))
        #expect(text.contains("2,433.84万元"))
    }

    @Test func terminalFoldsWideTablesIntoBlocks() {
        var t = Document.Table(headers: ["项目"] + (1...8).map { "第\($0)列" })
        t.add([.text("一个相当长的项目名称")] + (1...8).map { _ in .value(.money(ExactDecimal(123_456_789), .wan)) })
        let text = TerminalRenderer(width: 60).render(Document([.table(t)]))
        for line in text.split(separator: "\n") { #expect(DisplayWidth.of(String(line)) <= 60, "\(line)") }
        #expect(text.contains("第8列"))
    }

    @Test func csvHasABOMPlainNumbersAndUnitsInHeaders() throws {
        let csv = try #require(CSVRenderer().render(Document([.table(table)])))
        #expect(csv.hasPrefix("\u{FEFF}"))
        #expect(csv.contains(",金额（万元）,占比（%）\r\n"))
        #expect(csv.contains("基本支出,2433.84,33.9\r\n"))
        #expect(csv.contains("未知,,\r\n"))
    }

    @Test func markdownRightAlignsNumbersAndEndsWithANewline() {
        let md = MarkdownRenderer().render(Document([.table(table)]))
        #expect(md.contains("|  | 金额 | 占比 |\n| --- | ---: | ---: |"))
        #expect(md.hasSuffix("\n"))
    }

    @Test func jsonGivesExactValuesAsStrings() {
        let json = JSONRenderer().render(Document([.value(.money(ExactDecimal(30_000), .wan), type: .money, label: nil)]))
        #expect(json == #"{"kind":"value","type":"Money","text":"3.00万元","exact":"30000","unit":"元"}"# + "\n")
    }

    @Test func htmlIsAFragmentWithATable() {
        let html = HTMLRenderer().render(Document([.table(table)]))
        #expect(html.hasPrefix("<div class=\"suan-doc\">"))
        #expect(html.contains("<table class=\"suan-table\">"))
        #expect(html.contains("<td class=\"num\">"))
        #expect(html.contains("<tr class=\"level-1\">"))
    }

    @Test func chartsDrawNegativeValuesLeftOfTheAxisWithALegend() {
        let chart = Document.Chart(title: "收支", series: ["A", "B"], categories: [
            .init("收支差额", [.money(ExactDecimal(-1_000_000), .wan), .money(ExactDecimal(2_000_000), .wan)]),
        ])
        let text = TerminalRenderer().render(Document([.chart(chart)]))
        let lines = text.split(separator: "\n").map(String.init)
        let negative = lines.first { $0.contains("· A") }!, positive = lines.first { $0.contains("· B") }!
        #expect(negative.range(of: "█")!.lowerBound < negative.range(of: "│")!.lowerBound)
        #expect(positive.range(of: "│")!.lowerBound < positive.range(of: "█")!.lowerBound)
        let svg = SVGChart().render(chart)
        #expect(svg.contains(">收支</text>") && svg.contains(">A</text>") && svg.contains(">B</text>"))
    }
}
