/// Conditions compiled to their truth — `true`, `false`, or `nil` for unknown — for `if`, `and`,
/// `or` and `not`.
///
/// Scoring is mostly conditions (`规则 == "定性"`, `has(i, "分值")`, `实际 >= 目标`): compiled as
/// values, each made a `.bool` that the `if` took apart again, and a comparison with a written
/// string went through the general comparison. Compiled as tests, they give the truth directly.
/// The answers and errors are the value form's: a condition that is neither true, false nor unknown
/// is the same `type-mismatch` at the same place.
extension Interpreter {
    /// A compiled condition: its truth, nil when unknown.
    typealias CompiledTest = @Sendable (Interpreter, inout Frame, Int) throws(Diagnostic) -> Bool?

    /// `code` compiled as the condition of the construct at `span` (the `if`, `and`/`or` or `not`
    /// that reports a condition that is not true or false).
    static func compileTest(_ code: Code, span: SourceSpan) -> CompiledTest {
        switch code {
        case .constant(.bool(let b)):
            return { _, _, _ in b }
        case .not(let inner, let notSpan):
            if isTest(inner) {
                let t = compileTest(inner, span: notSpan)
                return { i, f, d throws(Diagnostic) in try t(i, &f, d).map { !$0 } }
            }
            let a = compile(inner)
            return { i, f, d throws(Diagnostic) in
                switch try a(i, &f, d) {
                case .bool(let b): return !b
                case .unknown: return nil
                case let v: throw Arithmetic.fail("'not' needs true or false, not a \(v.type.name)", notSpan, id: .typeMismatch)
                }
            }
        case .logical(let op, let l, let r, let logicalSpan):
            let a = compileTest(l, span: logicalSpan), b = compileTest(r, span: logicalSpan)
            return { i, f, d throws(Diagnostic) in
                let x = try a(i, &f, d)
                if op == .and && x == false { return false }
                if op == .or && x == true { return true }
                let y = try b(i, &f, d)
                guard let x, let y else { return nil }
                return op == .and ? x && y : x || y
            }
        case .comparison(let op, let l, .constant(.string(let written)), let comparisonSpan) where op == .equal || op == .notEqual:
            // `规则 == "定性"`, `kind(x) == "Unknown"`: the bytes, as ``Arithmetic/compare(_:_:_:span:)`` compares two strings.
            let a = compile(l), equal = op == .equal
            return { i, f, d throws(Diagnostic) in
                let x = try a(i, &f, d)
                if case .string(let s) = x { return ExactText.same(s, written) == equal }
                return try i.truth(try Arithmetic.compare(op, x, .string(written), span: comparisonSpan), comparisonSpan)
            }
        case .comparison(let op, let l, let r, let comparisonSpan):
            let a = compile(l), b = compile(r)
            return { i, f, d throws(Diagnostic) in
                let x = try a(i, &f, d)
                return try i.truth(try Arithmetic.compare(op, x, try b(i, &f, d), span: comparisonSpan), comparisonSpan)
            }
        case .numericComparison(let op, let l, let r, let general):
            let g = compileTest(general, span: span), numeric = NumericComparison(op, l, r)
            return { i, f, d throws(Diagnostic) in
                do {
                    return try numeric.holds(i, f)
                } catch {
                    return try g(i, &f, d)
                }
            }
        case .builtin(.has, let args, _) where args.count == 2:
            if case .constant(.string(let key)) = args[1] {
                let name = FieldName(key), a = compile(args[0])
                return { i, f, d throws(Diagnostic) in
                    guard case .record(let r) = try a(i, &f, d) else { return false }
                    return name.index(in: r) != nil
                }
            }
            fallthrough
        default:
            let a = compile(code)
            return { i, f, d throws(Diagnostic) in try i.truth(try a(i, &f, d), span) }
        }
    }

    /// Whether `code` always gives true, false or unknown, so that `not` can negate its test.
    static func isTest(_ code: Code) -> Bool {
        switch code {
        case .constant(.bool), .not, .logical, .comparison, .numericComparison: true
        case .builtin(.has, let args, _): args.count == 2
        default: false
        }
    }
}
