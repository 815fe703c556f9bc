/// The values of one `table`, `count` or `solve`-style range: low, low + step, … up to high,
/// made one at a time, so that a range of ten million steps costs no memory.
struct AxisSteps: Sequence {
    /// The kind of value each step is (money, ratio, …), taken from the range's low end.
    let template: Value
    let start: ExactDecimal
    let step: ExactDecimal
    /// How many values: the steps from low that stay at or below high, plus one.
    let count: Int

    struct Iterator: IteratorProtocol {
        let template: Value
        var decimals: Decimals

        mutating func next() -> Value? {
            decimals.next().map { Arithmetic.rebuild(template, $0) }
        }
    }

    func makeIterator() -> Iterator { Iterator(template: template, decimals: decimals) }

    /// The steps' bare numbers, the ones the values hold, without building a value per step.
    struct Decimals: Sequence, IteratorProtocol {
        let step: ExactDecimal
        let count: Int
        var index = 0
        var x: ExactDecimal

        mutating func next() -> ExactDecimal? {
            guard index < count else { return nil }
            let value = x
            index += 1
            // Within the range by construction: low + k·step ≤ high for every k < count.
            if index < count { x = (try? x.adding(step)) ?? x }
            return value
        }
    }

    var decimals: Decimals { Decimals(step: step, count: count, x: start) }

    /// True when each step's value holds its bare number as a numeric condition reads it (a
    /// year does not: it is no amount, and such a condition falls back to its general code).
    var givesBareNumbers: Bool {
        if case .year = template { return false }
        return true
    }

    /// The steps at positions `range`: the same values a full iteration makes there.
    func part(_ range: Range<Int>) -> AxisSteps {
        // low + k·step is representable for every k < count (checked when the range was made).
        let first = (try? start.adding(step.multiplied(by: ExactDecimal(range.lowerBound)))) ?? start
        return AxisSteps(template: template, start: first, step: step, count: range.count)
    }

    /// Decimals a label needs to show the step (3 for a step of 0.002%).
    var labelDecimals: Int {
        switch template {
        case .ratio(_, let s): Int(((try? step.divided(by: s.factor)) ?? step).normalized.scale)
        case .quantity: Int(step.normalized.scale)
        default: 0
        }
    }

    /// A step's label cell: the value with the precision of the step, in a column of its kind.
    func label(_ x: Value, format: ValueFormatter) -> Document.Cell {
        labelDecimals > 2 ? .text(format.text(x, decimals: labelDecimals)) : .value(x)
    }

    /// The values as a list, for a range known to be small (a table's columns).
    var values: [Value] { Array(self) }
}
