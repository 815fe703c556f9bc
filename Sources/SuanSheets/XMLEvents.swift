import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Runs Foundation's streaming XML parser over one part and hands each element's start, end and
/// text to a handler, so each part's reader is a small value-typed state machine instead of a
/// delegate class. External entities are never resolved.
enum XMLEvents {
    /// What a part reader sees.
    enum Event {
        case start(String, [String: String])
        case text(String)
        case end(String)
    }

    /// The handler's way to stop the parse with an error of its own.
    struct Stop: Error {
        var error: WorkbookError
    }

    /// Parts larger than this are parsed as a stream.
    static let streamedFrom = 8 << 20

    /// Parses `data` (the part named `part`), calling `handle` for each event in order.
    static func parse(_ data: Data, part: String, _ handle: @escaping (Event) throws(WorkbookError) -> Void) throws(WorkbookError) {
        // Given a whole part at once, libxml2 refuses one over 10 MB ("huge input lookup"), which a
        // sheet of 100,000 rows already is: a large part is fed as a stream, in chunks (a third
        // slower, so small parts are not).
        let parser = data.count > streamedFrom ? XMLParser(stream: InputStream(data: data)) : XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        let delegate = Delegate(handle)
        parser.delegate = delegate
        let ok = parser.parse()
        if let stop = delegate.stop { throw stop }
        // Foundation on Linux may return true after an error, and does for an unclosed element:
        // the error and the balance of elements are checked too.
        guard ok, parser.parserError == nil, delegate.depth == 0, delegate.sawRoot else {
            throw .malformedXML(part, line: max(1, parser.lineNumber))
        }
    }

    /// The delegate Foundation's parser needs: forwards events until the handler throws.
    private final class Delegate: NSObject, XMLParserDelegate {
        let handle: (Event) throws(WorkbookError) -> Void
        var stop: WorkbookError?
        /// Elements open now, and whether any was seen.
        var depth = 0
        var sawRoot = false

        init(_ handle: @escaping (Event) throws(WorkbookError) -> Void) { self.handle = handle }

        func send(_ event: Event, _ parser: XMLParser) {
            guard stop == nil else { return }
            do throws(WorkbookError) { try handle(event) } catch {
                stop = error
                parser.abortParsing()
            }
        }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            depth += 1
            sawRoot = true
            send(.start(name, attributes), parser)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            depth -= 1
            send(.end(name), parser)
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { send(.text(string), parser) }

        func parser(_ parser: XMLParser, foundCDATA block: Data) {
            send(.text(String(decoding: block, as: UTF8.self)), parser)
        }
    }
}
