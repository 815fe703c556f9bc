import ArgumentParser
import Foundation
import SuanCommandLine
import SuanCore
import SuanKernel
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// `suan kernel install [--user | --prefix DIR] [--python PY]`: writes the Jupyter kernelspec `suan`
/// (display name `Suan 算`) whose kernel runs this binary's `--machine` mode (docs/machine.md).
///
/// Dispatched by `main.swift` when the first argument is `kernel`, as `serve` is; its help, usage
/// errors (exit 2, as every usage error of suan) and messages are in the locale's language.
struct KernelCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "suan kernel install",
            abstract: "Install the Jupyter kernel `suan` (Suan 算) for this binary.",
            // One paragraph per line: ArgumentParser wraps them to the width of the help.
            discussion: """
                --user (the default) installs into your Jupyter data folder (JUPYTER_DATA_DIR, else ~/.local/share/jupyter); --prefix DIR into DIR/share/jupyter, e.g. a virtual environment's folder (--prefix "$VIRTUAL_ENV").

                The Python running the kernel needs ipykernel. Install again after moving the suan binary: the kernelspec names its path. More in docs/machine.md.
                """
        )
    }

    @Flag(name: .customLong("user"), help: "Install for the current user (the default).")
    var user = false

    @Option(name: .customLong("prefix"), help: ArgumentHelp("Install into DIR/share/jupyter/kernels/suan.", valueName: "DIR"))
    var prefix: String?

    @Option(name: .customLong("python"), help: ArgumentHelp("The Python that runs the kernel: a path or a command on PATH (default: Jupyter's own, python3).", valueName: "PY"))
    var python: String = "python3"

    static var language: Language { CommandEnvironment.language }

    func validate() throws {
        let language = Self.language
        if user && prefix != nil { throw ValidationError(language.pick("--user 与 --prefix 只能选一个", "--user and --prefix go alone")) }
        if let prefix, prefix.isEmpty { throw ValidationError(language.pick("--prefix 需要一个文件夹", "--prefix needs a folder")) }
        guard KernelCommand.runs(python) else {
            throw ValidationError(language.pick("--python：“\(python)”不是可执行的文件", "--python: '\(python)' is not an executable file"))
        }
    }

    /// Whether `python` can run the kernel: `python3` and `python` are Jupyter's own (it replaces
    /// them with the interpreter it runs on); a path must be an executable file, a bare name one on PATH.
    static func runs(_ python: String) -> Bool {
        if python == "python3" || python == "python" { return true }
        func executable(_ path: String) -> Bool {
            var info = stat()
            return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG && access(path, X_OK) == 0
        }
        if python.contains("/") { return executable(python) }
        let path = getenv("PATH").map { String(cString: $0) } ?? ""
        return path.split(separator: ":").contains { executable($0 + "/" + python) }
    }

    /// The absolute path of the running binary (what kernel.json starts).
    static var binaryPath: String {
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return resolved }
        let argument0 = CommandLine.arguments.first ?? "suan"
        return URL(fileURLWithPath: argument0, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL.path
    }

    /// Installs the kernelspec; returns the exit status.
    func execute() -> Int32 {
        let language = Self.language
        let place: KernelSpec.Place = prefix.map { .prefix($0) } ?? .user
        do throws(KernelSpec.InstallError) {
            let folder = try KernelSpec.folder(for: place, environment: ProcessInfo.processInfo.environment)
            try KernelSpec(binary: KernelCommand.binaryPath, python: python).install(in: folder)
            print(language.pick("已在 \(folder.path) 安装 Jupyter 内核 \(KernelSpec.name)（\(KernelSpec.displayName)）",
                                "Installed the Jupyter kernel \(KernelSpec.name) (\(KernelSpec.displayName)) in \(folder.path)"))
            return 0
        } catch {
            switch error {
            case .noHome:
                Console.error(language.pick("suan: 错误：没有设置 HOME；请用 --prefix 文件夹", "suan: error: HOME is not set; use --prefix DIR"))
            case .cannotWrite(let path, let reason):
                Console.error(language.pick("suan: 错误：无法把内核写入“\(path)”：\(MessageCatalogue.term(reason))",
                                            "suan: error: cannot write the kernel to '\(path)': \(reason)"))
            }
            return 1
        }
    }

    /// `suan kernel …`: `install` with its options, or its help; anything else is a usage error.
    static func dispatch(_ arguments: [String]) -> Never {
        let language = Self.language
        let usage = language.pick("用法：suan kernel install [--user | --prefix 文件夹] [--python PY]   （suan kernel --help 查看更多）",
                                  "Usage: suan kernel install [--user | --prefix DIR] [--python PY]   (suan kernel --help for more)")
        func usageError(_ message: String) -> Never {
            Console.error(language.pick("错误：", "Error: ") + message)
            Console.error(usage)
            Glibc.exit(2)
        }
        guard let first = arguments.first else { usageError(language.pick("suan kernel 需要子命令 install", "suan kernel needs the subcommand install")) }
        if first == "--help" || first == "-h" || first == "help" { printHelp() }
        guard first == "install" else {
            usageError(language.pick("suan kernel 没有子命令“\(first)”；只有 install", "suan kernel has no subcommand '\(first)'; it has install"))
        }
        do {
            Glibc.exit(try parse(Array(arguments.dropFirst())).execute())
        } catch {
            if exitCode(for: error) == .success { printHelp() }
            let message = KernelCommand.message(for: error)
            usageError(language == .chinese ? ChineseUsage.message(message) : message)
        }
    }

    /// The help of `suan kernel install`, in the locale's language; exits 0.
    static func printHelp() -> Never {
        print(language == .chinese ? ChineseUsage.kernelHelp : helpMessage())
        Glibc.exit(0)
    }
}
