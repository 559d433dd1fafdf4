/// A declared input, output, list item or object field.
public struct FieldSpec: Sendable {
    /// The field's name, as cases and results spell it.
    public let name: String
    /// The label in Chinese and English, if the rule file gives one.
    public let label: LocalizedText?
    /// The unit of a number (`%`), if the rule file gives one.
    public let unit: String?
    /// The value type.
    public let type: ValueType
    /// Numeric (or date) bounds; `Bounds.none` when unbounded.
    public let bounds: Bounds
    /// Whether a case must give the field.
    public let required: Bool
    /// The value used when an optional field is absent.
    public let defaultValue: Value?
    /// For lists: the constraints on each item.
    public let items: ItemSpec?
    /// For lists: the most items allowed.
    public let maxItems: Int?
    /// Keys of the citations the field rests on.
    public let cite: [String]

    /// The label in a language, falling back to the name.
    public func label(_ language: Language) -> String { label?.text(language) ?? name }
}

/// Item constraints of a list (boxed: a struct cannot contain itself).
public final class ItemSpec: Sendable {
    /// The constraints on each item.
    public let spec: FieldSpec
    init(_ spec: FieldSpec) { self.spec = spec }
}

/// Numeric (or date) bounds of a field.
public struct Bounds: Sendable {
    /// Inclusive lower bound.
    public var min: Value?
    /// Inclusive upper bound.
    public var max: Value?
    /// Exclusive lower bound.
    public var exclusiveMin: Value?
    /// Exclusive upper bound.
    public var exclusiveMax: Value?

    /// No bounds at all.
    public static let none = Bounds()

    /// Whether no bound is set.
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
