import SuanCore
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// The interactive shell. (Plain line reading; the libedit front end replaces `readLine`.)
public struct REPL {
    var session: Session
    let colour: Bool

    public init(session: Session, colour: Bool) {
        self.session = session
        self.colour = colour
    }

    public mutating func run() -> Int32 {
        print("suan 0.1 — 算. Try: load 2022, then 基本支出 / 总支出. :help for help, Ctrl-D to quit.")
        var buffer = ""
        var count = 0
        while true {
            fputs(buffer.isEmpty ? "算> " : "..> ", stdout)
            fflush(stdout)
            guard let line = readLine() else { print(); return 0 }
            buffer += buffer.isEmpty ? line : "\n" + line
            if Session.isIncomplete(buffer) { continue }
            let text = buffer
            buffer = ""
            if text.trimmingSpaces == ":quit" || text.trimmingSpaces == ":q" { return 0 }
            count += 1
            var pending: [Diagnostic] = []
            var outputs: [Session.Event] = []
            _ = session.run(text, name: "<input:\(count)>", transactional: true) { event in
                if case .diagnostic(let d) = event { pending.append(d) } else { outputs.append(event) }
            }
            for event in outputs { show(event) }
            for d in pending { fputs(session.render(d, colour: colour) + "\n", stderr) }
        }
    }

    func show(_ event: Session.Event) {
        let format = session.formatter
        switch event {
        case .result(let value, let type):
            let t = type == .any ? value.type : type
            print((Markup("= ", .dim) + format.markup(value) + Markup("  [\(t.name)]", .type)).rendered(colour: colour))
        case .text(let text): print(text)
        case .loaded(let name, let label): print("loaded \(name) from \(label)")
        case .diagnostic: break
        }
    }
}

extension String {
    var trimmingSpaces: String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
