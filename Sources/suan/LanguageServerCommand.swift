import SuanBudget
import SuanCommandLine
import SuanCore
import SuanLanguageServer

/// `suan lsp`: the language server on standard input and output (editors/README.md). Each document
/// runs in a session of the budget domain that cannot write files, in the locale's language.
enum LanguageServerCommand {
    static func execute(_ arguments: [String]) -> Int32 {
        let usage = CommandEnvironment.language.pick("用法：suan lsp [--stdio]（编辑器的语言服务器，经标准输入输出通信；docs/lsp.md）",
                                              "Usage: suan lsp [--stdio]   (the language server for editors, on standard input and output; docs/lsp.md)")
        if arguments == ["--help"] || arguments == ["-h"] {
            print(usage)
            return 0
        }
        // Editors' clients often pass --stdio; it is the only transport.
        guard arguments.isEmpty || arguments == ["--stdio"] else {
            let wrong = arguments.first { $0 != "--stdio" } ?? ""
            Console.error(wrong.hasPrefix("-")
                ? CommandEnvironment.language.pick("错误：未知的选项“\(wrong)”", "Error: unknown option '\(wrong)'")
                : CommandEnvironment.language.pick("错误：多余的参数“\(wrong)”", "Error: unexpected argument '\(wrong)'"))
            Console.error(usage)
            return 2
        }
        var settings = Settings()
        settings.language = CommandEnvironment.language
        var server = LanguageServer { Session(domain: BudgetDomain(allowsWrites: false), settings: settings) }
        server.language = settings.language
        return server.run()
    }
}
