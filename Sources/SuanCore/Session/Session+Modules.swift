/// Running modules: each file module is checked and run once per session, in its own namespace
/// (``ModuleContext``), before the program that uses it is checked; `use` then binds its names.
extension Session {
    /// A checker over the session's scope, with the session's source text and the domain's hints.
    func checker(loads: [ResolvedLoad?]) -> Checker {
        Checker(scope: scope, sourceText: { [sources] span in
            span.file >= 0 && Int(span.file) < sources.count ? sources[Int(span.file)].text(span) : ""
        }, loads: loads, nameHint: { [domain] in domain.hint(forUnknownName: $0) })
    }

    /// What a resolved `use` brings in: a module run before, or a Stdlib file's names.
    func exports(_ link: ModuleResolver.Link?) -> ModuleExports? {
        switch link {
        case .file(let identity, _): modules[identity]
        case .stdlib(let name, let names): ModuleExports(name: name, members: names.compactMap { n in stdlibScope.slot(n).map { (n, $0) } })
        case nil: nil
        }
    }

    /// Checks and runs a module's definitions in its own namespace; its diagnostics carry the
    /// `use`s that led to it (and are emitted).
    mutating func runModule(_ module: ModuleResolver.Module, emit: (Event) -> Void) -> Status {
        func located(_ d: Diagnostic) -> Diagnostic {
            var d = d
            if d.usedAt.isEmpty { d.usedAt = module.usedAt }
            return d
        }
        let id = modules.count
        var checker = checker(loads: [])
        checker.module = ModuleContext(id: id, stdlibNames: Set(stdlibScope.visibleNames))
        checker.uses = module.links.map(exports)
        checker.protectedNames = Set(module.statements.compactMap(\.definedName))
        let checked = checker.checkProgram(module.statements)
        for d in checker.diagnostics { emit(.diagnostic(located(d))) }
        if checker.diagnostics.contains(where: { $0.severity == .error }) { return .failure }
        scope = checker.scope
        growGlobals()
        let status = runChecked(checked, emit: emit, located: located)
        guard status == .success else { return status }
        let names = ModuleResolver.definedNames(module.statements)
        modules[module.identity] = ModuleExports(name: module.name, members: names.compactMap { n in scope.member(id, n).map { (n, $0) } })
        return .success
    }

    /// Room in the globals for every slot the scope has.
    mutating func growGlobals() {
        if globals.count < scope.count { globals += repeatElement(Value.unknown, count: scope.count - globals.count) }
    }
}
