/// `show group(xs, key)`: one table of every item, the group's key on its first row, a 小计 row
/// under each group and a 合计 row at the end. Columns of money, of one count word or of plain
/// numbers add up; other columns (ratios, text, targets) stay empty on those rows, since a sum of
/// shares or names means nothing.
struct GroupedTable {
    let format: ValueFormatter

    /// The groups of a value that `group` made — records `{key: k, items: [...]}` — or nil.
    static func groups(_ value: Value) -> [(key: Value, items: [Value])]? {
        guard case .list(let list) = value, !list.isEmpty else { return nil }
        var groups: [(key: Value, items: [Value])] = []
        for entry in list {
            guard case .record(let r) = entry, r.kind == nil, r.keys.count == 2,
                  let key = r["key"], case .list(let items)? = r["items"] else { return nil }
            groups.append((key, items))
        }
        return groups
    }

    func table(_ groups: [(key: Value, items: [Value])]) -> Document.Table {
        // The items' fields, in first-seen order; items that are not records are one column 值.
        var fields: [String] = []
        for (_, items) in groups {
            for item in items {
                if case .record(let r) = item { for k in r.keys where !fields.contains(k) { fields.append(k) } }
                else if !fields.contains("值") { fields.append("值") }
            }
        }
        func field(_ item: Value, _ name: String) -> Value? {
            if case .record(let r) = item { return r[name] }
            return name == "值" ? item : nil
        }
        var table = Document.Table(headers: [format.language.pick("分组", "group")] + fields)
        table.columns[0].kind = .text
        var everything: [Value] = []
        for (key, items) in groups {
            for (i, item) in items.enumerated() {
                let label: Document.Cell = i == 0 ? .text(format.text(key)) : .empty
                table.add([label] + fields.map { cell(field(item, $0)) })
            }
            everything += items
            table.add([.text(format.language.pick("小计", "subtotal"))] + fields.map { name in total(items.map { field($0, name) }) }, level: 1)
        }
        table.add([.text(format.language.pick("合计", "total"))] + fields.map { name in total(everything.map { field($0, name) }) })
        return table
    }

    func cell(_ value: Value?) -> Document.Cell {
        switch value {
        case nil: .empty
        case .list(let l)?: .text("\(l.count) 项")
        case .string(let s)?: .text(s)
        case let v?: .value(v)
        }
    }

    /// The sum of a column's figures when they are all money, all one count word or all plain
    /// numbers; empty otherwise, or when one of them is unknown.
    func total(_ values: [Value?]) -> Document.Cell {
        let figures = values.compactMap { $0 }
        guard let first = figures.first, figures.count == values.count else { return .empty }
        let summable = figures.allSatisfy { v in
            switch (first, v) {
            case (.money, .money), (.number, .number): true
            case (.quantity(_, let a), .quantity(_, let b)): a == b
            default: false
            }
        }
        guard summable else { return .empty }
        var sum = first
        for v in figures.dropFirst() {
            guard let next = try? Arithmetic.apply(.add, sum, v, span: .none) else { return .empty }
            sum = next
        }
        return .value(sum)
    }
}
