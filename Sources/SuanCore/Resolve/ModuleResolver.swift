/// The resolve phase for `use`: reads each module a program uses (through the host, which owns file
/// access), parses it, checks that it holds only definitions, follows its own `use`s (relative to its
/// own folder), and orders the modules so that each comes after the ones it uses. A cycle is reported
/// at the `use` that closes it. Checking and running the modules is the session's
/// (`Session+Modules.swift`); a module the session already ran is not read again.
struct ModuleResolver {
    let host: any DomainHost
    /// The Stdlib files (`Stdlib/scoring.suan`, …), for `use scoring`.
    let stdlib: [(name: String, text: String)]
    /// Modules the session has already run, by identity.
    let known: Set<String>

    /// Modules used inside modules deeper than this are refused, as nesting is elsewhere.
    static let maximumDepth = 100

    /// What one `use` statement names, once resolved.
    enum Link: Sendable {
        /// A file module, by identity (``ModuleText/identity``).
        case file(identity: String, name: String)
        /// A Stdlib module, already loaded in every session, and the names its file defines.
        case stdlib(name: String, names: [String])
    }

    /// A module read for the first time: to be checked and run before what uses it.
    struct Module {
        var identity: String
        var name: String
        var statements: [Statement]
        /// Per `use` statement among `statements`, in order: what it names (nil: already reported).
        var links: [Link?]
        /// The `use` statements that led here, innermost first, for notes on its diagnostics.
        var usedAt: [SourceSpan]
    }

    struct Resolution {
        /// Per `use` statement of the program, in order.
        var links: [Link?] = []
        /// Modules to run, each after the ones it uses.
        var modules: [Module] = []
        /// Texts read, to be appended to the session's sources in this order.
        var sources: [SourceFile] = []
        var errors: [Diagnostic] = []
        /// Identities resolved in this run.
        var seen: Set<String> = []
    }

    /// A module being read, and the `use` that led to it: the chain of these finds cycles.
    struct Reading {
        var identity: String
        var name: String
        var span: SourceSpan
    }

    /// Resolves the `use`s among `statements` (of a program whose paths start at `directory`);
    /// `firstFile` is the index the first text read will have among the session's sources.
    func resolve(_ statements: [Statement], directory: String?, firstFile: Int32) -> Resolution {
        var resolution = Resolution()
        resolution.links = links(statements, directory: directory, chain: [], firstFile: firstFile, &resolution)
        return resolution
    }

    /// One link per `use` among `statements`; `chain` holds the modules being read, outermost first.
    func links(_ statements: [Statement], directory: String?, chain: [Reading],
               firstFile: Int32, _ resolution: inout Resolution) -> [Link?] {
        var links: [Link?] = []
        for statement in statements {
            guard case .use(let target, _, _) = statement.kind else { continue }
            links.append(link(target, span: statement.span, directory: directory, chain: chain, firstFile: firstFile, &resolution))
        }
        return links
    }

    func link(_ target: UseTarget, span: SourceSpan, directory: String?, chain: [Reading],
              firstFile: Int32, _ resolution: inout Resolution) -> Link? {
        let usedAt = chain.map(\.span).reversed() as [SourceSpan]
        func fail(_ d: Diagnostic) -> Link? {
            var d = d
            d.usedAt = usedAt + d.usedAt
            resolution.errors.append(d)
            return nil
        }
        switch target {
        case .stdlib(let bare):
            guard let file = stdlib.first(where: { ModuleResolver.bareName($0.name) == bare }) else {
                let names = stdlib.map { ModuleResolver.bareName($0.name) }
                return fail(Diagnostic(id: .moduleNotFound, "there is no Stdlib module '\(bare)'", at: span,
                                       notes: ["help: the Stdlib modules are \(names.joined(separator: ", ")); a file is used with quotes: use \"\(bare).suan\""]))
            }
            return .stdlib(name: bare, names: ModuleResolver.definedNames(SourceFile(name: file.name, text: file.text)))
        case .path(let path):
            let text: ModuleText
            switch host.module(ModuleRequest(path: path, directory: directory, span: span)) {
            case .success(let t): text = t
            case .failure(let d): return fail(d)
            }
            let link = Link.file(identity: text.identity, name: text.name)
            if let start = chain.firstIndex(where: { $0.identity == text.identity }) {
                let cycle = chain[start...].map(\.name) + [text.name]
                return fail(Diagnostic(id: .moduleCycle, "modules use each other in a cycle: \(cycle.joined(separator: " → "))", at: span,
                                       notes: ["help: move what both need into a third module that both use"]))
            }
            if known.contains(text.identity) || resolution.seen.contains(text.identity) { return link }
            guard chain.count < ModuleResolver.maximumDepth else {
                return fail(Diagnostic(id: .nestingLimit, "modules are used inside modules more than \(ModuleResolver.maximumDepth) deep", at: span))
            }
            resolution.seen.insert(text.identity)
            let file = firstFile + Int32(resolution.sources.count)
            let source = SourceFile(name: text.name, text: text.text)
            resolution.sources.append(source)
            let inner = [span] + usedAt
            let statements: [Statement]
            switch Parser.parse(source, file: file) {
            case .success(let s): statements = s
            case .failure(let f):
                var d = f.diagnostic
                d.usedAt = inner
                resolution.errors.append(d)
                return nil
            }
            var clean = true
            for statement in statements where !ModuleResolver.isDefinition(statement) {
                var d = Diagnostic(id: .moduleStatement, "a module holds only definitions (let, fn, unit, use); this would run when it is used",
                                   at: statement.span, notes: ["help: move it into the script that uses the module"])
                d.usedAt = inner
                resolution.errors.append(d)
                clean = false
            }
            guard clean else { return nil }
            let links = links(statements, directory: text.directory, chain: chain + [Reading(identity: text.identity, name: text.name, span: span)],
                              firstFile: firstFile, &resolution)
            resolution.modules.append(Module(identity: text.identity, name: text.name, statements: statements, links: links, usedAt: inner))
            return link
        }
    }

    /// `scoring` for `Stdlib/scoring.suan`.
    static func bareName(_ path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        return file.hasSuffix(".suan") ? String(file.dropLast(5)) : file
    }

    /// Whether a statement only defines: running it prints nothing, reads nothing, writes nothing.
    static func isDefinition(_ statement: Statement) -> Bool {
        switch statement.kind {
        case .binding, .function, .unitDeclaration, .use: true
        default: false
        }
    }

    /// The names a file's `let` and `fn` statements define, in order, each once.
    static func definedNames(_ source: SourceFile) -> [String] {
        guard case .success(let statements) = Parser.parse(source, file: -1) else { return [] }
        return definedNames(statements)
    }

    /// The names `statements` define, in order, each once.
    static func definedNames(_ statements: [Statement]) -> [String] {
        var seen: Set<String> = []
        return statements.compactMap(\.definedName).filter { seen.insert($0).inserted }
    }
}
