import ArgumentParser
import SuanCore
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

setlocale(LC_ALL, "")
if setlocale(LC_CTYPE, nil).map({ String(cString: $0) }) == "C" { setlocale(LC_CTYPE, "C.UTF-8") }
signal(SIGINT) { _ in Interruption.request() }
signal(SIGPIPE, SIG_IGN)

/// `-e -5%` must read "-5%" as the expression, not as an option: glue each -e to its value.
func gluingExpressions(_ raw: [String]) -> [String] {
    var out: [String] = []
    var i = 0
    while i < raw.count {
        if (raw[i] == "-e" || raw[i] == "--expression") && i + 1 < raw.count {
            out.append("--expression=" + raw[i + 1])
            i += 2
        } else {
            out.append(raw[i])
            i += 1
        }
    }
    return out
}

let arguments = gluingExpressions(Array(CommandLine.arguments.dropFirst()))
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
