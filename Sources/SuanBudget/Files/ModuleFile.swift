import SuanCore
@preconcurrency import Glibc

/// Reads the file of a `use "lib/口径.suan"` for the language: relative to the using file's folder
/// (or the current directory), read-only, with its canonical path as its identity so that
/// `use "lib/a.suan"` and `use "./lib/a.suan"` name one module.
enum ModuleFile {
    static func read(_ request: ModuleRequest) -> Result<ModuleText, Diagnostic> {
        let path = YearLoader.resolved(request.path, from: request.directory)
        do throws(Diagnostic) {
            let text = try FileText.read(path, span: request.span)
            return .success(ModuleText(identity: canonical(path), name: path, text: text, directory: FileText.directory(of: path)))
        } catch {
            return .failure(error)
        }
    }

    /// The absolute path with symlinks, `.` and `..` resolved; the path itself if that fails.
    static func canonical(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
