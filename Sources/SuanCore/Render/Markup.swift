/// Format-neutral styled text: values and tables are built as spans with a meaning, and a front end
/// decides how each meaning looks (ANSI colour on a terminal, nothing in a pipe).
public struct Markup: Sendable {
    public enum Style: Sendable {
        case plain, name, value, unit, keyword, type, error, warning, dim, heading
    }

    public var spans: [(text: String, style: Style)] = []

    public init(_ text: String = "", _ style: Style = .plain) {
        if !text.isEmpty { spans.append((text, style)) }
    }

    public static func + (a: Markup, b: Markup) -> Markup {
        var m = a
        m.spans += b.spans
        return m
    }

    public var plain: String { spans.map(\.text).joined() }

    /// ANSI colours, one per style.
    public var ansi: String {
        spans.map { span in
            let code: String? = switch span.style {
            case .plain, .name: nil
            case .value: "1"
            case .unit: "36"
            case .keyword: "35"
            case .type: "2;37"
            case .error: "1;31"
            case .warning: "1;33"
            case .dim: "2"
            case .heading: "1;4"
            }
            return code.map { "\u{1B}[\($0)m\(span.text)\u{1B}[0m" } ?? span.text
        }.joined()
    }

    public func rendered(colour: Bool) -> String { colour ? ansi : plain }
}
