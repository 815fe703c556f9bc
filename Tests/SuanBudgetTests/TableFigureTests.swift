import Testing
import SuanTestSupport
@testable import SuanBudget
@testable import SuanCore

/// ``TableFigure/plainParts(_:)`` reads common cells from their bytes; whatever it reads must be the
/// value that reading the cell as characters gives, and the cells it declines go that way unchanged.
@Suite struct TableFigureTests {
    let span = SourceSpan(file: 0, start: 0, end: 1)

    /// Both readings of a cell, as a target and not, with and without a unit and a relation given.
    func expectAgreement(_ cell: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for (unit, relation) in [(nil, nil), ("件", ComparisonOperator.lessEqual), (" % ", nil)] as [(String?, ComparisonOperator?)] {
            for target in [false, true] {
                func read(_ f: () throws(Diagnostic) -> Value) -> String {
                    do { return try f().exactDescription } catch { return "error(\(error.id))" }
                }
                let fast = read { () throws(Diagnostic) in try TableFigure.value(cell, unit: unit, relation: relation, target: target, span: span, id: .csv) }
                let slow = read { () throws(Diagnostic) in try TableFigure.valueByCharacters(cell, unit: unit, relation: relation, target: target, span: span, id: .csv) }
                #expect(fast == slow, "\(Array(cell.unicodeScalars)) unit \(unit ?? "-") target \(target)", sourceLocation: sourceLocation)
                // The trimmed bytes, as a table's import reads them, twice with the unit words remembered.
                var units = RepeatedText<TableFigure.Unit>()
                var text = cell
                for _ in 0..<2 {
                    let bytes = text.withUTF8 { all in
                        read { () throws(Diagnostic) in
                            try TableFigure.value(UnsafeBufferPointer(rebasing: all[UTF8Spaces.trimmed(0..<all.count, of: all)]), measure: unit,
                                                  relation: relation, target: target, span: span, id: .csv, units: &units)
                        }
                    }
                    #expect(bytes == slow, "\(Array(cell.unicodeScalars)) unit \(unit ?? "-") target \(target)", sourceLocation: sourceLocation)
                }
            }
        }
    }

    @Test func commonCellsAreReadFromBytes() {
        for cell in ["2797.25", "30", "81%", "8279件", "≥7351件", "≤5天", "0.5", "007", "30.", "≥30%"] {
            #expect(TableFigure.plainParts(cell) != nil, "\(cell)")
            expectAgreement(cell)
        }
        #expect(TableFigure.plainParts("≥7351件")?.unit == "件")
        #expect(TableFigure.plainParts("≤5天")?.relation == .lessEqual)
    }

    @Test func otherCellsAreLeftToTheCharacterPath() {
        for cell in ["", " 30", "30 ", "1,234.5", "-5", "5-3", "1.2.3", ".", "≥ 30", ">=30", "30％", "30‰", "30万元", "30kg", "达成", "—",
                     "5\u{301}件", "≥\u{338}5", "30%x", "99999999999999999999999999999999999999999", "30\u{3000}件"] {
            expectAgreement(cell)
        }
        for cell in ["", " 30", "1,234.5", "-5", ".", "≥ 30", "30kg", "30‰", "5\u{301}"] {
            #expect(TableFigure.plainParts(cell) == nil, "\(Array(cell.unicodeScalars))")
        }
    }

    /// Cells built from the pieces near the fast path's edges, every one read both ways.
    @Test func cellsFromPiecesAgree() {
        let pieces = ["", "≥", "≤", "3", "0", ".", ",", "-", "%", "件", "天", "\u{301}", " ", "\u{3000}", "元", "万元", "９", "e"]
        for a in pieces { for b in pieces { for c in pieces { for d in ["", "5", "%", "件"] {
            expectAgreement(a + b + c + d)
        } } } }
    }
}
