/// Where the cells of a spreadsheet are in the text that stands for it, so that a diagnostic in a
/// sheet names its cell (`x.xlsx[Sheet1]!C7`) rather than a line and column of that text.
///
/// A sheet read by `load` becomes a ``SourceFile`` whose line *n* renders row *n* of the sheet
/// (cells separated by commas, as in CSV), so that the excerpt under a diagnostic shows the row and
/// the caret sits under the cell. Each cell's first offset in that text is recorded here with its
/// reference; the cell of an offset is the last one that starts at or before it.
public struct SourceCells: Sendable {
    /// Scalar offsets of each cell's first character, ascending.
    var starts: [Int] = []
    /// The reference of each cell (`C7`), in the order of ``starts``.
    var references: [String] = []

    public init() {}

    /// Records that the cell `reference` starts at `offset` (offsets must be added in ascending order).
    public mutating func add(_ reference: String, at offset: Int) {
        starts.append(offset)
        references.append(reference)
    }

    /// The reference of the cell at `offset`, or nil before the first cell.
    public func reference(at offset: Int) -> String? {
        var low = 0, high = starts.count - 1, found: Int? = nil
        while low <= high {
            let mid = (low + high) / 2
            if starts[mid] <= offset { found = mid; low = mid + 1 } else { high = mid - 1 }
        }
        return found.map { references[$0] }
    }
}
