/// A value computed by an expression.
public struct SetStep: Sendable {
    /// The name of the value it computes.
    public let name: String
    /// The expression that computes it.
    public let expr: SourceExpression
    /// Condition under which the step runs; nil means always.
    public let when: SourceExpression?
    /// Keys of the citations the step rests on.
    public let cite: [String]
    /// The word of the text the step encodes, if the rule file quotes it.
    public let wording: String?
    /// A plain-language template for traces, if the rule file gives one.
    public let explain: LocalizedText?
    /// JSON path of the step in its rule file.
    public let path: String
}

/// A finding emitted when a condition holds.
public struct FindingStep: Sendable {
    /// The code of the finding emitted, declared in the decision's `findings`.
    public let code: String
    /// The condition that emits it.
    public let when: SourceExpression
    /// The word of the text the step encodes, if the rule file quotes it.
    public let wording: String?
    /// A plain-language template for traces, if the rule file gives one.
    public let explain: LocalizedText?
    /// JSON path of the step in its rule file.
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
    /// The version's id, as in the rule file (its start date when none is given).
    public let id: String
    /// First day in force.
    public let from: Day
    /// Last day in force, inclusive.
    public let until: Day?
    /// The logic, in the order it runs.
    public let steps: [Step]
    /// JSON path of the version in its rule file.
    public let path: String

    /// Whether the version is in force on a day.
    public func covers(_ day: Day) -> Bool { day >= from && (until.map { day <= $0 } ?? true) }
}

/// A worked case with its expected answer.
public struct Example: Sendable {
    /// The example's name, as in the rule file.
    public let name: String
    /// The case, as JSON.
    public let input: JSONValue
    /// The judging date, if the example fixes one.
    public let asOf: Day?
    /// Expected output values by name; outputs not listed are not checked.
    public let outputs: [(name: String, value: JSONValue)]
    /// Expected finding codes; nil leaves findings unchecked.
    public let findings: [String]?
    /// The expected error code and field, when the case must be refused.
    public let error: (code: String, path: String?)?
    /// JSON path of the example in its rule file.
    public let path: String
}

/// A table gap the text deliberately leaves open.
public struct DeclaredGap: Sendable {
    /// Input name → unary-test text of the gap.
    public let when: [(input: String, test: String)]
    /// Why the text leaves it open.
    public let reason: String
}

/// A cross-field condition that makes a case invalid.
public struct InputConstraint: Sendable {
    /// The condition that makes a case invalid.
    public let when: SourceExpression
    /// JSON path of the constraint in its rule file.
    public let path: String
    /// What is wrong with such a case, for the error message.
    public let message: LocalizedText
}

/// A decision as loaded from its rule file.
public struct Decision: Sendable {
    /// The decision's id, as in the rule file.
    public let id: String
    /// The decision's title in Chinese and English.
    public let title: LocalizedText
    /// The rule file it is written in.
    public let file: String
    /// The document the rule file encodes.
    public let document: DocumentInfo
    /// Keys of the citations the decision as a whole rests on.
    public let source: [String]
    /// The date input that fixes the judging date, if one does.
    public let asOfInput: String?
    /// The declared inputs, in declaration order.
    public let inputs: [FieldSpec]
    /// The declared outputs, in declaration order.
    public let outputs: [FieldSpec]
    /// Other decisions whose results this one reads: alias → decision id.
    public let uses: [(alias: String, id: String)]
    /// The findings the decision may report.
    public let findings: [FindingDef]
    /// Cross-field conditions a case must meet.
    public let constraints: [InputConstraint]
    /// The logic over time, one version per date range.
    public let versions: [Version]
    /// Worked cases with their expected answers.
    public let examples: [Example]
    /// Free notes on the decision.
    public let notes: [LocalizedText]
    /// Table gaps the text deliberately leaves open.
    public let gaps: [DeclaredGap]
    /// Every citation of the file, by key.
    public let citations: [String: Citation]
    /// JSON path of the decision in its rule file.
    public let path: String

    /// The version in force on a day.
    public func version(on day: Day) -> Version? { versions.first { $0.covers(day) } }
}

/// A clause deliberately left unencoded, with the reason.
public struct NotEncodedClause: Sendable {
    /// The clause, as the document numbers it (`三（二）`).
    public let clause: String
    /// The seed line where the clause starts.
    public let line: Int?
    /// What the clause says, in brief.
    public let summary: String
    /// Why it is not encoded.
    public let reason: String
}

/// One rule file.
public struct RuleFile: Sendable {
    /// The file's path, as loaded.
    public let path: String
    /// The document the file encodes.
    public let document: DocumentInfo
    /// Every citation of the file, by key.
    public let citations: [String: Citation]
    /// The decisions, in file order.
    public let decisions: [Decision]
    /// Clauses of the document deliberately left unencoded.
    public let notEncoded: [NotEncodedClause]
}
