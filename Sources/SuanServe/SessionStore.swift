import SuanCore

/// The open sessions of `suan serve`, by id. A new session is a copy of the starting session (the
/// Stdlib, and FILE when one was given), so opening one costs no evaluation. Sessions idle for
/// longer than ``ServeLimits/idleSeconds`` are closed when the store is next used and by a sweep
/// once a minute; a session whose run got stuck is dropped.
actor SessionStore {
    private var workers: [String: SessionWorker] = [:]
    private let template: Session
    let limits: ServeLimits

    init(template: Session, limits: ServeLimits) {
        self.template = template
        self.limits = limits
    }

    var count: Int { workers.count }

    /// Opens a session in `language`; fails when ``ServeLimits/sessions`` are open already.
    func open(language: Language) throws(ServeError) -> String {
        sweep()
        guard workers.count < limits.sessions else { throw .tooManySessions(limit: limits.sessions) }
        var session = template
        session.settings.language = language
        let id = SessionStore.newID()
        let worker = SessionWorker(id: id, session: session, limits: limits)
        guard worker.start() else { throw .tooManySessions(limit: workers.count) }
        workers[id] = worker
        return id
    }

    /// The session with `id`.
    func worker(_ id: String) throws(ServeError) -> SessionWorker {
        sweep()
        guard let worker = workers[id] else { throw .unknownSession(id) }
        return worker
    }

    /// Closes a session (`DELETE /api/sessions/ID`); true when it was open.
    func close(_ id: String) -> Bool {
        guard let worker = workers.removeValue(forKey: id) else { return false }
        worker.close()
        return true
    }

    /// Closes idle sessions and drops stuck ones.
    func sweep() {
        for (id, worker) in workers where worker.isStuck || (!worker.isBusy && worker.idleSeconds > limits.idleSeconds) {
            workers.removeValue(forKey: id)
            if !worker.isStuck { worker.close() }
        }
    }

    /// 128 random bits as 32 hex digits.
    static func newID() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<2).map { _ in
            let hex = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }
}
