import Testing
import SuanTestSupport
@testable import SuanCore

/// A record keeps its values in its own storage, after the header (``Record/Storage``): copies
/// share it until one changes, fields are added and removed in place, and equality and the type of
/// shared records are worked out once per storage.
@Suite struct RecordStorageTests {
    func money(_ n: Int) -> Value { .money(ExactDecimal(n), .wan) }

    func same(_ a: Value?, _ b: Value) -> Bool { a.map { (try? Arithmetic.equalValues($0, b)) == true } ?? false }

    @Test func aCopyKeepsItsValuesWhenTheOtherChanges() {
        var a = Record(kind: .project, keys: ["名称", "预算"], values: [.string("甲"), money(1)])
        let b = a
        #expect(a.isIdentical(to: b))
        a["预算"] = money(2)
        a["执行"] = money(3)
        a.kind = .indicator
        #expect(!a.isIdentical(to: b))
        #expect(b.keys == ["名称", "预算"] && b.count == 2 && b.kind == .project)
        #expect(same(b["预算"], money(1)))
        #expect(a.keys == ["名称", "预算", "执行"] && a.kind == .indicator)
        #expect(same(a["执行"], money(3)))
    }

    @Test func aRecordNothingElseHoldsChangesInPlace() {
        var a = Record(keys: ["x"], values: [money(1)])
        a.reserve(3)
        let before = a
        a.setValue(money(5), at: 0)
        // `before` holds the storage, so the write copied it; now `a` alone holds its own.
        #expect(!a.isIdentical(to: before))
        a.append("y", money(6))
        a.append("z", money(7))
        #expect(a.values.count == 3 && a.keys == ["x", "y", "z"])
        #expect(same(before["x"], money(1)) && before.count == 1)
    }

    /// `reserve` on a shared record makes its own copy, with the room (a scenario's year is copied
    /// once, not again to grow): the other holder keeps its fields, whatever is changed after.
    @Test func reservingOnASharedRecordMakesItsOwnCopy() {
        var a = Record(kind: .year, keys: ["名称", "预算"], values: [.string("甲"), money(1)])
        let base = a
        a.reserve(2)
        #expect(!a.isIdentical(to: base))
        a.kind = .scenario
        a.remove(at: 0)
        a.append("基于", .string("甲"))
        a.append("根", .string("甲"))
        #expect(a.keys == ["预算", "基于", "根"] && a.kind == .scenario && same(a["预算"], money(1)))
        #expect(base.keys == ["名称", "预算"] && base.kind == .year && base.count == 2 && same(base["名称"], .string("甲")))
    }

    @Test func manyFieldsAddedAndRemovedKeepTheirOrder() {
        var r = Record()
        for i in 0..<1000 { r["f\(i)"] = money(i) }
        #expect(r.count == 1000)
        for i in stride(from: 998, through: 0, by: -2) { r["f\(i)"] = nil }
        #expect(r.count == 500)
        #expect(r.keys.first == "f1" && r.keys.last == "f999")
        for (k, v) in r.entries { #expect(same(v, money(Int(k.dropFirst())!))) }
        #expect(r["f500"] == nil)
        #expect(r.index(of: "f999") == 499)
    }

    @Test func removingAFieldTakesItsSpanToo() {
        let spans = (0..<3).map { SourceSpan(file: 0, start: $0, end: $0 + 1) }
        var r = Record(kind: .project, keys: ["a", "b", "c"], values: [money(1), money(2), money(3)], spans: spans)
        r["b"] = nil
        #expect(r.keys == ["a", "c"] && r.spans == [spans[0], spans[2]])
        #expect(r.span(of: "c") == spans[2])
    }

    @Test func sharedKeysAreTakenOnlyWhenTheyAreTheSameNames() {
        let names = ["名称", "预算"]
        var r = Record(keys: ["名称", "预算"], values: [.string("甲"), money(1)])
        r.share(keys: ["名称", "执行"])
        #expect(r.keys == ["名称", "预算"])
        r.share(keys: names)
        #expect(r.keys.withUnsafeBufferPointer { $0.baseAddress } == names.withUnsafeBufferPointer { $0.baseAddress })
    }

    /// Every field of 600,000 records is a `Value`: a quantity's or a rate's tag is boxed so that
    /// a value is a decimal, its unit and the case (the year of 100,000 projects: 56 MB less).
    @Test func valuesStayThirtyTwoBytes() {
        #expect(MemoryLayout<Value>.stride == 32)
        let q = Value.quantity(ExactDecimal(7730), "件"), copy = q
        if case .quantity(let n, let tag) = copy { #expect(n == ExactDecimal(7730) && tag == "件") } else { Issue.record("not a quantity") }
        let r = Value.rate(ExactDecimal(1500), .wan, "件")
        if case .rate(let n, let unit, let tag) = r { #expect(n == ExactDecimal(1500) && unit == .wan && tag == "件") } else { Issue.record("not a rate") }
    }

    @Test func equalityAndTypesOfRecordsThatShareThemselves() {
        var h = SessionHarness()
        // 2⁶⁰ leaves in 60 records: linear only if each shared storage is compared and typed once.
        h.run("fn deep(x, n) = if n == 0 then x else deep({l: x, r: x}, n - 1)")
        #expect(h.value("deep({v: 1万元}, 60) == deep({v: 1万元}, 60)") == "true")
        #expect(h.value("deep({v: 1万元}, 60) == deep({v: 2万元}, 60)") == "false")
        #expect(h.value("{a: 1, b: [1, 2]} == {a: 1, b: [1, 2]}") == "true")
        #expect(h.value("{a: 1, b: 2} == {b: 2, a: 1}") == "false")
    }
}
