import SuanCore
import SuanSheets

/// `load "x.xlsx"`: reads the workbook and makes one year of every sheet it recognises, in tab
/// order, by their headers:
///
/// - the 部门决算 tables (``FinalAccountsImport``): 收入支出决算总表 for income and the declared totals,
///   支出决算表 for 基本支出 (人员经费, 公用经费) and 项目支出;
/// - one-project forms, 部门预算项目支出绩效自评表 (``ProjectFormImport``): each adds its project;
/// - the first flat table of projects — a header with a 项目名称 column, as a CSV table needs — read
///   through the same path as CSV (``ProjectTableImport``); later ones are skipped.
///
/// Other sheets (a cover, notes) are skipped. Each sheet read becomes a source of its own
/// (``SheetText``), at consecutive file indices from the request's, so errors and warnings in its
/// cells are positioned in that sheet: `x.xlsx[Sheet2]!C7: error: 'abc' is not an amount`. A
/// workbook with no such sheet is an error that names its sheets and the headers looked for.
enum WorkbookImport {
    /// The year (unvalidated) and the sheets it came from; or the error, with the sheets read so far.
    static func year(_ bytes: [UInt8], path: String, file: Int32, span: SourceSpan) -> (Result<Record, Diagnostic>, [SourceFile]) {
        var sources: [SourceFile] = []
        do throws(WorkbookError) {
            let workbook = try Workbook(bytes)
            var parts = YearParts()
            var forms: [Record] = []
            var titles: [String] = []
            var readTable = false
            for index in workbook.sheetNames.indices {
                let sheet = try workbook.sheet(at: index)
                let sheetFile = file + Int32(sources.count)
                let text = SheetText(sheet, path: path, file: sheetFile)
                do throws(Diagnostic) {
                    let form = ProjectFormImport.labels(in: text.rows)
                    if let layout = form.layout {
                        forms.append(try ProjectFormImport(id: .xlsx, file: sheetFile, name: path).project(text.rows, layout: layout))
                        titles += text.rows[..<layout.nameRow].flatMap { $0.map(\.text) }
                    } else if let layout = FinalAccountsImport.layout(of: text.rows) {
                        let accounts = try FinalAccountsImport(id: .xlsx, file: sheetFile, name: path).parts(text.rows, layout: layout)
                        if let (line, value, at, read) = parts.conflict(with: accounts) {
                            throw Diagnostic(id: .totalMismatch, "\(line) is \(value.plainText) here, but \(read.plainText) on an earlier sheet", at: at,
                                             notes: ["help: the 决算 tables of one workbook give the same totals"])
                        }
                        parts.merge(accounts)
                        titles += text.rows.prefix(3).flatMap { $0.map(\.text) }
                    } else if let cutShort = form.incomplete(text.rows, id: .xlsx) {
                        throw cutShort
                    } else if !readTable, let header = ProjectTableHeader.find(in: text.rows) {
                        readTable = true
                        parts.merge(try ProjectTableImport.parts(text.rows, header: header, name: path, file: sheetFile, id: .xlsx))
                    } else {
                        continue
                    }
                } catch {
                    return (.failure(error), sources + [text.source])
                }
                sources.append(text.source)
            }
            guard !sources.isEmpty else {
                let sheets = workbook.sheetNames.map { "'\($0)'" }.joined(separator: ", ")
                return (.failure(Diagnostic(id: .xlsx, "no sheet of \"\(path)\" has a 项目名称 column (sheets: \(sheets))", at: span,
                                            notes: ["help: a header row needs 项目名称 (or 名称, 项目) and usually 全年预算数 and 全年执行数; rows above it are skipped",
                                                     "help: a one-project form (部门预算项目支出绩效自评表) needs a 项目名称 label, a 预算执行情况 header (调整后预算数) and a 绩效指标 header (一级指标, 三级指标)",
                                                     "help: a 部门决算 table needs a 项目 … 金额 header with a 本年收入合计 row (收入支出决算总表), or 基本支出 and 项目支出 columns with a 合计 row (支出决算表)"])),
                        [])
            }
            // The department a 决算 table or a flat table names comes first, then the forms' 主管部门.
            parts.merge(ProjectFormImport.parts(forms, titles: titles, file: file))
            return (.success(parts.record(fileName: path, origin: SourceSpan(file: file, start: 0, end: 1))), sources)
        } catch {
            return (.failure(diagnostic(error, path: path, span: span)), sources)
        }
    }

    /// A workbook that cannot be read, as a diagnostic at the `load` that names the part, or the
    /// sheet and cell.
    static func diagnostic(_ error: WorkbookError, path: String, span: SourceSpan) -> Diagnostic {
        switch error {
        case .notZip:
            return Diagnostic(id: .xlsx, "\"\(path)\" is not an .xlsx workbook (not a zip archive)", at: span,
                              notes: ["help: save it from Excel as .xlsx (an .xls file is not read), or as CSV"])
        case .compoundFile:
            return Diagnostic(id: .xlsx, "\"\(path)\" is password-protected (encrypted) or an old .xls workbook, which Suan cannot read", at: span,
                              notes: ["help: open it in Excel, remove the password (文件 → 信息 → 保护工作簿) and save it as .xlsx, or save it as CSV"])
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
