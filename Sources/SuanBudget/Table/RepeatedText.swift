/// What a table's repeated cells make, by the cells' bytes: most cells of a large table repeat a
/// few texts (the unit words `件`, `%`, `人次`; the categories `产出.数量`, `满意度.满意度`), which are
/// then neither made into a `String` nor read again, and share one `String` where they are kept.
struct RepeatedText<Made> {
    private var known: [(bytes: [UInt8], made: Made)] = []

    /// Texts past this many are made each time (a table with thousands of distinct ones).
    static var capacity: Int { 64 }

    /// What `bytes` made before, else what `make` makes (remembered while there is room).
    mutating func made(from bytes: UnsafeBufferPointer<UInt8>, _ make: () -> Made) -> Made {
        for entry in known where entry.bytes.count == bytes.count && entry.bytes.elementsEqual(bytes) { return entry.made }
        let made = make()
        if known.count < Self.capacity { known.append((Array(bytes), made)) }
        return made
    }
}
