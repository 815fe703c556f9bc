#if canImport(Glibc)
import Glibc
#endif

/// glibc's `pthread_getattr_np`, which `Glibc` does not export to Swift.
@_silgen_name("pthread_getattr_np")
private func threadAttributes(_ thread: pthread_t, _ attributes: UnsafeMutablePointer<pthread_attr_t>) -> Int32

/// The native stack's remaining room, checked where parsing, checking and evaluation recurse.
///
/// A limit counted in calls cannot protect the stack on its own: how much stack one Suan call takes
/// depends on how deep the expressions inside it are. So the recursive passes also compare the
/// address of a local with the lowest address this thread may use (the bottom of its stack plus a
/// margin for the work between two checks: rendering, builtins, a single deep expression), and stop
/// with a positioned `stack-limit` error when they pass it.
///
/// Defaults: the margin is a quarter of the stack, at most 16 MiB (Session work runs on a 512 MiB
/// ``LargeStack`` thread). When the bounds cannot be read, the guard never fires.
struct StackGuard: Sendable {
    /// The lowest stack address that work may reach before it must stop.
    let floor: UInt

    /// The guard for the calling thread.
    static func current() -> StackGuard {
        var attributes = pthread_attr_t()
        guard threadAttributes(pthread_self(), &attributes) == 0 else { return StackGuard(floor: 0) }
        defer { pthread_attr_destroy(&attributes) }
        var low: UnsafeMutableRawPointer?
        var size = 0
        guard pthread_attr_getstack(&attributes, &low, &size) == 0, let low, size > 0 else { return StackGuard(floor: 0) }
        let margin = min(size / 4, 16 * 1024 * 1024)
        let bottom = UInt(bitPattern: low)
        // The bounds must contain the caller's frame; if they do not (an unusual thread), stay silent.
        let here = StackGuard.address
        guard here > bottom, here - bottom <= UInt(size) else { return StackGuard(floor: 0) }
        return StackGuard(floor: bottom + UInt(margin))
    }

    /// The address of a local of the caller's frame (stacks grow downwards on supported platforms).
    @inline(__always)
    static var address: UInt {
        var marker: UInt8 = 0
        return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
    }

    /// Whether the stack is within the margin of its end.
    @inline(__always)
    var exhausted: Bool { StackGuard.address < floor }

    /// The error for work that would overflow the stack.
    static func failure(_ span: SourceSpan) -> Diagnostic {
        Diagnostic(id: .stackLimit, "this nests too deeply for the stack (deep recursion over deep expressions); simplify it or split it with let",
                   at: span)
    }
}
