extension Interpreter {
    /// The local variables of a running function (its parameters, captures and `let`s), or of a
    /// statement (`solve`, `table` and `count` variables): a window of `count` values, read and
    /// written by slot.
    ///
    /// A call's frame is a window of its thread's ``FrameStack``, so a call allocates nothing: an
    /// array per call, allocated and freed again, was a sixth of scoring's instructions. A
    /// statement's frame, and the copy a part of a split takes, live in a ``Frame/Storage``.
    ///
    /// A frame does not own its values: whoever made it (a call, a storage) releases them. It is
    /// `@unchecked Sendable` so that a split's parts can copy their caller's frame (``Storage/init(copying:)``)
    /// while the caller waits.
    struct Frame: @unchecked Sendable {
        let base: UnsafeMutablePointer<Value>
        let count: Int

        @inline(__always)
        subscript(slot: Int) -> Value {
            unsafeAddress { UnsafePointer(base + slot) }
            nonmutating unsafeMutableAddress { base + slot }
        }

        /// Values owned outside any call: a statement's frame (all unknown to begin with), or a
        /// part's copy of its caller's.
        final class Storage {
            let frame: Frame

            /// `count` unknown values.
            init(count: Int) {
                let base = UnsafeMutablePointer<Value>.allocate(capacity: Swift.max(count, 1))
                base.initialize(repeating: .unknown, count: count)
                frame = Frame(base: base, count: count)
            }

            /// A copy of the values of `frame`.
            init(copying other: Frame) {
                let base = UnsafeMutablePointer<Value>.allocate(capacity: Swift.max(other.count, 1))
                base.initialize(from: other.base, count: other.count)
                frame = Frame(base: base, count: other.count)
            }

            deinit {
                frame.base.deinitialize(count: frame.count)
                frame.base.deallocate()
            }
        }
    }
}

extension UserFunction {
    /// The values a call's frame holds with `arguments` arguments: the function's own frame size,
    /// or more when its captures follow the arguments.
    @inline(__always)
    func callFrameSize(arguments: Int) -> Int { Swift.max(frameSize, arguments + captured.count) }
}
