/// Refuses requests that a page of another site makes through the user's browser: a local server
/// is reachable by any page the browser opens, so a request that names another origin (`Origin`)
/// or, on a loopback address, another host name (`Host`, DNS rebinding) is answered 403.
struct RequestGuard: Sendable {
    /// Whether the server listens on a loopback address only.
    var loopback: Bool

    /// Host names a loopback server answers to.
    static let loopbackNames: Set<String> = ["127.0.0.1", "localhost", "[::1]", "::1"]

    /// The error to answer with, or nil to serve the request.
    func check(host: String?, origin: String?) -> ServeError? {
        if loopback, let host, !RequestGuard.loopbackNames.contains(RequestGuard.name(ofAuthority: host)) {
            return .foreignOrigin(host)
        }
        if let origin, origin != "null" {
            // Same origin: the Origin's authority is the Host the request was sent to.
            let authority = origin.hasPrefix("http://") ? String(origin.dropFirst("http://".count)) : origin
            if let host, authority.lowercased() != host.lowercased() { return .foreignOrigin(origin) }
            if host == nil { return .foreignOrigin(origin) }
        }
        return nil
    }

    /// `127.0.0.1:8080` → `127.0.0.1`, `[::1]:80` → `[::1]`, `localhost` → `localhost`.
    static func name(ofAuthority authority: String) -> String {
        let lower = authority.lowercased()
        if lower.hasPrefix("["), let close = lower.firstIndex(of: "]") { return String(lower[...close]) }
        if let colon = lower.lastIndex(of: ":") { return String(lower[..<colon]) }
        return lower
    }
}
