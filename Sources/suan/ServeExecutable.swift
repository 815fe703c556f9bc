import SuanCommandLine
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// `suan serve …` runs `suan-serve`, the executable installed beside `suan`, in this process's place.
///
/// The HTTP server is an executable of its own so that `suan` does not carry it: its networking
/// (Foundation's, over libcurl and some 30 libraries under it) took about 4 ms of every start of
/// `suan`, most of which never serve (docs/performance.md, "Start-up"). `exec` keeps the process
/// id, the standard streams and the signals' dispositions, so a caller that stops `suan serve` with
/// Ctrl-C or SIGTERM stops the server.
enum ServeExecutable {
    static let name = "suan-serve"

    /// The path of `suan-serve` beside this executable (symbolic links to `suan` followed).
    static var path: String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        let own = length > 0 ? String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self) : CommandLine.arguments[0]
        guard let slash = own.lastIndex(of: "/") else { return name }
        return String(own[...slash]) + name
    }

    /// Replaces this process with `suan-serve ARGUMENTS`; returns only when that could not be done,
    /// after saying why (exit status 1).
    static func exec(_ arguments: [String]) -> Int32 {
        let path = self.path
        var argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        execv(path, &argv)
        let reason = String(cString: strerror(errno))
        for p in argv { free(p) }
        Console.error(CommandWords(language: CommandEnvironment.language).serveMissing(path, reason))
        return 1
    }
}
