/// Typed parameters, `fn history(years: List of Year, 名: String)`: each call's arguments are held to
/// the written types before anything runs, so a misuse is said at the argument the user wrote, in the
/// function's own terms, and not as whatever it would break deep inside the body (a Stdlib line).
extension Checker {
    /// The names a parameter's type may be written with.
    /// `Figure` is any of Number, Money, Ratio or Count; `Scalar` a Figure, String or Bool (one value,
    /// not a list, record or function); `Key` is a field name in quotes or a function
    /// of one item of the call's first argument (a list), and `Key of Figure` says what it gives.
    static let parameterTypeNames = ["Number", "Money", "Ratio", "Count", "Figure", "Scalar", "String", "Bool", "List", "Record",
                                     "Function", "Key", "Year", "Scenario", "Project", "Indicator"]

    /// Reports a written type that names no type, at its definition.
    mutating func checkParameterTypes(_ types: [ParameterType?]) {
        for written in types.compactMap({ $0 }) {
            for n in [written.name] + (written.element.map { [$0] } ?? []) where !Self.parameterTypeNames.contains(n) {
                let suggestion: [Message] = NameSuggestion.closest(to: n, among: Self.parameterTypeNames).map { ["help: did you mean '\($0)'?"] } ?? []
                report("there is no type '\(n)'; a parameter's type is one of \(Self.parameterTypeNames.joined(separator: ", "))",
                       at: written.span, id: .unknownName, notes: suggestion)
            }
            if let element = written.element, written.name != "List" && written.name != "Key" {
                report("only a List or a Key says what it holds ('List of \(element)'), not a \(written.name)", at: written.span, id: .typeMismatch)
            }
        }
    }

    /// Whether a value of type `t` may be given to a parameter of the type named `name`; a type the
    /// checker does not know (`.any`) is left to run time.
    static func accepts(_ name: String, element: String? = nil, _ t: SuanType) -> Bool {
        func kind(_ wanted: (RecordKind) -> Bool) -> Bool {
            guard case .record(let shape) = t else { return false }
            // A plain record may stand for any of them (a history's rows have a 年度, as years do).
            return shape.kind.map(wanted) ?? true
        }
        switch (name, t) {
        case (_, .any): return true
        case ("Number", .number), ("Money", .money), ("Ratio", .ratio), ("Count", .quantity), ("String", .string),
             ("Bool", .bool), ("Function", .function), ("Record", .record), ("Key", .string), ("Key", .function):
            return true
        case ("Figure", _): return t.dimension != nil
        case ("Scalar", _): return t.dimension != nil || t == .string || t == .bool
        case ("List", .list(let e)): return element.map { accepts($0, e) } ?? true
        case ("Year", _): return kind(\.isYear)
        case ("Scenario", _): return kind { $0 == .scenario }
        case ("Project", _): return kind { $0 == .project }
        case ("Indicator", _): return kind { $0 == .indicator }
        default: return false
        }
    }

    /// Holds a call's arguments to `f`'s written parameter types; true when one was reported.
    mutating func argumentsMistyped(_ f: GlobalScope.FunctionSyntax, args: [Expr], types: [SuanType]) -> Bool {
        var reported = false
        for (n, written) in f.parameterTypes.enumerated() {
            guard let written, n < args.count, n < types.count, Self.parameterTypeNames.contains(written.name),
                  !Self.accepts(written.name, element: written.element, types[n]) else { continue }
            report("\(f.name) takes a \(written.written) as its argument \(f.parameters[n]), not a \(types[n].name)", at: args[n].span,
                   id: .typeMismatch, notes: f.declaredNotes)
            reported = true
        }
        for (n, written) in f.parameterTypes.enumerated() where !reported {
            guard let written, written.name == "Key", let wanted = written.element, n < args.count, n > 0,
                  case .list(let item)? = types.first, item != .any else { continue }
            let given = keyGives(args[n], item: item, to: f.name)
            guard !Self.accepts(wanted, given) else { continue }
            report("\(f.name) needs its argument \(f.parameters[n]) to give a \(wanted) for each item of \(f.parameters[0]); here it gives a \(given.name)",
                   at: args[n].span, id: .typeMismatch, notes: f.declaredNotes)
            reported = true
        }
        return reported
    }

    /// What a key (a field name in quotes, or a function of one item) gives for an item of type `item`;
    /// `.any` when the checker cannot tell.
    mutating func keyGives(_ key: Expr, item: SuanType, to callee: String) -> SuanType {
        switch knownArgument(key, givenTo: callee) {
        case .text(let field, let given)?:
            return fieldType(item, field, span: given.span, baseSpan: given.span)
        case .function(let g, let given)? where g.parameters.count == 1:
            return inferCall(g, argumentTypes: [item], span: given?.span ?? key.span)
        default:
            return .any
        }
    }
}
