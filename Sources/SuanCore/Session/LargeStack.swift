#if canImport(Glibc)
import Glibc
#endif

/// glibc's `pthread_getattr_np`, which `Glibc` does not export to Swift.
@_silgen_name("pthread_getattr_np")
private func pthreadAttributes(_ thread: pthread_t, _ attributes: UnsafeMutablePointer<pthread_attr_t>) -> Int32

/// Runs work on a thread with a large stack, so that deep but bounded recursion (400 Suan calls,
/// 200 nested brackets) is decided by Suan's limits, never by the size of the caller's stack —
/// test runners and libraries call the ``Session`` from threads of 512 KiB.
public enum LargeStack {
    public static let size = 512 * 1024 * 1024
    /// A thread with at least this much stack runs the work directly.
    static let enough = 64 * 1024 * 1024

    final class Job<T>: @unchecked Sendable {
        let work: () -> T
        var result: T?
        init(_ work: @escaping () -> T) { self.work = work }
    }

    /// The current thread's stack size, or 0 when it cannot be read.
    static var currentStackSize: Int {
        var attributes = pthread_attr_t()
        guard pthreadAttributes(pthread_self(), &attributes) == 0 else { return 0 }
        defer { pthread_attr_destroy(&attributes) }
        var size = 0
        pthread_attr_getstacksize(&attributes, &size)
        return size
    }

    /// Runs `work` on a large stack and waits for it. With `blockingInterrupts`, the waiting thread
    /// blocks SIGINT so that Ctrl-C reaches the worker, whose blocking reads it must interrupt.
    public static func run<T>(blockingInterrupts: Bool = false, _ work: () -> T) -> T {
        if !blockingInterrupts && currentStackSize >= enough { return work() }
        return withoutActuallyEscaping(work) { escaping in
            let job = Job<T>(following: StopRequest.current, escaping)
            guard let thread = start(job) else { return escaping() }
            if blockingInterrupts {
                var blocked = sigset_t()
                sigemptyset(&blocked)
                sigaddset(&blocked, SIGINT)
                pthread_sigmask(SIG_BLOCK, &blocked, nil)
            }
            pthread_join(thread, nil)
            return job.result!
        }
    }

    /// Runs independent pieces of work at once, the first on the calling thread and each other on a
    /// thread of its own with the same large stack, and returns their results in order. Threads, not
    /// Swift tasks: a task runs on a small cooperative stack, where deep recursion would stop with
    /// `stack-limit` sooner than the same work run serially on the session's thread.
    public static func runAll<T>(_ works: [@Sendable () -> T]) -> [T] {
        guard let first = works.first else { return [] }
        let stop = StopRequest.current
        let jobs = works.dropFirst().map { Job<T>(following: stop, $0) }
        let threads = jobs.map { start($0) }
        var results = [first()]
        for (job, thread) in zip(jobs, threads) {
            if let thread { pthread_join(thread, nil) } else { job.runJob() }
            results.append(job.result!)
        }
        return results
    }

    /// Starts `job` on a new thread with a ``size`` stack; nil when no thread could be made.
    private static func start(_ job: Runnable) -> pthread_t? {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        pthread_attr_setstacksize(&attributes, size)
        defer { pthread_attr_destroy(&attributes) }
        var thread = pthread_t()
        let context = Unmanaged.passRetained(job as AnyObject).toOpaque()
        let created = pthread_create(&thread, &attributes, { raw in
            let job = Unmanaged<AnyObject>.fromOpaque(raw!).takeRetainedValue()
            (job as! Runnable).runJob()
            return nil
        }, context)
        guard created == 0 else {
            Unmanaged<AnyObject>.fromOpaque(context).release()
            return nil
        }
        return thread
    }
}

extension LargeStack.Job {
    /// A job that runs `work` under the caller's stop request (a served run's deadline), if any.
    convenience init(following stop: StopRequest?, _ work: @escaping () -> T) {
        self.init { stop.map { $0.installed(work) } ?? work() }
    }
}

/// Lets the C thread entry run a generic job without knowing its type.
protocol Runnable: AnyObject {
    func runJob()
}

extension LargeStack.Job: Runnable {
    func runJob() { result = work() }
}
