// The years of a `load`:
//
//   years → NUMBER ['..' NUMBER]        load 2022 · load 示例 2020..2022 (both ends included)

extension Parser {
    /// The most years one `load` reads: a range is for comparing a handful of years side by side,
    /// and each year is a file read, derived and validated.
    static let maximumLoadedYears = 50

    /// `2022` or `2020..2022` after `load` (and after a collection's name).
    mutating func loadYears(collection: String?) throws(Failure) -> LoadTarget {
        let first = try year()
        guard take(.dotDot) else { return .year(first.number, collection: collection) }
        let last = try year()
        let range = first.token.span.through(last.token.span)
        guard first.number <= last.number else {
            throw Parser.rangeFailure("the range \(String(first.number))..\(String(last.number)) runs backwards; write the earlier year first (\(String(last.number))..\(String(first.number)))",
                                      at: range)
        }
        // Both ends are whole numbers of at least 0, so their difference cannot overflow.
        guard last.number - first.number < Parser.maximumLoadedYears else {
            throw Parser.rangeFailure("the range \(String(first.number))..\(String(last.number)) has more than \(String(Parser.maximumLoadedYears)) years, the most one load reads",
                                      at: range)
        }
        return .years(first.number, last.number, collection: collection)
    }

    static func rangeFailure(_ message: Message, at span: SourceSpan) -> Failure {
        Failure(diagnostic: Diagnostic(id: .loadRange, message, at: span), incomplete: false)
    }

    /// One year number.
    private mutating func year() throws(Failure) -> (number: Int, token: Token) {
        guard case .number(let digits) = kind, let y = Int(digits) else {
            throw failure("expected a year such as 2022")
        }
        return (y, advance())
    }
}
