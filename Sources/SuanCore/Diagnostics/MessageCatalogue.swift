/// The Chinese text of every message, by its English template (the literal parts of the message
/// as written at its call site, `%@` for each interpolated value), and of the terms that appear in
/// messages (type names). A template missing here shows in English; `MessageCatalogueTests` lists
/// the messages of the error snapshots and checks each one has a translation.
public enum MessageCatalogue {
    /// A value interpolated into a message: type names and a few terms are translated.
    public static func term(_ text: String) -> String {
        if let t = terms[text] ?? chinese[text] { return t }
        // number 12, a string: phrases the parser describes tokens with
        if text.hasPrefix("number ") { return "数字 " + text.dropFirst(7) }
        // Quantity(件), Rate(per 件), List of Money
        if text.hasPrefix("Quantity("), text.hasSuffix(")") { return "数量（" + text.dropFirst(9).dropLast() + "）" }
        if text.hasPrefix("Rate(per "), text.hasSuffix(")") { return "单价（每" + text.dropFirst(9).dropLast() + "）" }
        if text.hasPrefix("List of ") { return term(String(text.dropFirst(8))) + "列表" }
        return text
    }

    static let terms: [String: String] = [
        "Number": "数", "Money": "金额", "Ratio": "比率", "Bool": "真假值", "String": "文本", "List": "列表",
        "Record": "记录", "Function": "函数", "Target": "目标值", "Any": "任意值", "Year": "年度", "Project": "项目",
        "Indicator": "指标", "Scenario": "情景", "Unknown": "未知",
        "add": "加", "subtract": "减", "multiply": "乘", "divide": "除", "raise": "乘方",
        "list": "列表", "string": "文本", "the department": "部门", "reading modules": "读取模块",
        // The C library's messages (strerror), as they appear inside file errors.
        "No such file or directory": "没有那个文件或目录", "Permission denied": "权限不够", "Is a directory": "是一个目录",
        "Not a directory": "不是目录", "File exists": "文件已存在", "No space left on device": "设备上没有空间",
        "Read-only file system": "只读文件系统", "Too many levels of symbolic links": "符号链接的层数过多",
        "File name too long": "文件名过长", "Input/output error": "输入/输出错误",
    ]

    static let chinese: [String: String] = MessageCatalogue.entries
}
