@preconcurrency import Glibc
import SuanCore

/// `--timeout`: after the given time, asks the evaluator to stop, as Ctrl-C does; the run then
/// ends with a "timed out" message and exit status 1.
enum Watchdog {
    final class Deadline: @unchecked Sendable {
        let seconds: Double
        init(_ seconds: Double) { self.seconds = seconds }
    }

    static func start(after seconds: Double) {
        var thread = pthread_t()
        let context = Unmanaged.passRetained(Deadline(seconds)).toOpaque()
        pthread_create(&thread, nil, { raw in
            let deadline = Unmanaged<Deadline>.fromOpaque(raw!).takeRetainedValue()
            var time = timespec(tv_sec: Int(deadline.seconds), tv_nsec: Int((deadline.seconds - Double(Int(deadline.seconds))) * 1e9))
            var remaining = timespec()
            while nanosleep(&time, &remaining) != 0 { time = remaining }
            TimedOut.flag.store(true, ordering: .relaxed)
            Interruption.request()
            return nil
        }, context)
        pthread_detach(thread)
    }
}
