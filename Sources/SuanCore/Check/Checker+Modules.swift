/// Modules in the checker: names a module defines become its members, a module sees only the Stdlib
/// and its members, and `use` binds a module's names (or a prefix record) in the using scope.
extension Checker {
    /// The global slot `name` refers to here: inside a module, its member, else a Stdlib name.
    func globalSlot(_ name: String) -> Int? {
        guard let module else { return scope.slot(name) }
        if let slot = scope.member(module.id, name) { return slot }
        return module.stdlibNames.contains(name) ? scope.slot(name) : nil
    }

    /// Binds `name` in the scope being checked: the session's, or the module's members.
    mutating func defineName(_ name: String, type: SuanType) -> Int {
        guard let module else { return scope.define(name, type: type) }
        return scope.defineMember(module.id, name, type: type)
    }

    /// The module's own slot for `P.name`, when `P` is a prefix bound by `use … as P`.
    func prefixedMember(_ base: Expr, _ name: String) -> Int? {
        guard case .name(let prefix) = base.kind, localBinding(prefix) == nil, let slot = globalSlot(prefix) else { return nil }
        return scope.prefixes[slot]?[name]
    }

    /// The syntax of the function a name (`执行率`) or a module's prefixed name (`口径.执行率`) stands
    /// for, when it is a `fn` the checker can infer; nil for locals, builtins and other values.
    func namedFunction(_ e: Expr) -> GlobalScope.FunctionSyntax? {
        switch e.kind {
        case .name(let n) where localBinding(n) == nil: globalSlot(n).flatMap { scope.functions[$0] }
        case .field(let base, let name): prefixedMember(base, name).flatMap { scope.functions[$0] }
        default: nil
        }
    }

    /// `use M as P` binds P to a record of M's names; `use M` binds each of M's names, unless the
    /// user or the program already defines it (a clash), or it is already this module's.
    mutating func use(_ exports: ModuleExports, alias: String?, aliasSpan: SourceSpan?, span: SourceSpan) -> Instruction {
        let members = Dictionary(exports.members.map { ($0.name, $0.slot) }, uniquingKeysWith: { a, _ in a })
        if let alias {
            if let existing = globalSlot(alias), scope.prefixes[existing] == members { return .none }
            if clashes(alias) {
                report("'\(alias)' is already defined; the prefix for \(exports.name) must be a new name", at: aliasSpan ?? span, id: .nameClash)
                return .none
            }
            let fields = Dictionary(exports.members.map { ($0.name, scope.type($0.slot)) }, uniquingKeysWith: { a, _ in a })
            let slot = defineName(alias, type: .record(RecordShape(kind: nil, fields: fields)))
            scope.prefixes[slot] = members
            return .use(copies: [], prefix: (slot, exports.members))
        }
        var copies: [(to: Int, from: Int)] = []
        for (name, from) in exports.members {
            if let existing = globalSlot(name), existing == from || scope.imported[existing] == from { continue }
            if clashes(name) {
                report("'\(name)' from \(exports.name) is already defined", at: span, id: .nameClash,
                       notes: ["help: keep the module's names under a prefix: use … as 前缀, then 前缀.\(name)"])
                continue
            }
            let slot = defineName(name, type: scope.type(from))
            scope.functions[slot] = scope.functions[from]
            scope.imported[slot] = from
            copies.append((slot, from))
        }
        return .use(copies: copies, prefix: nil)
    }

    /// Whether a `use` may not bind `name`: the user or the program defines it, the current year
    /// brought it in, or another module's `use` did. A Stdlib name may be shadowed, as `let` may.
    func clashes(_ name: String) -> Bool {
        if protectedNames.contains(name) { return true }
        guard let slot = globalSlot(name) else { return false }
        return scope.imported[slot] != nil || scope.prefixes[slot] != nil || (module == nil && scope.yearNames.contains(name))
    }
}
