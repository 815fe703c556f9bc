import SuanBudget
import SuanCore

/// Drives a ``Session`` as the CLI does, collecting printed text and diagnostics.
public struct SessionHarness {
    public var session = Session(domain: BudgetDomain())

    public init(session: Session = Session(domain: BudgetDomain())) { self.session = session }

    /// A session in Chinese (the Stdlib's own sentences, messages and notes in Chinese).
    public static var chinese: SessionHarness {
        var settings = Settings()
        settings.language = .chinese
        return SessionHarness(session: Session(domain: BudgetDomain(), settings: settings))
    }
    /// A session that splits long work into `jobs` parts (`--jobs`).
    public static func jobs(_ jobs: Int) -> SessionHarness {
        var settings = Settings()
        settings.jobs = jobs
        return SessionHarness(session: Session(domain: BudgetDomain(), settings: settings))
    }
    public var output: [String] = []
    public var diagnostics: [Diagnostic] = []
    public var rendered: [String] = []
    /// Keeps a streamed table's layout across its parts, as the CLI does.
    let layouts = TerminalRenderer.LayoutMemory()

    /// Runs one piece of source (as one `-e` argument, or a script in `directory`) and returns its status.
    @discardableResult
    public mutating func run(_ text: String, name: String = "<expr>", directory: String? = nil, transactional: Bool = true) -> Session.Status {
        var out: [String] = [], diags: [Diagnostic] = []
        let format = session.formatter
        let renderer = TerminalRenderer(format: format, unicode: session.settings.unicode, layouts: layouts)
        let status = session.run(text, name: name, directory: directory, transactional: transactional) { event in
            switch event {
            case .result(let v, _): out.append(format.text(v))
            case .document(let d):
                out.append(renderer.render(d))
            case .loaded: break
            case .diagnostic(let d): diags.append(d)
            }
        }
        output += out
        diagnostics += diags
        rendered += diags.map { session.render($0) }
        return status
    }

    /// The printed value of one expression; records a test issue when it fails.
    public mutating func value(_ text: String) -> String {
        let before = output.count
        let status = run(text)
        guard status == .success, output.count > before else {
            return "FAILED: " + (rendered.last ?? "\(status)")
        }
        return output.last!
    }

    /// The id of the first diagnostic an input produces, or nil when it succeeds.
    public mutating func errorID(_ text: String) -> String? {
        let before = diagnostics.count
        run(text)
        return diagnostics.count > before ? diagnostics[before].id.rawValue : nil
    }
}
