extension Interpreter {
    /// `sort(list, key)`, `sort(list, key, "desc")`: a stable sort by each item's key — the field a
    /// name in quotes names, or a function's value for the item. Keys are numbers of one dimension
    /// or strings; an unknown key (—) sorts last in either direction.
    func sort(_ args: [Value], span: SourceSpan, depth: Int) throws(Diagnostic) -> Value {
        guard let (items, _, order) = try ordered(args, name: "sort", span: span, depth: depth) else { return .unknown }
        return .list(order.map { items[$0] })
    }

    /// `rank(list, key)`, `rank(list, key, "desc")`: the items in `sort`'s order, each with its 名次
    /// first. Equal keys share the better 名次 and the next one skips (1, 2, 2, 4: "standard
    /// competition" ranking, as 并列 places are counted); an unknown key's 名次 is unknown (—), last.
    /// A record keeps its kind and fields; any other item becomes `{名次: n, 值: item}`.
    func rank(_ args: [Value], span: SourceSpan, depth: Int) throws(Diagnostic) -> Value {
        guard let (items, keys, order) = try ordered(args, name: "rank", span: span, depth: depth) else { return .unknown }
        var ranked: [Value] = []
        ranked.reserveCapacity(items.count)
        var place = 0
        for (position, i) in order.enumerated() {
            let tied = position > 0 && keys[i] != nil && keys[order[position - 1]].map { Interpreter.compareKeys($0, keys[i]!) == 0 } == true
            if !tied { place = position + 1 }
            let 名次: Value = keys[i] == nil ? .unknown : .number(ExactDecimal(place))
            if case .record(var r) = items[i] {
                r["名次"] = nil
                ranked.append(.record(Record(kind: r.kind, keys: ["名次"] + r.keys, values: [名次] + r.values,
                                             spans: r.spans.isEmpty ? [] : [.none] + r.spans)))
            } else {
                ranked.append(.record(Record(keys: ["名次", "值"], values: [名次, items[i]])))
            }
        }
        return .list(ranked)
    }

    /// The list of `sort` or `rank`, its items' keys, and the positions in sorted order (stable:
    /// ties keep their order in both directions); nil when the list is unknown.
    func ordered(_ args: [Value], name: String, span: SourceSpan, depth: Int) throws(Diagnostic) -> (items: [Value], keys: [SortKey?], order: [Int])? {
        guard case .list(let items) = args[0] else {
            if case .unknown = args[0] { return nil }
            throw Arithmetic.fail("\(name) takes a list first, not a \(args[0].type.name)", span, id: .typeMismatch)
        }
        var descending = false
        if args.count == 3 {
            guard case .string(let direction) = args[2], direction == "asc" || direction == "desc" else {
                throw Arithmetic.fail("\(name)'s direction is \"asc\" or \"desc\", not \(args[2].plainText)", span, id: .typeMismatch)
            }
            descending = direction == "desc"
        }
        var keys: [Value] = []
        keys.reserveCapacity(items.count)
        for item in items {
            try tick(span)
            keys.append(try key(of: item, args[1], name: name, span: span, depth: depth))
        }
        let order = try Interpreter.sortKeys(keys, name: name, span: span)
        let sorted = items.indices.sorted { a, b in
            switch (order[a], order[b]) {
            case (nil, nil): return a < b
            case (nil, _): return false
            case (_, nil): return true
            case (let x?, let y?):
                let c = Interpreter.compareKeys(x, y)
                if c == 0 { return a < b }
                return descending ? c > 0 : c < 0
            }
        }
        return (items, order, sorted)
    }

    /// A key that can be compared without failing: a number or a string (nil for unknown).
    enum SortKey {
        case number(ExactDecimal)
        case text(String)
    }

    static func compareKeys(_ a: SortKey, _ b: SortKey) -> Int {
        switch (a, b) {
        case (.number(let x), .number(let y)): ExactDecimal.compare(x, y)
        case (.text(let x), .text(let y)): x == y ? 0 : (Array(x.unicodeScalars.map(\.value)).lexicographicallyPrecedes(y.unicodeScalars.map(\.value)) ? -1 : 1)
        case (.number, .text): -1
        case (.text, .number): 1
        }
    }

    /// Checks that the keys are all comparable with each other and turns them into ``SortKey``s.
    static func sortKeys(_ keys: [Value], name: String, span: SourceSpan) throws(Diagnostic) -> [SortKey?] {
        var first: Value? = nil
        var out: [SortKey?] = []
        out.reserveCapacity(keys.count)
        for k in keys {
            switch k {
            case .unknown:
                out.append(nil)
                continue
            case .string(let s):
                out.append(.text(s))
            default:
                guard let d = k.decimal, k.dimension != nil else {
                    throw Arithmetic.fail("\(name) orders numbers, money, ratios, counts or strings; a key here is a \(k.type.name)", span, id: .typeMismatch)
                }
                out.append(.number(d))
            }
            guard let f = first else { first = k; continue }
            let same: Bool
            switch (f, k) {
            case (.string, .string): same = true
            case (.string, _), (_, .string): same = false
            default: same = f.dimension.flatMap { fd in k.dimension.map { DimensionRules.comparable(fd, $0) } } ?? false
            }
            guard same else {
                throw Arithmetic.fail("\(name)'s keys differ: \(f.type.name) and \(k.type.name)", span, id: .dimensionMismatch)
            }
        }
        return out
    }

    /// The key of one item: `item[key]` for a field name, `key(item)` for a function.
    func key(of item: Value, _ key: Value, name: String, span: SourceSpan, depth: Int) throws(Diagnostic) -> Value {
        switch key {
        case .string(let field): return try self.index(item, .string(field), span: span)
        case .function: return try call(key, [item], span: span, depth: depth)
        default:
            throw Arithmetic.fail("\(name)'s key must be a field name in quotes or a function, not a \(key.type.name)", span, id: .typeMismatch)
        }
    }
}
