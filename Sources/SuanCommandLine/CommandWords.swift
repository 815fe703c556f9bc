import SuanCore

/// The command line's own messages, in the run's language (the locale's, or `SUAN_LANG`).
package struct CommandWords: Sendable {
    package var language: Language

    package init(language: Language) { self.language = language }

    package var timedOut: String { language.pick("suan: 错误：已超时（--timeout）", "suan: error: timed out (--timeout)") }
    package var interrupted: String { language.pick("suan: 已中断", "suan: interrupted") }

    package func cannotOpen(_ path: String, _ reason: String) -> String {
        language.pick("suan: 错误：无法打开“\(path)”：\(MessageCatalogue.term(reason))", "suan: error: cannot open '\(path)': \(reason)")
    }

    package func cannotReadStandardInput(_ reason: String) -> String {
        language.pick("suan: 错误：无法读取标准输入：\(MessageCatalogue.term(reason))", "suan: error: cannot read standard input: \(reason)")
    }

    package func loaded(_ name: String, from label: String) -> String {
        language.pick("已载入 \(name)（来自 \(label)）", "loaded \(name) from \(label)")
    }

    /// The progress line of long work: `suan: count 45% (450/1000 rows)`.
    package func progress(_ r: ProgressReport) -> String {
        switch r.work {
        case .load: language.pick("suan：正在载入 \(r.percent)%", "suan: loading \(r.percent)%")
        case .count, .table:
            language.pick("suan：\(r.work.rawValue) \(r.percent)%（\(r.done)/\(r.total) 行）", "suan: \(r.work.rawValue) \(r.percent)% (\(r.done)/\(r.total) rows)")
        case .map, .filter:
            language.pick("suan：\(r.work.rawValue) \(r.percent)%（\(r.done)/\(r.total) 项）", "suan: \(r.work.rawValue) \(r.percent)% (\(r.done)/\(r.total) items)")
        }
    }

    package func stdlibProblem(_ problem: String) -> String {
        language.pick("suan: 标准库有问题：\(problem)", "suan: Stdlib problem: \(problem)")
    }

    /// `suan serve` could not start `suan-serve` (it is built and installed beside `suan`).
    package func serveMissing(_ path: String, _ reason: String) -> String {
        language.pick("suan: 错误：无法运行“\(path)”：\(MessageCatalogue.term(reason))（suan serve 需要与 suan 放在同一目录下的 suan-serve）",
                      "suan: error: cannot run '\(path)': \(reason) (suan serve needs suan-serve in the same folder as suan)")
    }

    package func serveBadHost(_ host: String) -> String {
        language.pick("suan: 错误：--host 不是 IPv4 或 IPv6 地址：\(host)", "suan: error: --host is not an IPv4 or IPv6 address: \(host)")
    }

    package func serveFailed(_ reason: String) -> String {
        language.pick("suan: 错误：服务无法运行：\(reason)", "suan: error: cannot serve: \(reason)")
    }

    package var serveStopped: String { language.pick("suan: 服务已停止", "suan: stopped serving") }

    package func serveCannotOpen(_ url: String) -> String {
        language.pick("suan: 无法打开浏览器；请访问 \(url)", "suan: cannot open a browser; visit \(url)")
    }
}
