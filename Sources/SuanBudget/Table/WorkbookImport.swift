import SuanCore
import SuanSheets

/// `load "x.xlsx"`: reads the workbook and turns its first recognised sheet — the first whose
/// rows have a header with a 项目名称 column, as a CSV table needs — into a year through the same
/// path as CSV (``ProjectTableImport``).
///
/// The sheet becomes a source of its own (``SheetText``), so errors in its cells are positioned:
/// `x.xlsx[Sheet1]!C7: error: 'abc' is not an amount`. A workbook with no such sheet is an error
/// that names its sheets and the headers looked for.
enum WorkbookImport {
    /// The year (unvalidated) and the sheet it came from; or the error, with the sheet's text when
    /// the error is in it.
    static func year(_ bytes: [UInt8], path: String, file: Int32, span: SourceSpan) -> (Result<Record, Diagnostic>, SourceFile?) {
        do throws(WorkbookError) {
            let workbook = try Workbook(bytes)
            var projects: [Record] = []
            var titles: [String] = []
            var first: SourceFile? = nil
            for index in workbook.sheetNames.indices {
                let sheet = try workbook.sheet(at: index)
                let text = SheetText(sheet, path: path, file: file)
                if let layout = ProjectFormImport.layout(of: text.rows) {
                    // A one-project form: every such sheet adds its project.
                    do throws(Diagnostic) {
                        projects.append(try ProjectFormImport(id: .xlsx, file: file, name: path).project(text.rows, layout: layout))
                    } catch {
                        return (.failure(error), text.source)
                    }
                    titles += text.rows[..<layout.nameRow].flatMap { $0.map(\.text) }
                    if first == nil { first = text.source }
                    continue
                }
                guard projects.isEmpty, let header = ProjectTableHeader.find(in: text.rows) else { continue }
                do throws(Diagnostic) {
                    return (.success(try ProjectTableImport.year(text.rows, header: header, name: path, file: file, id: .xlsx)), text.source)
                } catch {
                    return (.failure(error), text.source)
                }
            }
            if !projects.isEmpty {
                return (.success(ProjectFormImport.year(projects, name: path, file: file, titles: titles)), first)
            }
            let sheets = workbook.sheetNames.map { "'\($0)'" }.joined(separator: ", ")
            return (.failure(Diagnostic(id: .xlsx, "no sheet of \"\(path)\" has a 项目名称 column (sheets: \(sheets))", at: span,
                                        notes: ["help: a header row needs 项目名称 (or 名称, 项目) and usually 全年预算数 and 全年执行数; rows above it are skipped",
                                                 "help: a one-project form (部门预算项目支出绩效自评表) needs a 项目名称 label, a 预算执行情况 header (调整后预算数) and a 绩效指标 header (一级指标, 三级指标)"])), nil)
        } catch {
            return (.failure(diagnostic(error, path: path, span: span)), nil)
        }
    }

    /// A workbook that cannot be read, as a diagnostic at the `load` that names the part, or the
    /// sheet and cell.
    static func diagnostic(_ error: WorkbookError, path: String, span: SourceSpan) -> Diagnostic {
        switch error {
        case .notZip:
            return Diagnostic(id: .xlsx, "\"\(path)\" is not an .xlsx workbook (not a zip archive)", at: span,
                              notes: ["help: save it from Excel as .xlsx (an .xls file is not read), or as CSV"])
        case .missingPart(let part):
            return Diagnostic(id: .xlsx, "\"\(path)\" has no part \(part): it is not a complete workbook", at: span)
        case .partTooLarge(let part, let limit):
            return Diagnostic(id: .xlsx, "\(part) in \"\(path)\" inflates to more than \(limit / (1024 * 1024)) MiB, the most Suan reads from one part",
                              at: span)
        case .damagedPart(let part):
            return Diagnostic(id: .xlsx, "\(part) in \"\(path)\" cannot be inflated: the archive is damaged", at: span)
        case .malformedXML(let part, let line):
            return Diagnostic(id: .xlsx, "\(part) in \"\(path)\" is not well-formed XML (near line \(line))", at: span)
        case .badReference(let sheet, let reference):
            return Diagnostic(id: .xlsx, "\(path)[\(sheet)]: '\(reference)' is not a cell reference", at: span)
        case .tooManyCells(let sheet, let cell, let limit):
            return Diagnostic(id: .xlsx, "\(path)[\(sheet)]!\(cell.description): the sheet has more than \(limit) cells, the most Suan reads from one sheet",
                              at: span)
        case .cellTooLong(let sheet, let cell, let limit):
            return Diagnostic(id: .xlsx, "\(path)[\(sheet)]!\(cell.description): the cell holds more than \(limit) characters, Excel's limit", at: span)
        case .badSharedString(let sheet, let cell, let index):
            return Diagnostic(id: .xlsx, "\(path)[\(sheet)]!\(cell.description): shared string '\(index)' does not exist", at: span)
        case .noSheets:
            return Diagnostic(id: .xlsx, "\"\(path)\" has no sheets", at: span)
        }
    }
}
