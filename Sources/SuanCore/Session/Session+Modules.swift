/// Running modules: each file module is checked and run once per session, in its own namespace
/// (``ModuleContext``), before the program that uses it is checked; `use` then binds its names.
extension Session {
    /// A checker over the session's scope, with the session's source text and the domain's hints.
    func checker(years: [ResolvedYear?]) -> Checker {
        Checker(scope: scope, sourceText: { [sources] span in
            span.file >= 0 && Int(span.file) < sources.count ? sources[Int(span.file)].text(span) : ""
        }, years: years, nameHint: { [domain] in domain.hint(forUnknownName: $0) })
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
    /// `use`s that led to it. False when it failed (its diagnostics are emitted).
    mutating func runModule(_ module: ModuleResolver.Module, emit: (Event) -> Void) -> Bool {
        func located(_ d: Diagnostic) -> Diagnostic {
            var d = d
            if d.usedAt.isEmpty { d.usedAt = module.usedAt }
            return d
        }
        let id = modules.count
        var checker = checker(years: [])
        checker.module = ModuleContext(id: id, stdlibNames: Set(stdlibScope.visibleNames))
        checker.uses = module.links.map(exports)
        checker.protectedNames = Set(module.statements.compactMap(\.definedName))
        let checked = checker.checkProgram(module.statements)
        for d in checker.diagnostics { emit(.diagnostic(located(d))) }
        if checker.diagnostics.contains(where: { $0.severity == .error }) { return false }
        scope = checker.scope
        growGlobals()
        for statement in checked {
            do {
                try run(statement, emit: emit)
            } catch {
                emit(.diagnostic(located(error)))
                return false
            }
        }
        let names = ModuleResolver.definedNames(module.statements)
        modules[module.identity] = ModuleExports(name: module.name, members: names.compactMap { n in scope.member(id, n).map { (n, $0) } })
        return true
    }

    /// Room in the globals for every slot the scope has.
    mutating func growGlobals() {
        if globals.count < scope.count { globals += repeatElement(Value.unknown, count: scope.count - globals.count) }
    }
}

extension Checker {
    /// Checks a program's statements; its `use`s bind first and its functions are declared first, so a
    /// function may call one defined further down or one that a `use` further down brings in. The
    /// checked statements come in the order to run them: `use`s, functions, then the rest.
    mutating func checkProgram(_ statements: [Statement]) -> [CheckedStatement] {
        func isUse(_ s: Statement) -> Bool { if case .use = s.kind { true } else { false } }
        var checked: [CheckedStatement] = []
        for statement in statements where isUse(statement) {
            var c = check(statement)
            c.runsFirst = true
            checked.append(c)
        }
        predeclare(statements)
        for statement in statements where !isUse(statement) {
            var c = check(statement)
            if case .function = statement.kind { c.runsFirst = true }
            checked.append(c)
        }
        return checked.filter(\.runsFirst) + checked.filter { !$0.runsFirst }
    }
}
