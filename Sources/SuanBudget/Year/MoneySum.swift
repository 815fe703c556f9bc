import SuanCore

/// Σ amounts, added one at a time: shown in the first one's unit, unknown once any is not money,
/// and 0万元 when nothing was added (``Year/sum(_:)``).
struct MoneySum {
    private enum State {
        case empty
        case total(Value)
        case unknown
    }

    private var state = State.empty

    mutating func add(_ amount: Value) {
        switch state {
        case .unknown:
            return
        case .empty:
            guard case .money(_, let unit) = amount else { state = .unknown; return }
            state = .total(.money(.zero, unit))
            add(amount)
        case .total(let total):
            guard case .money = amount, let sum = try? Arithmetic.apply(.add, total, amount, span: .none) else { state = .unknown; return }
            state = .total(sum)
        }
    }

    var value: Value {
        switch state {
        case .empty: .money(.zero, .wan)
        case .total(let total): total
        case .unknown: .unknown
        }
    }
}
