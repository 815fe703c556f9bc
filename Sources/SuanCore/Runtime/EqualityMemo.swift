/// The pairs of lists and records already found equal during one comparison.
///
/// Values share parts: `fn f(x, n) = if n == 0 then x else f([x, x], n - 1)` builds 2⁶⁰ leaves from
/// 60 lists. Comparing such values part by part would never end; remembering which pairs of
/// storage buffers were found equal makes `==` linear in the distinct parts. Buffers stay alive
/// (and their addresses unique) while the two values being compared are held.
final class EqualityMemo {
    struct Pair: Hashable {
        let left: UInt
        let right: UInt
    }

    private var proven: Set<Pair> = []

    static func pair(_ a: [Value], _ b: [Value]) -> Pair {
        Pair(left: a.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) },
             right: b.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) })
    }

    func isKnownEqual(_ pair: Pair) -> Bool { proven.contains(pair) }

    func remember(_ pair: Pair) { proven.insert(pair) }
}
