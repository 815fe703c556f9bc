#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// Runs work on a thread with a large stack, so that deep (but bounded) Suan recursion never
/// overflows the 8 MiB main-thread stack. The main thread only waits, with SIGINT blocked.
enum LargeStack {
    static let size = 512 * 1024 * 1024

    final class Job: @unchecked Sendable {
        let work: () -> Int32
        var status: Int32 = 0
        init(_ work: @escaping () -> Int32) { self.work = work }
    }

    static func run(_ work: @escaping () -> Int32) -> Int32 {
        let job = Job(work)
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        pthread_attr_setstacksize(&attributes, size)
        var thread = pthread_t()
        let context = Unmanaged.passRetained(job).toOpaque()
        let created = pthread_create(&thread, &attributes, { raw in
            let job = Unmanaged<Job>.fromOpaque(raw!).takeRetainedValue()
            job.status = job.work()
            return nil
        }, context)
        pthread_attr_destroy(&attributes)
        guard created == 0 else {
            Unmanaged<Job>.fromOpaque(context).release()
            return work()
        }
        // Signals such as Ctrl-C's SIGINT must reach the worker, whose blocking reads they interrupt.
        var blocked = sigset_t()
        sigemptyset(&blocked)
        sigaddset(&blocked, SIGINT)
        pthread_sigmask(SIG_BLOCK, &blocked, nil)
        pthread_join(thread, nil)
        return job.status
    }
}
