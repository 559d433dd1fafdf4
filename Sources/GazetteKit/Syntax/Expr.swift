/// A span of expression source text, as character offsets (0-based).
public struct SourceSpan: Sendable, Equatable {
    /// Offset of the first character.
    public let start: Int
    /// Offset just past the last character.
    public let end: Int
}

/// Binary operators of the expression language.
public enum BinaryOp: String, Sendable {
    case add = "+", sub = "-", mul = "*", div = "/"
    case eq = "=", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">="
    case and, or, `in`

    var isComparison: Bool {
        switch self { case .eq, .ne, .lt, .le, .gt, .ge: return true; default: return false }
    }
}

/// The parsed form of an expression, before type checking.
public indirect enum Expr: Sendable {
    case number(ExactDecimal, SourceSpan)
    case string(String, SourceSpan)
    case bool(Bool, SourceSpan)
    case null(SourceSpan)
    case name(String, SourceSpan)
    case member(Expr, String, SourceSpan)
    case call(String, [Expr], SourceSpan)
    case lambda(String, Expr, SourceSpan)
    case negate(Expr, SourceSpan)
    case not(Expr, SourceSpan)
    case binary(BinaryOp, Expr, Expr, SourceSpan)
    case conditional(Expr, Expr, Expr, SourceSpan)
    case list([Expr], SourceSpan)

    /// Where in the source this node stands.
    public var span: SourceSpan {
        switch self {
        case .number(_, let s), .string(_, let s), .bool(_, let s), .null(let s), .name(_, let s),
             .member(_, _, let s), .call(_, _, let s), .lambda(_, _, let s), .negate(_, let s), .not(_, let s),
             .binary(_, _, _, let s), .conditional(_, _, _, let s), .list(_, let s):
            return s
        }
    }
}

/// An expression with its source text, parsed once at load.
public struct SourceExpression: Sendable {
    /// The expression as written.
    public let text: String
    /// The parsed expression.
    public let ast: Expr
    /// JSON path of the rule-file member it came from.
    public let path: String

    /// The source text a node covers.
    public func text(of span: SourceSpan) -> String {
        let chars = Array(text)
        let lo = max(0, min(span.start, chars.count)), hi = max(lo, min(span.end, chars.count))
        return String(chars[lo..<hi])
    }
}
