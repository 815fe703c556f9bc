import Foundation
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// The Jupyter kernelspec of Suan: a folder `kernels/suan` holding `kernel.json` and the Python
/// kernel (`suan_kernel.py`, embedded in the binary), which keeps one `suan --machine` process per
/// notebook (docs/machine.md). `suan kernel install` writes it.
///
///     {"argv": ["python3", "…/suan_kernel.py", "-f", "{connection_file}"],
///      "display_name": "Suan 算", "language": "suan", "interrupt_mode": "signal",
///      "env": {"SUAN_BIN": "/usr/local/bin/suan"}}
///
/// Jupyter runs `python3` as its own Python (jupyter_client replaces a bare `python3` with the
/// interpreter it runs on), so the kernel needs only `ipykernel` where Jupyter is installed.
public struct KernelSpec: Sendable {
    /// Where kernelspecs go: the user's Jupyter data folder, or `PREFIX/share/jupyter`.
    public enum Place: Sendable, Equatable {
        case user
        case prefix(String)
    }

    /// Why the kernelspec could not be written; `reason` is the C library's text (strerror), which
    /// the catalogue of terms translates.
    public enum InstallError: Error, Sendable, Equatable {
        case cannotWrite(path: String, reason: String)
        case noHome
    }

    public static let name = "suan"
    public static let displayName = "Suan 算"

    /// The absolute path of the suan binary the kernel starts.
    public var binary: String
    /// The Python that runs the kernel (`python3`: Jupyter's own).
    public var python = "python3"

    public init(binary: String, python: String = "python3") {
        self.binary = binary
        self.python = python
    }

    /// The folder the kernelspec goes in for `place`: `$JUPYTER_DATA_DIR/kernels/suan`, else
    /// `~/.local/share/jupyter/kernels/suan` (`~/Library/Jupyter` on macOS), or
    /// `PREFIX/share/jupyter/kernels/suan`.
    public static func folder(for place: Place, environment: [String: String]) throws(InstallError) -> URL {
        switch place {
        case .prefix(let prefix):
            return URL(fileURLWithPath: prefix).appendingPathComponent("share/jupyter/kernels/\(name)")
        case .user:
            if let data = environment["JUPYTER_DATA_DIR"], !data.isEmpty {
                return URL(fileURLWithPath: data).appendingPathComponent("kernels/\(name)")
            }
            guard let home = environment["HOME"], !home.isEmpty else { throw .noHome }
            #if os(macOS)
            return URL(fileURLWithPath: home).appendingPathComponent("Library/Jupyter/kernels/\(name)")
            #else
            let data = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.local/share"
            return URL(fileURLWithPath: data).appendingPathComponent("jupyter/kernels/\(name)")
            #endif
        }
    }

    /// kernel.json for a kernel file at `kernelFile`.
    public func json(kernelFile: String) -> String {
        let object: [String: Any] = [
            "argv": [python, kernelFile, "-f", "{connection_file}"],
            "display_name": KernelSpec.displayName,
            "language": "suan",
            "interrupt_mode": "signal",
            "env": ["SUAN_BIN": binary],
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Writes kernel.json and suan_kernel.py into `folder` (made when missing); returns the folder.
    /// POSIX calls, not Foundation's: an error then has the C library's reason, in either language.
    @discardableResult
    public func install(in folder: URL) throws(InstallError) -> URL {
        let kernelFile = folder.appendingPathComponent("suan_kernel.py")
        try KernelSpec.makeFolder(folder.path)
        try KernelSpec.write(PackageResources.suan_kernel_py, to: kernelFile.path)
        try KernelSpec.write(Array(json(kernelFile: kernelFile.path).utf8), to: folder.appendingPathComponent("kernel.json").path)
        return folder
    }

    /// `mkdir -p path`.
    static func makeFolder(_ path: String) throws(InstallError) {
        var made = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            made += "/" + part
            if mkdir(made, 0o755) != 0 && errno != EEXIST { throw failure(made) }
        }
        var info = stat()
        guard stat(path, &info) == 0 else { throw failure(path) }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw .cannotWrite(path: path, reason: String(cString: strerror(ENOTDIR))) }
    }

    /// Writes `bytes` to the file at `path`, replacing it.
    static func write(_ bytes: [UInt8], to path: String) throws(InstallError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw failure(path) }
        defer { close(fd) }
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw failure(path) }
            written += n
        }
    }

    /// The error of the last failed call on `path`.
    static func failure(_ path: String) -> InstallError {
        .cannotWrite(path: path, reason: String(cString: strerror(errno)))
    }
}
