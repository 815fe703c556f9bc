import CEditLine
import SuanCore
@preconcurrency import Glibc

/// libedit behind a small Swift surface: read a line with a prompt, keep history, complete on Tab.
///
/// Per-session state reaches libedit's C callbacks through `EL_CLIENTDATA`, not globals.
final class LineEditor {
    /// What libedit's callbacks need: the prompt text and the completion function.
    final class State {
        var prompt: UnsafeMutablePointer<CChar>
        var complete: (String) -> Completer.Completion = { _ in .init(replacing: 0, candidates: []) }

        init() { prompt = strdup("") }
        deinit { free(prompt) }

        func setPrompt(_ text: String) {
            free(prompt)
            prompt = strdup(text)
        }
    }

    enum Input {
        case line(String)
        case endOfInput
        case interrupted
    }

    let editLine: OpaquePointer
    let history: OpaquePointer
    let state = State()

    init?() {
        // Without a UTF-8 locale libedit drops CJK input.
        if setlocale(LC_ALL, "") == nil || !String(cString: setlocale(LC_CTYPE, nil)).lowercased().contains("utf") {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
        guard let el = el_init("suan", suan_stdin(), suan_stdout(), suan_stderr()), let h = suan_history_init() else { return nil }
        editLine = el
        history = h
        suan_history_setsize(h, Int32(HistoryFile.limit))
        suan_history_setunique(h, 1)
        suan_el_set_clientdata(el, Unmanaged.passUnretained(state).toOpaque())
        suan_el_set_prompt(el) { el in
            guard let el, let raw = suan_el_get_clientdata(el) else { return nil }
            return Unmanaged<State>.fromOpaque(raw).takeUnretainedValue().prompt
        }
        suan_el_set_getcfn(el) { _, character in LineEditor.readCharacter(into: character) }
        suan_el_set_editor(el, "emacs")
        suan_el_set_history(el, h)
        suan_el_addfn(el, "suan-complete", "Complete the word before the cursor") { el, _ in
            guard let el, let raw = suan_el_get_clientdata(el) else { return UInt8(CC_ERROR) }
            return LineEditor.complete(el, Unmanaged<State>.fromOpaque(raw).takeUnretainedValue())
        }
        suan_el_bind(el, "^I", "suan-complete")
        suan_el_bind(el, "^R", "em-inc-search-prev")
        el_source(el, nil)
    }

    /// libedit's character reader, replaced so that Ctrl-C (SIGINT, which interrupts `read`) ends
    /// `el_gets` instead of being retried: the REPL then clears the line.
    static func readCharacter(into character: UnsafeMutablePointer<wchar_t>?) -> Int32 {
        func byte() -> Int32? {
            var b: UInt8 = 0
            while true {
                let n = Glibc.read(0, &b, 1)
                if n == 1 { return Int32(b) }
                if n == 0 { return nil }
                if errno == EINTR && !Interruption.requested.load(ordering: .relaxed) { continue }
                return -1
            }
        }
        guard let first = byte() else { return 0 }
        guard first >= 0 else { return -1 }
        var scalar = UInt32(first)
        let extra = first < 0x80 ? 0 : (first >> 5 == 0b110 ? 1 : (first >> 4 == 0b1110 ? 2 : (first >> 3 == 0b11110 ? 3 : 0)))
        if extra > 0 {
            scalar = UInt32(first) & (0x3F >> UInt32(extra))
            for _ in 0..<extra {
                guard let next = byte() else { return 0 }
                guard next >= 0 else { return -1 }
                scalar = (scalar << 6) | (UInt32(next) & 0x3F)
            }
        }
        character?.pointee = wchar_t(bitPattern: Unicode.Scalar(scalar) == nil ? 0xFFFD : scalar)
        return 1
    }

    deinit {
        el_end(editLine)
        history_end(history)
    }

    func add(_ entry: String) { suan_history_enter(history, entry) }

    func read(prompt: String) -> Input {
        state.setPrompt(prompt)
        var count: Int32 = 0
        errno = 0
        guard let raw = el_gets(editLine, &count) else {
            if Interruption.requested.load(ordering: .relaxed) || errno == EINTR {
                Interruption.clear()
                el_reset(editLine)
                return .interrupted
            }
            return .endOfInput
        }
        if count < 0 {
            Interruption.clear()
            return .interrupted
        }
        var line = String(cString: raw)
        if line.hasSuffix("\n") { line.removeLast() }
        return .line(line)
    }

    /// Inserts the common prefix of the candidates, or lists them when there is nothing to add.
    static func complete(_ el: OpaquePointer, _ state: State) -> UInt8 {
        let info = el_line(el)!.pointee
        let length = info.cursor - info.buffer
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(info.buffer).assumingMemoryBound(to: UInt8.self), count: max(0, length))
        let before = String(decoding: bytes, as: UTF8.self)
        let completion = state.complete(before)
        guard !completion.candidates.isEmpty else { return UInt8(CC_REFRESH_BEEP) }
        let typed = String(before.suffix(completion.replacing))
        let prefix = completion.commonPrefix
        if prefix.count > typed.count, prefix.hasPrefix(typed) {
            let insertion = String(prefix.dropFirst(typed.count)) + (completion.candidates.count == 1 && !prefix.hasSuffix("/") && !prefix.hasSuffix("\"]") ? "" : "")
            el_insertstr(el, insertion)
            return UInt8(CC_REFRESH)
        }
        if completion.candidates.count == 1 { return UInt8(CC_REFRESH) }
        let list = CompletionList.layout(completion.candidates, width: REPL.terminalWidth ?? 80)
        fputs("\n" + list + "\n", suan_stdout())
        return UInt8(CC_REDISPLAY)
    }
}
