#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// A request to stop the runs of one thread, where ``Interruption``'s flag stops every run in the
/// process: `suan serve` gives each run of a session one, so that a run past its deadline stops
/// without touching the runs of other sessions.
///
/// The evaluator polls ``Interruption/pending``, which reads the current thread's request after the
/// process-wide flag; while no thread has a request installed, that costs one atomic load.
///
///     let stop = StopRequest()
///     let status = stop.installed { session.run(text, name: "<web>", transactional: true) { _ in } }
///     // from another thread, at the deadline:  stop.request()
public final class StopRequest: Sendable {
    let flag = Atomic<Bool>(false)

    public init() {}

    /// Asks the run to stop at its next poll.
    public func request() { flag.store(true, ordering: .relaxed) }

    public var isRequested: Bool { flag.load(ordering: .relaxed) }

    /// How many threads have a request installed: while none has, ``Interruption/pending`` reads
    /// no thread-local storage.
    static let installedCount = Atomic<Int>(0)

    /// The key of the thread-local slot holding the current thread's request (unretained).
    static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    /// The request installed on the current thread, if any.
    public static var current: StopRequest? {
        guard let raw = pthread_getspecific(key) else { return nil }
        return Unmanaged<StopRequest>.fromOpaque(raw).takeUnretainedValue()
    }

    /// Runs `work` with this request installed on the current thread; the previous one is restored after.
    public func installed<T>(_ work: () throws -> T) rethrows -> T {
        let previous = pthread_getspecific(StopRequest.key)
        pthread_setspecific(StopRequest.key, Unmanaged.passUnretained(self).toOpaque())
        StopRequest.installedCount.add(1, ordering: .relaxed)
        defer {
            StopRequest.installedCount.subtract(1, ordering: .relaxed)
            pthread_setspecific(StopRequest.key, previous)
        }
        return try withExtendedLifetime(self) { try work() }
    }
}
