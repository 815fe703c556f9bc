import Foundation
import Testing

/// Issue 17: `suan kernel install` writes the kernelspec `suan` (the notebook runs are Tests/Kernel).
@Suite(.timeLimit(.minutes(3))) struct KernelInstallTests {
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("suan-kernel-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func prefixWritesKernelJSONAndTheKernelNextToIt() throws {
        let prefix = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: prefix) }
        let outcome = try Binary.run(["kernel", "install", "--prefix", prefix.path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let folder = prefix.appendingPathComponent("share/jupyter/kernels/suan")
        let spec = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("kernel.json"))) as? [String: Any])
        #expect(spec["display_name"] as? String == "Suan 算")
        #expect(spec["language"] as? String == "suan")
        #expect(spec["interrupt_mode"] as? String == "signal")
        let argv = try #require(spec["argv"] as? [String])
        #expect(argv == ["python3", folder.appendingPathComponent("suan_kernel.py").path, "-f", "{connection_file}"])
        let binary = try #require((spec["env"] as? [String: String])?["SUAN_BIN"])
        #expect(FileManager.default.isExecutableFile(atPath: binary))
        let kernel = try String(contentsOf: folder.appendingPathComponent("suan_kernel.py"), encoding: .utf8)
        #expect(kernel.contains("class SuanKernel(Kernel)"))
    }

    @Test func userInstallsIntoTheJupyterDataFolder() throws {
        let data = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: data) }
        let outcome = try Binary.run(["kernel", "install", "--user"], environment: ["JUPYTER_DATA_DIR": data.path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(FileManager.default.fileExists(atPath: data.appendingPathComponent("kernels/suan/kernel.json").path))
    }

    @Test func userAndPrefixGoAloneAndAScriptNamedKernelStillRuns() throws {
        let both = try Binary.run(["kernel", "install", "--user", "--prefix", "/tmp/x"])
        #expect(both.status == 2, "\(both.status)")
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "1 + 1\n".write(to: folder.appendingPathComponent("kernel"), atomically: true, encoding: .utf8)
        let script = try Binary.run(["kernel"], directory: folder)
        #expect(script.stdout == "2\n", "\(script.stderr)")
    }

    /// `suan kernel` alone, or with --help, answers about `kernel install`; usage errors exit 2 as
    /// every usage error of suan does.
    @Test func kernelAloneAndItsHelpAndUsageErrors() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bare = try Binary.run(["kernel"], directory: folder)
        #expect(bare.status == 2)
        #expect(bare.stderr.contains("Usage: suan kernel install"))
        let help = try Binary.run(["kernel", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: suan kernel install"))
        #expect(!help.stdout.contains("--machine"))
        // The discussion is wrapped by ArgumentParser, not broken by hand: no line of one word.
        #expect(!help.stdout.split(separator: "\n").contains { !$0.isEmpty && !$0.contains(" ") && !$0.hasSuffix(":") })
        let unknown = try Binary.run(["kernel", "install", "--bogus"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("Unknown option '--bogus'"))
        let python = try Binary.run(["kernel", "install", "--prefix", folder.path, "--python", "/nonexistent/python"])
        #expect(python.status == 2)
        #expect(python.stderr.contains("/nonexistent/python"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("share").path))
    }

    /// Under a Chinese locale the messages, errors and help are Chinese, and a failed write says
    /// the C library's reason, not Foundation's English one.
    @Test func speaksTheLocalesLanguage() throws {
        let zh = ["LANG": "zh_CN.UTF-8", "LC_ALL": "", "SUAN_LANG": ""]
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let done = try Binary.run(["kernel", "install", "--prefix", folder.path], environment: zh)
        #expect(done.status == 0)
        #expect(done.stdout.hasPrefix("已在 "))
        let notAFolder = try Binary.run(["kernel", "install", "--prefix", "/etc/passwd"], environment: zh)
        #expect(notAFolder.status == 1)
        #expect(notAFolder.stderr == "suan: 错误：无法把内核写入“/etc/passwd/share”：不是目录\n")
        let missing = try Binary.run(["kernel", "install", "--prefix", "/proc/nope"])
        #expect(missing.stderr == "suan: error: cannot write the kernel to '/proc/nope': No such file or directory\n")
        #expect(try Binary.run(["kernel", "install", "--help"], environment: zh).stdout.hasPrefix("概述："))
        #expect(try Binary.run(["kernel", "install", "--bogus"], environment: zh).stderr.hasPrefix("错误：未知的选项"))
    }
}
