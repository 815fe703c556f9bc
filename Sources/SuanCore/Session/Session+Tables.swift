extension Session {
    /// The table a bare expression prints as, when its value reads best as one: a project or an
    /// indicator (the domain's own table, as `show` prints it), or a list of plain records, projects
    /// or indicators — what `series`, `history`, `group` and `sort(项目, …)` give — one row per item,
    /// as `show` prints it. Nil for everything else (years, lists of years), which prints as a value.
    func table(for value: Value, span: SourceSpan) throws(Diagnostic) -> Document? {
        switch value {
        case .record(let r) where r.kind == .project || r.kind == .indicator:
            return domain.show(value, format: formatter)
        case .list(let items) where !items.isEmpty && items.allSatisfy(\.isTableRow):
            var document = Document()
            try TableWriter.show(value, format: formatter, span: span, emit: { document.blocks += $0.blocks })
            return document
        default:
            return nil
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
