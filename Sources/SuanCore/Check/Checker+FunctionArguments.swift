/// Functions and keys given as arguments: a call of a user's or the Stdlib's function is checked
/// with what its arguments are, not only their types, so that `group(项目, fn(p) = p.预算 + 1件)` and
/// `top(项目, 2, "预箅")` are errors before anything runs, at the argument the user wrote.
extension Checker {
    typealias Captured = GlobalScope.FunctionSyntax.Captured

    /// What is known of a local that `e` names (a parameter bound to a function or a key in quotes).
    func knownLocal(_ e: Expr) -> KnownArgument? {
        guard case .name(let n) = e.kind else { return nil }
        return localBinding(n)?.known
    }

    /// What `e`, an argument of a call of `callee`, is known to be: a lambda, a function by name, a
    /// key in quotes, or what its local already stands for (passed on, keeping where the user gave it).
    func knownArgument(_ e: Expr, givenTo callee: String) -> KnownArgument? {
        let given = KnownArgument.Given(callee: callee, span: e.span)
        switch e.kind {
        case .lambda(let parameters, let body):
            let syntax = GlobalScope.FunctionSyntax(name: "fn(\(parameters.map(\.0).joined(separator: ", ")))",
                                                    parameters: parameters.map(\.0), body: body,
                                                    captured: capturedLocals(parameters, body), module: module)
            return .function(syntax, given: given)
        case .string(let s):
            return .text(s, given: given)
        case .name(let n) where localBinding(n) != nil:
            return localBinding(n)?.known
        default:
            return namedFunction(e).map { .function($0, given: given) }
        }
    }

    /// A function given to `given.callee` is called with the wrong number of arguments: said at the
    /// argument, naming the function it was given to.
    mutating func givenArityError(_ given: KnownArgument.Given, takes parameters: Int, calledWith count: Int) {
        let callee = given.callee.isEmpty ? "it" : given.callee
        if parameters == 1 {
            report("the function given to \(callee) takes 1 argument; \(callee) calls it with \(count)", at: given.span, id: .argumentCount)
        } else {
            report("the function given to \(callee) takes \(parameters) arguments; \(callee) calls it with \(count)", at: given.span, id: .argumentCount)
        }
    }

    /// `map`, `filter` and the key of `sort`, `rank`, `sum`, `avg`, `min` and `max` call their function
    /// with one argument: a function of another arity is an error at it. True when it was reported.
    mutating func givenWrongArity(_ b: Builtin, args: [Expr], types: [SuanType]) -> Bool {
        guard args.count >= 2, types.count >= 2 else { return false }
        if b == .min || b == .max, args.count != 2 { return false }
        let arity: Int?
        var given = KnownArgument.Given(callee: b.rawValue, span: args[1].span)
        if case .lambda(let parameters, _) = args[1].kind {
            arity = parameters.count
        } else if case .function(let f, let passed)? = knownArgument(args[1], givenTo: b.rawValue) {
            arity = f.parameters.count
            if let passed { given = passed }
        } else if case .function(let a) = types[1] {
            arity = a
        } else {
            arity = nil
        }
        guard let arity, arity != 1 else { return false }
        givenArityError(given, takes: arity, calledWith: 1)
        return true
    }

    /// Whether `kind(x) == "String"` (or `!=`, or another kind) is decided by x's type while a call is
    /// checked with its arguments' types; nil when it is not (or outside such a check).
    mutating func decidedByTypes(_ condition: Expr) -> Bool? {
        guard inferenceDepth > 0, case .comparison(let op, let l, let r) = condition.kind, op == .equal || op == .notEqual,
              case .call(let callee, let args) = l.kind, args.count == 1, case .string(let wanted) = r.kind,
              case .name("kind") = callee.kind, localBinding("kind") == nil,
              let slot = globalSlot("kind"), scope.builtins[slot] == .kind else { return nil }
        let reported = diagnostics.count
        let type = check(args[0]).1
        diagnostics.removeSubrange(reported...)
        let kind: String
        switch type {
        case .string: kind = "String"
        case .bool: kind = "Bool"
        case .function: kind = "Function"
        case .list: kind = "List"
        default: return nil
        }
        return (kind == wanted) == (op == .equal)
    }

    /// Reports the problems found by checking `f`'s body at a call: one located in `f`'s own body
    /// is reported at the call (`in this call of f: …`); one located elsewhere is in an argument the
    /// user wrote (a lambda's body, a key in quotes) and is reported there, as it is.
    mutating func reportInferred(_ problems: [Diagnostic], of f: GlobalScope.FunctionSyntax, at span: SourceSpan) {
        let body = f.body.span
        func inBody(_ d: Diagnostic) -> Bool { d.span.file == body.file && d.span.start >= body.start && d.span.end <= body.end }
        for d in problems where !inBody(d) || f.isAnonymous {
            if f.isAnonymous && inBody(d) && d.id != .dimensionMismatch && d.id != .typeMismatch && d.id != .unknownField && d.id != .argumentCount { continue }
            // A user's function argument is checked at each call inside the callee: say it once.
            if diagnostics.contains(where: { $0.id == d.id && $0.span == d.span && $0.text == d.text }) { continue }
            report(d.text, at: d.span, id: d.id, notes: d.notes)
        }
        if !f.isAnonymous, let first = problems.first(where: { inBody($0) && ($0.id == .dimensionMismatch || $0.id == .typeMismatch) }) {
            report("in this call of \(f.name): \(first.text)", at: span, id: first.id, notes: first.notes)
        }
    }
}
