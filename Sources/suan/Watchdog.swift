@preconcurrency import Glibc
import SuanCommandLine
import SuanCore
import Synchronization

/// `--timeout`: after the given time, asks the evaluator to stop, as Ctrl-C does; the run then
/// ends with a "timed out" message and exit status 1.
///
/// The backstop: every loop that can run long polls ``Interruption``, but if one does not (a
/// loop in code that has not learnt to), a script still ends: when a stop request stays
/// unanswered for ``grace`` seconds, the process exits at once (1 for `--timeout`, 130 for Ctrl-C).
/// The REPL turns the backstop off: there Ctrl-C returns to the prompt.
enum Watchdog {
    final class Deadline: @unchecked Sendable {
        let seconds: Double
        init(_ seconds: Double) { self.seconds = seconds }
    }

    /// Seconds a stop request may stay unanswered before the backstop ends the process.
    static let grace = 2.0
    static let backstopEnabled = Atomic<Bool>(false)

    static func start(after seconds: Double) {
        var thread = pthread_t()
        let context = Unmanaged.passRetained(Deadline(seconds)).toOpaque()
        pthread_create(&thread, nil, { raw in
            let deadline = Unmanaged<Deadline>.fromOpaque(raw!).takeRetainedValue()
            Watchdog.pause(seconds: deadline.seconds)
            TimedOut.flag.store(true, ordering: .relaxed)
            Interruption.request()
            return nil
        }, context)
        pthread_detach(thread)
    }

    /// Starts the backstop thread (scripts and -e); ``stopBackstop()`` before entering the REPL.
    /// The two messages the backstop may print, made before any signal arrives.
    final class Messages: @unchecked Sendable {
        let timedOut: String, interrupted: String
        init(_ words: CommandWords) { timedOut = words.timedOut + "\n"; interrupted = words.interrupted + "\n" }
    }

    static func startBackstop(_ words: CommandWords) {
        backstopEnabled.store(true, ordering: .relaxed)
        var thread = pthread_t()
        let context = Unmanaged.passRetained(Messages(words)).toOpaque()
        pthread_create(&thread, nil, { raw in
            let messages = Unmanaged<Messages>.fromOpaque(raw!).takeRetainedValue()
            var pendingFor = 0.0
            let tick = 0.1
            while true {
                Watchdog.pause(seconds: tick)
                pendingFor = Interruption.pending ? pendingFor + tick : 0
                guard pendingFor >= Watchdog.grace, Watchdog.backstopEnabled.load(ordering: .relaxed) else { continue }
                let timedOut = TimedOut.flag.load(ordering: .relaxed)
                let message = timedOut ? messages.timedOut : messages.interrupted
                _ = message.withCString { write(2, $0, strlen($0)) }
                fflush(stdout)
                _exit(timedOut ? 1 : 130)
            }
        }, context)
        pthread_detach(thread)
    }

    static func stopBackstop() { backstopEnabled.store(false, ordering: .relaxed) }

    static func pause(seconds: Double) {
        var time = timespec(tv_sec: Int(seconds), tv_nsec: Int((seconds - Double(Int(seconds))) * 1e9))
        var remaining = timespec()
        while nanosleep(&time, &remaining) != 0 { time = remaining }
    }
}
