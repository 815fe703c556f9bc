extension ExactDecimal {
    /// The order (−1, 0 or 1) of the quotient `dividend / divisor`, as ``divided(by:context:)``
    /// rounds it in the standard context, against `bound`, found by multiplying instead of
    /// dividing; nil when that cannot tell, and the quotient must be computed.
    ///
    /// A grid condition such as `p / (base + p) >= 35%` divides at every cell, and a 128-bit
    /// division is the slowest step of the cell. Cross-multiplying (`p` against `35% × (base + p)`)
    /// decides the exact quotient `x`; the rounded one, `r`, is what Suan compares. They order
    /// alike whenever `x` is far enough from the bound:
    ///
    /// - A quotient that does not terminate keeps at least ``DecimalContext/quotientDigits`` (37)
    ///   digits — its truncated coefficient `q` is at least 10^36 — so its last digit, `ulp`, is at
    ///   most |x| / 10^36, and in every rounding mode |r − x| < `ulp` (half of it for the modes
    ///   that round to nearest). One that terminates within those digits is exact: r = x.
    /// - So when |x − c| ≥ |x| / 10^36, `r` lies on the same side of `c` as `x`. Multiplied by
    ///   |d| and written at one scale, that is |n − c·d| × 10^36 ≥ |n|: integers only.
    /// - When x = c exactly and `c` has at most 37 digits, the quotient terminates within them, so
    ///   r = c. Otherwise (a tie with a longer `c`, or a gap under the band) this answers nil.
    ///
    /// Nil too where the division would fail or could overflow (a zero divisor; |x| that might
    /// reach 10^37), or where the cross products do not fit in 128 bits: the caller divides, and
    /// reports what dividing reports.
    static func order(ofQuotient dividend: ExactDecimal, _ divisor: ExactDecimal, against bound: ExactDecimal) -> Int? {
        guard divisor.coefficient != 0 else { return nil }
        if let order = orderOfShortQuotient(dividend, divisor, against: bound) { return order }
        let digits = DecimalContext.standard.quotientDigits
        let numerator = dividend.coefficient.magnitude, denominator = divisor.coefficient.magnitude
        // |x| < 2^(bits of n − bits of d + 1) × 10^(sd − sn); below 10^37 (8^k < 10^k) the
        // quotient and its rounding fit, so dividing could not have overflowed.
        let room = digits - (Int(divisor.scale) - Int(dividend.scale))
        let bits = numerator.bitWidth - numerator.leadingZeroBitCount - (denominator.bitWidth - denominator.leadingZeroBitCount) + 1
        guard room >= 0, bits <= 3 * room, dividend.scale < Int32.max / 2 else { return nil }
        // n and c·d at one scale.
        let (product, productOverflow) = multiply(bound.coefficient, divisor.coefficient)
        guard !productOverflow else { return nil }
        let productScale = Int(bound.scale) + Int(divisor.scale), common = Swift.max(Int(dividend.scale), productScale)
        guard let a = scaleUp(dividend.coefficient, by: common - Int(dividend.scale)),
              let b = scaleUp(product, by: common - productScale) else { return nil }
        let (gap, gapOverflow) = a.subtractingReportingOverflow(b)
        guard !gapOverflow else { return nil }
        if gap == 0 {
            return bound.coefficient.magnitude < PowersOfTen[digits] ? 0 : nil
        }
        // |gap| ≥ 1, so an |n| of at most 10^36 needs no product (the usual case).
        if a.magnitude > PowersOfTen[digits - 1] {
            let (band, bandOverflow) = gap.magnitude.multipliedReportingOverflow(by: PowersOfTen[digits - 1])
            guard bandOverflow || band >= a.magnitude else { return nil }
        }
        // n − c·d has the sign of x − c when d is positive, the opposite when it is negative.
        return (gap > 0) == (divisor.coefficient > 0) ? 1 : -1
    }

    /// The same order for the usual case, without the general checks: coefficients of 64 bits,
    /// c·d at the finer scale, n raised by at most 10^17 (a divisor that is not zero is assumed).
    ///
    /// Then nothing overflows and no check is needed: |C·D| < 2^126 and |a| = |N| × 10^k <
    /// 2^63 × 10^17 < 10^36, so their difference fits in 128 bits; |x| ≤ |a| (x = a / (D ×
    /// 10^(c's scale)) with |D| ≥ 1), so dividing could not have overflowed; the band holds for any
    /// nonzero gap, since |a| ≤ 10^36; and a tie has a `c` of at most 19 digits.
    @inline(__always)
    private static func orderOfShortQuotient(_ dividend: ExactDecimal, _ divisor: ExactDecimal, against bound: ExactDecimal) -> Int? {
        let raise = Int(bound.scale) + Int(divisor.scale) - Int(dividend.scale)
        guard raise >= 0, raise <= 17, dividend.scale < Int32.max / 2,
              let n = Int64(exactly: dividend.coefficient), let d = Int64(exactly: divisor.coefficient),
              let c = Int64(exactly: bound.coefficient) else { return nil }
        let gap = Int128(n) &* Int128(Int64(truncatingIfNeeded: PowersOfTen[raise])) &- Int128(c) &* Int128(d)
        if gap == 0 { return 0 }
        return (gap > 0) == (d > 0) ? 1 : -1
    }
}
