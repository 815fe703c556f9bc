import SuanBudget
import SuanCommandLine
import SuanCore
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// Trainer mode, `suan --step FILE`: shows each statement with the comments above it, waits for
/// the trainer, then runs it and prints its result.
///
/// Each statement runs through the same ``Session`` as the script would, one at a time, so state
/// carries from step to step (and into the REPL with `-i`). A bare expression's result carries its
/// source as a label (`合计 = 102.73%`); `# ## 标题` comments print as headings, other comments as
/// written; a statement shows as it would be typed at the REPL (`算> …`). A failing statement
/// stops the run (exit 1), as in a script. Unlike a script, the file is not checked as a whole
/// first: a function must be defined above its first use. See ``StepKeys`` for the pauses.
struct StepRunner {
    var printer: Console
    var keys = StepKeys()

    /// Runs the file a step at a time; nil when it ran to its end or the trainer quit (then `-i` opens
    /// the REPL), else the exit status (1 after an error, 130 after Ctrl-C).
    mutating func run(_ path: String, session: inout Session) -> Int32? {
        let text: String
        switch ScriptRunner.read(path, words: printer.words) {
        case .failure(let failure) where failure.interrupted:
            return ScriptRunner.interruptedStatus(printer.words)
        case .failure(let failure):
            Console.error(failure.message)
            return 1
        case .success(let t):
            text = t
        }
        let directory = FileText.directory(of: path)
        let steps: ScriptSteps
        do {
            steps = try ScriptSteps(SourceFile(name: path, text: text))
        } catch {
            // A script that does not parse is reported as `suan FILE` reports it.
            let status = ScriptRunner.runText(text, name: path, directory: directory, session: &session, printer: printer)
            return status == 0 ? nil : status
        }
        for (i, step) in steps.steps.enumerated() {
            if i > 0 { printer.emit("") }
            show(step)
            guard !step.runnable.isEmpty else { continue }
            if keys.terminal { fputs(pausePrompt, stdout); fflush(stdout) }
            let answer = keys.wait()
            if keys.terminal { fputs("\r\u{1B}[K", stdout) }
            switch answer {
            case .next: break
            case .quit: return nil  // stepping ends; -i still opens the REPL
            case .interrupted: return ScriptRunner.interruptedStatus(printer.words)
            }
            var pending: [Diagnostic] = []
            let status = session.run(step.runnable, name: path, directory: directory, transactional: false) { event in
                switch event {
                case .diagnostic(let d): pending.append(d)
                case .result(let value, let type):
                    printer.emit(printer.rendered(Document([.value(value, type: type, label: step.label)])))
                case .loaded(let name, let label):
                    printer.emit(printer.rendered(.text(printer.words.loaded(name, from: label), .dim)))
                case .document:
                    printer.show(event)
                }
            }
            for d in pending { printer.diagnostic(d, session: session) }
            if let exit = ScriptRunner.exitStatus(status, printer: printer, session: session) { return exit }
        }
        return nil
    }

    /// The pause line on a terminal; erased once a key is pressed.
    var pausePrompt: String {
        Markup("── Enter: run · q: quit ──", .dim).rendered(colour: printer.colour)
    }

    /// The comments above a statement, then the statement as typed at the REPL.
    func show(_ step: ScriptSteps.Step) {
        var blocks: [Document.Block] = []
        for comment in step.comments {
            if let heading = ScriptSteps.heading(comment) {
                // A heading starts a section: a blank line above it on a terminal.
                if !blocks.isEmpty && printer.format == .terminal { blocks.append(.paragraph(Markup())) }
                blocks.append(.heading(heading.text, level: heading.level))
            } else {
                blocks.append(.paragraph(Markup(comment, .dim)))
            }
        }
        for (i, line) in step.lines.enumerated() {
            blocks.append(.paragraph(Markup(i == 0 ? "算> " : "..> ", .dim) + Markup(line)))
        }
        // One line per block: comments and statement lines sit together, not a paragraph apart.
        for block in blocks { printer.emit(printer.rendered(Document([block]))) }
    }
}
