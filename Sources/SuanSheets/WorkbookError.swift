/// Why a workbook cannot be read. Each case says where: the part of the package, or the sheet and
/// cell. The budget domain turns them into diagnostics (one switch, messages at its call sites).
public enum WorkbookError: Error, Sendable, Equatable {
    /// The bytes are not a zip archive (an .xls, a CSV renamed, a damaged download).
    case notZip
    /// The bytes are an OLE compound file (`D0 CF 11 E0`): a password-protected (encrypted) .xlsx,
    /// or an old binary .xls.
    case compoundFile
    /// A part the package needs is missing (`xl/workbook.xml`, a sheet the workbook lists).
    case missingPart(String)
    /// A part inflates to more than the limit (a zip bomb, or a sheet too large to read whole).
    case partTooLarge(String, limit: Int)
    /// A part cannot be inflated (a damaged archive).
    case damagedPart(String)
    /// A part is not well-formed XML, near `line`.
    case malformedXML(String, line: Int)
    /// A cell's reference is not one (`r="7C"`), in a sheet.
    case badReference(sheet: String, String)
    /// More cells than Suan reads from one sheet; the cell where it stopped.
    case tooManyCells(sheet: String, CellReference, limit: Int)
    /// A cell holds more characters than Excel allows in one cell.
    case cellTooLong(sheet: String, CellReference, limit: Int)
    /// A shared-string index that the shared strings part does not have.
    case badSharedString(sheet: String, CellReference, String)
    /// The workbook lists no sheets.
    case noSheets
}
