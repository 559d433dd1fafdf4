/// A finding reported for a case.
public struct FindingResult: Sendable {
    /// The finding's code, as declared in the rule file.
    public let code: String
    /// How severe the finding is.
    public let severity: Severity
    /// What the finding means, in Chinese and English.
    public let message: LocalizedText
    /// The passages the finding rests on.
    public let citations: [Citation]
    /// The JSON of `citations`, when it was rendered once at load (the batch path reuses it).
    let citationsJSON: String?

    /// A finding from its code, severity, message and citations.
    public init(code: String, severity: Severity, message: LocalizedText, citations: [Citation]) {
        self.init(code: code, severity: severity, message: message, citations: citations, citationsJSON: nil)
    }

    init(code: String, severity: Severity, message: LocalizedText, citations: [Citation], citationsJSON: String?) {
        self.code = code
        self.severity = severity
        self.message = message
        self.citations = citations
        self.citationsJSON = citationsJSON
    }
}

/// One step of the reasoning behind a result: what was looked at and what it gave.
public struct TraceStep: Sendable {
    /// The kinds of step: an input read, a table, a computed value, a finding, a constraint, a used decision.
    public enum Kind: String, Sendable { case input, table, value, finding, constraint, uses }
    /// What kind of step it is.
    public let kind: Kind
    /// The table, value or finding name.
    public let name: String
    /// The expression, or the matched row's cells.
    public let detail: String
    /// 1-based matched rows, for tables.
    public let rows: [Int]
    /// Values the step read.
    public let using: [(name: String, value: Value)]
    /// Values the step produced.
    public let result: [(name: String, value: Value)]
    /// Keys of the citations the step rests on.
    public let cite: [String]
    /// Extra notes (days a working-day count skipped, …).
    public let notes: [String]
    /// Rendered plain-language sentence, when the rule file gives a template.
    public let explanation: LocalizedText?
}

/// The answer for one case: outputs, findings, and how they were reached.
public struct EvaluationResult: Sendable {
    /// The decision that judged the case.
    public let decisionId: String
    /// The id of the version applied.
    public let version: String
    /// The judging date.
    public let asOf: Day
    /// The declared outputs (shared with the decision, not copied per case).
    public let outputSpecs: [FieldSpec]
    /// The output values, in declaration order.
    public let outputValues: [Value]
    /// The findings reported, in the order emitted.
    public let findings: [FindingResult]
    /// Filled when evaluated with `explain`.
    public let trace: [TraceStep]
    /// Filled when evaluated with `explain`.
    public let citations: [Citation]

    /// Outputs paired with their declarations.
    public var outputs: [(spec: FieldSpec, value: Value)] { Array(zip(outputSpecs, outputValues)) }

    /// An output by name.
    public func output(_ name: String) -> Value? {
        outputSpecs.firstIndex { $0.name == name }.map { outputValues[$0] }
    }
}

/// What judging one case produced: a result or an error, with the case's id.
public struct Outcome: Sendable {
    /// The case's `id` member, echoed back; nil when the case had none.
    public let caseId: JSONValue?
    /// The decision the case was judged by.
    public let decisionId: String
    /// The result, or why the case could not be judged.
    public let result: Result<EvaluationResult, EvaluationError>

    /// Pairs a case's id with what judging it produced.
    public init(caseId: JSONValue?, decisionId: String, result: Result<EvaluationResult, EvaluationError>) {
        self.caseId = caseId
        self.decisionId = decisionId
        self.result = result
    }
}
