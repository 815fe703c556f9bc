import Testing
import SuanTestSupport
@testable import SuanCore

/// Issue 14: how `map`, `filter` and `count` split work across threads (``Interpreter/split``).
/// The binary's parallel and serial runs are compared in `ParallelJobsTests`.
@Suite struct SplitWorkTests {
    func interpreter(jobs: Int, steps: Int? = nil) -> Interpreter {
        var settings = Settings()
        settings.jobs = jobs
        settings.maximumSteps = steps
        return Interpreter(globals: [], settings: settings, domain: NoDomain())
    }

    @Test func longWorkSplitsUnlessSerialOrBudgeted() {
        #expect(interpreter(jobs: 4).parts(for: 1000, cells: 1000) == 4)
        #expect(interpreter(jobs: 4).parts(for: 2, cells: 2_000) == 2)
        #expect(interpreter(jobs: 1).parts(for: 1000, cells: 1000) == 1)
        #expect(interpreter(jobs: 4).parts(for: 10, cells: 10) == 1)
        // A step budget must run out at the same step as in a serial run.
        #expect(interpreter(jobs: 4, steps: 1_000_000).parts(for: 1000, cells: 1000) == 1)
    }

    @Test func partsComeBackInOrderAndTheFirstFailureWins() throws {
        let split = interpreter(jobs: 3)
        let ranges = try split.split(10, into: 3) { (worker, range) throws(Diagnostic) in
            #expect(worker.jobs == 1, "a part does not split again")
            return Array(range)
        }
        #expect(ranges.flatMap { $0 } == Array(0..<10))
        #expect(ranges.count == 3)
        let span = SourceSpan(file: 0, start: 0, end: 0)
        do {
            _ = try split.split(9, into: 3) { (_, range) throws(Diagnostic) -> Int in
                guard range.lowerBound == 0 else { throw Diagnostic(id: .divisionByZero, "part \(range.lowerBound)", at: span) }
                return 0
            }
            Issue.record("a failing part must fail the split")
        } catch {
            #expect(error.message == "part 3")
        }
    }

    @Test func aSplitMapMatchesTheSerialOne() {
        var settings = Settings()
        settings.jobs = 4
        var serial = SessionHarness(session: Session())
        var parallel = SessionHarness(session: Session(settings: settings))
        for source in ["map(range(0, 500), fn(k) = if k > 250 then k * 2 else k)",
                       "len(filter(range(0, 500), fn(k) = k * 3 > 600))",
                       "count a in 1..40 step 1, b in 1..40 step 1 where a * b > 400"] {
            #expect(serial.value(source) == parallel.value(source), "\(source)")
        }
        #expect(parallel.value("len(filter(range(0, 500), fn(k) = k * 3 > 600))") == "299")
    }

    @Test func eachPartCallsItsOwnCopyOfTheFunctions() throws {
        // Named functions calling each other, one bound under two names, and a lambda that captures:
        // a part's copies give the serial answers.
        var settings = Settings()
        settings.jobs = 3
        var serial = SessionHarness(session: Session())
        var parallel = SessionHarness(session: Session(settings: settings))
        let setup = ["fn 平方(x) = x * x", "fn 加(x) = 平方(x) + 1", "let 别名 = 加", "let k = 7"]
        for line in setup { _ = serial.value(line); _ = parallel.value(line) }
        for source in ["sum(map(range(0, 600), 加))", "sum(map(range(0, 600), 别名))",
                       "sum(map(range(0, 600), fn(x) = 加(x) * k))", "len(filter(range(0, 600), fn(x) = 平方(x) > k * 1000))"] {
            #expect(serial.value(source) == parallel.value(source), "\(source)")
        }
        // The copies: every Suan function of the globals is a new object, compiled on the part's
        // thread, and one function bound twice is one copy; other values are the same.
        let main = parallel.session.interpreter
        var worker = main
        worker.takeOwnFunctions()
        let scope = parallel.session.scope
        guard let add = scope.slot("加"), let alias = scope.slot("别名"), let k = scope.slot("k"),
              case .function(.user(let original)) = main.globals[add],
              case .function(.user(let copy)) = worker.globals[add],
              case .function(.user(let aliasCopy)) = worker.globals[alias] else {
            Issue.record("no functions"); return
        }
        #expect(copy !== original)
        #expect(aliasCopy === copy)
        #expect(worker.globals[k].plainText == "7")
        guard case .function(.user(let mapped)) = worker.own(.function(.user(original))) else { Issue.record("not a function"); return }
        #expect(mapped === copy)
    }
}

