import Testing
import SuanTestSupport
@testable import SuanCore

/// Issue 14: calls keep their frames on a per-thread stack (``FrameStack``), and conditions are
/// compiled to their truth (``Interpreter/compileTest(_:span:)``) — same answers, same errors.
@Suite struct FrameStackTests {
    /// Frames pushed past the end of a chunk go on a new one, keep their values, and pop back in
    /// order; a frame larger than any chunk gets one of its own.
    @Test func framesCrossChunksAndKeepTheirValues() {
        let stack = FrameStack()
        var bases: [UnsafeMutablePointer<Value>] = []
        // 700 frames of 7 values: several chunks (the first holds 1,024 values).
        for n in 0..<700 {
            let base = stack.push(7)
            base.initialize(repeating: .number(ExactDecimal(n)), count: 7)
            bases.append(base)
        }
        let huge = stack.push(10 * FrameStack.firstChunk)
        huge.initialize(repeating: .string("大"), count: 10 * FrameStack.firstChunk)
        huge.deinitialize(count: 10 * FrameStack.firstChunk)
        stack.pop(to: huge)
        for (n, base) in bases.enumerated().reversed() {
            for k in 0..<7 { #expect(base[k].decimal == ExactDecimal(n), "frame \(n) slot \(k)") }
            base.deinitialize(count: 7)
            stack.pop(to: base)
        }
        // Empty again: the next frame starts where the first did.
        let again = stack.push(3)
        #expect(again == bases[0])
        stack.pop(to: again)
    }

    /// Recursion deeper than a chunk of frames (the harness allows 400 levels), with a capture in
    /// each frame of the second.
    @Test func deepRecursionAnswersAsBefore() {
        var h = SessionHarness()
        h.run("fn 深(n, a, b, c, d, e) = if n == 0 then a + b + c + d + e else n + 深(n - 1, a, b, c, d, e)")
        #expect(h.value("深(390, 1, 2, 3, 4, 5)") == "76,260")
        h.run("fn 加(k) = fn(x) = x + k")
        h.run("fn 链(n, acc) = if n == 0 then acc else 链(n - 1, 加(n)(acc))")
        #expect(h.value("链(190, 0)") == "18,145")
        #expect(h.value("map(range(0, 4), fn(i) = 深(i * 100, 0, 0, 0, 0, 1))") == "[1, 5051, 20,101, 45,151]")
    }

    /// An argument that fails takes its half-built frame off the stack, whichever way the call
    /// was compiled (a named function with one, two or more arguments, or a computed one).
    @Test func aFailingArgumentLeavesTheStackAsItWas() throws {
        let span = SourceSpan(file: 0, start: 0, end: 1)
        let failing = Code.arithmetic(.divide, .constant(.number(ExactDecimal(1))), .constant(.number(ExactDecimal(0))), span)
        for arity in 1...3 {
            let u = UserFunction(name: "f", parameters: (0..<arity).map { "p\($0)" }, body: .local(0), frameSize: arity + 1, span: span)
            let interpreter = Interpreter(globals: [.function(.user(u))], settings: Settings(), domain: NoDomain())
            let mark = interpreter.frames.push(0)
            interpreter.frames.pop(to: mark)
            let arguments = Array(repeating: Code.constant(.number(ExactDecimal(7))), count: arity - 1) + [failing]
            let storage = Interpreter.Frame.Storage(count: 0)
            var frame = storage.frame
            for callee in [Code.global(0), .conditional(.constant(.bool(true)), .global(0), .global(0), span)] {
                #expect(throws: Diagnostic.self) { try Interpreter.compile(.call(callee, arguments, span))(interpreter, &frame, 0) }
                #expect(interpreter.frames.push(0) == mark, "arity \(arity): the failed call's frame is off the stack")
                interpreter.frames.pop(to: mark)
                // The next call works on a clean frame.
                let ok = Array(repeating: Code.constant(.number(ExactDecimal(7))), count: arity)
                #expect(try Interpreter.compile(.call(callee, ok, span))(interpreter, &frame, 0).decimal == ExactDecimal(7))
            }
            withExtendedLifetime(storage) {}
        }
    }

    /// Conditions compiled to their truth give the value form's answers and errors.
    @Test func conditionsKeepTheirAnswersAndErrors() {
        var h = SessionHarness()
        #expect(h.value("if \"定性\" == \"定性\" then 1 else 2") == "1")
        #expect(h.value("if \"正向\" != \"定性\" and not (1 > 2) then 1 else 2") == "1")
        #expect(h.value("[not unknown, unknown and false, false and unknown, true or unknown]") == "[—, —, false, true]")
        #expect(h.value("if has({a: 1}, \"a\") and not has({a: 1}, \"b\") then \"yes\" else \"no\"") == "yes")
        #expect(h.errorID("if 1 then 2 else 3") == "type-mismatch")
        #expect(h.errorID("not 1") == "type-mismatch")
        #expect(h.errorID("1 and true") == "type-mismatch")
        #expect(h.errorID("if unknown > 1 then 1 else 2") == "unknown-condition")
    }
}
