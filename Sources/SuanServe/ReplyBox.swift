import Synchronization

/// Where a session's worker thread leaves the reply to one run, for the request awaiting it. The
/// first answer wins: the worker's reply, or the `stuck` error that a timer leaves when the run
/// does not stop in time; a later answer is dropped.
final class ReplyBox: Sendable {
    enum Answer: Sendable {
        case reply(ServeReply)
        case failed(ServeError)
    }

    private struct State {
        var answer: Answer?
        var waiter: CheckedContinuation<Answer, Never>?
        var delivered = false
    }

    private let state = Mutex(State())

    /// Answers the request once; later calls do nothing.
    func answer(_ answer: Answer) {
        let waiter: CheckedContinuation<Answer, Never>? = state.withLock { s in
            guard s.answer == nil else { return nil }
            s.answer = answer
            guard let w = s.waiter else { return nil }
            s.waiter = nil
            s.delivered = true
            return w
        }
        waiter?.resume(returning: answer)
    }

    /// Waits for the answer.
    func wait() async -> Answer {
        await withCheckedContinuation { continuation in
            let ready: Answer? = state.withLock { s in
                if let a = s.answer, !s.delivered {
                    s.delivered = true
                    return a
                }
                s.waiter = continuation
                return nil
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }
}
