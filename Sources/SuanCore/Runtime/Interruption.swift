import Synchronization

/// The Ctrl-C flag: a signal handler or the REPL sets it; the interpreter polls it at calls and loop steps.
/// A run may also be stopped alone, by the ``StopRequest`` installed on its thread (`suan serve`'s
/// deadline per run).
public enum Interruption {
    public static let requested = Atomic<Bool>(false)

    @inline(__always)
    public static var pending: Bool {
        requested.load(ordering: .relaxed)
            || (StopRequest.installedCount.load(ordering: .relaxed) > 0 && StopRequest.current?.isRequested == true)
    }

    public static func request() { requested.store(true, ordering: .relaxed) }

    /// The SIGINT handler. Declared here, not as a closure in top-level code, because top-level
    /// code is main-actor isolated and a signal arrives on whichever thread is running.
    public static let signalHandler: @convention(c) (Int32) -> Void = { _ in
        Interruption.requested.store(true, ordering: .relaxed)
    }
    public static func clear() { requested.store(false, ordering: .relaxed) }
}
