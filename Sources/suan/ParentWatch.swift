@preconcurrency import Glibc

/// `suan --machine` ends when the program that started it does. Between requests the end of
/// standard input ends it, but during a long run nothing is read: a notebook kernel killed hard
/// (`shutdown_kernel(now=True)`, SIGKILL) would leave the run going on, re-parented to init, since
/// the kernel puts it in its own session (so that only the kernel's SIGINT reaches it). A thread
/// checks the parent's id and ends the process when it changes.
enum ParentWatch {
    /// How often the parent is checked (microseconds).
    static let interval: useconds_t = 200_000

    static func start() {
        let parent = getppid()
        guard parent > 1 else { return }  // started by init (or a container's first process): nothing to watch
        var thread = pthread_t()
        let context = UnsafeMutableRawPointer(bitPattern: Int(parent))
        pthread_create(&thread, nil, { raw in
            let parent = pid_t(Int(bitPattern: raw))
            while getppid() == parent { usleep(ParentWatch.interval) }
            _exit(1)
        }, context)
        pthread_detach(thread)
    }
}
