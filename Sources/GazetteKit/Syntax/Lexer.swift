/// Tokens of the expression and unary-test languages.
enum Token: Equatable {
    case number(ExactDecimal)
    case string(String)
    case name(String)
    case symbol(String)
    case end
}

/// A token with the character offsets it spans.
struct Lexeme {
    let token: Token
    let start: Int
    let end: Int
}

/// A parse error at a character offset (0-based) in an expression or cell.
public struct ParseError: Error, Sendable, Equatable {
    /// What is wrong, in a sentence.
    public let message: String
    /// Character offset (0-based) where the problem was found.
    public let offset: Int
}

/// Splits expression text into tokens.
struct Lexer {
    /// `hyphenatedNames` lets table cells name enum codes such as `retail-sales` unquoted.
    static func tokenize(_ text: String, hyphenatedNames: Bool = false) throws(ParseError) -> [Lexeme] {
        let chars = Array(text)
        var out: [Lexeme] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace { i += 1; continue }
            let start = i
            if c.isASCII && c.isNumber {
                while i < chars.count, chars[i].isASCII, chars[i].isNumber { i += 1 }
                // A "." followed by a digit continues the number; ".." is a range.
                if i + 1 < chars.count, chars[i] == ".", chars[i + 1].isASCII, chars[i + 1].isNumber {
                    i += 1
                    while i < chars.count, chars[i].isASCII, chars[i].isNumber { i += 1 }
                }
                let text = String(chars[start..<i])
                guard let n = try? ExactDecimal(parsing: text[...]) else {
                    throw ParseError(message: "number \(text) is out of range", offset: start)
                }
                out.append(Lexeme(token: .number(n), start: start, end: i))
                continue
            }
            if c == "\"" || c == "“" {
                let close: Character = c == "\"" ? "\"" : "”"
                i += 1
                var s = ""
                while i < chars.count && chars[i] != close {
                    if chars[i] == "\\" && i + 1 < chars.count { i += 1 }
                    s.append(chars[i])
                    i += 1
                }
                guard i < chars.count else { throw ParseError(message: "unterminated string", offset: start) }
                i += 1
                out.append(Lexeme(token: .string(s), start: start, end: i))
                continue
            }
            if c.isLetter || c == "_" {
                while i < chars.count, chars[i].isLetter || chars[i].isNumber || chars[i] == "_"
                        || (hyphenatedNames && chars[i] == "-" && i + 1 < chars.count && (chars[i + 1].isLetter || chars[i + 1].isNumber)) { i += 1 }
                out.append(Lexeme(token: .name(String(chars[start..<i])), start: start, end: i))
                continue
            }
            let two = i + 1 < chars.count ? String(chars[i...i + 1]) : ""
            if ["<=", ">=", "!=", "->", ".."].contains(two) {
                i += 2
                out.append(Lexeme(token: .symbol(two), start: start, end: i))
                continue
            }
            let symbols: [Character: String] = ["≤": "<=", "≥": ">=", "≠": "!=", "（": "(", "）": ")", "，": ","]
            if let mapped = symbols[c] {
                i += 1
                out.append(Lexeme(token: .symbol(mapped), start: start, end: i))
                continue
            }
            if "+-*/=<>()[],.".contains(c) {
                i += 1
                out.append(Lexeme(token: .symbol(String(c)), start: start, end: i))
                continue
            }
            throw ParseError(message: "unexpected character '\(c)'", offset: start)
        }
        out.append(Lexeme(token: .end, start: chars.count, end: chars.count))
        return out
    }
}
