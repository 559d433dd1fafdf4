/// A finding reported for a case. A finding a rule raised keeps the values its message names and
/// renders the message only when read, so judging a case builds no text.
public struct FindingResult: Sendable {
    enum Storage: Sendable {
        /// Built by hand (unknown fields, tests): everything given.
        case given(code: String, severity: Severity, message: LocalizedText, citations: [Citation])
        /// Raised by a compiled finding step: the step, and the values of the slots its message names.
        case raised(FindingNode, captured: ArraySlice<Value>)
    }

    let storage: Storage

    /// The finding's code, as declared in the rule file.
    public var code: String {
        switch storage {
        case .given(let code, _, _, _): return code
        case .raised(let node, _): return node.def.code
        }
    }

    /// How severe the finding is.
    public var severity: Severity {
        switch storage {
        case .given(_, let severity, _, _): return severity
        case .raised(let node, _): return node.def.severity
        }
    }

    /// What the finding means, in Chinese and English.
    public var message: LocalizedText {
        switch storage {
        case .given(_, _, let message, _): return message
        case .raised(let node, let captured): return node.message.render(captured: captured)
        }
    }

    /// The passages the finding rests on.
    public var citations: [Citation] {
        switch storage {
        case .given(_, _, _, let citations): return citations
        case .raised(let node, _): return node.citations
        }
    }

    /// A finding from its code, severity, message and citations.
    public init(code: String, severity: Severity, message: LocalizedText, citations: [Citation]) {
        storage = .given(code: code, severity: severity, message: message, citations: citations)
    }

    init(storage: Storage) { self.storage = storage }
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
///
/// Laid out for the batch path: one reference to the compiled version (decision id, version id,
/// output declarations), one array holding the output values followed by the values the raised
/// findings captured for their messages, and the raised findings as (step, offset) pairs. The public
/// properties assemble the familiar shapes on demand.
public struct EvaluationResult: Sendable {
    /// The compiled version that judged the case.
    let header: CompiledVersion
    /// The judging date.
    public let asOf: Day
    /// The output values in declaration order, then the finding captures.
    let values: [Value]
    /// Findings built outside a step (unknown fields, a used decision's findings), reported first.
    let given: [FindingResult]
    /// Findings the steps raised, in order: the step and where its captured values start in `values`.
    let raised: [RaisedFinding]
    /// Trace and citations, present when evaluated with `explain`.
    let explanation: Explanation?
    /// For an answer from a piece table: the batch line's outputs and findings, written at load.
    var tail: [UInt8]? = nil

    /// A finding raised by a step, with the offset of its captured values.
    struct RaisedFinding {
        let node: FindingNode
        let offset: Int
    }

    /// What `explain` adds.
    final class Explanation: @unchecked Sendable {
        let trace: [TraceStep]
        let citations: [Citation]
        init(trace: [TraceStep], citations: [Citation]) {
            self.trace = trace
            self.citations = citations
        }
    }

    /// The decision that judged the case.
    public var decisionId: String { header.decisionId }
    /// The id of the version applied.
    public var version: String { header.version.id }
    /// The declared outputs (shared with the decision, not copied per case).
    public var outputSpecs: [FieldSpec] { header.outputSpecs }
    /// How many outputs there are.
    var outputCount: Int { header.outputSlots.count }
    /// The output values, in declaration order.
    public var outputValues: [Value] { values.count == outputCount ? values : Array(values[..<outputCount]) }
    /// The findings reported, in the order emitted.
    public var findings: [FindingResult] {
        given + raised.map { r in
            FindingResult(storage: .raised(r.node, captured: captured(r)))
        }
    }
    /// Filled when evaluated with `explain`.
    public var trace: [TraceStep] { explanation?.trace ?? [] }
    /// Filled when evaluated with `explain`.
    public var citations: [Citation] { explanation?.citations ?? [] }

    /// The captured values of a raised finding.
    func captured(_ r: RaisedFinding) -> ArraySlice<Value> {
        values[r.offset..<(r.offset + r.node.message.captures.count)]
    }

    /// Outputs paired with their declarations.
    public var outputs: [(spec: FieldSpec, value: Value)] { Array(zip(outputSpecs, values)) }

    /// An output by name.
    public func output(_ name: String) -> Value? {
        outputSpecs.firstIndex { $0.name == name }.map { values[$0] }
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
