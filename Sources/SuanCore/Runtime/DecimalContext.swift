/// How many digits the results of arithmetic keep, and how they are rounded to fit: one place for
/// the numbers that `×`, `÷`, `^` and `root` follow.
///
/// The standard context (``standard``) is IEEE 754 decimal128's precision with guard digits on
/// quotients:
///
/// - `+` and `−` are exact while the result fits in ``capacity`` (38) significant digits.
/// - `×` (and so `^`, which multiplies out left to right) is exact while the result fits in
///   ``precision`` (34) significant digits; a longer product is rounded half-even to 34.
/// - `÷` is exact when the quotient terminates within ``quotientDigits`` (37) significant digits;
///   otherwise it is rounded half-even to 37: ``precision`` plus ``guardDigits``. A quotient is thus
///   three digits finer than a product, so multiplying it back rounds to the exact value:
///   `(a / b) × b == a` for every `a` of at most 34 significant digits
///   (`(1188.56万元 / 7730件) × 7730件 == 1188.56万元`).
/// - `root(x, n)` is computed with 37 digits and rounded half-even to 34.
/// - Rounding only ever drops digits right of the decimal point: an integer part is never rounded,
///   and one that needs more than 38 digits is an overflow error.
///
/// Display rounding (`--rounding`, `round()`) is separate: it applies to what is shown, never to
/// these results.
///
///     DecimalContext.standard.precision        // 34
///     DecimalContext.standard.quotientDigits   // 37
public struct DecimalContext: Sendable, Equatable {
    /// Significant digits a product or root keeps (34, as decimal128).
    public var precision: Int
    /// Digits a quotient keeps beyond ``precision`` (3), so that a product rounds it back.
    public var guardDigits: Int

    /// Precision plus guard digits must stay below ``capacity``; the initialiser clamps them.
    public init(precision: Int, guardDigits: Int = 0) {
        self.precision = max(1, min(precision, DecimalContext.capacity - 1))
        self.guardDigits = max(0, min(guardDigits, DecimalContext.capacity - 1 - self.precision))
    }

    // Computed, not stored: a stored static is a lazily initialised global checked on every use.
    /// 34 significant digits for products and roots, 37 for quotients, half-even.
    public static var standard: DecimalContext { DecimalContext(precision: 34, guardDigits: 3) }

    /// The working context of ``ExactDecimal/root(_:)``: 37 digits for every step.
    static var rootWorking: DecimalContext { DecimalContext(precision: 37) }

    /// The most significant digits any value holds (38: every 38-digit number fits in `Int128`).
    public static var capacity: Int { 38 }

    /// How results are rounded to fit: half-even, as IEEE 754 does (display rounding is separate).
    public static var rounding: RoundingMode { .halfEven }

    /// Significant digits a quotient keeps: ``precision`` + ``guardDigits`` (37).
    public var quotientDigits: Int { precision + guardDigits }
}
