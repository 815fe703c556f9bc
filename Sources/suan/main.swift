import ArgumentParser
import SuanCommandLine
import SuanCore
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

CommandEnvironment.prepareProcess()

/// `-e -5%` must read "-5%" as the expression, not as an option, and `-e ''` is an empty
/// expression: the -e values are taken out before the rest is parsed.
func separatingExpressions(_ raw: [String]) -> (rest: [String], expressions: [String]) {
    var rest: [String] = [], expressions: [String] = []
    var i = 0
    while i < raw.count {
        let a = raw[i]
        if (a == "-e" || a == "--expression") && i + 1 < raw.count {
            expressions.append(raw[i + 1])
            i += 2
            continue
        }
        // `--timeout -1` is the value -1, not an unknown option: validation then says what is wrong.
        if ["--timeout", "--max-depth"].contains(a) && i + 1 < raw.count && Double(raw[i + 1]) != nil {
            rest.append(a + "=" + raw[i + 1])
            i += 2
            continue
        }
        if a.hasPrefix("--expression=") {
            expressions.append(String(a.dropFirst("--expression=".count)))
        } else {
            rest.append(a)
        }
        i += 1
    }
    return (rest, expressions)
}

// `suan serve …` is the browser view, an executable of its own beside this one; any other first
// argument keeps the plain command (FILE, -e, REPL).
if CommandLine.arguments.count > 1 && CommandLine.arguments[1] == "serve" {
    exit(ServeExecutable.exec(Array(CommandLine.arguments.dropFirst(2))))
}

// `suan kernel install …` writes the Jupyter kernelspec (docs/machine.md). A bare `suan kernel`
// is its usage, unless a script named `kernel` is there to run.
var scriptNamedKernel: Bool {
    var info = stat()
    return stat("kernel", &info) == 0 && info.st_mode & S_IFMT == S_IFREG
}
if CommandLine.arguments.count > 1 && CommandLine.arguments[1] == "kernel" && !(CommandLine.arguments.count == 2 && scriptNamedKernel) {
    KernelCommand.dispatch(Array(CommandLine.arguments.dropFirst(2)))
}

// `suan lsp` is the language server for editors (editors/README.md).
if CommandLine.arguments.count > 1 && CommandLine.arguments[1] == "lsp" {
    exit(LanguageServerCommand.execute(Array(CommandLine.arguments.dropFirst(2))))
}

let (arguments, expressions) = separatingExpressions(Array(CommandLine.arguments.dropFirst()))
/// The run's options: `suan -e …` and `suan FILE` read directly, anything else through ArgumentParser,
/// which also reports what is wrong (and the defaults, when they are: `--jobs` on 300 cores).
func parsedOptions() -> RunOptions {
    if let plain = RunOptions.plain(arguments, expressions: expressions), plain.problem == nil { return plain }
    do {
        var command = try SuanCommand.parse(arguments)
        command.expression += expressions
        // The -e values were taken out before parsing: check again with them (`--machine -e …`).
        if !expressions.isEmpty { try command.validate() }
        return command.options
    } catch {
        let code = SuanCommand.exitCode(for: error)
        let zh = CommandEnvironment.language == .chinese
        if code == .success {
            let full = SuanCommand.fullMessage(for: error)
            // --help in Chinese is written from the same options; --version is the same in both.
            print(zh && full.hasPrefix("OVERVIEW") ? ChineseUsage.help : full)
            exit(0)
        }
        // One message and one usage line (the parser's full message repeats the usage in its own form).
        fputs((zh ? "错误：" + ChineseUsage.message(SuanCommand.message(for: error)) : "Error: " + SuanCommand.message(for: error)) + "\n", stderr)
        fputs(zh ? "用法：suan [FILE] [-e 表达式 …] [-i] [选项]   （suan --help 查看更多）\n"
                 : "Usage: suan [FILE] [-e EXPR …] [-i] [options]   (suan --help for more)\n", stderr)
        exit(2)
    }
}
let options = parsedOptions()
exit(LargeStack.run(blockingInterrupts: true) { options.execute() })
