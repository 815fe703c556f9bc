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
        #expect(both.status == 64 || both.status == 2, "\(both.status)")
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "1 + 1\n".write(to: folder.appendingPathComponent("kernel"), atomically: true, encoding: .utf8)
        let script = try Binary.run(["kernel"], directory: folder)
        #expect(script.stdout == "2\n", "\(script.stderr)")
    }
}
