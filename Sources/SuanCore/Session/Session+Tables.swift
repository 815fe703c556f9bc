extension Session {
    /// Prints a bare expression's value as a table when it reads best as one, and says whether it
    /// did: a project or an indicator (the domain's own table, as `show` prints it), or a list of
    /// plain records, projects or indicators — what `series`, `history`, `group` and `sort(项目, …)`
    /// give — one row per item, as `show` prints it (long lists stream in parts). Everything else
    /// (numbers, years) prints as a value. A list of years (`示例年份`) is the domain's table of
    /// their headline figures, one row per year.
    func emitTable(for value: Value, span: SourceSpan, emit: (Document) -> Void) throws(Diagnostic) -> Bool {
        switch value {
        case .record(let r) where r.kind == .project || r.kind == .indicator:
            guard let document = domain.show(value, format: formatter) else { return false }
            emit(document)
            return true
        case .list where value.isListOfYears:
            guard let document = domain.show(value, format: formatter) else { return false }
            emit(document)
            return true
        case .list(let items) where !items.isEmpty && items.allSatisfy(\.isTableRow):
            try TableWriter.show(value, format: formatter, span: span, emit: emit)
            return true
        default:
            return false
        }
    }
}

extension Session {
    /// A module's prefix (`评分` after `use scoring as 评分`) as the list of its names with their
    /// types (a function with its parameters), without the Stdlib's helpers: a prefix is a
    /// namespace, and its values — whole tables of policy — would bury the names.
    func prefixListing(_ members: Record) -> Document {
        let hidden = internalNames
        var table = Document.Table(headers: [settings.language.pick("名称", "name"), settings.language.pick("类型", "type")])
        for (name, member) in members.entries where !hidden.contains(name) {
            let type = if case .function = member { formatter.text(member) } else { member.type.name }
            table.add([.text(name), .text(type)])
        }
        return Document([.table(table)])
    }
}

extension Value {
    /// A non-empty list of years or scenarios (what `load 示例 2020..2022` binds as 示例年份).
    public var isListOfYears: Bool {
        guard case .list(let items) = self, !items.isEmpty else { return false }
        return items.allSatisfy { if case .record(let r) = $0 { r.kind?.isYear == true } else { false } }
    }

    /// A record that reads as one row of a table: a plain record, a project or an indicator (a year
    /// has too many lines for a row).
    var isTableRow: Bool {
        guard case .record(let r) = self else { return false }
        return r.kind == nil || r.kind == .project || r.kind == .indicator
    }
}
