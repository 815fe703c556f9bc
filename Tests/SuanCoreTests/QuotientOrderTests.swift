import Testing
import SuanTestSupport
@testable import SuanCore

/// A comparison with a quotient decided by multiplying (``ExactDecimal/order(ofQuotient:_:against:)``)
/// answers what comparing the rounded quotient answers, or leaves the case to dividing: random
/// quotients, quotients one unit of their last digit either side of the bound, half a unit, exact
/// ties, negative and zero operands, budget scales, and magnitudes where dividing overflows.
@Suite struct QuotientOrderTests {
    /// What Suan answers by dividing: the rounded quotient's order, or nil when dividing fails.
    static func divided(_ n: ExactDecimal, _ d: ExactDecimal, _ c: ExactDecimal) -> Int? {
        (try? n.divided(by: d)).map { ExactDecimal.compare($0, c) }
    }

    /// Tallies of the cases checked: how many were decided without dividing.
    struct Tally {
        var cases = 0
        var decided = 0
    }

    /// Checks one case against dividing, both the bare decision and the comparison's answer
    /// (which divides when the decision is nil, and fails where dividing fails).
    static func check(_ n: ExactDecimal, _ d: ExactDecimal, _ c: ExactDecimal, _ tally: inout Tally,
                      sourceLocation: SourceLocation = #_sourceLocation) {
        let expected = divided(n, d, c)
        let fast = ExactDecimal.order(ofQuotient: n, d, against: c)
        if let fast {
            #expect(fast == expected, "\(n) / \(d) against \(c): \(fast), dividing gives \(String(describing: expected))",
                    sourceLocation: sourceLocation)
        }
        let answer = try? NumericComparison.order(ofQuotient: n, d, against: c)
        #expect(answer == expected, "\(n) / \(d) against \(c)", sourceLocation: sourceLocation)
        tally.cases += 1
        if fast != nil { tally.decided += 1 }
    }

    /// A random decimal: 1 to `maxDigits` digits, a random sign, a scale up to `maxScale`.
    static func random(_ g: inout SplitMix, maxDigits: Int = 38, maxScale: Int = 40) -> ExactDecimal {
        let digits = Int(g.next() % UInt64(maxDigits)) + 1
        let wide = (UInt128(g.next()) << 64) | UInt128(g.next())
        let coefficient = Int128(wide % ExactDecimal.PowersOfTen[digits])
        let scale = Int32(g.next() % UInt64(maxScale + 1))
        return ExactDecimal(coefficient: g.next() & 1 == 0 ? coefficient : -coefficient, scale: scale)!
    }

    /// `c` units of `scale` (a coefficient and scale, unchecked only by the tests' own arithmetic).
    static func units(_ coefficient: Int128, _ scale: Int32) -> ExactDecimal? {
        guard coefficient.magnitude < ExactDecimal.digitLimit, scale >= 0 else { return nil }
        return ExactDecimal(coefficient: coefficient, scale: scale)
    }

    /// The bounds around a rounded quotient `r` that rounding could turn: `r` itself, one and two
    /// units of its last digit either side, half a unit either side, a tenth of a unit, and `−r`.
    static func boundsAround(_ r: ExactDecimal) -> [ExactDecimal] {
        let q = r.coefficient, s = r.scale
        var bounds = [r, r.normalized, r.negated]
        for k: Int128 in [-2, -1, 1, 2] { bounds += [units(q + k, s)].compactMap { $0 } }
        let (ten, overflow) = q.multipliedReportingOverflow(by: 10)
        if !overflow {
            for k: Int128 in [-5, -1, 1, 5] { bounds += [units(ten + k, s + 1)].compactMap { $0 } }
        }
        return bounds
    }

    @Test func randomQuotientsOrderAsDividingOrdersThem() {
        var g = SplitMix(seed: 14)
        var tally = Tally()
        for _ in 0..<20_000 {
            let n = Self.random(&g), d = Self.random(&g)
            // A bound anywhere, and bounds at and beside the rounded quotient.
            Self.check(n, d, Self.random(&g), &tally)
            if let r = try? n.divided(by: d) {
                for c in Self.boundsAround(r) { Self.check(n, d, c, &tally) }
            }
        }
        // The decision is no test if it never decides. Most of these cases are left to dividing
        // (products of 38-digit coefficients do not fit in 128 bits; bounds a unit away are too near).
        #expect(tally.decided > 5000, "\(tally.decided) of \(tally.cases) decided")
    }

    /// Quotients whose digits are few (budget amounts, percentages, counts): the sweep's kind.
    @Test func budgetScalesOrderAsDividingOrdersThem() {
        var g = SplitMix(seed: 2022)
        var anywhere = Tally(), near = Tally()
        for _ in 0..<20_000 {
            let n = Self.random(&g, maxDigits: 14, maxScale: 6), d = Self.random(&g, maxDigits: 14, maxScale: 6)
            Self.check(n, d, Self.random(&g, maxDigits: 6, maxScale: 4), &anywhere)
            if let r = try? n.divided(by: d) {
                for c in Self.boundsAround(r) { Self.check(n, d, c, &near) }
            }
        }
        // A bound anywhere is decided without dividing (unless the divisor is zero); one within a
        // unit or two of the rounded quotient mostly is not.
        #expect(anywhere.decided * 100 > anywhere.cases * 99, "\(anywhere.decided) of \(anywhere.cases) decided")
        #expect(near.cases > 100_000, "\(near.decided) of \(near.cases) decided")
    }

    /// One unit of the last digit is within the rounding: 2/3 rounds up to …667, so the rounded
    /// quotient equals that bound and exceeds …666, although the exact 2/3 is below the first.
    @Test func quotientsAUnitFromTheBoundOrderAsRounded() throws {
        let two = d("2"), three = d("3")
        let up = d("0.6666666666666666666666666666666666667"), down = d("0.6666666666666666666666666666666666666")
        #expect(try NumericComparison.order(ofQuotient: two, three, against: up) == 0)
        #expect(try NumericComparison.order(ofQuotient: two, three, against: down) == 1)
        #expect(try NumericComparison.order(ofQuotient: two.negated, three, against: up.negated) == 0)
        #expect(try NumericComparison.order(ofQuotient: two, three.negated, against: down.negated) == -1)
        // 1/7 rounds down: the rounded quotient is below the exact one, and equal to the bound.
        let seventh = d("0.1428571428571428571428571428571428571")
        #expect(try NumericComparison.order(ofQuotient: d("1"), d("7"), against: seventh) == 0)
        #expect(try NumericComparison.order(ofQuotient: d("1"), d("7"), against: d("0.14285714285714285714285714285714285715")) == -1)
        // 64-bit operands, c at 18 digits: the exact quotient is 3 × 10^-37 above c, under half a
        // unit, so it rounds to c. n × 10^18 and c·d differ by 1 only, and n × 10^18 passes 10^36:
        // neither the short path nor the band may decide it.
        let n = d("3293541379196073670"), divisor = d("3178032213966879813"), c = d("1.036346127871691123")
        #expect(Self.divided(n, divisor, c) == 0)
        #expect(ExactDecimal.order(ofQuotient: n, divisor, against: c) == nil)
        #expect(try NumericComparison.order(ofQuotient: n, divisor, against: c) == 0)
        // Far from the bound, no division is needed.
        #expect(ExactDecimal.order(ofQuotient: two, three, against: d("0.35")) == 1)
        #expect(ExactDecimal.order(ofQuotient: two, three.negated, against: d("0.35")) == -1)
        #expect(ExactDecimal.order(ofQuotient: two, three, against: up) == nil)
    }

    /// x = c exactly: equal when `c` has at most 37 digits (the quotient terminates within them);
    /// a 38-digit `c` is rounded away by dividing, so the decision is left to it.
    @Test func exactTiesOrderAsDividingOrdersThem() throws {
        var g = SplitMix(seed: 38)
        var tally = Tally()
        for digits in [1, 2, 10, 36, 37, 38] {
            for _ in 0..<500 {
                let c = Self.random(&g, maxDigits: digits, maxScale: 12)
                for (k, zeros): (Int128, Int32) in [(1, 0), (2, 0), (3, 0), (7, 0), (9, 0), (5, 1), (2, 1), (25, 2)] {
                    // n = c × (k / 10^zeros) exactly (a product would round past 34 digits). A
                    // divisor with a fraction (0.5, 0.25) starts the quotient at c's scale less
                    // one or two, so a 38-digit c is rounded to 37 digits there.
                    let divisor = ExactDecimal(coefficient: g.next() & 1 == 0 ? k : -k, scale: zeros)!
                    let (product, overflow) = c.coefficient.multipliedReportingOverflow(by: divisor.coefficient)
                    let unit = ExactDecimal.power(Int(zeros))
                    guard !overflow, product % unit == 0, let n = Self.units(product / unit, c.scale) else { continue }
                    Self.check(n, divisor, c, &tally)
                }
            }
        }
        #expect(tally.cases > 1000)
        // (c / 2) / 0.5 = c exactly, but dividing keeps 37 of c's 38 digits (…5678 → …568): the
        // rounded quotient is above c.
        let long = d("1.2345678901234567890123456789012345678"), half = d("0.5")
        let n = d("0.6172839450617283945061728394506172839")
        #expect(Self.divided(n, half, long) == 1)
        #expect(ExactDecimal.order(ofQuotient: n, half, against: long) == nil)
        #expect(try NumericComparison.order(ofQuotient: n, half, against: long) == 1)
        #expect(ExactDecimal.order(ofQuotient: d("0.7"), d("2"), against: d("0.35")) == 0)
    }

    @Test func zerosOrderAsDividingOrdersThem() {
        var tally = Tally()
        for (n, dv, c) in [("0", "3", "0"), ("0", "-3", "0.35"), ("0", "3", "-0.35"), ("1", "3", "0"), ("-1", "3", "0"),
                           ("1", "-3", "0"), ("0.00", "0.0001", "0"), ("5", "0", "1"), ("0", "0", "0")] {
            Self.check(d(n), d(dv), d(c), &tally)
        }
        #expect(ExactDecimal.order(ofQuotient: d("5"), d("0"), against: d("1")) == nil)
        #expect(throws: NumericFallback.self) { try NumericComparison.order(ofQuotient: d("5"), d("0"), against: d("1")) }
    }

    /// Quotients near and beyond 38 integer digits, and tiny ones: where dividing overflows, the
    /// comparison fails as dividing fails.
    @Test func hugeAndTinyMagnitudesOrderAsDividingOrdersThem() {
        var tally = Tally()
        let huge = d("99999999999999999999999999999999999999"), tiny = d("0.0000000000000000000000000000000000000001")
        for (n, dv) in [(huge, tiny), (huge, d("0.1")), (huge, d("1")), (huge, d("-7")), (tiny, huge), (tiny, d("3")),
                        (d("12345678901234567890123456789012345678"), d("0.00001")), (d("1"), tiny),
                        (d("1000000000000000000000000000000000000"), d("0.1")), (d("9999999999999999999999999999999999999"), d("0.9")),
                        (d("15000000000000000000000000000000000000"), d("0.1")), (d("15000000000000000000000000000000000000"), d("-0.1"))] {
            for c in [d("0"), d("1"), huge, huge.negated, tiny, d("0.35")] { Self.check(n, dv, c, &tally) }
            if let r = try? n.divided(by: dv) {
                for c in Self.boundsAround(r) { Self.check(n, dv, c, &tally) }
            }
        }
        #expect(throws: NumericFallback.self) { try NumericComparison.order(ofQuotient: huge, tiny, against: d("1")) }
        // 1.5 × 10^38 overflows when divided out, though n and c·d still fit in 128 bits.
        let over = d("15000000000000000000000000000000000000")
        #expect(ExactDecimal.order(ofQuotient: over, d("0.1"), against: d("1")) == nil)
        #expect(throws: NumericFallback.self) { try NumericComparison.order(ofQuotient: over, d("0.1"), against: d("0")) }
    }
}
