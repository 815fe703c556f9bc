import Foundation

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

    /// Why the kernelspec could not be written.
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
    @discardableResult
    public func install(in folder: URL) throws(InstallError) -> URL {
        let kernelFile = folder.appendingPathComponent("suan_kernel.py")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(PackageResources.suan_kernel_py).write(to: kernelFile)
            try Data(json(kernelFile: kernelFile.path).utf8).write(to: folder.appendingPathComponent("kernel.json"))
        } catch {
            throw .cannotWrite(path: folder.path, reason: (error as NSError).localizedDescription)
        }
        return folder
    }
}
