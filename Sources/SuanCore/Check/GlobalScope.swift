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

    struct FunctionSyntax: Sendable {
        var name: String
        var parameters: [String]
        var body: Expr
        /// For an anonymous function: the enclosing locals it captures and their types, declared
        /// after the parameters when a call is checked.
        var captured: [(String, SuanType)] = []
    }

    var count: Int { names.count }

    func slot(_ name: String) -> Int? { slotOf[name] }
    func type(_ slot: Int) -> SuanType { types[slot] }

    /// The slot for `name`, reusing the old one when the name is rebound.
    mutating func define(_ name: String, type: SuanType) -> Int {
        if let s = slotOf[name] {
            types[s] = type
            functions[s] = nil
            builtins[s] = nil
            return s
        }
        names.append(name)
        types.append(type)
        slotOf[name] = names.count - 1
        return names.count - 1
    }

    /// Takes a name out of scope (its slot stays, unused).
    mutating func remove(_ name: String) {
        slotOf[name] = nil
    }

    var visibleNames: [String] { Array(slotOf.keys) }
}
