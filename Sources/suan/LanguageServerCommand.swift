import SuanBudget
import SuanCore
import SuanLanguageServer

/// `suan lsp`: the language server on standard input and output (editors/README.md). Each document
/// runs in a session of the budget domain that cannot write files, in the locale's language.
enum LanguageServerCommand {
    static func execute(_ arguments: [String]) -> Int32 {
        guard arguments.isEmpty || arguments == ["--stdio"] else {
            Console.error(SuanCommand.language.pick("用法：suan lsp [--stdio]（语言服务器，经标准输入输出通信）",
                                                    "Usage: suan lsp [--stdio]   (the language server, on standard input and output)"))
            return 2
        }
        var settings = Settings()
        settings.language = SuanCommand.language
        var server = LanguageServer { Session(domain: BudgetDomain(allowsWrites: false), settings: settings) }
        return server.run()
    }
}
