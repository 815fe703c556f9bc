#if canImport(Glibc)
import Glibc
#endif

/// The frames of one thread's running calls, one above the other in chunks of memory that are
/// allocated once and kept: entering a call moves the top up by the callee's frame size, and
/// returning moves it back (``Interpreter/Frame``).
///
/// Each interpreter has one, made on the thread that runs it; the parts of a split make their own
/// (``Interpreter/split(_:into:endingAt:_:)``), so a stack is only ever used by one thread, in
/// last-in-first-out order (debug builds check the thread).
final class FrameStack: @unchecked Sendable {
    /// The next free value, and the end of the chunk it is in.
    @exclusivity(unchecked) private var top: UnsafeMutablePointer<Value>?
    @exclusivity(unchecked) private var end: UnsafeMutablePointer<Value>?
    /// The start of the chunk `top` is in: a frame outside `start...top` is in an earlier chunk.
    @exclusivity(unchecked) private var start: UnsafeMutablePointer<Value>?
    /// Every chunk, in order, and the index of the one in use.
    @exclusivity(unchecked) private var chunks: [(start: UnsafeMutablePointer<Value>, end: UnsafeMutablePointer<Value>)] = []
    @exclusivity(unchecked) private var current = -1
#if DEBUG
    private let owner = pthread_self()
#endif

    /// Values in the first chunk; a later chunk is at least twice its predecessor.
    static let firstChunk = 1024

    init() {}

    deinit {
        for chunk in chunks { chunk.start.deallocate() }
    }

    /// Room for `count` values above the top, uninitialised: the caller initialises them, and
    /// deinitialises them before ``pop(to:)``.
    @inline(__always)
    func push(_ count: Int) -> UnsafeMutablePointer<Value> {
#if DEBUG
        precondition(pthread_equal(owner, pthread_self()) != 0, "a FrameStack used by a second thread")
#endif
        if let top, let end, end - top >= count {
            self.top = top + count
            return top
        }
        return pushInNewChunk(count)
    }

    /// Moves the top back to `base`, the start of the frame that was pushed last.
    @inline(__always)
    func pop(to base: UnsafeMutablePointer<Value>) {
        // Both bounds: an earlier chunk may lie above this one in memory.
        if let start, let top, base >= start, base <= top {
            self.top = base
        } else {
            popChunk(to: base)
        }
    }

    private func pushInNewChunk(_ count: Int) -> UnsafeMutablePointer<Value> {
        current += 1
        if current < chunks.count, chunks[current].end - chunks[current].start >= count {
            // A chunk kept from deeper calls before.
        } else {
            // Chunks past this one are too small for the frame: replace them with a larger one.
            for chunk in chunks[current...] { chunk.start.deallocate() }
            chunks.removeSubrange(current...)
            let previous = chunks.last.map { $0.end - $0.start } ?? FrameStack.firstChunk / 2
            let size = Swift.max(count, 2 * previous)
            let memory = UnsafeMutablePointer<Value>.allocate(capacity: size)
            chunks.append((memory, memory + size))
        }
        start = chunks[current].start
        end = chunks[current].end
        top = chunks[current].start + count
        return chunks[current].start
    }

    private func popChunk(to base: UnsafeMutablePointer<Value>) {
        // The frame is in an earlier chunk: the chunks above it hold no frames now.
        while current > 0, !(base >= chunks[current].start && base <= chunks[current].end) {
            current -= 1
        }
        start = chunks[current].start
        end = chunks[current].end
        top = base
    }
}
