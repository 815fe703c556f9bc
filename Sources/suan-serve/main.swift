import SuanCommandLine
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

// `suan serve ARGUMENTS` runs this executable with ARGUMENTS (Sources/suan/ServeExecutable.swift).
CommandEnvironment.prepareProcess()
do {
    let serve = try ServeCommand.parse(Array(CommandLine.arguments.dropFirst()))
    exit(serve.execute())
} catch {
    ServeCommand.exit(withError: error)
}
