import SuanCore
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// What the two executables, `suan` and `suan-serve`, take from the process alike: the version they
/// report, the language of their messages, and the locale and signals they start with.
package enum CommandEnvironment {
    package static let version = "0.1.0"

    /// The language of messages: `SUAN_LANG=zh|en`, else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`).
    package static var language: Language {
        func value(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }
        return Language.from(suanLang: value("SUAN_LANG"), lcAll: value("LC_ALL"), lcMessages: value("LC_MESSAGES"), lang: value("LANG"))
    }

    /// The locale from the environment (C.UTF-8 when it names none), Ctrl-C delivered to
    /// ``Interruption``, and a closed pipe reported as an error rather than a signal.
    package static func prepareProcess() {
        setlocale(LC_ALL, "")
        if setlocale(LC_CTYPE, nil).map({ String(cString: $0) }) == "C" { setlocale(LC_CTYPE, "C.UTF-8") }
        signal(SIGINT, Interruption.signalHandler)
        // A parent may have started us with SIGINT blocked (the mask survives exec); Ctrl-C must work.
        var interruptSignals = sigset_t()
        sigemptyset(&interruptSignals)
        sigaddset(&interruptSignals, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &interruptSignals, nil)
        signal(SIGPIPE, SIG_IGN)
    }
}
