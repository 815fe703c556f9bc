/// Where the checker is while it checks a module's definitions: the names the module defines are its
/// members (out of the session's plain scope), and the only other names it sees are the Stdlib's,
/// so a module means the same whatever the using script has defined or loaded.
struct ModuleContext: Sendable {
    /// The module's number in the session.
    var id: Int
    /// The names in scope after the Stdlib (its functions, aliases and the builtins).
    var stdlibNames: Set<String>
}

/// What one `use` brings in, as the checker receives it: the module's names and their slots.
struct ModuleExports: Sendable {
    /// The module as messages name it: `lib/口径.suan`, or `scoring`.
    var name: String
    var members: [(name: String, slot: Int)]
}
