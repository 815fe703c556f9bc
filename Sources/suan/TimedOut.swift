import Synchronization

/// Whether the interruption came from `--timeout` rather than Ctrl-C.
enum TimedOut {
    static let flag = Atomic<Bool>(false)
}
