extension Checker {
    /// Checks a program's statements; its `use`s bind first and its functions are declared first, so a
    /// function may call one defined further down or one that a `use` further down brings in. The
    /// checked statements come in the order to run them: `use`s, functions, then the rest.
    mutating func checkProgram(_ statements: [Statement]) -> [CheckedStatement] {
        func isUse(_ s: Statement) -> Bool { if case .use = s.kind { true } else { false } }
        var checked: [CheckedStatement] = []
        for statement in statements where isUse(statement) {
            var c = check(statement)
            c.runsFirst = true
            checked.append(c)
        }
        predeclare(statements)
        for statement in statements where !isUse(statement) {
            var c = check(statement)
            if case .function = statement.kind { c.runsFirst = true }
            checked.append(c)
        }
        return checked.filter(\.runsFirst) + checked.filter { !$0.runsFirst }
    }
}
