extension Interpreter {
    /// A builtin called with its arguments' values: those that call functions (`map`, `filter`,
    /// `sort`, `rank`, and `sum`/`avg`/`min`/`max` with a key) run here, the rest in ``Builtins``.
    func callBuiltin(_ b: Builtin, _ values: [Value], span: SourceSpan, depth: Int) throws(Diagnostic) -> Value {
        switch b {
        case .map, .filter: return try mapOrFilter(b, values, span: span, depth: depth)
        case .sort: return try sort(values, span: span, depth: depth)
        case .rank: return try rank(values, span: span, depth: depth)
        case .sum, .avg, .min, .max: return try reduce(b, values, span: span, depth: depth)
        default: return try Builtins.call(b, values, span: span, settings: settings)
        }
    }

    /// `map(list, f)`: f of each item; `filter(list, f)`: the items for which f is true.
    func mapOrFilter(_ b: Builtin, _ values: [Value], span: SourceSpan, depth: Int) throws(Diagnostic) -> Value {
        guard case .list(let items) = values[0] else {
            if case .unknown = values[0] { return .unknown }
            throw Arithmetic.fail("\(b.rawValue) takes a list first, not a \(values[0].type.name)", span, id: .typeMismatch)
        }
        var out: [Value] = []
        out.reserveCapacity(items.count)
        for item in items {
            try tick(span)
            let v = try call(values[1], [item], span: span, depth: depth)
            if b == .map { out.append(v); continue }
            guard case .bool(let keep) = v else {
                throw Arithmetic.fail("filter's function must return true or false, not a \(v.type.name)", span, id: .typeMismatch)
            }
            if keep { out.append(item) }
        }
        return .list(out)
    }

    /// `sum`, `avg`, `min` or `max` of a list's keys (`sum(项目, "预算")`, `max(项目, fn(p) = p.执行率)`),
    /// or of the values as given (`sum(list)`, `min(a, b)`).
    func reduce(_ b: Builtin, _ values: [Value], span: SourceSpan, depth: Int) throws(Diagnostic) -> Value {
        guard values.count == 2, case .list(let items) = values[0] else {
            return try Builtins.call(b, values, span: span, settings: settings)
        }
        switch values[1] {
        case .string, .function: break
        case .unknown: return .unknown
        // min(list, x) of two values is the smaller of them; sum and avg take only a key second.
        default:
            if b == .min || b == .max { return try Builtins.call(b, values, span: span, settings: settings) }
            throw Arithmetic.fail("\(b.rawValue)'s key must be a field name in quotes or a function, not a \(values[1].type.name)", span, id: .typeMismatch)
        }
        var keys: [Value] = []
        keys.reserveCapacity(items.count)
        for item in items {
            try tick(span)
            keys.append(try key(of: item, values[1], name: b.rawValue, span: span, depth: depth))
        }
        return try Builtins.call(b, [.list(keys)], span: span, settings: settings)
    }
}
