/// An exact decimal number: `coefficient × 10^(−scale)`.
///
/// Suan's money path never touches binary floating point. Results follow ``DecimalContext/standard``:
/// `+ −` are exact while the result fits in 38 significant digits (the range of `Int128`), `×` while it
/// fits in 34; a quotient is exact when it terminates within 37 digits. Longer results are rounded
/// half-even (products to 34 digits, quotients to 37, sums to 38) by dropping digits right of the
/// point; an integer part that no longer fits is an ``ArithmeticError/overflow``. The three guard
/// digits of a quotient make `(a / b) × b == a` for every `a` of up to 34 digits.
///
/// Rounding for display and for `round()` is explicit, through ``rounded(toScale:mode:)``.
///
///     let a = try ExactDecimal(parsing: "0.1"), b = try ExactDecimal(parsing: "0.2")
///     try a.adding(b) == ExactDecimal(parsing: "0.3")   // true
public struct ExactDecimal: Sendable {
    /// The digits, as an integer. Never `Int128.min`, so negation cannot trap.
    public private(set) var coefficient: Int128
    /// How many of the coefficient's digits lie right of the decimal point; never negative.
    public private(set) var scale: Int32

    /// Builds a decimal from a coefficient and a scale, as `coefficient × 10^(−scale)`.
    ///
    /// A negative scale multiplies the coefficient out; `nil` when that does not fit.
    public init?(coefficient: Int128, scale: Int32) {
        guard coefficient != .min else { return nil }
        if scale >= 0 {
            self.coefficient = coefficient
            self.scale = scale
        } else {
            guard let up = ExactDecimal.scaleUp(coefficient, by: Int(-scale)) else { return nil }
            self.coefficient = up
            self.scale = 0
        }
    }

    /// Builds a decimal from a coefficient and a non-negative scale known to be in range.
    @inline(__always)
    init(unchecked coefficient: Int128, scale: Int32) {
        self.coefficient = coefficient
        self.scale = scale
    }

    public init(_ integer: Int) {
        self.init(unchecked: Int128(integer), scale: 0)
    }

    // Computed, not stored: a stored static is a lazily initialised global checked on every use.
    public static var zero: ExactDecimal { ExactDecimal(unchecked: 0, scale: 0) }
    public static var one: ExactDecimal { ExactDecimal(unchecked: 1, scale: 0) }
    /// 10^38: results of `+ − × ÷` keep fewer than 39 significant digits, as the docs promise
    /// (`Int128` could hold some 39-digit numbers, up to 1.7 × 10^38, but not all of them).
    static var digitLimit: UInt128 { PowersOfTen[38] }

    public var isZero: Bool { coefficient == 0 }
    public var isNegative: Bool { coefficient < 0 }
    public var signum: Int { coefficient == 0 ? 0 : (coefficient < 0 ? -1 : 1) }
    public var negated: ExactDecimal { ExactDecimal(unchecked: -coefficient, scale: scale) }
    public var magnitude: ExactDecimal { coefficient < 0 ? negated : self }

    /// True when the value has no fractional part.
    public var isInteger: Bool {
        scale == 0 || coefficient % ExactDecimal.power(Int(min(scale, 38))) == 0
    }

    /// The value as an `Int`, when it is a whole number that fits.
    public var integerValue: Int? {
        guard isInteger else { return nil }
        return Int(exactly: scale == 0 ? coefficient : coefficient / ExactDecimal.power(Int(min(scale, 38))))
    }
}

/// Why an exact operation could not produce a value.
public enum ArithmeticError: Error, Sendable, Equatable {
    /// The integer part of the result needs more than 38 digits.
    case overflow
    case divisionByZero
    /// A rounding step or root degree that is zero or negative.
    case invalidStep
}

// MARK: - Powers of ten and scaling

extension ExactDecimal {
    /// 10^0 … 10^38 (10^38 is the largest power of ten below `Int128.max`), by arithmetic rather
    /// than a stored table, which would be a lazily initialised global on the hot path.
    enum PowersOfTen {
        @inline(__always)
        static subscript(_ n: Int) -> UInt128 {
            switch n {
            case 0: 1
            case 1: 10
            case 2: 100
            case 3: 1000
            case 4: 10000
            case 5: 100000
            case 6: 1000000
            case 7: 10000000
            case 8: 100000000
            case 9: 1000000000
            case 10: 10000000000
            case 11: 100000000000
            case 12: 1000000000000
            case 13: 10000000000000
            case 14: 100000000000000
            case 15: 1000000000000000
            case 16: 10000000000000000
            case 17: 100000000000000000
            case 18: 1000000000000000000
            case 19: 10000000000000000000
            case 20: 100000000000000000000
            case 21: 1000000000000000000000
            case 22: 10000000000000000000000
            case 23: 100000000000000000000000
            case 24: 1000000000000000000000000
            case 25: 10000000000000000000000000
            case 26: 100000000000000000000000000
            case 27: 1000000000000000000000000000
            case 28: 10000000000000000000000000000
            case 29: 100000000000000000000000000000
            case 30: 1000000000000000000000000000000
            case 31: 10000000000000000000000000000000
            case 32: 100000000000000000000000000000000
            case 33: 1000000000000000000000000000000000
            case 34: 10000000000000000000000000000000000
            case 35: 100000000000000000000000000000000000
            case 36: 1000000000000000000000000000000000000
            case 37: 10000000000000000000000000000000000000
            case 38: 100000000000000000000000000000000000000
            default: 0
            }
        }
    }

    @inline(__always)
    static func power(_ n: Int) -> Int128 { Int128(PowersOfTen[n]) }

    /// `value × 10^k`, or `nil` when it does not fit.
    @inline(__always)
    static func scaleUp(_ value: Int128, by k: Int) -> Int128? {
        if k == 0 { return value }
        if k > 38 { return value == 0 ? 0 : nil }
        let (product, overflow) = multiply(value, power(k))
        return overflow || product == .min ? nil : product
    }

    /// `a × b` and whether it overflowed. Most coefficients fit in 64 bits, and a product of two
    /// such fits in 127 bits: one multiplication, no overflow check (the general one is several).
    @inline(__always)
    static func multiply(_ a: Int128, _ b: Int128) -> (partialValue: Int128, overflow: Bool) {
        if let x = Int64(exactly: a), let y = Int64(exactly: b) { return (Int128(x) &* Int128(y), false) }
        return a.multipliedReportingOverflow(by: b)
    }

    /// The number of decimal digits of a magnitude (0 for zero).
    static func digitCount(_ value: UInt128) -> Int {
        var low = 0, high = 39
        while low < high {  // first power of ten greater than value
            let mid = (low + high) / 2
            if mid <= 38 && PowersOfTen[mid] <= value { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Drops `k` digits right of the point, rounding half-even; used to make room, never for display.
    func droppingDigits(_ k: Int) -> ExactDecimal {
        guard k > 0 else { return self }
        return rounded(toScale: Int(scale) - k, mode: .halfEven)
    }

    /// Removes trailing zeros right of the point, so that results stay small.
    public var normalized: ExactDecimal {
        var c = coefficient, s = Int(scale)
        guard c != 0 else { return .zero }
        for step in [16, 8, 4, 2, 1] where s >= step {
            let p = ExactDecimal.power(step)
            while s >= step && c % p == 0 { c /= p; s -= step }
        }
        return ExactDecimal(unchecked: c, scale: Int32(s))
    }
}

// MARK: - Arithmetic

extension ExactDecimal {
    /// The sum, exact while it fits in 38 significant digits, otherwise rounded half-even by
    /// dropping fraction digits; an integer part past 38 digits is an overflow.
    @inline(__always)
    public func adding(_ other: ExactDecimal) throws(ArithmeticError) -> ExactDecimal {
        // Two coefficients of 64 bits at one scale (a grid's usual sum) cannot leave 38 digits:
        // added here, without the call and the loop that align and round.
        if scale == other.scale, let a = Int64(exactly: coefficient), let b = Int64(exactly: other.coefficient) {
            return ExactDecimal(unchecked: Int128(a) &+ Int128(b), scale: scale)
        }
        return try addingAligned(other)
    }

    /// The sum of two decimals of different scales or long coefficients: aligned, and rounded
    /// when it passes 38 digits.
    @inline(never)
    func addingAligned(_ other: ExactDecimal) throws(ArithmeticError) -> ExactDecimal {
        var a = self, b = other
        while true {
            if a.scale == b.scale {
                let (sum, overflow) = a.coefficient.addingReportingOverflow(b.coefficient)
                if !overflow && sum.magnitude < ExactDecimal.digitLimit { return ExactDecimal(unchecked: sum, scale: a.scale) }
                guard a.scale > 0 else { throw .overflow }
                a = a.droppingDigits(1); b = b.droppingDigits(1)
                continue
            }
            // Align the operand with fewer fraction digits; if it cannot grow, shrink the other.
            if a.scale > b.scale { swap(&a, &b) }
            let gap = Int(b.scale - a.scale)
            if let up = ExactDecimal.scaleUp(a.coefficient, by: gap) {
                a = ExactDecimal(unchecked: up, scale: b.scale)
            } else {
                b = b.droppingDigits(max(1, gap - 38))
            }
        }
    }

    public func subtracting(_ other: ExactDecimal) throws(ArithmeticError) -> ExactDecimal {
        try adding(other.negated)
    }

    /// The value times 10^n, exactly (a change of unit: 1188.56万元 in 元): only the decimal point moves,
    /// so nothing is rounded; an overflow past 38 digits is an error.
    public func shifted(byPowerOfTen n: Int) throws(ArithmeticError) -> ExactDecimal {
        if n <= Int(scale) { return ExactDecimal(unchecked: coefficient, scale: scale - Int32(n)) }
        let up = n - Int(scale)
        guard up <= 38 else { throw .overflow }
        let (product, overflow) = coefficient.multipliedReportingOverflow(by: ExactDecimal.power(up))
        guard !overflow, product.magnitude < ExactDecimal.digitLimit else { throw .overflow }
        return ExactDecimal(unchecked: product, scale: 0)
    }

    /// The product, exact while it fits in ``DecimalContext/precision`` (34) significant digits,
    /// otherwise rounded half-even to that many; integer digits are never dropped.
    @inline(__always)
    public func multiplied(by other: ExactDecimal, context: DecimalContext = .standard) throws(ArithmeticError) -> ExactDecimal {
        // Two coefficients of 64 bits (a grid's usual product) multiply here, without the call.
        if let a = Int64(exactly: coefficient), let b = Int64(exactly: other.coefficient) {
            let product = Int128(a) &* Int128(b), scale = Int(self.scale) + Int(other.scale)
            if product.magnitude < ExactDecimal.PowersOfTen[context.precision] && scale <= Int(Int32.max) {
                return ExactDecimal(unchecked: product, scale: Int32(scale))
            }
        }
        return try multipliedRounding(by: other, context: context)
    }

    /// The product when it may pass the context's precision: rounded half-even to it.
    @inline(never)
    func multipliedRounding(by other: ExactDecimal, context: DecimalContext) throws(ArithmeticError) -> ExactDecimal {
        let scale = Int(self.scale) + Int(other.scale)
        let (product, overflow) = ExactDecimal.multiply(coefficient, other.coefficient)
        if !overflow && product.magnitude < ExactDecimal.PowersOfTen[context.precision] && scale <= Int(Int32.max) {
            return ExactDecimal(unchecked: product, scale: Int32(scale))
        }
        // Too many digits: form the 256-bit product and round away the fraction digits beyond the precision.
        let negative = (coefficient < 0) != (other.coefficient < 0)
        let wide = Wide(coefficient.magnitude, times: other.coefficient.magnitude)
        let drop = min(max(0, wide.digitCount - context.precision), scale)
        let kept = wide.rounded(droppingDigits: drop, mode: DecimalContext.rounding)
        guard kept.high == 0, kept.low < ExactDecimal.digitLimit, scale - drop <= Int(Int32.max) else { throw .overflow }
        let result = ExactDecimal(unchecked: negative ? -Int128(kept.low) : Int128(kept.low), scale: Int32(scale - drop))
        return drop > 0 ? result.normalized : result
    }

    /// The quotient, exact when it terminates within ``DecimalContext/quotientDigits`` (37)
    /// significant digits, otherwise rounded half-even to that many; integer digits are never dropped.
    public func divided(by other: ExactDecimal, context: DecimalContext = .standard) throws(ArithmeticError) -> ExactDecimal {
        guard other.coefficient != 0 else { throw .divisionByZero }
        if coefficient == 0 { return .zero }
        let negative = (coefficient < 0) != (other.coefficient < 0)
        let divisor = other.coefficient.magnitude
        let dividend = coefficient.magnitude
        var quotient = dividend / divisor
        var remainder = dividend % divisor
        var scale = Int(self.scale) - Int(other.scale)
        let digits = context.quotientDigits
        let limit = ExactDecimal.PowersOfTen[digits]
        var rounds = 0
        while remainder != 0 && quotient < limit / 10 && rounds < 4 {
            rounds += 1
            let room = digits - ExactDecimal.digitCount(quotient)
            let step = ExactDecimal.PowersOfTen[room]
            let wide = remainder.multipliedFullWidth(by: step)
            let (chunk, rest) = divisor.dividingFullWidth((wide.high, wide.low))
            quotient = quotient * step + chunk
            remainder = rest
            scale += room
        }
        quotient = ExactDecimal.roundQuotient(quotient, remainder: remainder, divisor: divisor, negative: negative, mode: DecimalContext.rounding)
        guard quotient <= UInt128(Int128.max), scale <= Int(Int32.max) else { throw .overflow }
        let signed = negative ? -Int128(quotient) : Int128(quotient)
        guard var result = ExactDecimal(coefficient: signed, scale: Int32(clamping: scale)) else { throw .overflow }
        if result.coefficient.magnitude >= ExactDecimal.digitLimit {
            guard result.scale > 0 else { throw .overflow }
            result = result.droppingDigits(1)
        }
        return remainder == 0 ? result.normalized : result
    }

    /// Applies `mode` to a truncated magnitude `quotient` given the remainder of its division.
    @inline(__always)
    static func roundQuotient(_ quotient: UInt128, remainder: UInt128, divisor: UInt128, negative: Bool, mode: RoundingMode) -> UInt128 {
        guard remainder != 0 else { return quotient }
        // remainder < divisor ≤ 2^127, so doubling cannot overflow.
        let twice = remainder << 1
        let up: Bool
        switch mode {
        case .halfAwayFromZero: up = twice >= divisor
        case .halfEven: up = twice > divisor || (twice == divisor && quotient & 1 == 1)
        case .towardZero: up = false
        }
        return up ? quotient + 1 : quotient
    }
}

// MARK: - Rounding

/// How a value is rounded on display and by `round()`.
public enum RoundingMode: String, Sendable, CaseIterable {
    /// 四舍五入: ties go away from zero. The default.
    case halfAwayFromZero = "half-up"
    /// Banker's rounding: ties go to the even neighbour.
    case halfEven = "half-even"
    /// Truncation; used internally only.
    case towardZero = "truncate"
}

extension ExactDecimal {
    /// The value rounded to `newScale` digits right of the point (a negative scale rounds to tens, …).
    public func rounded(toScale newScale: Int, mode: RoundingMode) -> ExactDecimal {
        let drop = Int(scale) - newScale
        guard drop > 0 else { return self }
        let magnitude = coefficient.magnitude
        var kept: UInt128
        if drop > 38 {
            kept = 0  // |coefficient| < 10^39 / 2, so every mode rounds to zero
        } else {
            let divisor = ExactDecimal.PowersOfTen[drop]
            kept = ExactDecimal.roundQuotient(magnitude / divisor, remainder: magnitude % divisor, divisor: divisor,
                                              negative: coefficient < 0, mode: mode)
        }
        let signed = coefficient < 0 ? -Int128(kept) : Int128(kept)
        if newScale >= 0 { return ExactDecimal(unchecked: signed, scale: Int32(newScale)) }
        return ExactDecimal(coefficient: signed, scale: Int32(newScale)) ?? self
    }

    /// The value rounded to a multiple of `step` (`round(x, 0.01)`); `step` must be positive.
    public func rounded(toMultipleOf step: ExactDecimal, mode: RoundingMode) throws(ArithmeticError) -> ExactDecimal {
        guard step.coefficient > 0 else { throw .invalidStep }
        // A step of 1, 0.1, 0.01, …: dividing by it only moves the point, so rounding to that many
        // decimals is the same answer without the 128-bit division (`round(x, 0.01)` in every score).
        if step.coefficient == 1 && step.scale >= 0 { return rounded(toScale: Int(step.scale), mode: mode).normalized }
        let count = try divided(by: step).rounded(toScale: 0, mode: mode)
        return try count.multiplied(by: step).normalized
    }
}

// MARK: - Comparison

extension ExactDecimal: Comparable, Hashable {
    public static func == (a: ExactDecimal, b: ExactDecimal) -> Bool { compare(a, b) == 0 }
    public static func < (a: ExactDecimal, b: ExactDecimal) -> Bool { compare(a, b) < 0 }

    /// −1, 0 or 1.
    public static func compare(_ a: ExactDecimal, _ b: ExactDecimal) -> Int {
        if a.scale == b.scale { return a.coefficient == b.coefficient ? 0 : (a.coefficient < b.coefficient ? -1 : 1) }
        if a.scale < b.scale {
            guard let up = scaleUp(a.coefficient, by: Int(b.scale - a.scale)) else { return a.signum }
            return up == b.coefficient ? 0 : (up < b.coefficient ? -1 : 1)
        }
        guard let up = scaleUp(b.coefficient, by: Int(a.scale - b.scale)) else { return -b.signum }
        return a.coefficient == up ? 0 : (a.coefficient < up ? -1 : 1)
    }

    public func hash(into hasher: inout Hasher) {
        let n = normalized
        hasher.combine(n.coefficient)
        hasher.combine(n.scale)
    }
}

// MARK: - Parsing and text

/// Why digit text is not a number.
public enum DecimalParseError: Error, Sendable, Equatable {
    case malformed
    case overflow
}

extension ExactDecimal {
    /// Parses `123`, `-3.5`, `1_000.25`; with `allowGrouping`, also `1,234.5` (as spreadsheets export).
    public init(parsing text: some StringProtocol, allowGrouping: Bool = false) throws(DecimalParseError) {
        var digits = DigitReader(allowGrouping: allowGrouping)
        for byte in text.utf8 { try digits.take(byte) }
        self = try digits.value()
    }

    /// Parses the UTF-8 bytes of a number as ``init(parsing:allowGrouping:)`` parses its text: a
    /// table's cells are read from the file's bytes, without a `String` (and without the generic
    /// initialiser, which another module cannot specialise).
    public init(parsingUTF8 bytes: UnsafeBufferPointer<UInt8>, allowGrouping: Bool = false) throws(DecimalParseError) {
        var digits = DigitReader(allowGrouping: allowGrouping)
        for byte in bytes { try digits.take(byte) }
        self = try digits.value()
    }

    /// The state of reading a number byte by byte: the one grammar of both initialisers.
    private struct DigitReader {
        let allowGrouping: Bool
        var coefficient: Int128 = 0
        var scale: Int32 = 0
        var seenPoint = false, seenDigit = false, negative = false
        var index = 0

        init(allowGrouping: Bool) { self.allowGrouping = allowGrouping }

        @inline(__always)
        mutating func take(_ byte: UInt8) throws(DecimalParseError) {
            defer { index += 1 }
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let (times, o1) = coefficient.multipliedReportingOverflow(by: 10)
                let (plus, o2) = times.addingReportingOverflow(Int128(byte - UInt8(ascii: "0")))
                guard !o1, !o2, plus.magnitude < ExactDecimal.digitLimit else { throw .overflow }
                coefficient = plus
                seenDigit = true
                if seenPoint { scale += 1 }
            case UInt8(ascii: "."):
                guard !seenPoint else { throw .malformed }
                seenPoint = true
            case UInt8(ascii: "_"):
                guard seenDigit else { throw .malformed }
            case UInt8(ascii: ","):
                guard allowGrouping, seenDigit, !seenPoint else { throw .malformed }
            case UInt8(ascii: "-") where index == 0:
                negative = true
            case UInt8(ascii: "+") where index == 0:
                break
            default:
                throw .malformed
            }
        }

        func value() throws(DecimalParseError) -> ExactDecimal {
            guard seenDigit else { throw .malformed }
            return ExactDecimal(unchecked: negative ? -coefficient : coefficient, scale: scale)
        }
    }

    /// Plain digits with exactly `fractionDigits` right of the point (after rounding), optionally grouped by thousands.
    public func formatted(fractionDigits: Int, grouping: Bool = false, mode: RoundingMode = .halfAwayFromZero) -> String {
        let r = rounded(toScale: fractionDigits, mode: mode)
        // Through UInt64 when it fits: the same digits, without the generic path that the
        // 128-bit type takes (its metadata and conformances looked up at run time on first use).
        let magnitude = r.coefficient.magnitude
        var digits = magnitude <= UInt64.max ? String(UInt64(magnitude)) : String(magnitude)
        let s = Int(r.scale)
        if digits.count <= s { digits = String(repeating: "0", count: s - digits.count + 1) + digits }
        let integerPart = digits.prefix(digits.count - s)
        var out = r.coefficient < 0 ? "-" : ""
        out += grouping ? ExactDecimal.grouped(integerPart) : String(integerPart)
        // Pad when fewer digits were stored than asked for.
        let stored = digits.suffix(s)
        if fractionDigits > 0 {
            out += "." + stored + String(repeating: "0", count: max(0, fractionDigits - s))
        }
        return out
    }

    /// Shortest exact text: no trailing zeros, no exponent.
    public var exactText: String {
        let n = normalized
        return n.formatted(fractionDigits: Int(n.scale))
    }

    /// Digits after the point once trailing zeros are gone.
    public var significantScale: Int { Int(normalized.scale) }

    static func grouped(_ integer: Substring) -> String {
        let count = integer.count
        guard count > 3 else { return String(integer) }
        var out = ""
        out.reserveCapacity(count + count / 3)
        for (i, ch) in integer.enumerated() {
            if i > 0 && (count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return out
    }
}

extension ExactDecimal: CustomStringConvertible {
    public var description: String { exactText }
}

// MARK: - Roots

extension ExactDecimal {
    /// The positive `n`th root, rounded half-even to ``DecimalContext/precision`` (34) significant
    /// digits; Newton's method in exact arithmetic with 37 digits at every step.
    public func root(_ n: Int) throws(ArithmeticError) -> ExactDecimal {
        guard n >= 1, coefficient >= 0 else { throw .invalidStep }
        if n == 1 || coefficient == 0 { return self }
        let work = DecimalContext.rootWorking
        let degree = ExactDecimal(n), lower = ExactDecimal(n - 1)
        var x = self > .one ? try divided(by: ExactDecimal(2), context: work) : .one
        var previous = x
        for _ in 0..<200 {
            var power = ExactDecimal.one
            for _ in 0..<(n - 1) { power = try power.multiplied(by: x, context: work) }
            let next = try lower.multiplied(by: x, context: work)
                .adding(divided(by: power, context: work))
                .divided(by: degree, context: work)
            // Converged, or alternating between two neighbours in the last working digit.
            if next == x || next == previous { x = next; break }
            previous = x
            x = next
        }
        return x.rounded(toSignificantDigits: DecimalContext.standard.precision)
    }

    /// The value rounded half-even to `digits` significant digits; integer digits are never dropped.
    public func rounded(toSignificantDigits digits: Int) -> ExactDecimal {
        let drop = min(max(0, ExactDecimal.digitCount(coefficient.magnitude) - digits), Int(scale))
        return drop > 0 ? droppingDigits(drop).normalized : self
    }
}
