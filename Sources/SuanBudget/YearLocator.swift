import SuanCore
import SuanStdlib
@preconcurrency import Glibc

/// Finds the data `load` names: `./2022.suan`, then `SUAN_PATH`, then the bundled years; or a path.
/// Files are opened read-only.
struct YearLocator {
    /// Directories from `SUAN_PATH` (colon-separated), read once per lookup.
    var searchPath: [String] {
        guard let raw = getenv("SUAN_PATH") else { return [] }
        return String(cString: raw).split(separator: ":").map(String.init).filter { !$0.isEmpty }
    }

    func locate(_ target: LoadTarget, span: SourceSpan, file: Int32) throws(Diagnostic) -> DataSource {
        switch target {
        case .path(let path):
            let text = try FileText.read(path, span: span)
            if path.lowercased().hasSuffix(".csv") {
                do {
                    return .record(try ProjectTableImport.year(fromCSV: text, name: path, file: file, span: span), label: path, text: text)
                } catch {
                    return .invalid(error, label: path, text: text)
                }
            }
            return .source(name: path, text: text)
        case .year(let year, let collection):
            let fileName = collection.map { "\($0)-\(year).suan" } ?? "\(year).suan"
            for directory in ["."] + searchPath {
                let path = directory == "." ? fileName : directory + "/" + fileName
                if FileText.exists(path) { return .source(name: path, text: try FileText.read(path, span: span)) }
            }
            if let bundled = StdlibFiles.year(year, collection: collection) {
                return .source(name: bundled.name, text: bundled.text)
            }
            let available = StdlibFiles.bundled.map { ($0.collection.map { "\($0) " } ?? "") + "\($0.year)" }
            throw Diagnostic(id: .loadNotFound, "no year \(collection.map { "\($0) " } ?? "")\(year): no ./\(fileName), none on SUAN_PATH, and none bundled",
                             at: span, notes: ["help: bundled years: " + available.joined(separator: ", ")])
        }
    }
}
