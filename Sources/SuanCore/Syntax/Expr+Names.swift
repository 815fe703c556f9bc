extension Expr {
    /// Every name this expression mentions, at any depth (also inside nested anonymous functions and
    /// under the variables of `solve`, `count` and inner parameters). An anonymous function captures
    /// the enclosing locals among them; a name that an inner binder shadows is captured needlessly,
    /// which is harmless.
    func mentionedNames(into names: inout [String], seen: inout Set<String>) {
        func add(_ n: String) { if seen.insert(n).inserted { names.append(n) } }
        func visit(_ e: Expr) { e.mentionedNames(into: &names, seen: &seen) }
        switch kind {
        case .number, .string, .bool: return
        case .name(let n): add(n)
        case .list(let items), .interpolation(let items): items.forEach(visit)
        case .record(let entries): entries.forEach { visit($0.value) }
        case .negate(let e), .not(let e), .convert(let e, _, _), .field(let e, _), .target(_, let e):
            visit(e)
        case .arithmetic(_, let l, let r), .comparison(_, let l, let r), .logical(_, let l, let r),
             .percentOf(let l, let r), .index(let l, let r):
            visit(l); visit(r)
        case .call(let callee, let args): visit(callee); args.forEach(visit)
        case .conditional(let c, let a, let b): visit(c); visit(a); visit(b)
        case .solve(let clause): [clause.low, clause.high, clause.lhs, clause.rhs].forEach(visit)
        case .count(let axes, let condition):
            for axis in axes { visit(axis.low); visit(axis.high); visit(axis.step) }
            visit(condition)
        case .scenario(let clause): visit(clause.base); clause.changes.forEach { visit($0.value) }
        case .block(_, let header, let entries): visit(header); entries.forEach { visit($0.value) }
        case .lambda(_, let body): visit(body)
        }
    }
}
