import SuanBudget
import Testing
import SuanTestSupport
@testable import SuanCore

/// Limits that are too costly to reach through the binary in a debug build are checked here,
/// with a session whose limits are small: each error must carry a position.
@Suite struct LimitPositionTests {
    @Test func aListLiteralOverTheLimitPointsAtTheLiteral() {
        var settings = Settings()
        settings.maximumListLength = 5
        var h = SessionHarness(session: Session(domain: BudgetDomain(), settings: settings))
        h.run("let l = [1, 2, 3, 4, 5, 6]")
        #expect(h.diagnostics.first?.id == .limit)
        #expect(h.rendered.first?.hasPrefix("<expr>:1:9: error: this list would be longer than") == true, "\(h.rendered)")
    }

    @Test func anIncompleteInputIsStillIncompleteForTheREPL() {
        #expect(Session.isIncomplete("(1"))
        #expect(Session.isIncomplete("[1,\n2"))
        var h = SessionHarness()
        #expect(h.run("(1") == .incomplete)
        #expect(h.diagnostics.first?.id == .incomplete)
    }
}
