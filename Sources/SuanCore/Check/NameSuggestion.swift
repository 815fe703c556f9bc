/// "Did you mean …?" for unknown names: the closest visible name within a small edit distance.
public enum NameSuggestion {
    public static func closest(to name: String, among candidates: [String]) -> String? {
        let target = Array(name)
        guard target.count >= 2 else { return nil }
        let limit = target.count <= 3 ? 1 : 2
        var best: (String, Int)? = nil
        for c in candidates where c != name {
            let d = distance(target, Array(c))
            if d <= limit && (best == nil || d < best!.1 || (d == best!.1 && c < best!.0)) { best = (c, d) }
        }
        return best?.0
    }

    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        guard abs(a.count - b.count) <= 2 else { return 3 }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var row = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                row[j] = Swift.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = row
        }
        return previous[b.count]
    }
}
