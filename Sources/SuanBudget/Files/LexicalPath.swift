@preconcurrency import Glibc

/// Joins a folder and a relative path as a person would write the result: `./` dropped, and each
/// `../` the path starts with taking the folder's last component off, so that a message names
/// `/srv/lib/共用.suan` rather than `/srv/app/../lib/共用.suan`.
///
/// `..` is only taken off lexically when the folder has no symlinks in it (its `realpath` is the
/// folder itself, made absolute from the working directory): after a symlinked folder, `link/..`
/// is the link target's parent, which the text cannot tell. Otherwise the path is joined as written
/// and the system resolves it. `..` inside the path (`lib/x/../y`) is left alone for the same reason.
enum LexicalPath {
    static func joined(_ directory: String, _ path: String) -> String {
        var rest = Substring(path)
        var folder = directory.hasSuffix("/") && directory.count > 1 ? String(directory.dropLast()) : directory
        let plain = directory.hasSuffix("/") ? directory + path : directory + "/" + path
        while rest.hasPrefix("./") { rest = rest.dropFirst(2) }
        guard rest.hasPrefix("../") else { return folder == "/" ? "/" + rest : folder + "/" + rest }
        guard isSymlinkFree(folder) else { return plain }
        while rest.hasPrefix("../") || rest.hasPrefix("./") {
            if rest.hasPrefix("./") { rest = rest.dropFirst(2); continue }
            // A folder of only `..` or `.` components (or the root) has no last name to take off.
            let last = folder.split(separator: "/").last.map(String.init) ?? ""
            guard !last.isEmpty, last != "..", last != "." else { return plain }
            folder = String(folder.dropLast(last.count))
            if folder.count > 1, folder.hasSuffix("/") { folder.removeLast() }
            rest = rest.dropFirst(3)
        }
        if folder.isEmpty { return rest.isEmpty ? "." : String(rest) }
        return folder == "/" ? "/" + rest : folder + "/" + rest
    }

    /// Whether no component of `folder` is a symlink: its real path is the folder itself (relative
    /// folders are compared from the working directory, which `getcwd` gives without symlinks).
    static func isSymlinkFree(_ folder: String) -> Bool {
        guard let real = realpath(folder, nil) else { return false }
        defer { free(real) }
        var absolute = folder
        if !folder.hasPrefix("/") {
            guard let cwd = getcwd(nil, 0) else { return false }
            defer { free(cwd) }
            absolute = String(cString: cwd) + "/" + folder
        }
        let parts = absolute.split(separator: "/").filter { $0 != "." }
        guard !parts.contains("..") else { return false }
        return String(cString: real) == "/" + parts.joined(separator: "/")
    }
}
