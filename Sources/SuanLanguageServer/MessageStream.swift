#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import Foundation
import SuanCore

/// The Language Server Protocol's framing over a pair of file descriptors: each message is a
/// header block (`Content-Length: N`, other headers ignored, `\r\n` after each, an empty line at
/// the end) followed by exactly N bytes of UTF-8 JSON.
///
///     Content-Length: 52\r\n\r\n{"jsonrpc":"2.0","id":1,"method":"initialize",…}
struct MessageStream {
    /// The largest body taken; a longer one is read past and answered with an error.
    static let bodyLimit = 64 << 20

    /// What one read found.
    enum Frame {
        /// A body, as sent.
        case body(Data)
        /// A header block without a usable `Content-Length`, or a body over the limit (skipped).
        case unreadable(Message)
        /// The input ended.
        case end
    }

    let input: Int32
    let output: Int32
    private var buffer: [UInt8] = []
    private var ended = false

    init(input: Int32 = 0, output: Int32 = 1) {
        self.input = input
        self.output = output
    }

    /// Reads the next message.
    mutating func next() -> Frame {
        guard let headers = readHeaders() else { return .end }
        var length: Int?
        for line in headers.split(separator: "\r\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces).lowercased() == "content-length" else { continue }
            length = Int(parts[1].trimmingCharacters(in: .whitespaces))
        }
        guard let length, length >= 0 else { return .unreadable("no valid Content-Length header") }
        guard length <= MessageStream.bodyLimit else {
            skip(length)
            return .unreadable("the message is longer than \(MessageStream.bodyLimit) bytes")
        }
        guard let body = read(length) else { return .end }
        return .body(Data(body))
    }

    /// Writes one message with its header.
    func send(_ body: Data) {
        var message = Data("Content-Length: \(body.count)\r\n\r\n".utf8)
        message.append(body)
        message.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(output, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 { if errno == EINTR { continue } else { return } }
                offset += written
            }
        }
    }

    /// The header block up to its empty line (as text, without it); nil at the end of input.
    private mutating func readHeaders() -> String? {
        let terminator: [UInt8] = [13, 10, 13, 10]
        var searched = 0
        while true {
            if buffer.count >= 4 {
                var i = max(0, searched - 3)
                while i + 4 <= buffer.count {
                    if buffer[i] == 13 && Array(buffer[i..<i + 4]) == terminator {
                        let headers = String(decoding: buffer[..<i], as: UTF8.self)
                        buffer.removeFirst(i + 4)
                        return headers
                    }
                    i += 1
                }
                searched = buffer.count
                // Headers are short: a block that never ends is not a header block.
                if buffer.count > 64 << 10 { buffer.removeAll(); searched = 0 }
            }
            guard fill() else { return nil }
        }
    }

    /// Exactly `count` bytes; nil when the input ends first.
    private mutating func read(_ count: Int) -> [UInt8]? {
        while buffer.count < count { guard fill() else { return nil } }
        let taken = Array(buffer[..<count])
        buffer.removeFirst(count)
        return taken
    }

    private mutating func skip(_ count: Int) {
        var left = count
        while left > 0 {
            if buffer.isEmpty { guard fill() else { return } }
            let n = min(left, buffer.count)
            buffer.removeFirst(n)
            left -= n
        }
    }

    /// Appends what the input has; false at its end.
    private mutating func fill() -> Bool {
        guard !ended else { return false }
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(input, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { ended = true; return false }
            buffer.append(contentsOf: chunk[..<n])
            return true
        }
    }
}
