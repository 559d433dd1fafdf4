/// A value computed by an expression.
public struct SetStep: Sendable {
    public let name: String
    public let expr: SourceExpression
    public let when: SourceExpression?
    public let cite: [String]
    public let wording: String?
    public let explain: LocalizedText?
    public let path: String
}

/// A finding emitted when a condition holds.
public struct FindingStep: Sendable {
    public let code: String
    public let when: SourceExpression
    public let wording: String?
    public let explain: LocalizedText?
    public let path: String
}

/// One step of a version's logic.
public enum Step: Sendable {
    case table(DecisionTable)
    case set(SetStep)
    case finding(FindingStep)
}

/// The logic in force over a date range.
public struct Version: Sendable {
    public let id: String
    public let from: Day
    /// Last day in force, inclusive.
    public let until: Day?
    public let steps: [Step]
    public let path: String

    /// Whether the version is in force on a day.
    public func covers(_ day: Day) -> Bool { day >= from && (until.map { day <= $0 } ?? true) }
}

/// A worked case with its expected answer.
public struct Example: Sendable {
    public let name: String
    public let input: JSONValue
    public let asOf: Day?
    public let outputs: [(name: String, value: JSONValue)]
    public let findings: [String]?
    public let error: (code: String, path: String?)?
    public let path: String
}

/// A table gap the text deliberately leaves open.
public struct DeclaredGap: Sendable {
    /// Input name → unary-test text of the gap.
    public let when: [(input: String, test: String)]
    public let reason: String
}

/// A cross-field condition that makes a case invalid.
public struct InputConstraint: Sendable {
    public let when: SourceExpression
    public let path: String
    public let message: LocalizedText
}

/// A decision as loaded from its rule file.
public struct Decision: Sendable {
    public let id: String
    public let title: LocalizedText
    public let file: String
    public let document: DocumentInfo
    public let source: [String]
    public let asOfInput: String?
    public let inputs: [FieldSpec]
    public let outputs: [FieldSpec]
    public let uses: [(alias: String, id: String)]
    public let findings: [FindingDef]
    public let constraints: [InputConstraint]
    public let versions: [Version]
    public let examples: [Example]
    public let notes: [LocalizedText]
    public let gaps: [DeclaredGap]
    /// Every citation of the file, by key.
    public let citations: [String: Citation]
    public let path: String

    /// The version in force on a day.
    public func version(on day: Day) -> Version? { versions.first { $0.covers(day) } }
}

/// A clause deliberately left unencoded, with the reason.
public struct NotEncodedClause: Sendable {
    public let clause: String
    public let line: Int?
    public let summary: String
    public let reason: String
}

/// One rule file.
public struct RuleFile: Sendable {
    public let path: String
    public let document: DocumentInfo
    public let citations: [String: Citation]
    public let decisions: [Decision]
    public let notEncoded: [NotEncodedClause]
}
