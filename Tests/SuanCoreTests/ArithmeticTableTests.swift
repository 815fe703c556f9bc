import Testing
import SuanTestSupport
@testable import SuanCore

/// Every row of the design brief's arithmetic table, through the language.
@Suite struct ArithmeticTableTests {
    @Test(arguments: [
        // Money ± Money → Money; × Number → Money; ÷ Money → Ratio; × Ratio → Money
        ("2433.84万元 + 1188.56万元", "3,622.40万元"),
        ("3622.4万元 - 2433.84万元", "1,188.56万元"),
        ("100万元 * 3", "300.00万元"),
        ("3 * 100万元", "300.00万元"),
        ("2433.84万元 / 3622.4万元", "67.19%"),
        ("100万元 * 10%", "10.00万元"),
        // Ratios are dimensionless in × and ÷
        ("100万元 / 50%", "200.00万元"),
        ("7730件 * 50%", "3,865件"),
        ("50% / 25%", "200%"),
        ("50% == 0.5", "true"),
        // Relative change
        ("100万元 + 10%", "110.00万元"),
        ("100万元 - 10%", "90.00万元"),
        ("100万元 + 10% == 110万元", "true"),
        ("200件 + 10%", "220件"),
        ("2 + 50%", "3"),
        // Ratio ± Ratio, percentage points
        ("67.3% - 49.9%", "17.4个百分点"),
        ("67.3% - 49.9% == 17.4%", "true"),
        ("67.3% - 17.4pp", "49.9%"),
        ("67.3% - 17.4pp == 49.9%", "true"),
        ("10% + 5%", "15%"),
        ("1.3‰ + 0.2‰", "1.5‰"),
        // Quantities and rates
        ("7730件 + 270件", "8,000件"),
        ("585人 / 837人", "69.89%"),
        ("1188.56万元 / 7730件", "0.15万元/件"),
        ("1188.56万元 / 7730件 * 7730件", "1,188.56万元"),
        ("1188.56万元 / (1188.56万元 / 7730件)", "7,730件"),
        // p% of x, money across display units
        ("10% of 200万元", "20.00万元"),
        ("3.31亿元 == 33100万元", "true"),
        ("3.31亿元 -> 万元", "33,100.00万元"),
        ("1万元 -> 元", "10,000.00元"),
        ("1.3‰ -> %", "0.13%"),
        ("0.672 -> %", "67.2%"),
        ("5000yuan + 1wan", "15,000.00元"),
        ("0.1元 + 0.2元 == 0.3元", "true"),
        ("2 ^ 10", "1024"),
        ("-5%", "-5%"),
        ("1 / 3", "≈0.3333333333"),
    ])
    func row(_ input: String, _ expected: String) {
        var h = SessionHarness()
        #expect(h.value(input) == expected, "\(input)")
    }

    @Test(arguments: [
        ("1万元 + 3件", "dimension-mismatch"),
        ("5% + 1万元", "dimension-mismatch"),
        ("3件 + 2宗", "dimension-mismatch"),
        ("1万元 * 1万元", "dimension-mismatch"),
        ("5 - 1万元", "dimension-mismatch"),
        ("1万元 < 3件", "dimension-mismatch"),
        ("1 / 0", "division-by-zero"),
        ("1万元 -> %", "dimension-mismatch"),
        ("\"a\" + 1", "type-mismatch"),
        ("99999999999999999999999999999999999999 * 10", "overflow"),
    ])
    func rejected(_ input: String, _ id: String) {
        var h = SessionHarness()
        #expect(h.errorID(input) == id, "\(input)")
    }

    @Test func ratioMinusMoneySaysWhichWayRound() {
        var h = SessionHarness()
        h.run("10% + 100万元")
        #expect(h.rendered.last?.contains("x + 10%") == true)
    }
}
