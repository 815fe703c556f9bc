import SuanCore

extension RunReply.Collector {
    /// Keeps the first rows of each table of a run and counts the rest, so that a notebook's output
    /// stays readable and small (`table r in 0%..100% step 0.0001%` makes a million rows; `export`
    /// still writes them all). A long table comes in parts (a first part, then continuations), so
    /// the count goes on across parts and the note is made when the table ends.
    struct RowCap {
        /// The most rows of one table kept.
        let limit: Int
        /// Rows kept and left out of the table going on.
        var kept = 0
        var leftOut = 0

        /// What to keep of `block`: the note of the table it ends, if rows were left out of it, and
        /// the block itself with only the rows still allowed (nil when none of it is kept).
        mutating func admit(_ block: Document.Block) -> (closed: Item?, admitted: Document.Block?) {
            guard case .table(var table) = block else { return (close(), block) }
            let closed = table.isContinuation ? nil : close()
            let room = max(0, limit - kept)
            if table.rows.count > room {
                leftOut += table.rows.count - room
                table.rows = Array(table.rows.prefix(room))
            }
            kept += table.rows.count
            let empty = table.isContinuation && table.rows.isEmpty && table.footnotes.isEmpty
            return (closed, empty ? nil : .table(table))
        }

        /// The note of the table going on when rows were left out of it; starts the count afresh.
        mutating func close() -> Item? {
            defer { kept = 0; leftOut = 0 }
            return leftOut > 0 ? .leftOut(rows: leftOut, shown: kept) : nil
        }
    }
}

extension RunReply.Collector.Item {
    /// The item as the reply shows it: a note of rows left out becomes a paragraph in the session's
    /// language, with its counts as the session writes numbers.
    func shown(in session: Session) -> RunReply.Collector.Item {
        guard case .leftOut(let rows, let shown) = self else { return self }
        let count = { session.formatter.text(.number(ExactDecimal($0))) }
        let note: Message = "… \(count(rows)) more rows not shown (the first \(count(shown)) are; export writes the whole table)"
        return .document(Document([.paragraph(Markup(note.text(in: session.settings.language), .dim))]))
    }
}

extension Document {
    /// Joins `block` to the table this document ends in, when it is that table's continuation: a
    /// cut table is small enough to be one table again, which HTML and JSON draw as one (they draw
    /// each part of a streamed table as a table of its own). False when it is not joined.
    mutating func joins(_ block: Document.Block) -> Bool {
        guard case .table(let part) = block, part.isContinuation, case .table(var table)? = blocks.last else { return false }
        table.rows += part.rows
        table.footnotes += part.footnotes
        blocks[blocks.count - 1] = .table(table)
        return true
    }
}
