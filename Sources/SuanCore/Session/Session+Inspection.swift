extension Session {
    /// The value of a name or field path (`y2022.基本支出`) for an editor's hover or a notebook's
    /// inspection: a variable's value, else the path evaluated in a copy of the session, so that
    /// nothing of the session changes. Nil when the text is neither.
    public func inspectedValue(of path: String) -> Value? {
        if let value = value(of: path) { return value }
        var copy = self
        var found: Value?
        _ = copy.run(path, name: "<inspect>", transactional: true) { event in
            if case .result(let value, _) = event { found = value }
        }
        return found
    }
}
