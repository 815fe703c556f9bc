import Synchronization

/// The copies of the globals' Suan functions that the parts of one interpreter's splits call
/// (``Interpreter/takeOwnFunctions()``), made once per part and kept while the interpreter lives
/// (one statement), so that a `table` of 400 batches or a function that maps on every call compiles
/// them once per part, not at every split.
///
/// Part `k` of every split uses slot `k`. The parts of one split have different slots, and splits
/// do not overlap (a part does not split again), so a slot is never used by two threads at once;
/// its lock only carries what one thread wrote to the next.
final class PartFunctions: Sendable {
    /// One part's globals, each Suan function replaced by its copy, and the copies by the original.
    struct Copies: Sendable {
        let globals: [Value]
        let byOriginal: [ObjectIdentifier: UserFunction]
    }

    private final class Slot: Sendable {
        let copies = Mutex<Copies?>(nil)
    }

    private let slots: [Slot]

    init(parts: Int) {
        slots = (0..<Swift.max(parts, 1)).map { _ in Slot() }
    }

    /// Part `part`'s copies of the functions in `globals`, compiled on the caller's thread the first
    /// time; nil for a part beyond the slots (it compiles its own).
    func copies(forPart part: Int, of globals: [Value]) -> Copies? {
        guard part < slots.count else { return nil }
        return slots[part].copies.withLock { kept in
            if let kept { return kept }
            let made = PartFunctions.copies(of: globals)
            kept = made
            return made
        }
    }

    /// `globals` with each Suan function compiled anew (one copy for a function bound twice).
    static func copies(of globals: [Value]) -> Copies {
        var byOriginal: [ObjectIdentifier: UserFunction] = [:]
        let copied = globals.map { value -> Value in
            guard case .function(.user(let u)) = value else { return value }
            if let copy = byOriginal[ObjectIdentifier(u)] { return .function(.user(copy)) }
            let copy = u.ownCopy()
            byOriginal[ObjectIdentifier(u)] = copy
            return .function(.user(copy))
        }
        return Copies(globals: copied, byOriginal: byOriginal)
    }
}
