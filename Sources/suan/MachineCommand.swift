import SuanCore
import SuanREPL
import SuanReply

/// The REPL's commands a notebook cell may be (`suan --machine`, docs/machine.md): `:help [TOPIC]`
/// and `:type EXPR`. Their answer is a reply like that of code: a text result, or a failure with
/// the diagnostic. Any other cell is code.
enum MachineCommand {
    case help(String)
    case type(String)

    /// The command a cell holds, or nil when it is code.
    init?(_ cell: String) {
        let line = cell.trimmingCharacters(in: .whitespacesAndNewlines)
        guard line.hasPrefix(":"), !line.contains("\n") else { return nil }
        let parts = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        let argument = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        switch parts.first {
        case ":help", ":h", ":?": self = .help(argument)
        case ":type", ":t": self = .type(argument)
        default: return nil
        }
    }

    /// The reply's members (no `id`).
    func reply(session: Session) -> [String] {
        let language = session.settings.language
        var collector = RunReply.Collector()
        var status = Session.Status.success
        switch self {
        case .help(let topic):
            collector.take(.document(.text(HelpTopics.page(topic, in: language))))
        case .type(let text):
            switch session.typeOf(text) {
            case .success(let type):
                collector.take(.document(.text(language == .chinese ? MessageCatalogue.term(type.name) : type.name)))
            case .failure(let diagnostic):
                collector.take(.diagnostic(diagnostic))
                status = .failure
            }
        }
        // A failed :type changed nothing, so there is nothing undone to tell.
        return collector.reply(status: status, session: session, exports: false, chartsApart: true).machineFields
    }
}
