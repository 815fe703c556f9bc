import SuanCore

/// The command line's own messages, in the run's language (the locale's, or `SUAN_LANG`).
struct CommandWords: Sendable {
    var language: Language

    var timedOut: String { language.pick("suan: 错误：已超时（--timeout）", "suan: error: timed out (--timeout)") }
    var interrupted: String { language.pick("suan: 已中断", "suan: interrupted") }

    func cannotOpen(_ path: String, _ reason: String) -> String {
        language.pick("suan: 错误：无法打开“\(path)”：\(reason)", "suan: error: cannot open '\(path)': \(reason)")
    }

    func cannotReadStandardInput(_ reason: String) -> String {
        language.pick("suan: 错误：无法读取标准输入：\(reason)", "suan: error: cannot read standard input: \(reason)")
    }

    func loaded(_ name: String, from label: String) -> String {
        language.pick("已载入 \(name)（来自 \(label)）", "loaded \(name) from \(label)")
    }

    func stdlibProblem(_ problem: String) -> String {
        language.pick("suan: 标准库有问题：\(problem)", "suan: Stdlib problem: \(problem)")
    }
}
