/// The Suan functions among an interpreter's globals, by slot (nil for other values), worked out at
/// the first call of a named function that needs them.
///
/// Lazily: the Stdlib runs a statement per definition as it loads, each with an interpreter of its
/// own that calls nothing, and working the table out for each of them was 5% of start-up. Like the
/// ``FrameStack``, a table belongs to the interpreter on one thread (a part of a split gets its own
/// with its own copies of the functions, ``Interpreter/takeOwnFunctions(part:)``).
final class GlobalFunctions: @unchecked Sendable {
    private let globals: [Value]
    @exclusivity(unchecked) private var table: [UserFunction?]?

    init(_ globals: [Value]) { self.globals = globals }

    /// The Suan function in `slot`, or nil when the global there is not one.
    @inline(__always)
    subscript(slot: Int) -> UserFunction? {
        if let table { return table[slot] }
        let made = globals.map { value -> UserFunction? in if case .function(.user(let u)) = value { u } else { nil } }
        table = made
        return made[slot]
    }
}
