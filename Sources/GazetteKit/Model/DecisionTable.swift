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
    /// The unary test as written.
    public let text: String
    /// The parsed unary test.
    public let test: UnaryTest<CellLiteral>
    /// The word of the text the cell encodes, if the rule file quotes it.
    public let wording: String?
}

/// An output entry of a row: a literal of the output's type, or an expression.
public enum OutputCell: Sendable {
    case literal(JSONValue)
    case expression(SourceExpression)
}

/// One row of a decision table.
public struct TableRow: Sendable {
    /// One cell per table input, in input order.
    public let when: [TableCell]
    /// Output name → entry, in the order written.
    public let then: [(name: String, cell: OutputCell)]
    /// Keys of the citations the row rests on.
    public let cite: [String]
    /// A free note on the row, as written.
    public let annotation: String?
    /// JSON path of the row in its rule file.
    public let path: String
}

/// A decision table as written in the rule file.
public struct DecisionTable: Sendable {
    /// The table's name, as traces show it.
    public let name: String
    /// How matching rows combine.
    public let hitPolicy: HitPolicy
    /// How a `collect` table combines its matches; nil lists them.
    public let aggregation: Aggregation?
    /// The input expressions, one per column.
    public let inputs: [SourceExpression]
    /// Names of the values the table sets.
    public let outputs: [String]
    /// The rows, in the order written.
    public let rows: [TableRow]
    /// Output values when no row matches (DMN default output entries).
    public let defaults: [(name: String, cell: OutputCell)]
    /// A plain-language template for traces, if the rule file gives one.
    public let explain: LocalizedText?
    /// JSON path of the table in its rule file.
    public let path: String
}
