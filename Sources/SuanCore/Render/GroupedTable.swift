/// What `group` made, as the rows of one table — for `show` and `export` alike: every item with its
/// group's key on the group's first row, a 小计 row under each group and a 合计 row at the end, each
/// with its ``Document/Row/Role`` so that JSON and other programs tell sums from items. A key that
/// is true or false reads 是/否 in Chinese (true/false in English), as a text cell like other keys.
/// Columns of money, of one count word or of plain numbers add up; other columns (ratios, text,
/// targets) stay empty on those rows, since a sum of shares or names means nothing.
public enum GroupedTable {
    /// The rows for a grouped list (records `{key: k, items: [...]}`) and the role of each, or nil
    /// for any other value. Items that are not records are one column 值.
    public static func rows(of value: Value, language: Language) -> (rows: [Value], roles: [Document.Row.Role])? {
        guard let groups = groups(value) else { return nil }
        var fields: [String] = []
        for (_, items) in groups {
            for item in items {
                if case .record(let r) = item { for k in r.keys where !fields.contains(k) { fields.append(k) } }
                else if !fields.contains("值") { fields.append("值") }
            }
        }
        // The key's column must not take the name of an item's own field (which would hide it).
        var keyTitle = language.pick("分组", "group")
        while fields.contains(keyTitle) { keyTitle += "′" }
        func field(_ item: Value, _ name: String) -> Value? {
            if case .record(let r) = item { return r[name] }
            return name == "值" ? item : nil
        }
        func row(_ label: Value?, _ cells: (String) -> Value?) -> Value {
            var keys = [keyTitle], values = [label ?? .string("")]
            for name in fields { if let v = cells(name) { keys.append(name); values.append(v) } }
            return .record(Record(keys: keys, values: values))
        }
        var rows: [Value] = []
        var roles: [Document.Row.Role] = []
        var everything: [Value] = []
        for (key, items) in groups {
            for (i, item) in items.enumerated() { rows.append(row(i == 0 ? label(key, language) : nil) { field(item, $0) }) }
            roles += Array(repeating: .item, count: items.count)
            everything += items
            rows.append(row(.string(language.pick("小计", "subtotal"))) { name in total(items.map { field($0, name) }) })
            roles.append(.subtotal)
        }
        rows.append(row(.string(language.pick("合计", "total"))) { name in total(everything.map { field($0, name) }) })
        roles.append(.total)
        return (rows, roles)
    }

    /// A group's key as its label: true/false in the session's language (是/否), anything else as it is.
    static func label(_ key: Value, _ language: Language) -> Value {
        guard case .bool(let b) = key else { return key }
        return .string(b ? language.pick("是", "true") : language.pick("否", "false"))
    }

    /// The groups of a value that `group` made, or nil.
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

    /// The sum of a column's figures when they are all money, all one count word or all plain
    /// numbers; nil otherwise, or when one of them is missing or unknown.
    static func total(_ values: [Value?]) -> Value? {
        let figures = values.compactMap { $0 }
        guard let first = figures.first, figures.count == values.count else { return nil }
        let summable = figures.allSatisfy { v in
            switch (first, v) {
            case (.money, .money), (.number, .number): true
            case (.quantity(_, let a), .quantity(_, let b)): a == b
            default: false
            }
        }
        guard summable else { return nil }
        var sum = first
        for v in figures.dropFirst() {
            guard let next = try? Arithmetic.apply(.add, sum, v, span: .none) else { return nil }
            sum = next
        }
        return sum
    }
}
