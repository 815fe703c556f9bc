import Foundation
import Testing

/// A field read (`r.a`) and `has(r, "a")` check the position the field had in the last record read
/// at that place in the code (issue 14, `FieldName`): records of other shapes, a field that is
/// missing after it was found, and the parts of a `--jobs` split reading through one site at once
/// must all give what a search by name gives.
@Suite(.timeLimit(.minutes(3))) struct FieldReadSiteTests {
    /// Records whose field `a` moves (first, second, third) or is missing, in a repeating order.
    static let shapes = "[{a: 1, b: 2}, {b: 3, a: 4}, {c: 5, b: 6, a: 7}, {b: 8}, {a: 9}]"

    @Test func aFieldThatMovesBetweenRecordsIsFoundWhereverItIs() throws {
        let r = try Binary.run(["-e", "map(\(Self.shapes), fn(r) = if has(r, \"a\") then r.a else 0)",
                                "-e", "map(\(Self.shapes), fn(r) = has(r, \"a\"))"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "[1, 4, 7, 0, 9]\n[true, true, true, false, true]\n")
    }

    @Test func aFieldMissingAfterItWasFoundIsAnError() throws {
        let r = try Binary.run(["-e", "map(\(Self.shapes), fn(r) = r.a)"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("error: no field 'a' here"), "\(r.stderr)")
    }

    /// 5,000 records of the five shapes: every part of a split reads through the same two sites.
    @Test func partsOfASplitReadThroughOneSiteAsASerialRunDoes() throws {
        let program = ["let rs = map(range(0, 5000), fn(k) = \(Self.shapes)[k - 5 * round(k / 5 - 0.4)])",
                       "map(rs, fn(r) = (if has(r, \"a\") then r.a else 0) + (if has(r, \"b\") then r.b else 0))"]
        let serial = try Binary.run(["--jobs", "1"] + program.flatMap { ["-e", $0] })
        #expect(serial.status == 0, "\(serial.stderr)")
        #expect(serial.stdout.hasPrefix("[3, 7, 13, 8, 9, 3, 7, 13, 8, 9, 3, "))
        for jobs in [2, 4] {
            let parallel = try Binary.run(["--jobs", "\(jobs)"] + program.flatMap { ["-e", $0] })
            #expect(parallel.stdout == serial.stdout, "--jobs \(jobs)")
        }
    }
}
