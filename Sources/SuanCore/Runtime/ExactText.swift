/// A string compared and hashed by its UTF-8 bytes.
///
/// Swift's `String` compares and hashes Chinese text through Unicode normalisation, which costs
/// more than the rest of loading a large year. Names in Suan come from one normalised source, so
/// byte equality is the equality that matters for field names, count words and project names.
public struct ExactText: Hashable, Sendable {
    public var text: String

    public init(_ text: String) { self.text = text }

    public static func == (a: ExactText, b: ExactText) -> Bool { same(a.text, b.text) }

    /// Whether two strings hold the same UTF-8 bytes. Two strings with the same representation (one
    /// small string, or one storage) are equal without reading them; otherwise the bytes are compared
    /// in place, never through `String`'s normalising `==` or an element-by-element iterator.
    @inline(__always)
    public static func same(_ a: String, _ b: String) -> Bool {
        if unsafeBitCast(a, to: (UInt64, UInt64).self) == unsafeBitCast(b, to: (UInt64, UInt64).self) { return true }
        let n = a.utf8.count
        guard n == b.utf8.count else { return false }
        if let equal = a.utf8.withContiguousStorageIfAvailable({ x in
            b.utf8.withContiguousStorageIfAvailable { y -> Bool in
                for i in 0..<n where x[i] != y[i] { return false }
                return true
            }
        }), let equal { return equal }
        return a.utf8.elementsEqual(b.utf8)
    }

    public func hash(into hasher: inout Hasher) {
        var copy = text
        copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
