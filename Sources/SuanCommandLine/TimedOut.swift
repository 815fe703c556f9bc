import Synchronization

/// Whether the interruption came from `--timeout` rather than Ctrl-C.
package enum TimedOut {
    package static let flag = Atomic<Bool>(false)
}
