extension Session {
    /// The table a bare expression prints as, when its value reads best as one: a project or an
    /// indicator (the domain's own table, as `show` prints it), or a list of plain records such as
    /// `series`, `history` and `group` give (one row per record). Nil for everything else, which
    /// prints as a value.
    func table(for value: Value, span: SourceSpan) throws(Diagnostic) -> Document? {
        switch value {
        case .record(let r) where r.kind == .project || r.kind == .indicator:
            return domain.show(value, format: formatter)
        case .list(let items) where !items.isEmpty && items.allSatisfy(\.isPlainRecord):
            var document = Document()
            try TableWriter.show(value, format: formatter, span: span, emit: { document.blocks += $0.blocks })
            return document
        default:
            return nil
        }
    }
}

extension Value {
    /// A record that no block built (not a year, project, indicator or scenario).
    var isPlainRecord: Bool {
        if case .record(let r) = self { r.kind == nil } else { false }
    }
}
