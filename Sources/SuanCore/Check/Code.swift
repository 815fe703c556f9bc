/// The checked program: names resolved to slots, literals built, ready to be compiled into the
/// ``Interpreter``'s closures (``Interpreter/compile(_:)``).
indirect enum Code: Sendable {
    case constant(Value)
    case global(Int)
    case local(Int)
    case negate(Code, SourceSpan)
    case not(Code, SourceSpan)
    case arithmetic(ArithmeticOperator, Code, Code, SourceSpan)
    case comparison(ComparisonOperator, Code, Code, SourceSpan)
    /// A comparison of two statically numeric sides, evaluated on bare decimals; `general` is the
    /// same comparison as ordinary code, used when a value turns out not to be a number.
    case numericComparison(ComparisonOperator, NumericCode, NumericCode, general: Code)
    case logical(LogicalOperator, Code, Code, SourceSpan)
    case percentOf(Code, Code, SourceSpan)
    case convert(Code, UnitWord, SourceSpan)
    case call(Code, [Code], SourceSpan)
    case builtin(Builtin, [Code], SourceSpan)
    case list([Code], span: SourceSpan)
    case record(kind: RecordKind?, keys: [String], values: [Code], spans: [SourceSpan])
    case field(Code, FieldName, SourceSpan)
    case index(Code, Code, SourceSpan)
    case conditional(Code, Code, Code, SourceSpan)
    case solve(SolvePlan)
    case count([TablePlan.Axis], Code, SourceSpan)
    case scenario(ScenarioPlan)
    case target(ComparisonOperator, Code)
    /// `fn(x) = …`: the function made with the current values of the enclosing locals at these
    /// slots (its capture slots follow its parameters).
    case closure(UserFunction, captures: [Int])
}

extension Code {
    /// A call of `fail`: a branch with no value of its own (an `if` has its other branch's type).
    var fails: Bool {
        if case .builtin(.fail, _, _) = self { true } else { false }
    }
}

struct SolvePlan: Sendable {
    var slot: Int
    var low: Code
    var high: Code
    var lhs: Code
    var relation: ComparisonOperator
    var rhs: Code
    var span: SourceSpan
}

struct ScenarioPlan: Sendable {
    struct Change: Sendable {
        var path: [String]
        var operation: ScenarioChange.Operation
        var value: Code
        var span: SourceSpan
    }
    var name: String?
    var base: Code
    var changes: [Change]
    var span: SourceSpan
}

struct TablePlan: Sendable {
    struct Axis: Sendable {
        var name: String
        var slot: Int
        var low: Code
        var high: Code
        var step: Code
        var span: SourceSpan
    }
    var axes: [Axis]
    var columns: [(title: String, code: Code)]
    var span: SourceSpan
}

/// What a checked `export` computes before the domain writes it.
enum ExportPlan: Sendable {
    /// a value; `explain f(x)` is the value of `说明.f(x)`
    case value(Code)
    case compare([(label: String, code: Code)], only: [String])
    case table(TablePlan)
}

/// One checked top-level statement.
enum Instruction: Sendable {
    /// A bare expression: its value is printed.
    case evaluate(Code, type: SuanType, span: SourceSpan)
    case bind(slot: Int, Code)
    case assert(Code, text: String, sides: (Code, Code)?, span: SourceSpan)
    case print(Code, span: SourceSpan)
    /// `load`: the years were read and validated before checking; running binds each in order, the
    /// last one's fields, and for a range (`load 示例 2020..2022`) their list.
    case load([LoadedYear], list: LoadedList?)
    case compare([(label: String, code: Code)], only: [String], span: SourceSpan)
    case show(Code, span: SourceSpan)
    case chart([(label: String, code: Code)], path: String?, force: Bool, span: SourceSpan)
    case table(TablePlan)
    case export(ExportPlan, path: String, force: Bool, span: SourceSpan)
    /// `use`: copies of a module's values into the using scope's slots, or the prefix record of
    /// `use … as P` (at `slot`, one field per module name).
    case use(copies: [(to: Int, from: Int)], prefix: (slot: Int, members: [(name: String, slot: Int)])?)
    /// Nothing to run (a `fn` or `unit` statement), already applied to the scope.
    case none
}

extension Instruction {
    /// One year a `load` binds: its value, its slot, the fields that become names (the current
    /// year's only), where it came from, and the warnings its reading raised.
    struct LoadedYear: Sendable {
        var year: Value
        var slot: Int
        var fields: [(slot: Int, key: String)]
        var label: String
        var warnings: [Diagnostic]
    }

    /// The list a range of years binds (`示例年份`), and its years' names for the confirmation.
    struct LoadedList: Sendable {
        var value: Value
        var slot: Int
        var label: String
    }
}

/// A checked statement and the size of the frame its expressions use for local variables.
struct CheckedStatement: Sendable {
    var instruction: Instruction
    var frameSize: Int
    /// `use`s and `fn` definitions run before the other statements, as their names were bound first.
    var runsFirst = false
}
