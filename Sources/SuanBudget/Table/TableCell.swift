import SuanCore

/// One cell of a table of projects, wherever it came from — a CSV field or a sheet's cell — with
/// the span diagnostics point at: the field in the CSV text, or the cell in the text that stands
/// for a sheet (``SheetText``), which prints as `x.xlsx[Sheet1]!C7`.
struct TableCell: Sendable {
    var text: String
    var span: SourceSpan
}
