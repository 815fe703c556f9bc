import Foundation
import Testing

/// `--jobs N`: `map`, `filter`, `count` and `table` split long work across threads; what the user sees must
/// be what a serial run prints, byte for byte, and Ctrl-C must still stop the work.
@Suite(.timeLimit(.minutes(3))) struct ParallelJobsTests {
    /// A year of `count` projects with five scored indicators each, in the layout of
    /// `Benchmarks/generate.py`, with figures that vary from project to project.
    static func year(projects count: Int) -> String {
        func wan(_ cents: Int) -> String { "\(cents / 100).\(String(format: "%02d", cents % 100))" }
        var projects: [String] = []
        var total = 0
        for n in 0..<count {
            let budget = 1_000 + (n * 7_919) % 400_000, spent = budget - (n * 131) % (budget / 10)
            total += budget
            let made = 100 + (n * 37) % 9_000, complaints = 5 + n % 40, cover = 10 + n % 90
            projects.append("""
                    project "项目\(n)" { 预算: \(wan(budget))万元, 执行: \(wan(spent))万元, 指标: [
                      indicator "产出数量\(n)" { 类别: 产出.数量, 目标: >= \(made)件, 实际: \(made - made / 5 + (n * 13) % (made / 2 + 1))件, 分值: 30 },
                      indicator "合格率\(n)" { 类别: 产出.质量, 目标: >= 95%, 实际: \(80 + n % 21)%, 分值: 20 },
                      indicator "投诉\(n)" { 类别: 效益.社会效益, 目标: <= \(complaints)件, 实际: \(complaints + n % 7 - 3)件, 分值: 30 },
                      indicator "满意度\(n)" { 类别: 满意度.满意度, 目标: >= 90%, 实际: \(80 + (n * 3) % 21)%, 分值: 10 },
                      indicator "覆盖\(n)" { 类别: 效益.社会效益, 目标: >= \(cover)个, 实际: \(cover + n % 11 - 5)个, 分值: 0 }
                    ] }
                """)
        }
        return """
            year 2030 {
              部门: "并行测试部门"
              收入: { 拨款: \(wan(total + 100_000))万元 }
              基本支出: 1000万元
              项目支出: \(wan(total))万元
              项目: [
            \(projects.joined(separator: ",\n"))
              ]
            }

            """
    }

    /// Work that splits: scores and grades of 200 projects, a filter over them, an ordered map,
    /// scenarios that raise warnings, a one- and a two-variable `count`, a `count` that meets an
    /// unknown, a two-variable `table` of 501 rows (two batches), and a `map` that fails at its 701st item (the first
    /// error in list order is the one reported, as in a serial run).
    static let workload = [
        "load \"parallel-year.suan\"",
        "sum(map(项目, score))",
        "map(项目, grade)",
        "len(filter(项目, fn(p) = grade(p) == \"优\"))",
        "map(range(0, 2000), fn(k) = k * 3)",
        "map(range(0, 70), fn(k) = (scenario from y2030 { 基本支出 -= k * 500万元 }).基本支出)",
        "count k in 1..100 step 1 where (scenario from y2030 { 基本支出 -= k * 0.01万元 }).项目支出占比 > 99.9%",
        "count a in 0%..5% step 0.05%, b in 0%..5% step 0.05% where (项目支出 + b) / (基本支出 - a + (项目支出 + b)) >= 99.99%",
        "count k in 1..500 step 1 where (if k < 400 then true else unknown)",
        "table a in 0%..5% step 0.01%, b in 0%..2% step 0.5% { round((项目支出 + b) / (基本支出 - a + (项目支出 + b)), 0.01%) }",
        "map(range(0, 1000), fn(k) = if k == 700 or k == 900 then 1 / 0 else k)",
    ]

    /// A run stops at its first error: the table that fails in its second batch runs on its own.
    static let failingTable = ["load 2022", "table k in 0..400 step 1 { k * 2, if k < 300 then k else 1 / 0 }"]

    func run(_ workload: [String] = workload, jobs: Int, in directory: URL) throws -> Binary.Outcome {
        try Binary.run(["--jobs", "\(jobs)"] + workload.flatMap { ["-e", $0] }, directory: directory)
    }

    @Test func parallelRunsPrintWhatASerialRunPrints() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("suan-jobs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Self.year(projects: 200).write(to: dir.appendingPathComponent("parallel-year.suan"), atomically: true, encoding: .utf8)
        let serial = try run(jobs: 1, in: dir)
        #expect(serial.status == 1)
        #expect(serial.stderr.contains("warning:") && serial.stderr.contains("error:"))
        #expect(serial.stdout.contains("—"), "the count that meets an unknown answers unknown")
        #expect(serial.stdout.contains("优"))
        for jobs in [2, 3, 8] {
            let parallel = try run(jobs: jobs, in: dir)
            #expect(parallel.stdout == serial.stdout, "--jobs \(jobs)")
            #expect(parallel.stderr == serial.stderr, "--jobs \(jobs)")
            #expect(parallel.status == serial.status)
        }
        // The first batch of 256 rows prints before the error in the second; so it must split.
        let failing = try run(Self.failingTable, jobs: 1, in: dir)
        #expect(failing.status == 1 && failing.stderr.contains("error:") && failing.stdout.contains("255"))
        #expect(try run(Self.failingTable, jobs: 2, in: dir).stdout == failing.stdout)
    }

    /// A serial `count` answers unknown at its first unknown cell and never reaches a later cell's
    /// error; a split one must not report that error either.
    @Test func aCountThatMeetsAnUnknownAnswersUnknownWhateverFollows() throws {
        let grid = "count x in 1..200 step 1 where (if x < 3 then unknown else 1/(x-150) > 0)"
        for jobs in [1, 2, 4] {
            let r = try Binary.run(["--jobs", "\(jobs)", "-e", grid])
            #expect(r.status == 0, "--jobs \(jobs): \(r.stderr)")
            #expect(r.stdout == "—\n", "--jobs \(jobs)")
        }
    }

    /// An error in a long `map` or `count` names the item (its index) or the cell it arose at — the one a
    /// serial run meets first, whichever part of a split meets it.
    @Test func anErrorNamesItsItemOrCellAsASerialRunDoes() throws {
        let cases = [("map(range(0, 1000), fn(x) = 1/(x - 700))", "note: at index 700 of the list that map went through"),
                     ("filter(range(0, 1000), fn(x) = 1/(x - 300) > 0)", "note: at index 300 of the list that filter went through"),
                     ("count k in 1..2000 step 1, j in 1..3 step 1 where 1/(k - j - 1500) > 0", "note: at the cell k = 1501, j = 1 of the count"),
                     ("table r in 1..1000 step 1 { r, 1 / (r - 900) }", "note: at the cell r = 900 of the table")]
        for (expression, note) in cases {
            for jobs in [1, 2, 3] {
                let r = try Binary.run(["--jobs", "\(jobs)", "-e", expression])
                #expect(r.status == 1 && r.stderr.contains("division by zero"), "--jobs \(jobs): \(r.stderr)")
                #expect(r.stderr.contains(note), "--jobs \(jobs): \(r.stderr)")
            }
        }
        let zh = try Binary.run(["-e", "map([1, 0], fn(x) = 1/x)"], environment: ["SUAN_LANG": "zh"])
        #expect(zh.stderr.contains("注意：出错的是下标 1 的一项（map 遍历的列表）"), "\(zh.stderr)")
    }

    @Test func jobsMustBeAPositiveCount() throws {
        for bad in ["0", "-1", "257", "many"] {
            let r = try Binary.run(["--jobs", bad, "-e", "1"])
            #expect(r.status == 2, "--jobs \(bad)")
            // A negative count is a value out of range, not a missing value.
            if bad != "many" { #expect(r.stderr.contains("between 1 and 256"), "--jobs \(bad): \(r.stderr)") }
        }
    }

    @Test func ctrlCStopsAParallelGrid() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Binary.path)
        // Minutes of work on any machine: a 3,000 × 3,000 grid of recursive calls.
        process.arguments = ["--jobs", "2", "-e", "fn f(n) = if n <= 0 then 0 else f(n - 1) + 1",
                             "-e", "count a in 1..3000 step 1, b in 1..3000 step 1 where f(30) + a > b"]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        Thread.sleep(forTimeInterval: 1)
        #expect(process.isRunning)
        process.interrupt()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 130)
        #expect(String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).contains("interrupted"))
    }
}
