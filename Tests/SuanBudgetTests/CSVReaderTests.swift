import Testing
@testable import SuanBudget
@testable import SuanCore

/// The CSV reader's syntax check runs on bytes alone; it must meet the failure that reading the
/// rows meets, at the same offset, and trimming bytes must drop the spaces `String.trimmed` promises to.
@Suite struct CSVReaderTests {
    /// The failure `check` finds in `text`, and the one reading every row finds.
    func failures(_ text: String) -> (checked: String?, read: String?) {
        var text = text
        return text.withUTF8 { bytes in
            func describe(_ f: CSVReader.Failure) -> String { "\(f.message) @\(f.offset)" }
            var checked: String? = nil, read: String? = nil
            do throws(CSVReader.Failure) { _ = try CSVReader(bytes, file: 0).check() } catch { checked = describe(error) }
            var reader = CSVReader(bytes, file: 0)
            var row = TableRow()
            do throws(CSVReader.Failure) { while try reader.next(into: &row) {} } catch { read = describe(error) }
            return (checked, read)
        }
    }

    @Test func theCheckFindsWhatReadingFinds() {
        let pieces = ["a", "\"", ",", "\n", "\r", "\u{0}", "é", "\u{FEFF}"]
        var failing = 0
        func each(_ prefix: String, depth: Int) {
            let (checked, read) = failures(prefix)
            #expect(checked == read, "\(Array(prefix.unicodeScalars))")
            if read != nil { failing += 1 }
            guard depth > 0 else { return }
            for piece in pieces { each(prefix + piece, depth: depth - 1) }
        }
        each("", depth: 5)
        each("\u{FEFF}项目名称,\"全年\n预算数\"\r\n", depth: 3)
        #expect(failing > 1_000)
    }

    @Test func theGuessIsARowStartAfterTheMiddle() throws {
        var text = "a,\"b\nc\"\n" + String(repeating: "d,\"e\n\n\",f\r\n", count: 50) + "g\n"
        let count = text.utf8.count
        let guess = try text.withUTF8 { bytes throws(CSVReader.Failure) in try CSVReader(bytes, file: 0).check(rowStartFrom: count / 2) }
        let start = try #require(guess)
        // Past the middle, just after a record's line break, at a row of the table.
        #expect(start >= count / 2)
        let after = String(decoding: Array(text.utf8)[start...], as: UTF8.self)
        #expect(after.hasPrefix("d,\"e\n\n\",f\r\n"))
        #expect(Array(text.utf8)[start - 1] == 0x0A)
    }

    /// `text` without the spaces `String.trimmed` promises to drop, taken off scalar by scalar.
    static func trimmedScalars(_ text: String) -> String {
        func isSpace(_ s: Unicode.Scalar) -> Bool {
            switch s.value {
            case 0x09...0x0D, 0x20, 0xA0, 0x2000...0x200B, 0x3000, 0xFEFF: true
            default: false
            }
        }
        let scalars = Array(text.unicodeScalars)
        guard let start = scalars.firstIndex(where: { !isSpace($0) }), let end = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(String.UnicodeScalarView(scalars[start...end]))
    }

    @Test func trimmedBytesAreTheTextWithoutItsSpaces() {
        let pieces = [" ", "\t", "\u{3000}", "\u{A0}", "\u{200B}", "\u{200C}", "\u{FEFF}", "\u{2028}", "a", "é", "中", "\r\n"]
        func each(_ text: String, depth: Int) {
            var copy = text
            let trimmed = copy.withUTF8 { bytes in
                String(decoding: UnsafeBufferPointer(rebasing: bytes[UTF8Spaces.trimmed(0..<bytes.count, of: bytes)]), as: UTF8.self)
            }
            #expect(Array(trimmed.utf8) == Array(Self.trimmedScalars(text).utf8), "\(Array(text.unicodeScalars))")
            #expect(Array(text.trimmed.utf8) == Array(trimmed.utf8))
            guard depth > 0 else { return }
            for piece in pieces { each(text + piece, depth: depth - 1) }
        }
        each("", depth: 4)
    }
}
