extension ExactDecimal {
    /// A 256-bit magnitude: the full product of two coefficients, before it is rounded to fit.
    struct Wide: Equatable {
        var high: UInt128
        var low: UInt128

        init(high: UInt128, low: UInt128) {
            self.high = high
            self.low = low
        }

        /// The full product of two magnitudes.
        init(_ a: UInt128, times b: UInt128) {
            let (high, low) = a.multipliedFullWidth(by: b)
            self.init(high: high, low: low)
        }

        /// The quotient and remainder of division by `divisor` (greater than zero).
        func divided(by divisor: UInt128) -> (quotient: Wide, remainder: UInt128) {
            let (qHigh, rHigh) = high.quotientAndRemainder(dividingBy: divisor)
            let (qLow, remainder) = divisor.dividingFullWidth((rHigh, low))
            return (Wide(high: qHigh, low: qLow), remainder)
        }

        /// The number of decimal digits (0 for zero).
        var digitCount: Int {
            var t = self, digits = 0
            while t.high != 0 {
                t = t.divided(by: ExactDecimal.PowersOfTen[19]).quotient
                digits += 19
            }
            return digits + ExactDecimal.digitCount(t.low)
        }

        /// `self / 10^k`, rounded by `mode` on the whole dropped part (`k` may pass 38).
        func rounded(droppingDigits k: Int, mode: RoundingMode) -> Wide {
            guard k > 0 else { return self }
            var t = self, rest = k, sticky = false
            while rest > 38 {
                let (q, r) = t.divided(by: ExactDecimal.PowersOfTen[38])
                t = q
                sticky = sticky || r != 0
                rest -= 38
            }
            let divisor = ExactDecimal.PowersOfTen[rest]
            let (q, r) = t.divided(by: divisor)
            let half = divisor / 2  // divisor ≥ 10, so half is exact
            let up: Bool
            switch mode {
            case .halfAwayFromZero: up = r >= half
            case .halfEven: up = r > half || (r == half && (sticky || q.low & 1 == 1))
            case .towardZero: up = false
            }
            guard up else { return q }
            return q.low == .max ? Wide(high: q.high + 1, low: 0) : Wide(high: q.high, low: q.low + 1)
        }
    }
}
