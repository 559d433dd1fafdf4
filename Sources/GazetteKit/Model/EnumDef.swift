/// An enumeration declared by an input or output: codes with labels and aliases.
public final class EnumDef: Sendable {
    /// One permitted value.
    public struct Case: Sendable {
        /// The canonical code, as results carry it.
        public let code: String
        /// The label in Chinese and English.
        public let label: LocalizedText
        /// Other spellings accepted for this case.
        public let aliases: [String]
        /// Keys of the citations the case rests on.
        public let cite: [String]
    }

    /// Where it was declared, for messages (`geohazard.prevention-zone.riskLevel`).
    public let name: String
    /// The permitted values, in declaration order.
    public let cases: [Case]
    /// True when `cases` run from lowest to highest (for monotonicity analysis).
    public let ordered: Bool
    private let lookup: [String: Int]

    init(name: String, cases: [Case], ordered: Bool) {
        self.name = name
        self.cases = cases
        self.ordered = ordered
        var map: [String: Int] = [:]
        for (i, c) in cases.enumerated() {
            for key in [c.code, c.label.zh, c.label.en] + c.aliases where map[key] == nil { map[key] = i }
            let lower = c.code.lowercased()
            if map[lower] == nil { map[lower] = i }
        }
        lookup = map
    }

    /// The index of the case a code, label or alias names.
    public func index(of text: String) -> Int? {
        lookup[text] ?? lookup[text.lowercased()]
    }

    /// The index of the case with this exact code.
    public func index(ofCode code: String) -> Int? {
        cases.firstIndex { $0.code == code }
    }

    /// Every accepted spelling, for error messages.
    public var codes: [String] { cases.map(\.code) }
}
