// The libFuzzer entry point, and a corpus replayer when built without libFuzzer.
//
//   Fuzz/run program 600      build with -sanitize=fuzzer and fuzz the language for 600 s
//   suan-fuzz program FILE…   replay inputs (what the test suite does with Tests/FuzzCorpus)
import SuanCore
import SuanBudget
import SuanFuzzKit
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// The input callback libFuzzer calls; the target comes from SUAN_FUZZ_TARGET.
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let target = getenv("SUAN_FUZZ_TARGET").flatMap { FuzzHarness.Target(rawValue: String(cString: $0)) } ?? .program
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    FuzzHarness.run(bytes, target: target)
    return 0
}

#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
               _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32
#endif

@main
struct FuzzMain {
    static func main() {
        #if FUZZING
        // SwiftPM names the entry point itself, so libFuzzer is driven from here rather than its main.
        // On a large stack, so that the Stdlib loads in this thread, under Session.init's frame,
        // which Fuzz/lsan.supp names (on a small stack, Session.run moves to a fresh thread whose
        // allocations LeakSanitizer cannot trace back to Session.init).
        LargeStack.run { FuzzHarness.prepare() }
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runDriver(&argc, &argv) { fuzzOne($0, $1) })
        #else
        replay()
        #endif
    }

    static func replay() {
        var arguments = CommandLine.arguments.dropFirst()
        guard let first = arguments.first, let target = FuzzHarness.Target(rawValue: first) else {
            fputs("usage: suan-fuzz program|data|export FILE…\n", stderr)
            exit(2)
        }
        arguments = arguments.dropFirst()
        for path in arguments {
            guard case .success(let bytes) = FileText.readBytes(path) else { continue }
            FuzzHarness.run(bytes, target: target)
        }
        print("replayed \(arguments.count) inputs")
    }
}
