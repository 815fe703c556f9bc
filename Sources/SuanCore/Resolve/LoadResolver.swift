/// The resolve phase: after parsing and before checking, each `load` of a program is answered by
/// the domain, in order. The checker then receives the years as data and does no I/O itself.
struct LoadResolver {
    let host: any DomainHost
    let evaluator: DataFileEvaluator
    /// The folder relative paths start from (a script's own), or nil for the current directory.
    let directory: String?

    /// What resolving a program produced.
    struct Resolution {
        /// One entry per `load` statement, in order: the years it read, or nil when one could not be loaded.
        var loads: [ResolvedLoad?] = []
        /// Texts read, to be appended to the session's sources in this order.
        var sources: [SourceFile] = []
        var errors: [Diagnostic] = []
    }

    /// Answers the `load`s among `statements`; `firstFile` is the index the first text read will have.
    /// A range (`load 示例 2020..2022`) is asked of the domain one year at a time, in order; its list
    /// takes the name after `as`, else the one the domain gives it.
    func resolve(_ statements: [Statement], firstFile: Int32) -> Resolution {
        var resolution = Resolution()
        for statement in statements {
            guard case .load(let target, let alias) = statement.kind else { continue }
            var years: [ResolvedYear] = []
            var failed = false
            for (single, name) in LoadResolver.expanded(target, alias: alias) {
                guard let year = resolveYear(single, alias: name, span: statement.span, firstFile: firstFile, into: &resolution) else { failed = true; break }
                years.append(year)
            }
            if failed {
                resolution.loads.append(nil)
            } else if case .years(_, _, let collection) = target {
                resolution.loads.append(ResolvedLoad(years: years, listName: alias ?? host.listName(collection: collection)))
            } else {
                resolution.loads.append(ResolvedLoad(years: years, listName: nil))
            }
        }
        return resolution
    }

    /// The single loads a target stands for, each with its `as` name: a range's years keep their own
    /// names (the `as` names the list).
    static func expanded(_ target: LoadTarget, alias: String?) -> [(LoadTarget, String?)] {
        guard case .years(let first, let last, let collection) = target else { return [(target, alias)] }
        // The parser never makes a reversed range; stride (unlike first...last) would not trap on one.
        return stride(from: first, through: last, by: 1).map { (.year($0, collection: collection), nil) }
    }

    /// Asks the domain for one year; nil (with the error recorded) when it cannot be loaded.
    func resolveYear(_ target: LoadTarget, alias: String?, span: SourceSpan, firstFile: Int32,
                     into resolution: inout Resolution) -> ResolvedYear? {
        let file = firstFile + Int32(resolution.sources.count)
        let request = LoadRequest(target: target, alias: alias, span: span, file: file,
                                  directory: directory, evaluator: evaluator)
        let answer = host.load(request)
        if let source = answer.source { resolution.sources.append(source) }
        let errors = answer.diagnostics.filter { $0.severity == .error }
        if let year = answer.year, errors.isEmpty {
            return ResolvedYear(record: year.record, name: year.name, label: year.label, warnings: answer.diagnostics)
        }
        if var first = errors.first {
            first.notes += errors.dropFirst().prefix(5).map { "also: \($0.message)" }
            resolution.errors.append(first)
        }
        return nil
    }
}

/// What one `load` statement read: its years in order, and for a range the name of their list.
struct ResolvedLoad: Sendable {
    var years: [ResolvedYear]
    /// `示例年份` for `load 示例 2020..2022`; nil for a single year.
    var listName: String?
}

/// A year the domain read for a `load`: the record, the name to bind, where it came from, and warnings.
struct ResolvedYear: Sendable {
    var record: Record
    var name: String
    var label: String
    var warnings: [Diagnostic]
}
