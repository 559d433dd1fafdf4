/// A literal in a table cell, before the column's type resolves it.
public enum CellLiteral: Sendable, Equatable {
    case number(ExactDecimal)
    case string(String)
    /// An unquoted word: an enum code or label in enum columns.
    case bare(String)
    case bool(Bool)
    case date(Day)
    case null
}

/// Comparison operators in unary tests.
public enum CompareOp: String, Sendable {
    case lt = "<", le = "<=", gt = ">", ge = ">=", eq = "=", ne = "!="
}

/// A FEEL-style unary test: the condition a decision-table cell places on its column.
public indirect enum UnaryTest<Literal: Sendable & Equatable>: Sendable, Equatable {
    /// `-`: any value.
    case any
    /// `< x`, `>= x`, `= x`, a bare literal (`= x`).
    case compare(CompareOp, Literal)
    /// `[a..b]`, `(a..b)` and mixed: closed ends include the bound.
    case range(low: Literal, lowClosed: Bool, high: Literal, highClosed: Bool)
    /// `a, b, c`: any of them.
    case anyOf([UnaryTest])
    /// `not(a, b)`: none of them.
    case none([UnaryTest])

    /// The same test with its literals mapped.
    public func map<T>(_ f: (Literal) throws -> T) rethrows -> UnaryTest<T> {
        switch self {
        case .any: return .any
        case .compare(let op, let v): return .compare(op, try f(v))
        case .range(let lo, let lc, let hi, let hc): return .range(low: try f(lo), lowClosed: lc, high: try f(hi), highClosed: hc)
        case .anyOf(let ts): return .anyOf(try ts.map { try $0.map(f) })
        case .none(let ts): return .none(try ts.map { try $0.map(f) })
        }
    }
}
