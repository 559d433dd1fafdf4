/// The static type of a value, checked when rules load.
public indirect enum ValueType: Sendable {
    case integer
    case decimal
    case boolean
    case date
    case datetime
    case string
    case quarter
    case enumeration(EnumDef)
    case list(ValueType)
    case object(ObjectDef)
    /// The type of the literal `null`.
    case null

    /// The name used in rule files and messages.
    public var name: String {
        switch self {
        case .integer: return "integer"
        case .decimal: return "decimal"
        case .boolean: return "boolean"
        case .date: return "date"
        case .datetime: return "datetime"
        case .string: return "string"
        case .quarter: return "quarter"
        case .enumeration(let e): return "enum(\(e.codes.joined(separator: "|")))"
        case .list(let t): return "list<\(t.name)>"
        case .object: return "object"
        case .null: return "null"
        }
    }

    /// Whether the type is `integer` or `decimal`.
    public var isNumber: Bool {
        switch self { case .integer, .decimal: return true; default: return false }
    }

    /// Whether values are strings (`string`, or an enum by its code).
    public var isStringLike: Bool {
        switch self { case .string, .enumeration: return true; default: return false }
    }

    /// Whether a value of type `other` may be stored where `self` is declared.
    public func accepts(_ other: ValueType) -> Bool {
        switch (self, other) {
        case (_, .null): return true
        case (.decimal, .integer), (.decimal, .decimal), (.integer, .integer): return true
        case (.boolean, .boolean), (.date, .date), (.datetime, .datetime), (.quarter, .quarter): return true
        case (.string, .string), (.string, .enumeration): return true
        case (.enumeration(let a), .enumeration(let b)): return a === b || Set(b.codes).isSubset(of: Set(a.codes))
        case (.enumeration, .string): return true  // checked value by value where literal
        case (.list(let a), .list(let b)): return a.accepts(b)
        case (.object(let a), .object(let b)): return a === b
        default: return false
        }
    }

    /// Whether two types can be compared with `=`.
    public func comparable(with other: ValueType) -> Bool {
        if case .null = self { return true }
        if case .null = other { return true }
        if isNumber && other.isNumber { return true }
        if isStringLike && other.isStringLike { return true }
        return accepts(other) || other.accepts(self)
    }
}

/// The fields of an object type (list items with several fields).
public final class ObjectDef: Sendable {
    /// The fields, in declaration order.
    public let fields: [FieldSpec]

    init(fields: [FieldSpec]) { self.fields = fields }

    /// The position of a field by name.
    public func index(of name: String) -> Int? { fields.firstIndex { $0.name == name } }
}
