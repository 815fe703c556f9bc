/// What the checker knows about a value before the script runs. `.any` means "checked at run time".
public indirect enum SuanType: Hashable, Sendable {
    case number, money, ratio
    case quantity(String)
    case rate(String)
    case bool, string
    case list(SuanType)
    case record(RecordShape)
    case function(arity: Int?)
    case target
    case any

    public var dimension: Dimension? {
        switch self {
        case .number: .number
        case .money: .money
        case .ratio: .ratio
        case .quantity(let t): .quantity(t)
        case .rate(let t): .rate(t)
        default: nil
        }
    }

    public init(_ d: Dimension) {
        switch d {
        case .number: self = .number
        case .money: self = .money
        case .ratio: self = .ratio
        case .quantity(let t): self = .quantity(t)
        case .rate(let t): self = .rate(t)
        }
    }

    public var name: String {
        switch self {
        case .number, .money, .ratio, .quantity, .rate: dimension!.name
        case .bool: "Bool"
        case .string: "String"
        case .list(let e): e == .any ? "List" : "List of \(e.name)"
        case .record(let shape):
            switch shape.kind {
            case "year": "Year"
            case "scenario": "Scenario"
            case "project": "Project"
            case "indicator": "Indicator"
            default: "Record"
            }
        case .function: "Function"
        case .target: "Target"
        case .any: "Any"
        }
    }
}

extension SuanType {
    /// The most precise type that covers both: records merge their fields, anything else unequal is `.any`.
    public func joined(with other: SuanType) -> SuanType {
        if self == other { return self }
        switch (self, other) {
        case (.record(let a), .record(let b)):
            var fields = a.fields
            for (k, t) in b.fields { fields[k] = fields[k].map { $0.joined(with: t) } ?? t }
            return .record(RecordShape(kind: a.kind == b.kind ? a.kind : nil, fields: fields))
        case (.list(let a), .list(let b)):
            return .list(a.joined(with: b))
        default:
            return .any
        }
    }

    /// The joined type of a list's elements.
    static func element(of types: some Sequence<SuanType>) -> SuanType {
        var result: SuanType? = nil
        for t in types { result = result.map { $0.joined(with: t) } ?? t }
        return result ?? .any
    }
}

/// The fields a record is known to have; `kind` names years, projects and indicators.
public struct RecordShape: Hashable, Sendable {
    public var kind: String?
    public var fields: [String: SuanType]

    public init(kind: String?, fields: [String: SuanType]) {
        self.kind = kind
        self.fields = fields
    }
}
