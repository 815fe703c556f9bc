import Dispatch
import SuanCore
import SuanReply
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// One session of `suan serve` and the thread it runs on.
///
/// `Session.run` is synchronous and may run for seconds; it must not hold a thread of Swift's
/// cooperative pool (two on a two-core machine), so each session has a thread of its own with
/// ``LargeStack/size`` of stack, which waits for runs and evaluates them there. A run gets a
/// ``StopRequest`` that a timer sets at the deadline (`--timeout`): that run stops, the others go
/// on. Should a run not stop within the grace after that, its request is answered with
/// ``ServeError/stuck(seconds:)`` and the worker is marked ``isStuck`` for the store to drop.
///
/// The ``Session`` value is touched only by the worker's own thread, which is why the class is
/// `@unchecked Sendable`; everything shared goes through the mutex.
final class SessionWorker: @unchecked Sendable {
    /// What the thread is asked to do next.
    enum Job {
        /// Run a piece of source and leave the reply in the box.
        /// Source to run; `exports` also renders the run's tables as CSV, Markdown and a workbook.
        case run(String, exports: Bool, ReplyBox)
        /// End the thread.
        case stop
    }

    let id: String
    let limits: ServeLimits
    /// Owned by the worker thread (see the type's comment).
    private var session: Session
    private var runs = 0
    private let queue = Mutex<[Job]>([])
    private let wake = DispatchSemaphore(value: 0)
    private let busyFlag = Atomic<Bool>(false)
    private let stuckFlag = Atomic<Bool>(false)
    /// Counts the runs accepted, so that a timer of an earlier run never touches a later one.
    private let generation = Atomic<Int>(0)
    /// When the session last finished a run or was opened (seconds, monotonic).
    private let lastUsedTime = Atomic<UInt64>(SessionWorker.now)

    init(id: String, session: Session, limits: ServeLimits) {
        self.id = id
        self.session = session
        self.limits = limits
    }

    /// Whether a run is going on or waiting.
    var isBusy: Bool { busyFlag.load(ordering: .relaxed) }
    /// Whether a run did not stop after its deadline (the thread is lost; the session is closed).
    var isStuck: Bool { stuckFlag.load(ordering: .relaxed) }
    /// Seconds since the session last finished a run.
    var idleSeconds: Double { Double(SessionWorker.now &- lastUsedTime.load(ordering: .relaxed)) / 1e9 }

    static var now: UInt64 { DispatchTime.now().uptimeNanoseconds }

    /// Starts the worker thread; false when the system would not make one.
    func start() -> Bool {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, LargeStack.size)
        var thread = pthread_t()
        let context = Unmanaged.passRetained(self).toOpaque()
        let created = pthread_create(&thread, &attributes, { raw in
            guard let raw else { return nil }
            Unmanaged<SessionWorker>.fromOpaque(raw).takeRetainedValue().loop()
            return nil
        }, context)
        guard created == 0 else {
            Unmanaged<SessionWorker>.fromOpaque(context).release()
            return false
        }
        pthread_detach(thread)
        return true
    }

    /// Runs `text` in the session; fails with ``ServeError/busy`` while a run is going on.
    func run(_ text: String, exports: Bool = false) async -> ReplyBox.Answer {
        guard busyFlag.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged else {
            return .failed(.busy)
        }
        let box = ReplyBox()
        let seconds = limits.runSeconds, grace = limits.graceSeconds
        let number = generation.add(1, ordering: .relaxed).newValue
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds + grace) { [weak self] in
            guard let self, self.isBusy, self.generation.load(ordering: .relaxed) == number else { return }
            self.stuckFlag.store(true, ordering: .relaxed)
            box.answer(.failed(.stuck(seconds: grace)))
        }
        queue.withLock { $0.append(.run(text, exports: exports, box)) }
        wake.signal()
        return await box.wait()
    }

    /// Ends the worker thread once its current run, if any, is over.
    func close() {
        queue.withLock { $0.append(.stop) }
        wake.signal()
    }

    /// The worker thread: waits for jobs and runs them, until `close()`.
    private func loop() {
        while true {
            wake.wait()
            let next: Job? = queue.withLock { $0.isEmpty ? nil : $0.removeFirst() }
            guard case .run(let text, let exports, let box) = next else {
                if case .stop = next { return }
                continue
            }
            let reply = execute(text, exports: exports)
            lastUsedTime.store(SessionWorker.now, ordering: .relaxed)
            busyFlag.store(false, ordering: .relaxed)
            box.answer(.reply(reply))
        }
    }

    /// Runs one piece of source as the REPL does (a failure leaves the session as it was).
    private func execute(_ text: String, exports: Bool) -> ServeReply {
        runs += 1
        let stop = StopRequest()
        let deadline = DispatchWorkItem { stop.request() }
        DispatchQueue.global().asyncAfter(deadline: .now() + limits.runSeconds, execute: deadline)
        defer { deadline.cancel() }
        var collector = RunReply.Collector()
        let status = stop.installed {
            session.run(text, name: "<input:\(runs)>", transactional: true) { collector.take($0) }
        }
        return ServeReply(collector, status: status, timedOut: stop.isRequested ? limits.runSeconds : nil, session: session, exports: exports)
    }
}
