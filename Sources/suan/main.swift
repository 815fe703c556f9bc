import ArgumentParser
import SuanCore
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

setlocale(LC_ALL, "")
if setlocale(LC_CTYPE, nil).map({ String(cString: $0) }) == "C" { setlocale(LC_CTYPE, "C.UTF-8") }
signal(SIGINT) { _ in Interruption.request() }
signal(SIGPIPE, SIG_IGN)

let arguments = Array(CommandLine.arguments.dropFirst())
let command: SuanCommand
do {
    command = try SuanCommand.parse(arguments)
} catch {
    let code = SuanCommand.exitCode(for: error)
    if code == .success {
        print(SuanCommand.fullMessage(for: error))
        exit(0)
    }
    fputs(SuanCommand.fullMessage(for: error) + "\n", stderr)
    fputs("Usage: suan [FILE] [-e EXPR …] [-i]   (suan --help for more)\n", stderr)
    exit(2)
}
exit(LargeStack.run { command.execute() })
