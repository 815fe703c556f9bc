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
            throw Diagnostic(id: "load-not-found", "no year \(collection.map { "\($0) " } ?? "")\(year): no ./\(fileName), none on SUAN_PATH, and none bundled",
                             at: span, notes: ["help: bundled years: " + available.joined(separator: ", ")])
        }
    }
}

/// Reading and writing whole files without Foundation.
public enum FileText {
    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    public static func read(_ path: String, span: SourceSpan) throws(Diagnostic) -> String {
        let bytes: [UInt8]
        switch SourceDecoding.readFile(path) {
        case .success(let b): bytes = b
        case .failure(let e): throw Diagnostic(id: "load-io", "cannot open \"\(path)\": \(e.message)", at: span)
        }
        switch SourceDecoding.decode(bytes) {
        case .success(let text): return text
        case .failure(let bad):
            throw Diagnostic(id: "load-encoding", "\"\(path)\" is not UTF-8 text: byte 0x\(String(bad.byte, radix: 16, uppercase: true)) at line \(bad.line), column \(bad.column)",
                             at: span, notes: ["help: save the file as UTF-8"])
        }
    }

    /// Writes through a temporary file and a rename, so a failure never leaves a half-written file;
    /// refuses to replace an existing file unless `force`.
    public static func write(_ text: String, to path: String, force: Bool, span: SourceSpan) throws(Diagnostic) {
        if !force && exists(path) {
            throw Diagnostic(id: "export-exists", "\"\(path)\" already exists", at: span,
                             notes: ["help: add 'force' to replace it: export … to \"\(path)\" force"])
        }
        let temporary = path + ".suan-tmp-\(getpid())"
        guard let handle = fopen(temporary, "wbx") else {
            throw Diagnostic(id: "export-io", "cannot write \"\(path)\": \(String(cString: strerror(errno)))", at: span)
        }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, handle) }
        let flushed = fflush(handle) == 0 && fsync(fileno(handle)) == 0
        fclose(handle)
        guard written == bytes.count, flushed, rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw Diagnostic(id: "export-io", "cannot write \"\(path)\": \(reason)", at: span)
        }
    }
}
