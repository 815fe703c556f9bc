/// The names of a closed set of lines as UTF-8 bytes, in one array grouped by length, so that a
/// field name is compared, byte by byte, only with the few names of its length. A year has a
/// few dozen fields, and each scenario built from it finds all of them.
struct LineNames<Line: RecordLine>: Sendable {
    /// Every name's bytes, shortest names first.
    private let bytes: [UInt8]
    /// Each line with where its name starts in `bytes`, in the same order.
    private let entries: [(line: Line, start: Int)]
    /// `entries[first[n] ..< first[n + 1]]` are the lines whose names are `n` bytes long.
    private let first: [Int]

    init() {
        let sorted = Line.allCases.sorted { $0.name.utf8.count < $1.name.utf8.count }
        let longest = sorted.last?.name.utf8.count ?? 0
        var bytes: [UInt8] = [], entries: [(line: Line, start: Int)] = []
        var first = [Int](repeating: 0, count: longest + 2)
        for line in sorted {
            entries.append((line, bytes.count))
            bytes += line.name.utf8
        }
        for n in 0...(longest + 1) { first[n] = sorted.firstIndex { $0.name.utf8.count >= n } ?? sorted.count }
        self.bytes = bytes
        self.entries = entries
        self.first = first
    }

    /// How many lines there are.
    var count: Int { entries.count }

    func line(named key: String) -> Line? {
        let n = key.utf8.count
        guard n + 1 < first.count, first[n] < first[n + 1] else { return nil }
        return key.utf8.withContiguousStorageIfAvailable { k in line(named: k) }
            ?? Array(key.utf8).withUnsafeBufferPointer { line(named: $0) }
    }

    private func line(named k: UnsafeBufferPointer<UInt8>) -> Line? {
        let n = k.count
        return bytes.withUnsafeBufferPointer { b -> Line? in
            candidates: for i in first[n] ..< first[n + 1] {
                let start = entries[i].start
                for j in 0 ..< n where k[j] != b[start + j] { continue candidates }
                return entries[i].line
            }
            return nil
        }
    }
}
