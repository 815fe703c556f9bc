/// The type written after a named function's parameter, `fn history(years: List of Year, 名: String)`:
/// the checker holds every call's argument to it, so that a misuse is an error at the argument the
/// user wrote instead of a puzzle raised deep inside the function's body.
public struct ParameterType: Sendable {
    /// The type's name as written (`String`, `List`, `Year`…).
    public var name: String
    /// For `List of T`: the element type's name.
    public var element: String?
    public var span: SourceSpan

    /// As written: `String`, `List of Year`.
    public var written: String { element.map { "\(name) of \($0)" } ?? name }
}
