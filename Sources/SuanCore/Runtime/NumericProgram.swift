/// A ``NumericCode`` laid out flat, operators before their operands, for the inner loops of `count`
/// and of numeric conditions.
///
/// Walking the tree of an `indirect enum` retains and releases a box at every node; walking one array
/// of steps that hold only `ExactDecimal`s and slot numbers moves no reference-counted value at all,
/// which is most of the cost of a grid cell. A part written twice (`(项目支出 + b) / (基本支出 +
/// (项目支出 + b))`) is computed once: its first place stores it, the others read it back — the
/// program has no branches, so the first place is always computed first. This is the only evaluator
/// of ``NumericCode``.
struct NumericProgram: Sendable {
    enum Step: Sendable {
        /// A constant, by its place in ``constants``: a step holding a decimal would be 48 bytes
        /// to copy at every read instead of 16.
        case constant(Int)
        case global(Int)
        case local(Int)
        /// The grid's inner variable, given to the run as a bare decimal (``Registers/variable``)
        /// instead of being written into its frame slot at every cell.
        case variable
        case add, subtract, multiply, divide
        /// `x ± r`: x × (1 ± r).
        case scale(increase: Bool)
        /// The next part's value, also kept in a register for the places that repeat it.
        case keep(Int)
        /// A repeated part's value, kept where it was first computed.
        case reuse(Int)
    }

    let steps: [Step]
    let constants: [ExactDecimal]
    /// True when the whole program is one division, whose operands ``runOperands(_:_:variable:)`` gives.
    let isQuotient: Bool
    /// True when a step reads the inner variable.
    let readsVariable: Bool
    /// The value of a program that is one constant (a bound such as `35%`), read without a run.
    let constant: ExactDecimal?

    /// The program of `code`; with `variable`, reads of that local slot become ``Step/variable``.
    init(_ code: NumericCode, variable: Int? = nil) {
        var layout = Layout(whole: code, variable: variable)
        layout.lay(code)
        readsVariable = layout.steps.contains { if case .variable = $0 { true } else { false } }
        if layout.steps.count == 1, case .constant(let k) = layout.steps[0] { constant = layout.constants[k] } else { constant = nil }
        self.steps = layout.steps
        self.constants = layout.constants
        // The whole is never kept (it is written once in itself), so a division heads the steps.
        if case .divide? = steps.first { isQuotient = true } else { isQuotient = false }
    }

    /// Conditions up to this many nodes look for repeated parts. Finding them compares every part
    /// with every other, so a condition of thousands of terms (the parser allows them) is laid out
    /// as written, in time linear in its size, instead of taking minutes to lay out.
    static let sharingLimit = 64

    /// Builds the steps, noting which parts repeat.
    private struct Layout {
        let whole: NumericCode
        let variable: Int?
        let shares: Bool
        var steps: [Step] = []
        var constants: [ExactDecimal] = []
        /// Parts already laid with a ``Step/keep(_:)``, by register.
        var kept: [NumericCode] = []

        init(whole: NumericCode, variable: Int?) {
            self.whole = whole
            self.variable = variable
            shares = whole.size(upTo: NumericProgram.sharingLimit + 1) <= NumericProgram.sharingLimit
        }

        mutating func lay(_ code: NumericCode) {
            func pair(_ step: Step, _ l: NumericCode, _ r: NumericCode) {
                guard shares else {
                    steps.append(step)
                    lay(l)
                    lay(r)
                    return
                }
                if let register = kept.firstIndex(where: { $0.isSame(as: code) }) {
                    steps.append(.reuse(register))
                    return
                }
                if kept.count < Registers.count, whole.occurrences(of: code) > 1 {
                    steps.append(.keep(kept.count))
                    kept.append(code)
                }
                steps.append(step)
                lay(l)
                lay(r)
            }
            switch code {
            case .constant(let d):
                steps.append(.constant(constants.count))
                constants.append(d)
            case .global(let slot): steps.append(.global(slot))
            case .local(let slot): steps.append(slot == variable ? .variable : .local(slot))
            case .add(let l, let r): pair(.add, l, r)
            case .subtract(let l, let r): pair(.subtract, l, r)
            case .multiply(let l, let r): pair(.multiply, l, r)
            case .divide(let l, let r): pair(.divide, l, r)
            case .scale(let l, let r, let increase): pair(.scale(increase: increase), l, r)
            }
        }
    }

    /// The values of repeated parts during one run (a fixed few: no allocation per run), and the
    /// inner variable's value.
    struct Registers {
        static let count = 4
        var values = (ExactDecimal.zero, ExactDecimal.zero, ExactDecimal.zero, ExactDecimal.zero)
        let variable: ExactDecimal

        init(variable: ExactDecimal) {
            self.variable = variable
        }

        subscript(_ i: Int) -> ExactDecimal {
            get {
                switch i {
                case 0: values.0
                case 1: values.1
                case 2: values.2
                default: values.3
                }
            }
            set {
                switch i {
                case 0: values.0 = newValue
                case 1: values.1 = newValue
                case 2: values.2 = newValue
                default: values.3 = newValue
                }
            }
        }
    }

    /// The value on bare decimals, or ``NumericFallback`` when a slot holds no number (an unknown
    /// figure) or the arithmetic fails (overflow, division by zero): the general code then reports it.
    /// `variable` is the inner variable's value, for a program made with one.
    @inline(__always)
    func run(_ interpreter: Interpreter, _ frame: borrowing Interpreter.Frame, variable: ExactDecimal = .zero) throws(NumericFallback) -> ExactDecimal {
        if let constant { return constant }
        var next = 0
        var registers = Registers(variable: variable)
        return try value(&next, &registers, interpreter, frame)
    }

    /// The dividend and divisor of a program that ``isQuotient``, without the division: a
    /// comparison can often be decided from them by multiplying (``NumericComparison``).
    @inline(__always)
    func runOperands(_ interpreter: Interpreter, _ frame: borrowing Interpreter.Frame,
                     variable: ExactDecimal = .zero) throws(NumericFallback) -> (dividend: ExactDecimal, divisor: ExactDecimal) {
        var next = 1
        var registers = Registers(variable: variable)
        let dividend = try operand(&next, &registers, interpreter, frame)
        return (dividend, try operand(&next, &registers, interpreter, frame))
    }

    /// 1 ± r, the factor of a relative change: `1` written at r's scale first, which is the step
    /// `ExactDecimal.one.adding(r)` begins with, so the sum is the same; r's scale is usually
    /// small, and the general alignment is then skipped.
    @inline(__always)
    static func factor(_ r: ExactDecimal, increase: Bool) throws(ArithmeticError) -> ExactDecimal {
        let change = increase ? r : r.negated
        guard r.scale <= 38 else { return try ExactDecimal.one.adding(change) }
        return try ExactDecimal(unchecked: ExactDecimal.power(Int(r.scale)), scale: r.scale).adding(change)
    }

    /// An operator's operand: a slot, a constant or a kept value read here, anything else by a call.
    @inline(__always)
    private func operand(_ next: inout Int, _ registers: inout Registers, _ interpreter: Interpreter,
                         _ frame: borrowing Interpreter.Frame) throws(NumericFallback) -> ExactDecimal {
        switch steps[next] {
        case .constant(let k): next += 1; return constants[k]
        case .local(let slot): next += 1; return try interpreter.number(frame[slot])
        case .variable: next += 1; return registers.variable
        case .reuse(let register): next += 1; return registers[register]
        default: return try value(&next, &registers, interpreter, frame)
        }
    }

    private func value(_ next: inout Int, _ registers: inout Registers, _ interpreter: Interpreter,
                       _ frame: borrowing Interpreter.Frame) throws(NumericFallback) -> ExactDecimal {
        var step = steps[next]
        next += 1
        var kept: Int?
        switch step {
        case .constant(let k): return constants[k]
        case .global(let slot): return try interpreter.number(interpreter.globals[slot])
        case .local(let slot): return try interpreter.number(frame[slot])
        case .variable: return registers.variable
        case .reuse(let register): return registers[register]
        case .keep(let register):
            // Only an operator is kept (Layout): it is computed here, without a call of its own.
            kept = register
            step = steps[next]
            next += 1
        default: break
        }
        let a = try operand(&next, &registers, interpreter, frame)
        let b = try operand(&next, &registers, interpreter, frame)
        let v: ExactDecimal
        do {
            switch step {
            case .add: v = try a.adding(b)
            case .subtract: v = try a.subtracting(b)
            case .multiply: v = try a.multiplied(by: b)
            case .divide: v = try a.divided(by: b)
            case .scale(let increase): v = try a.multiplied(by: NumericProgram.factor(b, increase: increase))
            case .constant, .global, .local, .variable, .keep, .reuse: v = a
            }
        } catch {
            throw NumericFallback()
        }
        if let kept { registers[kept] = v }
        return v
    }
}
