/// The limits of `suan serve`, each answered with a JSON error when reached (docs/serve.md).
public struct ServeLimits: Sendable {
    /// Seconds one run may take (`--timeout`); then it stops, as Ctrl-C stops a script. Default 10.
    public var runSeconds: Double = 10
    /// Seconds a stopped run may take to notice before its request is answered and the session closed.
    public var graceSeconds: Double = 2
    /// The largest request body in bytes (`--max-body`). Default 1 MiB.
    public var bodyBytes: Int = 1 << 20
    /// How many sessions may be open at once (`--max-sessions`). Default 50.
    public var sessions: Int = 50
    /// Seconds after which a session that ran nothing is closed (`--idle`). Default 30 minutes.
    public var idleSeconds: Double = 30 * 60

    public init() {}
}
