/// The session's top-level names: each name has a slot in the globals array and a static type.
struct GlobalScope: Sendable {
    private(set) var slotOf: [String: Int] = [:]
    private(set) var names: [String] = []
    private(set) var types: [SuanType] = []
    /// Function syntax by slot, so that a call can be checked with its arguments' types.
    var functions: [Int: FunctionSyntax] = [:]
    /// Names the current year brought into scope; the next `load` replaces them.
    var yearNames: [String] = []
    /// Builtins by slot, so that calls to them compile to direct ``Code/builtin(_:_:_:)`` nodes.
    var builtins: [Int: Builtin] = [:]
    /// Count tags declared with `unit`.
    var units: Set<String> = []
    /// Slots of the names each module defines: they have no plain name, so they are out of scope
    /// (and out of completion) until a `use` binds them.
    private(set) var members: [MemberKey: Int] = [:]
    /// For a name bound by `use … as P`: the module's names and their slots, so that `P.人均` is
    /// checked as the function itself.
    var prefixes: [Int: [String: Int]] = [:]
    /// For a name bound by `use` without `as`: the module's slot it copies (using a module again is
    /// then no clash).
    var imported: [Int: Int] = [:]

    /// A name defined inside a module (by the session's count of modules run).
    struct MemberKey: Hashable, Sendable {
        var module: Int
        var name: String
    }

    struct FunctionSyntax: Sendable {
        var name: String
        var parameters: [String]
        var body: Expr
        /// The types written after the parameters (`名: String`), or nil where none is written.
        var parameterTypes: [ParameterType?] = []
        /// For an anonymous function: the enclosing locals it captures and their types, declared
        /// after the parameters when a call is checked.
        var captured: [Captured] = []
        /// The module it was defined in: its body's names are looked up there when a call is checked.
        var module: ModuleContext? = nil

        /// `fn(p) = …`: its problems are in the text the user wrote, and are reported there.
        var isAnonymous: Bool { name.hasPrefix("fn(") }

        /// The notes beside a misuse of typed parameters: how the function is declared, and what a
        /// `Figure` is when one is wanted.
        var declaredNotes: [Message] {
            var notes: [Message] = ["note: declared as fn \(signature)"]
            let written = Set(parameterTypes.flatMap { [$0?.name, $0?.element] })
            if written.contains("Figure") { notes.append("help: a Figure is a number, an amount of money, a ratio or a count") }
            if written.contains("Scalar") { notes.append("help: a Scalar is one value: a number, money, a ratio, a count, text or true/false") }
            return notes
        }

        /// `history(years: List of Year, 名: String)`, for a note beside a misuse.
        var signature: String {
            let written = parameters.indices.map { n in
                parameters[n] + (n < parameterTypes.count ? parameterTypes[n].map { ": " + $0.written } ?? "" : "")
            }
            return name + "(" + written.joined(separator: ", ") + ")"
        }

        /// An enclosing local an anonymous function names, with what is known of it.
        struct Captured: Sendable {
            var name: String
            var type: SuanType
            var known: KnownArgument?
        }
    }

    var count: Int { names.count }

    func slot(_ name: String) -> Int? { slotOf[name] }
    func type(_ slot: Int) -> SuanType { types[slot] }

    /// The slot for `name`, reusing the old one when the name is rebound.
    mutating func define(_ name: String, type: SuanType) -> Int {
        if let s = slotOf[name] { return rebind(s, type: type) }
        slotOf[name] = append(name, type: type)
        return names.count - 1
    }

    /// A slot reused for a new binding: what was known of the old one goes.
    private mutating func rebind(_ s: Int, type: SuanType) -> Int {
        types[s] = type
        functions[s] = nil
        builtins[s] = nil
        prefixes[s] = nil
        imported[s] = nil
        return s
    }

    private mutating func append(_ name: String, type: SuanType) -> Int {
        names.append(name)
        types.append(type)
        return names.count - 1
    }

    /// The slot of a name defined inside module `module`.
    func member(_ module: Int, _ name: String) -> Int? { members[MemberKey(module: module, name: name)] }

    /// The slot for a name a module defines, reusing it when the module rebinds the name.
    mutating func defineMember(_ module: Int, _ name: String, type: SuanType) -> Int {
        let key = MemberKey(module: module, name: name)
        if let s = members[key] { return rebind(s, type: type) }
        let s = append(name, type: type)
        members[key] = s
        return s
    }

    /// Takes a name out of scope (its slot stays, unused).
    mutating func remove(_ name: String) {
        slotOf[name] = nil
    }

    var visibleNames: [String] { Array(slotOf.keys) }
}
