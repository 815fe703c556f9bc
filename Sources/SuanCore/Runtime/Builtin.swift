/// Functions implemented in Swift because they cannot be written in Suan itself; everything else
/// (share, growth, cagr, group, top, zip, the Chinese aliases) is in `Stdlib/prelude.suan`.
/// Suan functions have a fixed number of parameters, so the ones with an optional argument (a key,
/// a direction) are here.
public enum Builtin: String, Sendable, CaseIterable {
    /// `round(x)` to a whole number, `round(x, step)` to a multiple of a step of x's dimension.
    case round
    case abs
    /// `min(a, b, …)`, `min(list)`, or `min(list, key)`: the smallest key.
    case min, max
    /// `sum(list)`, `sum(list, key)`: the total of the items, or of their keys.
    case sum
    /// `avg(list)`, `avg(list, key)`: the arithmetic mean of the items, or of their keys.
    case avg
    /// Items in a list, fields in a record, characters in a string.
    case len
    /// `root(x, n)`: the positive nth root, to 34 significant digits (``DecimalContext``).
    case root
    /// `value(x)`: the bare number of a money, ratio or count (money in 元).
    case value
    /// `kind(x)`: the name of x's type ("Money", "Indicator", "String", …).
    case kind
    /// `has(record, "field")`: whether a record has a field.
    case has
    /// `map(list, f)`: f applied to each item.
    case map
    /// `filter(list, f)`: the items for which f is true.
    case filter
    /// `text(x)`: x as it prints, as a string.
    case text
    /// `starts(s, prefix)`: whether a string starts with a prefix.
    case starts
    /// `digits(x)`: a number's exact digits, without grouping (years: "2022").
    case digits
    /// `sort(list, key)`, `sort(list, key, "desc")`: stable, by a field name or a function's value.
    case sort
    /// `rank(list, key)`, `rank(list, key, "desc")`: the items in order, each with its 名次 (ties share one).
    case rank
    /// `unique(list)`: the items without repeats, in first-seen order.
    case unique
    /// `join(strings, sep)`: the strings with `sep` between them.
    case join
    /// `range(a, b)`: the whole numbers a, a + 1, …, b − 1.
    case range
    /// `format(x, digits)`, `format(x, "万元")`: x as text with a chosen number of decimals or unit.
    case format
    /// `fail(message)`: stops with an error saying message, at the call that led there (the Stdlib
    /// refusing what it was given, in the session's language).
    case fail

    public var arity: Int? {
        switch self {
        case .round, .min, .max, .sum, .avg, .sort, .rank: nil
        case .abs, .len, .value, .kind, .text, .digits, .unique, .fail: 1
        case .root, .has, .map, .filter, .starts, .join, .range, .format: 2
        }
    }

    /// Accepted argument counts, for the checker's message.
    var arityRange: ClosedRange<Int> {
        switch self {
        case .round, .sum, .avg: 1...2
        case .min, .max: 1...64
        case .abs, .len, .value, .kind, .text, .digits, .unique, .fail: 1...1
        case .root, .has, .map, .filter, .starts, .join, .range, .format: 2...2
        case .sort, .rank: 2...3
        }
    }

    /// `sum`, `avg`, `min` and `max`, which reduce a list (or a list's keys) to one value.
    var reduces: Bool { self == .sum || self == .avg || self == .min || self == .max }

    public var summary: String {
        switch self {
        case .round: "round(x, step): round to a multiple of step (half away from zero by default)"
        case .abs: "abs(x): magnitude"
        case .min: "min(a, b, …), min(list) or min(list, key): the smallest (key: a field name in quotes or a function)"
        case .max: "max(a, b, …), max(list) or max(list, key): the largest (key: a field name in quotes or a function)"
        case .sum: "sum(list) or sum(list, key): the exact total (key: a field name in quotes or a function)"
        case .avg: "avg(list) or avg(list, key): the arithmetic mean (key: a field name in quotes or a function)"
        case .len: "len(x): items in a list, fields in a record, characters in a string"
        case .root: "root(x, n): the nth root"
        case .value: "value(x): the bare number (money in 元, ratios as fractions)"
        case .kind: "kind(x): the name of x's type, e.g. \"Money\" or \"Indicator\""
        case .has: "has(record, \"field\"): whether the record has the field"
        case .map: "map(list, f): f applied to each item"
        case .filter: "filter(list, f): the items for which f is true"
        case .text: "text(x): x as it prints, as a string"
        case .starts: "starts(s, prefix): whether the string s starts with prefix"
        case .digits: "digits(x): the exact digits of a number, without grouping, as a string"
        case .sort: "sort(list, key) or sort(list, key, \"desc\"): stable sort by a field name or a function"
        case .rank: "rank(list, key) or rank(list, key, \"desc\"): the items in order, each with its 名次; ties share the better 名次 (1, 2, 2, 4)"
        case .unique: "unique(list): the items without repeats, in first-seen order"
        case .join: "join(strings, sep): the strings joined with sep between them"
        case .range: "range(a, b): the whole numbers from a up to b, without b"
        case .fail: "fail(message): stop with an error saying message, at the call that led there"
        case .format: "format(x, digits) or format(x, \"万元\"): x as text, with that many decimals or in that unit"
        }
    }
}
