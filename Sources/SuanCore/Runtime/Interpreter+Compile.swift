/// Checked ``Code`` compiled once into Swift closures, the interpreter's one execution form.
///
/// Each node becomes a closure that holds its compiled children, so running code does no dispatch
/// on the tree and moves no tree nodes: a tree-walker over the `indirect enum` retained and
/// released the children of every node it visited, which was a third of scoring's time. A
/// function's body is compiled when the checker makes the function (``UserFunction/compiled``);
/// statements, `table` columns, `solve` sides and `count` conditions when they run, once.
///
/// Choices that depend only on the code (which builtin, how many arguments) are made here, not at
/// each run: `kind(x)`, `has(i, "分值")`, `value(x)`, `len(x)`, `round(x, step)` and `min`/`max`
/// of two values take their values directly, without an argument array.
extension Interpreter {
    /// Compiled code: the interpreter (settings, globals, budget), the frame of the enclosing
    /// function's locals, and the call depth.
    typealias Compiled = @Sendable (Interpreter, inout Frame, Int) throws(Diagnostic) -> Value

    static func compile(_ code: Code) -> Compiled {
        switch code {
        case .constant(let v):
            return { _, _, _ in v }
        case .global(let slot):
            return { i, _, _ in i.globals[slot] }
        case .local(let slot):
            return { _, f, _ in f[slot] }
        case .negate(let inner, let span):
            let a = compile(inner)
            return { i, f, d throws(Diagnostic) in try Arithmetic.negate(try a(i, &f, d), span: span) }
        case .not(_, let span), .logical(_, _, _, let span):
            // Its truth as a value (``compileTest(_:span:)``).
            let t = compileTest(code, span: span)
            return { i, f, d throws(Diagnostic) in try t(i, &f, d).map(Value.bool) ?? .unknown }
        case .arithmetic(let op, let l, let r, let span):
            let a = compile(l), b = compile(r)
            return { i, f, d throws(Diagnostic) in
                let x = try a(i, &f, d)
                return try Arithmetic.apply(op, x, try b(i, &f, d), span: span)
            }
        case .comparison(let op, let l, let r, let span):
            let a = compile(l), b = compile(r)
            return { i, f, d throws(Diagnostic) in
                let x = try a(i, &f, d)
                return try Arithmetic.compare(op, x, try b(i, &f, d), span: span)
            }
        case .numericComparison(let op, let l, let r, let general):
            let g = compile(general), numeric = NumericComparison(op, l, r)
            return { i, f, d throws(Diagnostic) in
                do {
                    return .bool(try numeric.holds(i, f))
                } catch {
                    return try g(i, &f, d)
                }
            }
        case .percentOf(let l, let r, let span):
            let a = compile(l), b = compile(r)
            return { i, f, d throws(Diagnostic) in
                let p = try a(i, &f, d)
                return try Arithmetic.apply(.multiply, try b(i, &f, d), p, span: span)
            }
        case .convert(let inner, let unit, let span):
            let a = compile(inner)
            return { i, f, d throws(Diagnostic) in try Arithmetic.convert(try a(i, &f, d), to: unit, span: span) }
        case .conditional(let c, let yes, let no, let span):
            let test = compileTest(c, span: span), a = compile(yes), b = compile(no)
            return { i, f, d throws(Diagnostic) in
                guard let holds = try test(i, &f, d) else {
                    throw Arithmetic.fail("the condition is unknown (it depends on a figure the data does not give)", span, id: .unknownCondition)
                }
                return holds ? try a(i, &f, d) : try b(i, &f, d)
            }
        case .call(let callee, let args, let span):
            return compileCall(callee, args, span: span)
        case .builtin(let b, let args, let span):
            return compileBuiltin(b, args, span: span)
        case .list(let items, let span):
            let parts = items.map(compile)
            return { i, f, d throws(Diagnostic) in
                guard parts.count <= i.settings.maximumListLength else { throw Arithmetic.tooLong("list", span) }
                return .list(try i.values(parts, &f, d))
            }
        case .record(let kind, let keys, let codes, let spans):
            let parts = codes.map(compile)
            return { i, f, d throws(Diagnostic) in
                .record(Record(kind: kind, keys: keys, values: try i.values(parts, &f, d), spans: spans))
            }
        case .field(.local(let slot), let name, let span):
            // `i.目标` of a parameter: the field is read from the record in its slot, which is not
            // copied out first (a record copy is a retain per array it holds).
            return { i, f, d throws(Diagnostic) in
                if case .record(let r) = f[slot], let k = name.index(in: r) { return r.value(at: k) }
                return try i.field(f[slot], name, span: span)
            }
        case .field(let base, let name, let span):
            let a = compile(base)
            return { i, f, d throws(Diagnostic) in try i.field(try a(i, &f, d), name, span: span) }
        case .index(let base, let index, let span):
            let a = compile(base), b = compile(index)
            return { i, f, d throws(Diagnostic) in
                let x = try a(i, &f, d)
                return try i.index(x, try b(i, &f, d), span: span)
            }
        case .target(let op, let value):
            let a = compile(value)
            return { i, f, d throws(Diagnostic) in .target(op, Value.Box(try a(i, &f, d))) }
        case .solve(let plan):
            return { i, f, d throws(Diagnostic) in try i.muted.solve(plan, &f, depth: d) }
        case .count(let axes, let condition, let span):
            return { i, f, d throws(Diagnostic) in try i.muted.count(axes, condition, span: span, &f, depth: d) }
        case .scenario(let plan):
            let base = compile(plan.base), values = plan.changes.map { compile($0.value) }
            // The edits with their paths in arrays of this compiled code's own (`map` copies): the
            // parts of a split compile their own, and counting references on the checked plan's
            // arrays from both threads cost more than the scenario.
            let edits = plan.changes.map { ScenarioEdit(path: $0.path.map { $0 }, operation: $0.operation, value: .unknown, span: $0.span) }
            let name = plan.name, span = plan.span
            return { i, f, d throws(Diagnostic) in
                try i.scenario(name, base: base, edits: edits, values: values, span: span, &f, depth: d)
            }
        case .closure(let template, let captures):
            return { _, f, _ in .function(.user(template.capturing(captures.map { f[$0] }))) }
        }
    }

    /// A call of a value: a Suan function gets its arguments straight into its own frame.
    ///
    /// Most calls name a function (`实际值(i)`): it is read where it is in the globals rather than
    /// copied out by a compiled part, and a call with one or two arguments holds them in its
    /// closure rather than in an array (each array element called is a reference counted).
    private static func compileCall(_ callee: Code, _ args: [Code], span: SourceSpan) -> Compiled {
        let arguments = args.map(compile)
        guard case .global(let slot) = callee else {
            let target = compile(callee)
            return { i, f, d throws(Diagnostic) in
                let function = try target(i, &f, d)
                if case .function(.user(let u)) = function, arguments.count == u.parameters.count {
                    return try i.enter(u, evaluating: arguments, &f, span: span, depth: d)
                }
                return try i.call(function, try i.values(arguments, &f, d), span: span, depth: d)
            }
        }
        switch arguments.count {
        case 1:
            let a = arguments[0]
            return { i, f, d throws(Diagnostic) in
                let x = try a(i, &f, d)
                if let u = i.functions[slot], u.parameters.count == 1 {
                    return try i.enter(u, x, span: span, depth: d)
                }
                return try i.call(i.globals[slot], [x], span: span, depth: d)
            }
        case 2:
            let a = arguments[0], b = arguments[1]
            return { i, f, d throws(Diagnostic) in
                let x = try a(i, &f, d)
                let y = try b(i, &f, d)
                if let u = i.functions[slot], u.parameters.count == 2 {
                    return try i.enter(u, x, y, span: span, depth: d)
                }
                return try i.call(i.globals[slot], [x, y], span: span, depth: d)
            }
        default:
            return { i, f, d throws(Diagnostic) in
                if let u = i.functions[slot], arguments.count == u.parameters.count {
                    return try i.enter(u, evaluating: arguments, &f, span: span, depth: d)
                }
                return try i.call(i.globals[slot], try i.values(arguments, &f, d), span: span, depth: d)
            }
        }
    }

    private static func compileBuiltin(_ b: Builtin, _ args: [Code], span: SourceSpan) -> Compiled {
        switch (b, args.count) {
        case (.kind, 1):
            let a = compile(args[0])
            return { i, f, d throws(Diagnostic) in Builtins.kind(of: try a(i, &f, d)) }
        case (.value, 1):
            let a = compile(args[0])
            return { i, f, d throws(Diagnostic) in try Builtins.value(of: try a(i, &f, d), span: span) }
        case (.len, 1):
            let a = compile(args[0])
            return { i, f, d throws(Diagnostic) in try Builtins.len(try a(i, &f, d), span: span) }
        case (.round, 1):
            let a = compile(args[0])
            return { i, f, d throws(Diagnostic) in try Builtins.round(try a(i, &f, d), step: nil, span: span, settings: i.settings) }
        case (.round, 2):
            let a = compile(args[0]), b = compile(args[1])
            return { i, f, d throws(Diagnostic) in
                let x = try a(i, &f, d)
                return try Builtins.round(x, step: try b(i, &f, d), span: span, settings: i.settings)
            }
        case (.has, 2):
            if case .constant(.string(let key)) = args[1] {
                // `has(i, "分值")`: the name's last position is checked first, as a field read's is.
                let name = FieldName(key), a = compile(args[0])
                return { i, f, d throws(Diagnostic) in
                    guard case .record(let r) = try a(i, &f, d) else { return .bool(false) }
                    return .bool(name.index(in: r) != nil)
                }
            }
            let a = compile(args[0]), b = compile(args[1])
            return { i, f, d throws(Diagnostic) in
                let x = try a(i, &f, d)
                return try Builtins.has(x, try b(i, &f, d), span: span)
            }
        case (.min, 2), (.max, 2):
            let a = compile(args[0]), c = compile(args[1])
            return { i, f, d throws(Diagnostic) in
                let x = try a(i, &f, d)
                let y = try c(i, &f, d)
                // min(list, key): the item of a list with the least key, as the general builtin finds it.
                if case .list = x { return try i.callBuiltin(b, [x, y], span: span, depth: d) }
                return try Builtins.extreme(b, of: x, y, span: span)
            }
        default:
            let arguments = args.map(compile)
            return { i, f, d throws(Diagnostic) in try i.callBuiltin(b, try i.values(arguments, &f, d), span: span, depth: d) }
        }
    }

    /// The values of some compiled parts, in order.
    @inline(__always)
    func values(_ parts: [Compiled], _ frame: inout Frame, _ depth: Int) throws(Diagnostic) -> [Value] {
        var values: [Value] = []
        values.reserveCapacity(parts.count)
        for part in parts { values.append(try part(self, &frame, depth)) }
        return values
    }
}
