/// A declared input, output, list item or object field.
public struct FieldSpec: Sendable {
    public let name: String
    public let label: LocalizedText?
    public let unit: String?
    public let type: ValueType
    public let bounds: Bounds
    public let required: Bool
    public let defaultValue: Value?
    /// For lists: the constraints on each item.
    public let items: ItemSpec?
    public let maxItems: Int?
    public let cite: [String]

    /// The label in a language, falling back to the name.
    public func label(_ language: Language) -> String { label?.text(language) ?? name }
}

/// Item constraints of a list (boxed: a struct cannot contain itself).
public final class ItemSpec: Sendable {
    public let spec: FieldSpec
    init(_ spec: FieldSpec) { self.spec = spec }
}

/// Numeric (or date) bounds of a field.
public struct Bounds: Sendable {
    public var min: Value?
    public var max: Value?
    public var exclusiveMin: Value?
    public var exclusiveMax: Value?

    public static let none = Bounds()

    public var isEmpty: Bool { min == nil && max == nil && exclusiveMin == nil && exclusiveMax == nil }

    /// The bounds as a phrase: `≥ 0`, `> 0 and ≤ 100`.
    public var phrase: String {
        var parts: [String] = []
        if let v = min { parts.append("≥ \(v)") }
        if let v = exclusiveMin { parts.append("> \(v)") }
        if let v = max { parts.append("≤ \(v)") }
        if let v = exclusiveMax { parts.append("< \(v)") }
        return parts.joined(separator: " and ")
    }
}
