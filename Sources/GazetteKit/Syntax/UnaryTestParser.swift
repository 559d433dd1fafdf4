/// Parses decision-table cells (`> 100`, `[30..100]`, `"a", "b"`, `not(low)`, `-`).
enum UnaryTestParser {
    static func parse(_ text: String) throws(ParseError) -> UnaryTest<CellLiteral> {
        let trimmed = text.trimmingSpaces
        if trimmed == "-" || trimmed.isEmpty { return .any }
        var cursor = Cursor(tokens: try Lexer.tokenize(text, hyphenatedNames: true))
        let test = try cursor.list()
        guard cursor.peek == .end else { throw cursor.unexpected("end of cell") }
        return test
    }

    struct Cursor {
        let tokens: [Lexeme]
        var p = 0

        var peek: Token { tokens[p].token }

        mutating func advance() { if p < tokens.count - 1 { p += 1 } }

        func unexpected(_ what: String) -> ParseError {
            ParseError(message: "expected \(what)", offset: tokens[p].start)
        }

        mutating func list() throws(ParseError) -> UnaryTest<CellLiteral> {
            var tests = [try single()]
            while peek == .symbol(",") {
                advance()
                tests.append(try single())
            }
            return tests.count == 1 ? tests[0] : .anyOf(tests)
        }

        mutating func single() throws(ParseError) -> UnaryTest<CellLiteral> {
            switch peek {
            case .name("not"):
                advance()
                guard peek == .symbol("(") else { throw unexpected("'(' after not") }
                advance()
                let inner = try list()
                guard peek == .symbol(")") else { throw unexpected("')'") }
                advance()
                if case .anyOf(let ts) = inner { return .none(ts) }
                return .none([inner])
            case .symbol("-") where tokens[p + 1].token == .end || tokens[p + 1].token == .symbol(","):
                advance()
                return .any
            case .symbol(let s) where ["<", "<=", ">", ">=", "=", "!="].contains(s):
                advance()
                return .compare(CompareOp(rawValue: s) ?? .eq, try literal())
            case .symbol("["), .symbol("("), .symbol("]"):
                let lowClosed = peek == .symbol("[")
                advance()
                let low = try literal()
                guard peek == .symbol("..") else { throw unexpected("'..' in range") }
                advance()
                let high = try literal()
                let highClosed: Bool
                switch peek {
                case .symbol("]"): highClosed = true
                case .symbol(")"), .symbol("["): highClosed = false
                default: throw unexpected("']' or ')' closing the range")
                }
                advance()
                return .range(low: low, lowClosed: lowClosed, high: high, highClosed: highClosed)
            default:
                return .compare(.eq, try literal())
            }
        }

        mutating func literal() throws(ParseError) -> CellLiteral {
            switch peek {
            case .number(let n):
                advance()
                return .number(n)
            case .symbol("-"):
                advance()
                guard case .number(let n) = peek else { throw unexpected("a number after '-'") }
                advance()
                return .number(n.negated())
            case .string(let s):
                advance()
                return .string(s)
            case .name("true"), .name("false"):
                let b = peek == .name("true")
                advance()
                return .bool(b)
            case .name("null"):
                advance()
                return .null
            case .name("date"):
                let start = tokens[p].start
                advance()
                guard peek == .symbol("(") else { throw unexpected("'(' after date") }
                advance()
                guard case .string(let s) = peek, let d = Day(s) else {
                    throw ParseError(message: "date(\"YYYY-MM-DD\") needs a valid ISO date", offset: start)
                }
                advance()
                guard peek == .symbol(")") else { throw unexpected("')'") }
                advance()
                return .date(d)
            case .name(let n):
                advance()
                return .bare(n)
            default:
                throw unexpected("a value")
            }
        }
    }
}

extension String {
    /// The string without leading and trailing white space.
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
