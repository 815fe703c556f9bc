import Foundation
import Testing

/// Chinese first on the command line: help, usage errors, file errors and diagnostics follow the locale.
@Suite(.timeLimit(.minutes(3))) struct ChineseCommandLineTests {
    let zh = ["LANG": "zh_CN.UTF-8"]

    @Test func helpAndUsageErrorsAreChinese() throws {
        let help = try Binary.run(["--help"], environment: zh)
        #expect(help.status == 0)
        #expect(help.stdout.hasPrefix("概述：Suan（算）"), "\(help.stdout)")
        #expect(help.stdout.contains("选项：") && !help.stdout.contains("OPTIONS:"))
        let bad = try Binary.run(["--bogus"], environment: zh)
        #expect(bad.status == 2)
        // ArgumentParser suggests the closest option; the suggestion is translated too.
        #expect(bad.stderr == "错误：未知的选项“--bogus”。是不是“--jobs”？\n用法：suan [FILE] [-e 表达式 …] [-i] [选项]   （suan --help 查看更多）\n", "\(bad.stderr)")
        // --jobs states its default once, in words (ArgumentParser would add this machine's count).
        let english = try Binary.run(["--help"], environment: ["SUAN_LANG": "en"])
        let jobs = english.stdout.components(separatedBy: "--jobs <jobs>").last?.components(separatedBy: "--format").first ?? ""
        #expect(jobs.contains("reading a long year") && jobs.components(separatedBy: "default").count == 2, "\(jobs)")
        #expect(help.stdout.contains("读取长的年度数据"))
        // A value the option cannot take: the whole sentence in Chinese.
        let value = try Binary.run(["--jobs", "abc", "-e", "1"], environment: zh)
        #expect(value.status == 2)
        #expect(value.stderr.hasPrefix("错误：值“abc”不能用于“--jobs <线程数>”\n"), "\(value.stderr)")
        // English under SUAN_LANG=en, whatever the locale.
        let en = try Binary.run(["--bogus"], environment: ["LANG": "zh_CN.UTF-8", "SUAN_LANG": "en"])
        #expect(en.stderr.hasPrefix("Error: Unknown option '--bogus'"))
    }

    @Test func fileErrorsAndDiagnosticsAreChinese() throws {
        let missing = try Binary.run(["/nonexistent/x.suan"], environment: zh)
        #expect(missing.stderr == "suan: 错误：无法打开“/nonexistent/x.suan”：没有那个文件或目录\n", "\(missing.stderr)")
        let mismatch = try Binary.run(["-e", "1万元 + 3件"], environment: zh)
        #expect(mismatch.stderr.hasPrefix("<expr>:1:1: 错误：不能把数量（件）加到金额上"))
    }

    @Test func namesTheUserWroteStayAsWritten() throws {
        // `Money` is the user's name here, not the type: a quoted value is never translated.
        let r = try Binary.run(["-e", "Money + 1"], environment: zh)
        #expect(r.stderr.hasPrefix("<expr>:1:1: 错误：未知的名称“Money”"), "\(r.stderr)")
    }

    @Test func rangeOfHugeEndsIsAnErrorNotATrap() throws {
        let r = try Binary.run(["-e", "range(-9223372036854775807, 9223372036854775807)"])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.contains("error: this list would be longer than"))
    }
}
