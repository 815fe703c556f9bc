extension Interpreter {
    /// `sort(list, key)`, `sort(list, key, "desc")`: a stable sort by each item's key — the field a
    /// name in quotes names, or a function's value for the item. Keys are numbers of one dimension
    /// or strings; an unknown key (—) sorts last in either direction.
    func sort(_ args: [Value], span: SourceSpan, depth: Int) throws(Diagnostic) -> Value {
        guard case .list(let items) = args[0] else {
            if case .unknown = args[0] { return .unknown }
            throw Arithmetic.fail("sort takes a list first, not a \(args[0].type.name)", span, id: .typeMismatch)
        }
        var descending = false
        if args.count == 3 {
            guard case .string(let direction) = args[2], direction == "asc" || direction == "desc" else {
                throw Arithmetic.fail("sort's direction is \"asc\" or \"desc\", not \(args[2].plainText)", span, id: .typeMismatch)
            }
            descending = direction == "desc"
        }
        var keys: [Value] = []
        keys.reserveCapacity(items.count)
        for item in items {
            try tick(span)
            keys.append(try key(of: item, args[1], name: "sort", span: span, depth: depth))
        }
        let order = try Interpreter.sortKeys(keys, span: span)
        // Ties keep their order: the position breaks them, so the result is stable in both directions.
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
        return .list(sorted.map { items[$0] })
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
    static func sortKeys(_ keys: [Value], span: SourceSpan) throws(Diagnostic) -> [SortKey?] {
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
                    throw Arithmetic.fail("sort orders numbers, money, ratios, counts or strings; a key here is a \(k.type.name)", span, id: .typeMismatch)
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
                throw Arithmetic.fail("sort's keys differ: \(f.type.name) and \(k.type.name)", span, id: .dimensionMismatch)
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
