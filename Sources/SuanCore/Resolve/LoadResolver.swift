/// The resolve phase: after parsing and before checking, each `load` of a program is answered by
/// the domain, in order. The checker then receives the years as data and does no I/O itself.
struct LoadResolver {
    let host: any DomainHost
    let evaluator: DataFileEvaluator
    /// The folder relative paths start from (a script's own), or nil for the current directory.
    let directory: String?

    /// What resolving a program produced.
    struct Resolution {
        /// One entry per `load` statement, in order: the year, or nil when it could not be loaded.
        var years: [ResolvedYear?] = []
        /// Texts read, to be appended to the session's sources in this order.
        var sources: [SourceFile] = []
        var errors: [Diagnostic] = []
    }

    /// Answers the `load`s among `statements`; `firstFile` is the index the first text read will have.
    func resolve(_ statements: [Statement], firstFile: Int32) -> Resolution {
        var resolution = Resolution()
        for statement in statements {
            guard case .load(let target, let alias) = statement.kind else { continue }
            let file = firstFile + Int32(resolution.sources.count)
            let request = LoadRequest(target: target, alias: alias, span: statement.span, file: file,
                                      directory: directory, evaluator: evaluator)
            let answer = host.load(request)
            resolution.sources += answer.sources
            let errors = answer.diagnostics.filter { $0.severity == .error }
            if let year = answer.year, errors.isEmpty {
                resolution.years.append(ResolvedYear(record: year.record, name: year.name, label: year.label,
                                                     warnings: answer.diagnostics))
            } else {
                resolution.years.append(nil)
                if var first = errors.first {
                    first.notes += errors.dropFirst().prefix(5).map { "also: \($0.message)" }
                    resolution.errors.append(first)
                }
            }
        }
        return resolution
    }
}

/// A year the domain read for a `load`: the record, the name to bind, where it came from, and warnings.
struct ResolvedYear: Sendable {
    var record: Record
    var name: String
    var label: String
    var warnings: [Diagnostic]
}
