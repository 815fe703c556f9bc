import SuanCore
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// What the trainer answers at each pause of `suan --step`.
///
/// - On a terminal (standard input is one): one key, read in raw mode: `q` (or Ctrl-D) quits,
///   Ctrl-C stops the run (exit 130), any other key goes on. The key is not echoed.
/// - Otherwise (a pipe, a file, the tests): one line of standard input per pause: `q` quits, any
///   other line (an empty one too) goes on; at the end of input the script runs to its end
///   without pausing. So `printf '\n\nq\n' | suan --step demo.suan` shows two results, then quits.
struct StepKeys {
    enum Answer: Equatable {
        case next, quit, interrupted
    }

    let terminal: Bool
    /// Bytes read from a pipe but not yet answered.
    private var pending: [UInt8] = []
    private var ended = false

    init(terminal: Bool = isatty(0) == 1) { self.terminal = terminal }

    /// Waits for the trainer; Ctrl-C (or `--timeout`) while waiting answers `.interrupted`.
    mutating func wait() -> Answer {
        terminal ? key() : line()
    }

    /// One key in raw mode; the terminal's settings are restored before it returns.
    private func key() -> Answer {
        var saved = termios()
        guard tcgetattr(0, &saved) == 0 else { return .next }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        tcsetattr(0, TCSANOW, &raw)
        defer { tcsetattr(0, TCSANOW, &saved) }
        guard let byte = StepKeys.readByte() else { return Interruption.pending ? .interrupted : .quit }
        // The rest of a key that sends several bytes (an arrow key) is read too.
        while StepKeys.ready(0), StepKeys.readByte() != nil {}
        switch byte {
        case 3: return .interrupted
        case 4, UInt8(ascii: "q"), UInt8(ascii: "Q"): return .quit
        default: return .next
        }
    }

    /// One line of standard input.
    private mutating func line() -> Answer {
        while !ended, !pending.contains(UInt8(ascii: "\n")) {
            guard let byte = StepKeys.readByte() else {
                if Interruption.pending { return .interrupted }
                ended = true
                break
            }
            pending.append(byte)
        }
        if ended && pending.isEmpty { return .next }
        let end = pending.firstIndex(of: UInt8(ascii: "\n")) ?? pending.endIndex
        let text = String(decoding: pending[..<end], as: UTF8.self).stripping(" \t\r")
        pending.removeSubrange(..<min(pending.endIndex, end + 1))
        return text == "q" || text == "Q" ? .quit : .next
    }

    /// Whether standard input can be read without waiting longer than `milliseconds`.
    private static func ready(_ milliseconds: Int32) -> Bool {
        var poller = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        return poll(&poller, 1, milliseconds) > 0
    }

    /// One byte of standard input; nil at its end or once Ctrl-C or `--timeout` asks to stop.
    private static func readByte() -> UInt8? {
        while true {
            if Interruption.pending { return nil }
            guard ready(100) else { continue }
            var byte: UInt8 = 0
            let n = read(0, &byte, 1)
            if n == 1 { return byte }
            if n < 0 && (errno == EINTR || errno == EAGAIN) { continue }
            return nil
        }
    }
}

extension String {
    /// The text without leading and trailing characters of `set`.
    func stripping(_ set: String) -> String {
        let chars = Set(set)
        return String(drop { chars.contains($0) }.reversed().drop { chars.contains($0) }.reversed())
    }
}
