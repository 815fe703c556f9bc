/// Work that splits across threads: `map` and `filter` over a long list, `count` over a large grid,
/// the rows of a `table` batch (``TableWriter``).
///
/// Suan expressions have no side effects, so the items of a list and the rows of a grid are
/// independent: each part runs on its own copy of the interpreter, on its own thread, and the
/// results are put back in order. The answer is the serial run's, byte for byte — the same values
/// in the same order; the first error in list order, as a serial run stops at it; the warnings a
/// serial run would have raised, in its order.
extension Interpreter {
    /// Below this many items or cells, starting threads costs more than the work saves.
    static let smallestSplit = 64

    /// How many parts to split `count` items (rows) of `cells` units of work into: 1, a serial run,
    /// unless ``jobs`` allows more and the work is large enough. With a step budget
    /// (``Settings/maximumSteps``) the work stays serial, so that it runs out at the same step.
    func parts(for count: Int, cells: Int) -> Int {
        guard jobs > 1, budget == nil, cells >= Interpreter.smallestSplit else { return 1 }
        return Swift.min(jobs, count)
    }

    /// Runs `work` on `parts` consecutive ranges of `0..<count`, each with a copy of this interpreter
    /// on a thread of its own (``LargeStack/runAll(_:)``), and returns the parts' results in order.
    /// A part whose result `ends` the work (`count` meeting an unknown cell) is the last one returned:
    /// a serial run stops there, so the later parts' errors and warnings are not its own.
    func split<T: Sendable>(_ count: Int, into parts: Int, endingAt ends: (T) -> Bool = { _ in false },
                            _ work: @escaping @Sendable (Interpreter, Range<Int>) throws(Diagnostic) -> T) throws(Diagnostic) -> [T] {
        let bounds = (0...parts).map { count * $0 / parts }
        let template = { var serial = self; serial.jobs = 1; return serial }()
        let parent = warnings
        let outcomes = LargeStack.runAll((0..<parts).map { part in
            { @Sendable () -> (Result<T, Diagnostic>, WarningLog?) in
                var worker = template
                worker.takeOwnFunctions(part: part)
                // Its own scenario memo too: the parts shared one behind a lock.
                worker.domain = worker.domain.forStatement()
                worker.stack = StackGuard.current()
                worker.frames = FrameStack()
                worker.warnings = parent == nil ? nil : WarningLog()
                let result = Result { () throws(Diagnostic) -> T in try work(worker, bounds[part]..<bounds[part + 1]) }
                return (result, worker.warnings)
            }
        })
        var results: [T] = []
        results.reserveCapacity(parts)
        for (result, log) in outcomes {
            // A part's warnings, as a serial run raises them: up to and including the first failure.
            if let parent, let log { for warning in log.take() { parent.add(warning) } }
            switch result {
            case .success(let value):
                results.append(value)
                if ends(value) { return results }
            case .failure(let error): throw error
            }
        }
        return results
    }

    /// Gives this interpreter (part `part` of a split, on its own thread) its own copy of every Suan
    /// function in the globals: each call counts a reference on the function and on its compiled
    /// parts, and with the parts sharing them both cores wrote the same counts (the split burnt 1.7
    /// times the CPU for little gain in time). The copies are made once per part and statement
    /// (``PartFunctions``).
    mutating func takeOwnFunctions(part: Int = 0) {
        let copies = partFunctions.copies(forPart: part, of: globals) ?? PartFunctions.copies(of: globals)
        globals = copies.globals
        ownFunctions = copies.byOriginal
    }

    /// A function value the work of a part was given (`map`'s function): this part's own copy.
    func own(_ value: Value) -> Value {
        guard case .function(.user(let u)) = value else { return value }
        return .function(.user(ownFunctions[ObjectIdentifier(u)] ?? u.ownCopy()))
    }
}
