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

    /// `map(list, f)`: f of each item; `filter(list, f)`: the items for which f is true. A long list
    /// shows progress and is split across `--jobs` threads, its parts joined back in order.
    func mapOrFilter(_ b: Builtin, _ values: [Value], span: SourceSpan, depth: Int) throws(Diagnostic) -> Value {
        guard case .list(let items) = values[0] else {
            if case .unknown = values[0] { return .unknown }
            throw Arithmetic.fail("\(b.rawValue) takes a list first, not a \(values[0].type.name)", span, id: .typeMismatch)
        }
        let f = values[1]
        let meter = ProgressMeter(b == .map ? .map : .filter, total: items.count, report: progress, smallest: 1000)
        defer { meter?.clear() }
        let inner = meter == nil ? self : withoutProgress
        let parts = parts(for: items.count, cells: items.count)
        if parts > 1 {
            let lists = try inner.split(items.count, into: parts) { (worker, range) throws(Diagnostic) in
                try worker.mapOrFilter(b, items[range], worker.own(f), span: span, depth: depth, meter: meter)
            }
            return .list(Array(lists.joined()))
        }
        return .list(try inner.mapOrFilter(b, items[...], f, span: span, depth: depth, meter: meter))
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
