import Testing
import SuanTestSupport
@testable import SuanCore

/// The arithmetic context (``DecimalContext/standard``): products to 34 digits, quotients to 37,
/// half-even, exact whenever the result fits.
@Suite struct DecimalContextTests {
    /// The digits of a value once trailing zeros are gone.
    static func significantDigits(_ x: ExactDecimal) -> Int {
        ExactDecimal.digitCount(x.normalized.coefficient.magnitude)
    }

    @Test func theContextIsDecimal128WithThreeGuardDigitsOnQuotients() throws {
        let c = DecimalContext.standard
        #expect(c.precision == 34 && c.guardDigits == 3 && c.quotientDigits == 37)
        #expect(DecimalContext.capacity == 38 && DecimalContext.rounding == .halfEven)
        #expect(try Self.significantDigits(d("1").divided(by: d("3"))) == 37)
        #expect(try Self.significantDigits(d("2").divided(by: d("3"))) == 37)
    }

    /// Fails on main: the quotient kept 37 digits and its product was not rounded back.
    @Test func theIssuesQuotientMultipliesBackExactly() throws {
        let unitCost = try d("11885600").divided(by: d("7730"))  // 1188.56万元 / 7730件, in 元
        #expect(try unitCost.multiplied(by: d("7730")) == d("11885600"))
        #expect(try d("9").divided(by: d("7")).multiplied(by: d("7")) == d("9"))
        var h = SessionHarness()
        #expect(h.value("(1188.56万元 / 7730件) * 7730件 == 1188.56万元") == "true")
        #expect(h.value("(2433.84万元 / 3622.4万元) * 3622.4万元 == 2433.84万元") == "true")
    }

    @Test func productsAreExactWithin34DigitsAndRoundedHalfEvenBeyond() throws {
        let a = d("1234567890123456.7"), b = d("1234567890123456.7")  // exact product: 33 digits
        #expect(try a.multiplied(by: b) == d("1524157875323883455265967556774.89"))
        // 35 digits: the last fraction digit goes, half-even (…5 → even).
        #expect(try d("1000000000000000000000000000000000.5").multiplied(by: d("1")) == d("1000000000000000000000000000000000"))
        #expect(try d("1000000000000000000000000000000001.5").multiplied(by: d("1")) == d("1000000000000000000000000000000002"))
        // An integer part is never rounded: 36 integer digits stay exact.
        #expect(try d("123456789012345678901234567890123456").multiplied(by: d("1")) == d("123456789012345678901234567890123456"))
        // Powers multiply out left to right with the same roundings.
        let t = try d("1").divided(by: d("3"))
        var product = t
        for _ in 2...12 { product = try product.multiplied(by: t) }
        #expect(try Arithmetic.power(t, d("12"), span: .none) == product)
        #expect(Self.significantDigits(product) == 34)
    }

    @Test func rootsKeep34CorrectDigits() throws {
        #expect(try d("2").root(2) == d("1.414213562373095048801688724209698"))
        #expect(try d("1.21").root(2) == d("1.1"))
        #expect(try d("8").root(3) == d("2"))
        #expect(try d("0.0001").root(4) == d("0.1"))
        #expect(Self.significantDigits(try d("1.1").root(5)) == 34)
    }

    /// Amounts of 0.01元 to 100亿元 (in 分) divided by counts of 1 to 1,000,000 and multiplied back.
    @Test func quotientsOfBudgetAmountsByCountsMultiplyBack() throws {
        var g = SplitMix(seed: 12)
        for i in 0..<5000 {
            let cents = Int128(g.next() % 1_000_000_000_000) + 1
            let count = i < 1000 ? Int128(i + 1) : Int128(g.next() % 1_000_000) + 1
            let amount = ExactDecimal(coefficient: cents, scale: 2)!, n = ExactDecimal(coefficient: count, scale: 0)!
            let back = try amount.divided(by: n).multiplied(by: n)
            #expect(back == amount, "\(amount) / \(n) * \(n) = \(back)")
            if back != amount { return }
        }
    }

    /// A share of a whole (part / whole) times the whole is the part; shares that are percentages
    /// of a 万元 amount multiply back too.
    @Test func sharesMultiplyBackToTheirParts() throws {
        var g = SplitMix(seed: 2022)
        for _ in 0..<5000 {
            let whole = ExactDecimal(coefficient: Int128(g.next() % 10_000_000_000) + 1, scale: 2)!
            let part = ExactDecimal(coefficient: Int128(g.next() % 10_000_000_000), scale: 2)!
            let share = try part.divided(by: whole)
            #expect(try share.multiplied(by: whole) == part, "\(part) / \(whole)")
            #expect(try whole.multiplied(by: share) == part, "\(whole) * (\(part) / \(whole))")
        }
    }

    /// Exact quotients stay exact and short.
    @Test func terminatingQuotientsAreExact() throws {
        #expect(try d("1188.56").divided(by: d("8")) == d("148.57"))
        #expect(try d("1").divided(by: d("1024")) == d("0.0009765625"))
        #expect(try d("3622.4").divided(by: d("3622.4")) == d("1"))
    }
}
