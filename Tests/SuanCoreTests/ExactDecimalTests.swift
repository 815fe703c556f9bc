import Testing
@testable import SuanCore

func d(_ text: String) -> ExactDecimal { try! ExactDecimal(parsing: text) }

@Suite struct ExactDecimalTests {
    @Test func parsesDigitsExactly() throws {
        #expect(d("3622.4").coefficient == 36224 && d("3622.4").scale == 1)
        #expect(d("1_000") == d("1000"))
        #expect(try ExactDecimal(parsing: "1,234.5", allowGrouping: true) == d("1234.5"))
        #expect(throws: DecimalParseError.malformed) { try ExactDecimal(parsing: "1.2.3") }
        #expect(throws: DecimalParseError.malformed) { try ExactDecimal(parsing: "") }
        #expect(throws: DecimalParseError.malformed) { try ExactDecimal(parsing: "12a") }
        #expect(throws: DecimalParseError.overflow) { try ExactDecimal(parsing: String(repeating: "9", count: 40)) }
    }

    @Test func addsExactly() throws {
        #expect(try d("0.1").adding(d("0.2")) == d("0.3"))
        #expect(try d("2433.84").adding(d("1188.56")) == d("3622.4"))
        #expect(try d("1").subtracting(d("0.001")) == d("0.999"))
        #expect(try d("-5.5").adding(d("5.5")).isZero)
    }

    @Test func multipliesExactly() throws {
        #expect(try d("2433.84").multiplied(by: d("0.95")) == d("2312.148"))
        #expect(try d("-1.5").multiplied(by: d("-2")) == d("3"))
        // Beyond 38 digits the fraction is rounded, not trapped.
        let third = try d("1").divided(by: d("3"))
        let ninth = try third.multiplied(by: third)
        #expect(ninth.formatted(fractionDigits: 20) == "0.11111111111111111111")
    }

    @Test func dividesToAtLeast28Digits() throws {
        let third = try d("1").divided(by: d("3"))
        #expect(third.formatted(fractionDigits: 28) == "0." + String(repeating: "3", count: 28))
        #expect(try d("10").divided(by: d("4")) == d("2.5"))
        #expect(try d("10").divided(by: d("4")).scale == 1)  // exact quotients are normalised
        let share = try d("2433.84").divided(by: d("3622.4"))
        #expect(share.rounded(toScale: 4, mode: .halfAwayFromZero) == d("0.6719"))
        #expect(throws: ArithmeticError.divisionByZero) { try d("1").divided(by: .zero) }
        // Tiny divisors and huge dividends stay in range.
        #expect(try d("1").divided(by: d("3000000000000000000000000000000000000")) > .zero)
        #expect(try d("100000000000000000000000000000000000").divided(by: d("0.5")) == d("200000000000000000000000000000000000"))
    }

    @Test func overflowIsAnErrorNotATrap() {
        let big = d(String(repeating: "9", count: 38))
        #expect(throws: ArithmeticError.overflow) { try big.adding(big) }
        #expect(throws: ArithmeticError.overflow) { try big.multiplied(by: big) }
        #expect(throws: ArithmeticError.overflow) { try big.divided(by: d("0.001")) }
    }

    @Test(arguments: [
        ("2.5", "3", "2"), ("3.5", "4", "4"), ("-2.5", "-3", "-2"), ("0.125", "0.13", "0.12"), ("2.4999", "2", "2"),
    ])
    func roundsTies(_ input: String, _ halfUp: String, _ halfEven: String) {
        let places = input.contains("0.125") ? 2 : 0
        #expect(d(input).rounded(toScale: places, mode: .halfAwayFromZero) == d(halfUp))
        #expect(d(input).rounded(toScale: places, mode: .halfEven) == d(halfEven))
    }

    @Test func roundsToAStep() throws {
        #expect(try d("0.67189").rounded(toMultipleOf: d("0.001"), mode: .halfAwayFromZero) == d("0.672"))
        #expect(try d("1219692.3077").rounded(toMultipleOf: d("100"), mode: .halfAwayFromZero) == d("1219700"))
        #expect(throws: ArithmeticError.invalidStep) { try d("1").rounded(toMultipleOf: .zero, mode: .halfEven) }
    }

    @Test func aPowerOfTenStepRoundsAsDividingByItDoes() throws {
        // round(x, 0.01) takes a path without dividing; it must give what dividing gives, for every
        // mode, on ties, long quotients (37 digits, as scores have), negatives and coarse steps.
        var generator = SystemRandomNumberGenerator()
        var inputs = ["0.005", "-0.005", "0.015", "2.675", "-2.675", "26.875", "0", "1", "123456789.125",
                      "0.3333333333333333333333333333333333333", "-27.272727272727272727272727272727272727",
                      "9999999999999999999999999999999.995", "0.0000000001", "5"].map(d)
        for _ in 0..<3_000 {
            let digits = Int128(Int64.random(in: -Int64.max...Int64.max, using: &generator)) * Int128(Int64.random(in: 1...Int64.max, using: &generator))
            // Up to 34 digits: a product keeps 34 (the division path multiplies back by the step).
            inputs.append(ExactDecimal(unchecked: digits % Int128(ExactDecimal.PowersOfTen[34]), scale: Int32.random(in: 0...37, using: &generator)))
        }
        for x in inputs {
            for places in 0...12 {
                let step = ExactDecimal(unchecked: 1, scale: Int32(places))
                for mode in RoundingMode.allCases {
                    let fast = try x.rounded(toMultipleOf: step, mode: mode)
                    // Where dividing overflowed (38 digits and more after the point moves), the
                    // path without it answers; elsewhere the two agree.
                    guard let divided = try? x.divided(by: step).rounded(toScale: 0, mode: mode).multiplied(by: step).normalized else { continue }
                    #expect(fast.coefficient == divided.coefficient && fast.scale == divided.scale, "\(x) to \(step), \(mode)")
                }
            }
        }
    }

    @Test func aPowerOfTenStepRoundsAValueOfMoreThan34DigitsExactly() throws {
        // Dividing by the step and multiplying back rounded such a value's product to 34 digits
        // (to 1e32 here); without the division it is rounded where the step says.
        let x = d("99999999999999999999999999999999.995")
        #expect(try x.rounded(toMultipleOf: d("0.001"), mode: .halfAwayFromZero) == x)
        #expect(try x.rounded(toMultipleOf: d("0.01"), mode: .halfEven) == d("100000000000000000000000000000000.00"))
    }

    @Test func comparesAcrossScales() {
        #expect(d("1.10") == d("1.1"))
        #expect(d("0.3") < d("0.31"))
        #expect(d("-1") < d("0.0001"))
        #expect(d(String(repeating: "9", count: 38)) > d("0.5"))
        var seen: Set<ExactDecimal> = [d("1.0")]
        seen.insert(d("1.00"))
        #expect(seen.count == 1)
    }

    @Test func formatsGroupedAndPadded() {
        #expect(d("3622.4").formatted(fractionDigits: 2, grouping: true) == "3,622.40")
        #expect(d("-1234567.891").formatted(fractionDigits: 2, grouping: true) == "-1,234,567.89")
        #expect(d("0.005").formatted(fractionDigits: 2) == "0.01")
        #expect(d("5").formatted(fractionDigits: 0) == "5")
    }

    @Test func rootsToTwentyEightDigits() throws {
        #expect(try d("1.21").root(2) == d("1.1"))
        #expect(try d("8").root(3) == d("2"))
        let r = try d("2").root(2)
        #expect(r.formatted(fractionDigits: 20) == "1.41421356237309504880")
    }

    /// Random 元 amounts (in 分) summed as decimals equal the integer sum, for many seeds.
    @Test func sumsOfYuanAmountsMatchIntegerArithmetic() throws {
        var generator = SplitMix(seed: 2022)
        for _ in 0..<200 {
            var total = ExactDecimal.zero
            var cents: Int64 = 0
            for _ in 0..<50 {
                let c = Int64(generator.next() % 2_000_000_000) - 1_000_000_000
                cents += c
                total = try total.adding(ExactDecimal(coefficient: Int128(c), scale: 2)!)
            }
            #expect(total == ExactDecimal(coefficient: Int128(cents), scale: 2)!)
            let factor = Int64(generator.next() % 1000)
            #expect(try total.multiplied(by: ExactDecimal(Int(factor))) == ExactDecimal(coefficient: Int128(cents) * Int128(factor), scale: 2)!)
        }
    }
}

/// A small deterministic generator, so that property tests are repeatable.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
