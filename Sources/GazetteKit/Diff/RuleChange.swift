/// One structural difference between two rule versions, as `gazette diff` reports it.
public struct RuleChange: Sendable, Equatable {
    /// What part of a rule changed; the kinds the issue asks a reviewer to tell apart.
    public enum Kind: String, Sendable, CaseIterable {
        /// A decision appeared or disappeared.
        case decision
        /// A declared input changed (type, unit, bounds, default, enum values).
        case input
        /// A declared output changed, or a table row now gives a different output.
        case output
        /// A version appeared, disappeared, or its effective dates moved.
        case version
        /// A table row was added, removed, or its conditions changed in more than a number.
        case row
        /// Only a number moved: a table cell's bound or an expression's literal (`0.6` → `0.52`).
        case threshold
        /// A cited sentence, its clause or its line changed, or a step or row cites other keys.
        case citation
        /// A declared finding changed (severity, message, citation), or a finding step was added/removed.
        case finding
        /// A computed value or a table's shape (hit policy, columns) changed in more than a number.
        case logic
        /// The title or the notes on interpretation changed.
        case text
    }

    /// The change's kind.
    public let kind: Kind
    /// The decision it concerns.
    public let decision: String
    /// Where in the decision: `version 2018-08-17 / table intensityBand / row 2 / intensityUsed`.
    public let location: String
    /// The old text, nil when the thing was added.
    public let old: String?
    /// The new text, nil when the thing was removed.
    public let new: String?

    /// Creates a change record.
    public init(_ kind: Kind, decision: String, at location: String, old: String?, new: String?) {
        self.kind = kind
        self.decision = decision
        self.location = location
        self.old = old
        self.new = new
    }

    /// `added`, `removed` or `changed`.
    public var action: String { old == nil ? "added" : new == nil ? "removed" : "changed" }
}
