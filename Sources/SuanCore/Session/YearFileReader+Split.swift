/// A year's project list read in two halves at once (`--jobs`), the second half guessed and then
/// proved.
///
/// The second reader starts at a guess: the first line past the middle of the file that begins a
/// `project` block. The first reader reads from the list's start as a serial read would, and the
/// guess stands only if it arrives exactly there after an item's comma — the place where the serial
/// read would begin the next item, with nothing of the reader's state that changes values (caches
/// of names, units and targets only save work). Otherwise the first reader reads on to the list's
/// end, and the second half is dropped. Either way the items are the serial read's, and a half that
/// gives up gives up the whole read as a serial read would.
extension YearFileReader {
    /// Lists shorter than this many bytes are read by one thread.
    static let smallestSplit = 256 * 1024

    /// The items of a list whose `[` has been read, with the list's `]` read too; nil when the list
    /// is not worth splitting or no place to split it was found (the caller reads it itself).
    mutating func splitList() throws(GiveUp) -> [Value]? {
        guard jobs > 1, bytes.count - at.byte >= Self.smallestSplit, let boundary = guessedItemStart() else { return nil }
        let start = at
        let second = { var r = self; r.at.byte = boundary; r.reported = boundary; return r }()
        let readers = UncheckedReaders(first: self, second: second)
        let outcomes = LargeStack.runAll([
            { @Sendable () -> UncheckedOutcome in
                var r = readers.first
                let items = Result { () throws(GiveUp) in try r.listItems(stoppingAt: boundary) }
                return UncheckedOutcome(reader: r, items: items)
            },
            { @Sendable () -> UncheckedOutcome in
                var r = readers.second
                // The scalar offset at the guess: one scalar starts at each byte that does not
                // continue a UTF-8 sequence.
                r.at.scalar = start.scalar + r.scalars(in: start.byte..<boundary)
                let items = Result { () throws(GiveUp) in try r.listItems(stoppingAt: nil) }
                return UncheckedOutcome(reader: r, items: items)
            },
        ])
        let first = try outcomes[0].items.get()
        guard first.stopped else {
            self = outcomes[0].reader
            return first.items
        }
        let rest = try outcomes[1].items.get()
        self = outcomes[1].reader
        // At their size: `+` leaves a third of the project list's room empty.
        var items: [Value] = []
        items.reserveCapacity(first.items.count + rest.items.count)
        items.append(contentsOf: first.items)
        items.append(contentsOf: rest.items)
        return items
    }

    /// The items of a list up to its `]` (read), as ``value()`` reads them; with `boundary`, stops
    /// when the next item would start exactly there.
    mutating func listItems(stoppingAt boundary: Int?) throws(GiveUp) -> (items: [Value], stopped: Bool) {
        var items: [Value] = []
        while true {
            skip()
            if let boundary, at.byte == boundary, !items.isEmpty { return (items, true) }
            if peek() == "]" { advance(); return (items, false) }
            items.append(try value())
            skip()
            if peek() == "," { advance(); continue }
            guard peek() == "]" else { throw GiveUp() }
        }
    }

    /// The start of the first line past the middle of what is left that begins with `project`
    /// after its indentation, within 64 KB of the middle; nil when there is none.
    func guessedItemStart() -> Int? {
        var i = at.byte + (bytes.count - at.byte) / 2
        let limit = Swift.min(bytes.count, i + 65_536)
        while i < limit {
            guard bytes[i] == 0x0A else { i += 1; continue }
            var j = i + 1
            while j < limit, bytes[j] == 0x20 || bytes[j] == 0x09 { j += 1 }
            if j + 8 < limit, bytes(j..<j + 7, are: "project"), bytes[j + 7] == 0x20 || bytes[j + 7] == UInt8(ascii: "\"") {
                return j
            }
            i = j
        }
        return nil
    }

    /// How many scalars start in `range`.
    func scalars(in range: Range<Int>) -> Int {
        var n = 0
        for i in range where bytes[i] & 0xC0 != 0x80 { n += 1 }
        return n
    }
}

/// The two readers, handed to the threads that read the halves: the bytes they point into stay
/// alive and unchanged until both are done (``LargeStack/runAll(_:)`` returns after both).
private struct UncheckedReaders: @unchecked Sendable {
    let first: YearFileReader
    let second: YearFileReader
}

/// A half's reader where it stopped, and its items or where it gave up.
private struct UncheckedOutcome: @unchecked Sendable {
    let reader: YearFileReader
    let items: Result<(items: [Value], stopped: Bool), YearFileReader.GiveUp>
}
