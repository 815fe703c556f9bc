import SuanCore
import SuanReply

/// What `POST /api/sessions/ID/run` answers: the run's ``RunReply`` with its exports, and the
/// limit the run hit, if any (its time), which sets the HTTP status and an `error` member.
struct ServeReply: Sendable {
    var run: RunReply
    /// Set when the run hit a limit (its time): answered with that error's HTTP status.
    var error: ServeError?

    /// The reply of a run that ended with `status`; `timedOut` is the limit when the deadline stopped it.
    /// `exports`: also the run's tables as CSV, Markdown and a workbook (only when the page asks: they
    /// cost a render and a zip each).
    init(_ collector: RunReply.Collector, status: Session.Status, timedOut: Double?, session: Session, exports: Bool) {
        run = collector.reply(status: status, session: session, exports: exports)
        if let timedOut, status == .interrupted {
            run.status = "timedOut"
            error = .timedOut(seconds: timedOut)
        }
    }

    /// The HTTP status: 200 for a run that ended (also with an error in the source), else the limit's.
    var httpStatus: Int { error?.status ?? 200 }

    var json: String {
        var fields = run.coreFields + run.exportFields
        if let error { fields.append("\"error\":" + error.object(in: run.language)) }
        return "{" + fields.joined(separator: ",") + "}"
    }
}
