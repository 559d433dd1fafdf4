/// Recursive-descent parser for the expression language (grammar in docs/expressions.md).
struct ExpressionParser {
    static let keywords: Set<String> = ["if", "then", "else", "and", "or", "not", "in", "true", "false", "null"]

    private let tokens: [Lexeme]
    private var p = 0

    init(tokens: [Lexeme]) { self.tokens = tokens }

    /// Parses a whole expression.
    static func parse(_ text: String) throws(ParseError) -> Expr {
        var parser = ExpressionParser(tokens: try Lexer.tokenize(text))
        let e = try parser.expression()
        guard parser.peek == .end else { throw parser.unexpected("end of expression") }
        return e
    }

    var peek: Token { tokens[p].token }
    private var here: Int { tokens[p].start }

    private mutating func advance() -> Lexeme {
        let l = tokens[p]
        if p < tokens.count - 1 { p += 1 }
        return l
    }

    private func isKeyword(_ word: String) -> Bool { peek == .name(word) }
    private func isSymbol(_ s: String) -> Bool { peek == .symbol(s) }

    func unexpected(_ expected: String) -> ParseError {
        let found: String
        switch peek {
        case .end: found = "end of text"
        case .number(let n): found = "number \(n)"
        case .string(let s): found = "string \"\(s)\""
        case .name(let n): found = "'\(n)'"
        case .symbol(let s): found = "'\(s)'"
        }
        return ParseError(message: "expected \(expected), found \(found)", offset: here)
    }

    private mutating func expect(symbol s: String) throws(ParseError) {
        guard isSymbol(s) else { throw unexpected("'\(s)'") }
        _ = advance()
    }

    private mutating func expect(keyword k: String) throws(ParseError) {
        guard isKeyword(k) else { throw unexpected("'\(k)'") }
        _ = advance()
    }

    private func span(from start: Int) -> SourceSpan {
        SourceSpan(start: start, end: tokens[max(0, p - 1)].end)
    }

    mutating func expression() throws(ParseError) -> Expr {
        if isKeyword("if") {
            let start = here
            _ = advance()
            let c = try expression()
            try expect(keyword: "then")
            let t = try expression()
            try expect(keyword: "else")
            let e = try expression()
            return .conditional(c, t, e, span(from: start))
        }
        return try orExpr()
    }

    private mutating func orExpr() throws(ParseError) -> Expr {
        let start = here
        var left = try andExpr()
        while isKeyword("or") {
            _ = advance()
            left = .binary(.or, left, try andExpr(), span(from: start))
        }
        return left
    }

    private mutating func andExpr() throws(ParseError) -> Expr {
        let start = here
        var left = try notExpr()
        while isKeyword("and") {
            _ = advance()
            left = .binary(.and, left, try notExpr(), span(from: start))
        }
        return left
    }

    private mutating func notExpr() throws(ParseError) -> Expr {
        if isKeyword("not") {
            let start = here
            _ = advance()
            return .not(try notExpr(), span(from: start))
        }
        return try comparison()
    }

    private mutating func comparison() throws(ParseError) -> Expr {
        let start = here
        let left = try additive()
        if case .symbol(let s) = peek, let op = BinaryOp(rawValue: s), op.isComparison {
            _ = advance()
            return .binary(op, left, try additive(), span(from: start))
        }
        if isKeyword("in") {
            _ = advance()
            return .binary(.in, left, try additive(), span(from: start))
        }
        return left
    }

    private mutating func additive() throws(ParseError) -> Expr {
        let start = here
        var left = try multiplicative()
        while isSymbol("+") || isSymbol("-") {
            let op: BinaryOp = isSymbol("+") ? .add : .sub
            _ = advance()
            left = .binary(op, left, try multiplicative(), span(from: start))
        }
        return left
    }

    private mutating func multiplicative() throws(ParseError) -> Expr {
        let start = here
        var left = try unary()
        while isSymbol("*") || isSymbol("/") {
            let op: BinaryOp = isSymbol("*") ? .mul : .div
            _ = advance()
            left = .binary(op, left, try unary(), span(from: start))
        }
        return left
    }

    private mutating func unary() throws(ParseError) -> Expr {
        if isSymbol("-") {
            let start = here
            _ = advance()
            let operand = try unary()
            if case .number(let n, _) = operand { return .number(n.negated(), span(from: start)) }
            return .negate(operand, span(from: start))
        }
        return try postfix()
    }

    private mutating func postfix() throws(ParseError) -> Expr {
        let start = here
        var e = try primary()
        while isSymbol(".") {
            _ = advance()
            guard case .name(let field) = peek else { throw unexpected("a field name after '.'") }
            _ = advance()
            e = .member(e, field, span(from: start))
        }
        return e
    }

    private mutating func primary() throws(ParseError) -> Expr {
        let start = here
        switch peek {
        case .number(let n):
            _ = advance()
            return .number(n, span(from: start))
        case .string(let s):
            _ = advance()
            return .string(s, span(from: start))
        case .name(let n):
            switch n {
            case "true", "false":
                _ = advance()
                return .bool(n == "true", span(from: start))
            case "null":
                _ = advance()
                return .null(span(from: start))
            case "not":
                // `not(x)` in function form is handled by notExpr; reaching here means misuse.
                throw unexpected("a value")
            default:
                if ExpressionParser.keywords.contains(n) { throw unexpected("a value") }
            }
            _ = advance()
            if isSymbol("(") {
                _ = advance()
                var args: [Expr] = []
                if !isSymbol(")") {
                    repeat {
                        if !args.isEmpty { _ = advance() }
                        args.append(try argument())
                    } while isSymbol(",")
                }
                try expect(symbol: ")")
                return .call(n, args, span(from: start))
            }
            return .name(n, span(from: start))
        case .symbol("("):
            _ = advance()
            let e = try expression()
            try expect(symbol: ")")
            return e
        case .symbol("["):
            _ = advance()
            var items: [Expr] = []
            if !isSymbol("]") {
                repeat {
                    if !items.isEmpty { _ = advance() }
                    items.append(try expression())
                } while isSymbol(",")
            }
            try expect(symbol: "]")
            return .list(items, span(from: start))
        default:
            throw unexpected("a value")
        }
    }

    private mutating func argument() throws(ParseError) -> Expr {
        // A lambda: `x -> body`.
        if case .name(let n) = peek, !ExpressionParser.keywords.contains(n), p + 1 < tokens.count,
           tokens[p + 1].token == .symbol("->") {
            let start = here
            _ = advance()
            _ = advance()
            let body = try expression()
            return .lambda(n, body, span(from: start))
        }
        return try expression()
    }
}
