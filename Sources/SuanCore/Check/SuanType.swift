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

    var isFunction: Bool {
        if case .function = self { true } else { false }
    }

    public var name: String {
        switch self {
        case .number, .money, .ratio, .quantity, .rate: dimension!.name
        case .bool: "Bool"
        case .string: "String"
        case .list(let e): e == .any ? "List" : "List of \(e.name)"
        case .record(let shape):
            shape.kind?.typeName ?? "Record"
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
            return .record(RecordShape(kind: a.kind == b.kind ? a.kind : nil, fields: fields, open: a.open || b.open))
        case (.list(let a), .list(let b)):
            return .list(a.joined(with: b))
        default:
            return .any
        }
    }

    /// Lists longer than this have their element type joined from a sample.
    static let elementSample = 128

    /// The joined type of a list's elements; for long lists, of the first ``elementSample`` of them,
    /// with record shapes marked open so that nothing valid is rejected.
    static func element(of types: some Collection<SuanType>) -> SuanType {
        var result: SuanType? = nil
        for t in types.prefix(elementSample) { result = result.map { $0.joined(with: t) } ?? t }
        guard types.count > elementSample, let joined = result else { return result ?? .any }
        return joined.opened
    }

    /// The same type with every record shape in it marked open.
    var opened: SuanType {
        switch self {
        case .record(var shape):
            shape.open = true
            shape.fields = shape.fields.mapValues(\.opened)
            return .record(shape)
        case .list(let e): return .list(e.opened)
        default: return self
        }
    }
}

/// The fields a record is known to have; `kind` names years, projects and indicators.
public struct RecordShape: Hashable, Sendable {
    public var kind: RecordKind?
    public var fields: [String: SuanType]
    /// True when the shape was joined from a sample of a long list: a field not listed may still
    /// exist, so the checker leaves it to run time instead of reporting it.
    public var open = false

    public init(kind: RecordKind?, fields: [String: SuanType], open: Bool = false) {
        self.kind = kind
        self.fields = fields
        self.open = open
    }
}
