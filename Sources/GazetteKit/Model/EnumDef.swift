/// An enumeration declared by an input or output: codes with labels and aliases.
public final class EnumDef: Sendable {
    /// One permitted value.
    public struct Case: Sendable {
        public let code: String
        public let label: LocalizedText
        public let aliases: [String]
        public let cite: [String]
    }

    /// Where it was declared, for messages (`geohazard.prevention-zone.riskLevel`).
    public let name: String
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
