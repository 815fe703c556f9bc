import Foundation
import Testing
import SuanTestSupport
@testable import SuanCore

/// Messages exist in Chinese and English; the locale chooses.
@Suite struct MessageCatalogueTests {
    @Test func theLocaleChoosesTheLanguage() {
        #expect(Language.from(suanLang: nil, lcAll: nil, lcMessages: nil, lang: "zh_CN.UTF-8") == .chinese)
        #expect(Language.from(suanLang: nil, lcAll: "en_US.UTF-8", lcMessages: nil, lang: "zh_CN.UTF-8") == .english)
        #expect(Language.from(suanLang: nil, lcAll: nil, lcMessages: "zh_TW", lang: "C") == .chinese)
        #expect(Language.from(suanLang: "en", lcAll: nil, lcMessages: nil, lang: "zh_CN.UTF-8") == .english)
        #expect(Language.from(suanLang: "zh", lcAll: nil, lcMessages: nil, lang: nil) == .chinese)
        #expect(Language.from(suanLang: nil, lcAll: nil, lcMessages: nil, lang: nil) == .english)
    }

    @Test func aMessageKeepsItsValuesApartFromItsWords() {
        let m: Message = "cannot add \("Quantity(件)") to \("Money")"
        #expect(m.template == "cannot add %@ to %@")
        #expect(m.text(in: .english) == "cannot add Quantity(件) to Money")
        #expect(m.text(in: .chinese) == "不能把数量（件）加到金额上")
        // A translation may reorder the values.
        let s: Message = "cannot subtract \("Money") from \("Ratio")"
        #expect(s.text(in: .chinese) == "不能从比率中减去金额")
    }

    /// Every translation uses the values its English template has.
    @Test func translationsKeepEveryValue() {
        func count(_ t: String) -> Int {
            var n = 0, i = t.startIndex
            while i < t.endIndex {
                if t[i] == "%" {
                    let next = t.index(after: i)
                    if next < t.endIndex, t[next] == "@" { n += 1 }
                    else if next < t.endIndex, t[next].isNumber, t.index(after: next) < t.endIndex, t[t.index(after: next)] == "@" { n += 1 }
                }
                i = t.index(after: i)
            }
            return n
        }
        for (english, chinese) in MessageCatalogue.chinese {
            #expect(count(english) >= count(chinese), "\(english) → \(chinese)")
        }
    }

    /// The diagnostics of the error snapshots and of common mistakes all have a Chinese text.
    @Test func commonDiagnosticsAreTranslated() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("SuanCLITests/Snapshots/errors")
        var programs = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".suan") && !$0.hasSuffix("-data.suan") }
            .map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
        programs += ["1万元 + 3件", "1/0", "x", "(1", "load 1999", "1万元 * 1万元", "let a = 1\nlet a b",
                     "load 示例 2022\nscenario S from 示例2022 { 基本支出 -= 3000万元 }", "load 示例 2022\nscenario S from 示例2022 { 收支差额 = 0万元 }"]
        var missing: Set<String> = []
        func check(_ m: Message) {
            if m.template != "%@", m.template.contains(where: { $0.isLetter && $0.isASCII }), MessageCatalogue.chinese[m.template] == nil {
                missing.insert(m.template)
            }
            for case .message(let inner) in m.arguments { check(inner) }
        }
        for program in programs {
            var h = SessionHarness()
            h.run(program, name: "t.suan", transactional: false)
            for d in h.diagnostics { check(d.text); d.notes.forEach(check) }
        }
        #expect(missing.isEmpty, "\(missing.sorted())")
    }
}
