import ArgumentParser
import Foundation
import SuanKernel

/// `suan kernel install [--user | --prefix DIR] [--python PY]`: writes the Jupyter kernelspec `suan`
/// (display name `Suan 算`) whose kernel runs this binary's `--machine` mode (docs/machine.md).
///
/// Dispatched by `main.swift` when the first arguments are `kernel install`, as `serve` is.
struct KernelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suan kernel install",
        abstract: "Install the Jupyter kernel `suan` (Suan 算) for this binary (docs/machine.md).",
        discussion: """
            --user (the default) installs into your Jupyter data folder (JUPYTER_DATA_DIR, else
            ~/.local/share/jupyter); --prefix DIR into DIR/share/jupyter, e.g. a virtual environment's
            folder (--prefix "$VIRTUAL_ENV"). The Python running the kernel needs ipykernel.
            """
    )

    @Flag(name: .customLong("user"), help: "Install for the current user (the default).")
    var user = false

    @Option(name: .customLong("prefix"), help: "Install into DIR/share/jupyter/kernels/suan.")
    var prefix: String?

    @Option(name: .customLong("python"), help: "The Python that runs the kernel (default: Jupyter's own, `python3`).")
    var python: String = "python3"

    func validate() throws {
        if user && prefix != nil { throw ValidationError("--user and --prefix go alone") }
        if let prefix, prefix.isEmpty { throw ValidationError("--prefix needs a folder") }
    }

    /// The absolute path of the running binary (what kernel.json starts).
    static var binaryPath: String {
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return resolved }
        let argument0 = CommandLine.arguments.first ?? "suan"
        return URL(fileURLWithPath: argument0, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL.path
    }

    /// Installs the kernelspec; returns the exit status.
    func execute() -> Int32 {
        let place: KernelSpec.Place = prefix.map { .prefix($0) } ?? .user
        do throws(KernelSpec.InstallError) {
            let folder = try KernelSpec.folder(for: place, environment: ProcessInfo.processInfo.environment)
            try KernelSpec(binary: KernelCommand.binaryPath, python: python).install(in: folder)
            print("Installed the Jupyter kernel \(KernelSpec.name) (\(KernelSpec.displayName)) in \(folder.path)")
            return 0
        } catch {
            switch error {
            case .noHome: Console.error("suan: error: HOME is not set; use --prefix DIR")
            case .cannotWrite(let path, let reason): Console.error("suan: error: cannot write the kernel to '\(path)': \(reason)")
            }
            return 1
        }
    }
}
