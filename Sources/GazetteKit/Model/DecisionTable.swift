/// DMN hit policies.
public enum HitPolicy: String, Sendable, CaseIterable {
    case unique, first, priority, any, collect
}

/// Aggregations for the `collect` hit policy.
public enum Aggregation: String, Sendable, CaseIterable {
    case sum, min, max, count
}

/// One cell of a table row: its unary test and the legal word it encodes.
public struct TableCell: Sendable {
    public let text: String
    public let test: UnaryTest<CellLiteral>
    public let wording: String?
}

/// An output entry of a row: a literal of the output's type, or an expression.
public enum OutputCell: Sendable {
    case literal(JSONValue)
    case expression(SourceExpression)
}

/// One row of a decision table.
public struct TableRow: Sendable {
    public let when: [TableCell]
    public let then: [(name: String, cell: OutputCell)]
    public let cite: [String]
    public let annotation: String?
    public let path: String
}

/// A decision table as written in the rule file.
public struct DecisionTable: Sendable {
    public let name: String
    public let hitPolicy: HitPolicy
    public let aggregation: Aggregation?
    public let inputs: [SourceExpression]
    public let outputs: [String]
    public let rows: [TableRow]
    /// Output values when no row matches (DMN default output entries).
    public let defaults: [(name: String, cell: OutputCell)]
    public let explain: LocalizedText?
    public let path: String
}
