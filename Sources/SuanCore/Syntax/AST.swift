/// The syntax tree the parser builds; the checker turns it into ``Code``.
public struct Expr: Sendable {
    public var kind: Kind
    public var span: SourceSpan

    public indirect enum Kind: Sendable {
        /// `3622.4万元`, `7730件`, `42`, `67.2%`: digits with an optional unit word.
        case number(ExactDecimal, unit: UnitWord?, unitSpan: SourceSpan?)
        case string(String)
        case bool(Bool)
        case name(String)
        case list([Expr])
        /// `{预算: 10万元, 执行: 9万元}`
        case record([RecordEntry])
        /// `-x`
        case negate(Expr)
        /// `not x`
        case not(Expr)
        case arithmetic(ArithmeticOperator, Expr, Expr)
        case comparison(ComparisonOperator, Expr, Expr)
        case logical(LogicalOperator, Expr, Expr)
        /// `p% of x`
        case percentOf(Expr, Expr)
        /// `x -> 亿元`, `r -> ‰`
        case convert(Expr, UnitWord, unitSpan: SourceSpan)
        case call(Expr, [Expr])
        /// `x.预算`
        case field(Expr, String)
        /// `项目["名称"]`, `list[0]`
        case index(Expr, Expr)
        /// `if c then a else b`
        case conditional(Expr, Expr, Expr)
        /// `solve x in 0万元..1000万元 where lhs == rhs`
        case solve(SolveClause)
        /// `count a in 0..1 step 0.1, b in … where condition`: how many points of a grid satisfy it
        case count([TableClause.Axis], Expr)
        /// `scenario NAME from base { changes }` used as a value
        case scenario(ScenarioClause)
        /// `>= 7000件`, `<= 1‰`, `== 100%`
        case target(ComparisonOperator, Expr)
        /// `year 2022 { … }`, `project "名称" { … }`, `indicator "名称" { … }`
        case block(RecordKind, header: Expr, entries: [RecordEntry])
        /// `fn(x, y) = body`: an anonymous function; it captures the local variables it names.
        case lambda(parameters: [(String, SourceSpan)], body: Expr)
        /// `"{名称}: {预算}"`: the parts joined, each value as `text(x)` shows it.
        case interpolation([Expr])
    }
}

public struct RecordEntry: Sendable {
    public var key: String
    public var keySpan: SourceSpan
    public var value: Expr
}

/// What built a record: the blocks `year 2022 { … }`, `project "名称" { … }`, `indicator "名称" { … }`,
/// and `scenario`. Years and scenarios show as tables; the rest of the language treats them as records.
public enum RecordKind: String, Sendable, CaseIterable {
    /// `year 2022 { … }`, or a year read by `load`
    case year
    /// `project "名称" { … }`
    case project
    /// `indicator "名称" { … }`
    case indicator
    /// the value of `scenario NAME from YEAR { … }`
    case scenario

    /// A whole year: a loaded year or a scenario of one.
    public var isYear: Bool { self == .year || self == .scenario }

    /// The type name users see (`kind(x)`, messages).
    public var typeName: String {
        switch self {
        case .year: "Year"
        case .project: "Project"
        case .indicator: "Indicator"
        case .scenario: "Scenario"
        }
    }
}

public enum ArithmeticOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", power = "^"

    var verb: String {
        switch self {
        case .add: "add"
        case .subtract: "subtract"
        case .multiply: "multiply"
        case .divide: "divide"
        case .power: "raise"
        }
    }
}

public enum ComparisonOperator: String, Sendable {
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="

    public var display: String {
        switch self {
        case .equal: "=="
        case .notEqual: "≠"
        case .less: "<"
        case .lessEqual: "≤"
        case .greater: ">"
        case .greaterEqual: "≥"
        }
    }

    func holds(_ order: Int) -> Bool {
        switch self {
        case .equal: order == 0
        case .notEqual: order != 0
        case .less: order < 0
        case .lessEqual: order <= 0
        case .greater: order > 0
        case .greaterEqual: order >= 0
        }
    }
}

public enum LogicalOperator: String, Sendable {
    case and, or
}

/// A unit word written after a number or after `->`.
public enum UnitWord: Sendable, Hashable {
    case money(MoneyUnit)
    case ratio(RatioStyle)
    /// A count tag (`件`, `人`); the checker verifies that the Stdlib declares it.
    case tag(String)

    /// The words Suan knows without any declaration.
    public static func builtin(_ word: String) -> UnitWord? {
        for (name, unit) in builtinWords where name.utf8.elementsEqual(word.utf8) { return unit }
        return nil
    }

    /// Compared by bytes: `switch` on Chinese strings normalises them on every comparison.
    static let builtinWords: [(String, UnitWord)] = [
        ("万元", .money(.wan)), ("元", .money(.yuan)), ("亿元", .money(.yi)), ("个百分点", .ratio(.points)),
        ("yuan", .money(.yuan)), ("wan", .money(.wan)), ("yi", .money(.yi)), ("pp", .ratio(.points)),
    ]
}

public struct SolveClause: Sendable {
    public var variable: String
    public var variableSpan: SourceSpan
    public var low: Expr
    public var high: Expr
    public var lhs: Expr
    public var relation: ComparisonOperator
    public var rhs: Expr
}

public struct ScenarioClause: Sendable {
    public var name: String?
    public var base: Expr
    public var changes: [ScenarioChange]
}

/// One line of a scenario: `基本支出 -= 5%`, `项目["名称"].预算 += 20万元`.
public struct ScenarioChange: Sendable {
    public enum Operation: String, Sendable {
        case set = "=", add = "+=", subtract = "-=", multiply = "*=", divide = "/="
    }
    /// The path as written: names and string indexes, e.g. `["项目", "名称", "预算"]`.
    public var path: [String]
    public var pathSpan: SourceSpan
    public var operation: Operation
    public var value: Expr
}

/// `table VAR in A..B step S { exprs }`; a second variable makes a grid.
public struct TableClause: Sendable {
    public struct Axis: Sendable {
        public var variable: String
        public var span: SourceSpan
        public var low: Expr
        public var high: Expr
        public var step: Expr
    }
    public var axes: [Axis]
    public var columns: [Expr]
    /// Column titles given with `as` (`总支出 + r as "总支出"`); nil shows the expression as written.
    public var titles: [String?] = []
}

/// What `export` writes: a value, or the table a statement would print.
public enum ExportSource: Sendable {
    /// `export y2022 to …`
    case value(Expr)
    /// `export compare A, B [only …] to …`
    case compare([Expr], only: [String])
    /// `export explain score(p) to …`
    case explain(Expr)
    /// `export table x in … { … } to …`
    case table(TableClause)
}

/// What `load` names: a year number, a path, or a bundled collection and year (`load 示例 2021`).
public enum LoadTarget: Sendable, Equatable {
    case year(Int, collection: String?)
    /// `load 示例 2020..2022`: each year from the first to the last (never reversed), and their list.
    case years(Int, Int, collection: String?)
    case path(String)
}

/// What `use` names: a file of definitions, or a Stdlib module by its bare name (`use scoring`).
public enum UseTarget: Sendable, Equatable {
    /// `use "lib/口径.suan"`: relative to the using file's folder (the current one in the REPL).
    case path(String)
    /// `use scoring`: `Stdlib/scoring.suan`, already loaded in every session.
    case stdlib(String)
}

public struct Statement: Sendable {
    public var kind: Kind
    public var span: SourceSpan

    /// The name a `let`, `fn` or named `scenario` binds.
    var definedName: String? {
        switch kind {
        case .binding(let name, _, _), .function(let name, _, _, _, _): name
        case .scenario(let clause, _): clause.name
        default: nil
        }
    }

    public enum Kind: Sendable {
        case expression(Expr)
        case binding(name: String, nameSpan: SourceSpan, value: Expr)
        /// `fn f(a, b: String) = …`: `types` holds each parameter's written type, or nil.
        case function(name: String, nameSpan: SourceSpan, parameters: [(String, SourceSpan)], types: [ParameterType?], body: Expr)
        case assert(Expr)
        case print(Expr)
        /// `unit 件 个 人` (Stdlib): declares count tags.
        case unitDeclaration([(String, SourceSpan)])
        case load(LoadTarget, alias: String?)
        /// `use "lib/口径.suan" [as 口径]`, `use scoring [as 评分]`: a module's definitions, once.
        case use(UseTarget, alias: String?, aliasSpan: SourceSpan?)
        case scenario(ScenarioClause, nameSpan: SourceSpan)
        case compare([Expr], only: [String])
        case show(Expr)
        /// `explain score(p)`: the table that the Stdlib's `说明` record names for the function.
        case explain(Expr)
        /// `chart a, b [to "file.svg" [force]]`
        case chart([Expr], path: String?, force: Bool)
        case table(TableClause)
        /// `export VALUE to "f.csv" [force]`, also `export compare …`, `export explain …`, `export table …`
        case export(ExportSource, path: String, force: Bool)
    }
}
