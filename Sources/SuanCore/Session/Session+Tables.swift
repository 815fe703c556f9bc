extension Session {
    /// Prints a bare expression's value as a table when it reads best as one, and says whether it
    /// did: a project or an indicator (the domain's own table, as `show` prints it), or a list of
    /// plain records, projects or indicators — what `series`, `history`, `group` and `sort(项目, …)`
    /// give — one row per item, as `show` prints it (long lists stream in parts). Everything else
    /// (numbers, years, lists of years) prints as a value.
    func emitTable(for value: Value, span: SourceSpan, emit: (Document) -> Void) throws(Diagnostic) -> Bool {
        switch value {
        case .record(let r) where r.kind == .project || r.kind == .indicator:
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

extension Value {
    /// A record that reads as one row of a table: a plain record, a project or an indicator (a year
    /// has too many lines for a row).
    var isTableRow: Bool {
        guard case .record(let r) = self else { return false }
        return r.kind == nil || r.kind == .project || r.kind == .indicator
    }
}
