/// A string compared and hashed by its UTF-8 bytes.
///
/// Swift's `String` compares and hashes Chinese text through Unicode normalisation, which costs
/// more than the rest of loading a large year. Names in Suan come from one normalised source, so
/// byte equality is the equality that matters for field names, count words and project names.
public struct ExactText: Hashable, Sendable {
    public var text: String

    public init(_ text: String) { self.text = text }

    public static func == (a: ExactText, b: ExactText) -> Bool {
        a.text.utf8.count == b.text.utf8.count && a.text.utf8.elementsEqual(b.text.utf8)
    }

    public func hash(into hasher: inout Hasher) {
        var copy = text
        copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
