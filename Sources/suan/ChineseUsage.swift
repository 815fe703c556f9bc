import ArgumentParser
import SuanCore

/// The command line's help and parse errors in Chinese: ArgumentParser writes its own words
/// (OVERVIEW, USAGE, "Unknown option") in English, so under a Chinese locale the help is written
/// here from the same option list, and its errors are translated by their form.
enum ChineseUsage {
    /// `suan --help` in Chinese.
    static var help: String {
        let c = SuanCommand.configuration
        return """
        概述：\(c.abstract)

        \(c.discussion)

        用法：suan [<脚本>] [--expression <表达式> ...] [--interactive] [--no-color] [--rounding <舍入>] [--max-depth <深度>]
              [--timeout <秒>] [--jobs <线程数>] [--format <格式>] [--step] [--no-write]
              suan serve [<脚本>] [--port <端口>] …    suan --machine    suan kernel install    suan lsp

        参数：
          <脚本>                  要运行的脚本（*.suan）。

        选项：
          -e, --expression <表达式>
                                  求值一个表达式或语句并打印其值（可重复）。
          -i, --interactive       运行脚本或 -e 之后进入 REPL。
          --no-color              不使用颜色（设置了 NO_COLOR 时也是如此）。
          --rounding <舍入>       显示时的舍入：half-up（四舍五入）或 half-even（银行家舍入）。（默认：half-up）
          --max-depth <深度>      嵌套调用的最大深度。（默认：400）
          --timeout <秒>          脚本运行超过这么多秒即停止（退出码 1）。
          --jobs <线程数>         读取长的年度数据、map、filter、count 和 table 最多分给多少个线程（默认：CPU 核数；1 为串行）。结果与串行相同。
          --format <格式>         结果的输出格式：terminal、md、csv、html 或 json。（默认：terminal）
          --step                  培训模式：逐条显示脚本的注释和语句，等待按键（q 退出），再显示结果。
          --no-write              禁止写入任何文件（export、图表文件、:save、历史）：用于运行别人的脚本。
          --version               显示版本。
          -h, --help              显示本帮助。
        """
    }

    /// `suan kernel install --help` in Chinese.
    static let kernelHelp = """
        概述：为这个 suan 程序安装 Jupyter 内核 suan（Suan 算）。

        --user（默认）安装到你的 Jupyter 数据文件夹（JUPYTER_DATA_DIR，否则 ~/.local/share/jupyter）；
        --prefix 文件夹 安装到 文件夹/share/jupyter，例如虚拟环境的文件夹（--prefix "$VIRTUAL_ENV"）。

        运行内核的 Python 需要 ipykernel。移动了 suan 程序之后请重新安装：内核配置记着它的路径。详见 docs/machine.md。

        用法：suan kernel install [--user] [--prefix <文件夹>] [--python <PY>]

        选项：
          --user                  为当前用户安装（默认）。
          --prefix <文件夹>       安装到 文件夹/share/jupyter/kernels/suan。
          --python <PY>           运行内核的 Python：路径或 PATH 中的命令（默认：Jupyter 自己的 python3）。
          -h, --help              显示本帮助。
        """

    /// A parse error of ArgumentParser in Chinese, by its form; other messages as they are.
    static func message(_ english: String) -> String {
        translated(english).chineseValueNames
    }

    private static func translated(_ english: String) -> String {
        let forms: [(String, String)] = [
            ("Unknown option '", "未知的选项“"), ("Missing value for '", "选项缺少值：“"),
            ("Unexpected argument '", "多余的参数“"), ("Missing expected argument '", "缺少参数“"),
            ("The value '", "值“"),
        ]
        // "The value 'abc' is invalid for '--jobs <jobs>'": the whole sentence, not only its start.
        if english.hasPrefix("The value '"), let middle = english.range(of: "' is invalid for '"), english.hasSuffix("'") {
            let value = english[english.index(english.startIndex, offsetBy: "The value '".count) ..< middle.lowerBound]
            let option = english[middle.upperBound...].dropLast()
            return "值“\(value)”不能用于“\(option)”"
        }
        for (prefix, chinese) in forms where english.hasPrefix(prefix) {
            var rest = String(english.dropFirst(prefix.count))
            // ArgumentParser's suggestion of a close option name: "… '--bogus'. Did you mean '--jobs'?"
            var suggestion = ""
            if let range = rest.range(of: ". Did you mean '"), rest.hasSuffix("'?") {
                suggestion = "。是不是“" + rest[range.upperBound...].dropLast(2) + "”？"
                rest = String(rest[..<range.lowerBound])
            }
            rest = rest.replacingQuotes
            return chinese + rest + suggestion
        }
        return english
    }
}

extension String {
    /// ArgumentParser's value names (`--jobs <jobs>`) as the Chinese help writes them (`--jobs <线程数>`).
    var chineseValueNames: String {
        let names = [("<expression>", "<表达式>"), ("<rounding>", "<舍入>"), ("<max-depth>", "<深度>"), ("<timeout>", "<秒>"),
                     ("<jobs>", "<线程数>"), ("<format>", "<格式>"), ("<file>", "<脚本>")]
        return names.reduce(self) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }

    /// `'` replaced by `”` (the closing quote of a Chinese message).
    var replacingQuotes: String {
        var out = ""
        for c in self { if c == "'" { out += "”" } else { out.append(c) } }
        return out
    }
}
