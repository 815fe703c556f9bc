import SuanBudget
import SuanCore
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// What the fuzzers feed arbitrary bytes to: the whole language pipeline, or the year loaders.
/// A crash, a trap or a hang here is a bug; an error message is the expected outcome.
public enum FuzzHarness {
    public enum Target: String, Sendable, CaseIterable {
        /// Lexer, parser, checker and evaluator, as `suan FILE` runs a script.
        case program
        /// Year files (the direct reader and the general pipeline) and CSV, as `load` reads them.
        case data
        /// `export` to .csv and .md: each value the input computes (and the input read as a CSV
        /// year) is exported into a private temporary directory; the input itself cannot write.
        case export
    }

    /// A fresh private directory for one input's exports, under the temporary directory.
    static func exportDirectory() -> String? {
        var template = Array("/tmp/suan-fuzz-export-XXXXXX".utf8CString)
        return template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }.map { String(cString: $0) }
    }

    /// A session with the Stdlib loaded, copied for each input (loading the Stdlib once).
    static let base: Session = {
        var settings = Settings()
        settings.maximumSteps = 200_000
        settings.maximumCallDepth = 200
        settings.maximumTableRows = 10_000
        settings.maximumListLength = 100_000
        return Session(domain: BudgetDomain(allowsWrites: false), settings: settings)
    }()

    /// Loads the Stdlib before the first input, so that its one-time allocations are not charged
    /// to an input by libFuzzer's leak check.
    public static func prepare() { _ = base.stdlibProblems }

    public static func run(_ bytes: [UInt8], target: Target) {
        guard case .success(let text) = SourceDecoding.decode(bytes) else { return }
        switch target {
        case .program:
            var session = base
            var diagnostics: [Diagnostic] = []
            session.run(text, name: "<fuzz>", transactional: true) { event in
                if case .diagnostic(let d) = event { diagnostics.append(d) }
            }
            // Rendering (positions, carets, display widths) is part of what is fuzzed.
            for d in diagnostics { _ = session.render(d) }
        case .export:
            var session = base
            var values: [Value] = []
            session.run(text, name: "<fuzz>", transactional: true) { event in
                if case .result(let value, _) = event { values.append(value) }
            }
            if let csv = try? BudgetDomain.year(fromText: text, name: "fuzz.csv", evaluator: session.dataEvaluator) {
                values.append(.record(csv))
            }
            guard !values.isEmpty, let directory = exportDirectory() else { return }
            defer { rmdir(directory) }
            let domain = BudgetDomain(allowsWrites: true)
            for value in values.prefix(4) {
                for name in ["out.csv", "out.md"] {
                    let path = directory + "/" + name
                    _ = try? domain.export(.value(value), to: path, directory: nil, force: true, format: session.formatter, span: .none)
                    _ = try? domain.export(.value(value), to: path, directory: nil, force: false, format: session.formatter, span: .none)
                    unlink(path)
                }
            }
        case .data:
            let session = base
            _ = try? BudgetDomain.year(fromText: text, name: "fuzz.suan", evaluator: session.dataEvaluator)
            _ = try? BudgetDomain.year(fromText: text, name: "fuzz.csv", evaluator: session.dataEvaluator)
        }
    }
}
