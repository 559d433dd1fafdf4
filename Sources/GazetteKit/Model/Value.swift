/// A runtime value: what inputs, outputs and expressions carry.
public enum Value: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(ExactDecimal)
    /// A string, or an enum value by its code.
    case string(String)
    case date(Day)
    case datetime(Instant)
    case quarter(Quarter)
    case list([Value])
    /// Fields in the order of the object type's declaration.
    case object([Value])

    /// Whether this is `null`.
    public var isNull: Bool { if case .null = self { return true } else { return false } }
}

extension Value: CustomStringConvertible {
    /// A short human rendering used in traces and messages.
    public var description: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n.description
        case .string(let s): return s
        case .date(let d): return d.description
        case .datetime(let t): return t.description
        case .quarter(let q): return q.description
        case .list(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .object(let fields): return "{" + fields.map(\.description).joined(separator: ", ") + "}"
        }
    }
}
