/// What the checker knows of an argument beyond its type while it checks a call with its arguments'
/// types: the function a function-valued argument is (so that calling it checks its body with the
/// types the callee gives it), or the text of a key in quotes (so that `x[key]` checks the field).
/// Each remembers where the user gave it, so that a problem with it is reported there.
enum KnownArgument: Sendable {
    /// `fn(p) = p.预算`, or a function's name (`执行率`, `口径.人均`).
    case function(GlobalScope.FunctionSyntax, given: Given?)
    /// `"预算"`.
    case text(String, given: Given)

    /// The user's argument: its span, and the function it was given to (`group`).
    struct Given: Sendable {
        var callee: String
        var span: SourceSpan
    }

    var given: Given? {
        switch self {
        case .function(_, let given): given
        case .text(_, let given): given
        }
    }

    /// Tells one argument from another in the checker's memo of inferred calls.
    var identity: String {
        switch self {
        case .function(let f, _): "fn@\(f.body.span.file):\(f.body.span.start)"
        case .text(let s, _): "\"\(s)\""
        }
    }
}
