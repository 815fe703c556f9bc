/// Every diagnostic Suan reports, by a stable id: tests and docs name diagnostics by id, never by
/// wording. The raw value is the id as printed (`dimension-mismatch`); each id has a one-line
/// summary in English and Chinese (`suan --explain ID`-style help and the docs list them).
public enum DiagnosticID: String, Sendable, CaseIterable {
    case argumentCount = "argument-count"
    case assert = "assert"
    case chart = "chart"
    case csv = "csv"
    case dataFile = "data-file"
    case derivedLine = "derived-line"
    case dimensionMismatch = "dimension-mismatch"
    case divisionByZero = "division-by-zero"
    case domain = "domain"
    case duplicateField = "duplicate-field"
    case duplicateName = "duplicate-name"
    case duplicateParameter = "duplicate-parameter"
    case emptyList = "empty-list"
    case executionProjected = "execution-projected"
    case explain = "explain"
    case exportExists = "export-exists"
    case exportFormat = "export-format"
    case exportIo = "export-io"
    case exportType = "export-type"
    /// Raised by Suan code with `fail(message)` (a Stdlib function refusing its arguments).
    case failed = "failed"
    case indexRange = "index-range"
    case incomplete = "incomplete"
    case interrupted = "interrupted"
    case invalidExponent = "invalid-exponent"
    case invalidRange = "invalid-range"
    case invalidStep = "invalid-step"
    case lexical = "lexical"
    case limit = "limit"
    case loadEncoding = "load-encoding"
    case loadIo = "load-io"
    case loadNotFound = "load-not-found"
    case loadRange = "load-range"
    case missingField = "missing-field"
    case moduleCycle = "module-cycle"
    case moduleNotFound = "module-not-found"
    case moduleStatement = "module-statement"
    case nameClash = "name-clash"
    case negativeAmount = "negative-amount"
    case nestingLimit = "nesting-limit"
    case noDomain = "no-domain"
    case noSolution = "no-solution"
    case noWrite = "no-write"
    case notAFigure = "not-a-figure"
    case notCallable = "not-callable"
    case numberRange = "number-range"
    case overCoverage = "over-coverage"
    case overExecution = "over-execution"
    case overflow = "overflow"
    case partExceedsTotal = "part-exceeds-total"
    case projectSum = "project-sum"
    case ratioStep = "ratio-step"
    case recursionLimit = "recursion-limit"
    case runtime = "runtime"
    case spread = "spread"
    case stackLimit = "stack-limit"
    case stepLimit = "step-limit"
    case syntax = "syntax"
    case tableShape = "table-shape"
    case totalMismatch = "total-mismatch"
    case totalRounding = "total-rounding"
    case typeMismatch = "type-mismatch"
    case unitRedeclared = "unit-redeclared"
    case unknownCondition = "unknown-condition"
    case unknownField = "unknown-field"
    case unknownItem = "unknown-item"
    case unknownLine = "unknown-line"
    case unknownName = "unknown-name"
    case unknownUnit = "unknown-unit"
    case wrongDimension = "wrong-dimension"
    case wrongType = "wrong-type"
    case xlsx = "xlsx"

    /// What the id means, in English.
    public var summary: String { Self.summaries[self]!.en }
    /// What the id means, in Chinese.
    public var summaryChinese: String { Self.summaries[self]!.zh }

    static let summaries: [DiagnosticID: (en: String, zh: String)] = [
        .argumentCount: ("a function was called with the wrong number of arguments", "函数调用的参数个数不对"),
        .assert: ("an assertion did not hold", "断言不成立"),
        .chart: ("a chart cannot be drawn from this value", "无法用该值绘制图表"),
        .csv: ("a CSV table cannot be read as a year", "CSV 表格无法读作年度数据"),
        .xlsx: ("an .xlsx workbook cannot be read as a year", "Excel 工作簿（.xlsx）无法读作年度数据"),
        .dataFile: ("a year file holds something other than one year block", "年度文件中除年度块外还有其他内容"),
        .derivedLine: ("a scenario changes a line that is computed from others", "情景修改了由其他行计算得出的行"),
        .dimensionMismatch: ("two values of different dimensions were combined", "不同量纲的值不能一起运算"),
        .divisionByZero: ("division by zero", "除数为零"),
        .domain: ("the budget domain refused a request", "预算领域拒绝了该请求"),
        .duplicateField: ("a record names a field twice", "记录中字段重复"),
        .duplicateName: ("two projects or indicators share a name", "项目或指标重名"),
        .duplicateParameter: ("a function names a parameter twice", "函数参数重名"),
        .emptyList: ("an operation needs at least one item", "该运算至少需要一项"),
        .executionProjected: ("a scenario's execution follows its budget at the base year's rate", "情景中的执行数按基期执行率随预算变化"),
        .explain: ("explain needs a call of a function the Stdlib explains", "explain 需要标准库可说明的函数调用"),
        .exportExists: ("an export would replace an existing file", "导出会覆盖已有文件"),
        .exportFormat: ("an export path has an unknown extension", "导出文件扩展名不受支持"),
        .exportIo: ("a file could not be written", "文件无法写入"),
        .exportType: ("this value cannot be exported", "该值无法导出"),
        .failed: ("a function refused its arguments with fail(…)", "函数以 fail(…) 拒绝了参数"),
        .indexRange: ("a list index is out of range", "列表下标越界"),
        .incomplete: ("the input ends inside an open bracket or after an operator", "输入在未闭合的括号内或运算符后结束"),
        .interrupted: ("Ctrl-C or --timeout stopped the work", "已被 Ctrl-C 或 --timeout 中断"),
        .invalidExponent: ("an exponent is not a whole number in range", "指数不是范围内的整数"),
        .invalidRange: ("a range is empty or reversed", "范围为空或颠倒"),
        .invalidStep: ("a step is not greater than zero", "步长必须大于零"),
        .lexical: ("a character or literal cannot be read", "无法识别的字符或字面量"),
        .limit: ("a size limit was reached", "超出大小限制"),
        .loadEncoding: ("a data file is not UTF-8 text", "数据文件不是 UTF-8 文本"),
        .loadIo: ("a data file cannot be opened", "数据文件无法打开"),
        .loadNotFound: ("no data file for the year named", "找不到所指年度的数据文件"),
        .loadRange: ("a range of years to load is reversed or too long", "要载入的年度范围颠倒或过长"),
        .missingField: ("a year or project lacks a required field", "年度或项目缺少必填字段"),
        .moduleCycle: ("modules use each other in a cycle", "模块之间循环引用"),
        .moduleNotFound: ("no Stdlib module has that name", "没有该名称的标准库模块"),
        .moduleStatement: ("a module holds something other than definitions", "模块中有定义以外的语句"),
        .nameClash: ("a name a module brings in is already defined", "模块引入的名称已有定义"),
        .negativeAmount: ("an amount is below zero", "金额为负"),
        .nestingLimit: ("brackets or operators nest too deeply", "括号或运算符嵌套过深"),
        .noDomain: ("year data is not available in this build", "此版本不支持年度数据"),
        .noSolution: ("solve found no value in the range", "在范围内无解"),
        .noWrite: ("writing files is forbidden by --no-write", "--no-write 禁止写入文件"),
        .notAFigure: ("a cell where a figure belongs holds an Excel error, TRUE/FALSE or a date", "应为数值的单元格是 Excel 错误值、TRUE/FALSE 或日期"),
        .notCallable: ("a value that is not a function was called", "调用了非函数的值"),
        .numberRange: ("a number has more digits than Suan holds exactly", "数字位数超出精确表示范围"),
        .overCoverage: ("a coverage rate is above 100%", "覆盖率超过 100%"),
        .overExecution: ("a project executed more than its budget", "项目执行数超过预算数"),
        .overflow: ("a result is too large to hold exactly", "结果过大，无法精确表示"),
        .partExceedsTotal: ("a part is larger than its total", "分项大于合计"),
        .projectSum: ("project budgets add up to more than 项目支出", "项目预算合计超过项目支出"),
        .ratioStep: ("a bare number as a ratio's rounding step is a whole (0.1 means 10%)", "比率取整步长为纯数时按整体计（0.1 即 10%）"),
        .recursionLimit: ("calls nest too deeply", "调用嵌套过深"),
        .runtime: ("an operation failed while running", "运行时出错"),
        .spread: ("a change to a total was spread over its parts", "合计的变动已按比例分摊到各分项"),
        .stackLimit: ("evaluation would exhaust the native stack", "求值会耗尽系统栈"),
        .stepLimit: ("a computation needs too many steps", "计算步数过多"),
        .syntax: ("the text does not parse", "语法错误"),
        .tableShape: ("a table needs rows of the same shape", "表格各行结构不一致"),
        .totalMismatch: ("a declared total disagrees with its parts", "申报的合计与分项之和不符"),
        .totalRounding: ("a declared total differs from its parts by the report's rounding", "合计与分项之和的差异在报告舍入范围内"),
        .typeMismatch: ("a value has the wrong type", "值的类型不对"),
        .unitRedeclared: ("a count word is declared twice", "计量单位重复声明"),
        .unknownCondition: ("a condition depends on a figure the data does not give", "条件依赖于数据未给出的数值"),
        .unknownField: ("a record has no field of that name", "记录中没有该字段"),
        .unknownItem: ("a list has no item of that name", "列表中没有该名称的项"),
        .unknownLine: ("a year has no line of that name", "年度中没有该行"),
        .unknownName: ("a name is not defined", "名称未定义"),
        .unknownUnit: ("a unit word is not known", "未知的单位"),
        .wrongDimension: ("a figure has the wrong dimension", "数值的量纲不对"),
        .wrongType: ("a figure has the wrong type", "数值的类型不对"),
    ]
}
