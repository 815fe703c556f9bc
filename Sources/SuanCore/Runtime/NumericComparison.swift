/// A comparison of two numeric sides (`(项目支出 + b) / (基本支出 - a + (项目支出 + b)) >= 35%`)
/// tested on bare decimals: each cell of a `count` grid, and the first try of a compiled
/// comparison before its general code.
///
/// A side that is a division is compared without dividing when the order cannot depend on how
/// the quotient is rounded (``ExactDecimal/order(ofQuotient:_:against:)``); near that boundary the
/// quotient is computed and compared as the general code compares it, so every answer is the one
/// dividing gives.
struct NumericComparison: Sendable {
    let op: ComparisonOperator
    let left: NumericProgram
    let right: NumericProgram

    /// With `variable`, the sides read that local slot from the value given to ``holds(_:_:variable:)``.
    init(_ op: ComparisonOperator, _ left: NumericCode, _ right: NumericCode, variable: Int? = nil) {
        self.op = op
        self.left = NumericProgram(left, variable: variable)
        self.right = NumericProgram(right, variable: variable)
    }

    /// True when a side reads the inner variable given to ``holds(_:_:variable:)``.
    var readsVariable: Bool { left.readsVariable || right.readsVariable }

    /// Whether the comparison holds, or ``NumericFallback`` when a side holds no number or its
    /// arithmetic fails: the general code then answers, and reports the failure.
    @inline(__always)
    func holds(_ interpreter: Interpreter, _ frame: borrowing Interpreter.Frame, variable: ExactDecimal = .zero) throws(NumericFallback) -> Bool {
        op.holds(try order(interpreter, frame, variable: variable))
    }

    /// −1, 0 or 1: the left side against the right.
    @inline(__always)
    func order(_ interpreter: Interpreter, _ frame: borrowing Interpreter.Frame, variable: ExactDecimal) throws(NumericFallback) -> Int {
        // Left before right, as the general code evaluates them.
        if left.isQuotient {
            let (dividend, divisor) = try left.runOperands(interpreter, frame, variable: variable)
            let bound = try right.run(interpreter, frame, variable: variable)
            return try NumericComparison.order(ofQuotient: dividend, divisor, against: bound)
        }
        let a = try left.run(interpreter, frame, variable: variable)
        if right.isQuotient {
            let (dividend, divisor) = try right.runOperands(interpreter, frame, variable: variable)
            return -(try NumericComparison.order(ofQuotient: dividend, divisor, against: a))
        }
        return ExactDecimal.compare(a, try right.run(interpreter, frame, variable: variable))
    }

    /// The order of the rounded quotient against `bound`: by multiplying when that decides it, by
    /// dividing otherwise.
    @inline(__always)
    static func order(ofQuotient dividend: ExactDecimal, _ divisor: ExactDecimal, against bound: ExactDecimal) throws(NumericFallback) -> Int {
        if let order = ExactDecimal.order(ofQuotient: dividend, divisor, against: bound) { return order }
        do {
            return ExactDecimal.compare(try dividend.divided(by: divisor), bound)
        } catch {
            throw NumericFallback()
        }
    }
}
