/// A JSON value with its path in a rule file, so every load error can say where it is.
struct JSONNode {
    let value: JSONValue
    let path: String
    let file: String

    func fail(_ message: String) -> LoadError { LoadError(file: file, path: path, message: message) }

    func child(_ key: String, _ value: JSONValue) -> JSONNode {
        let isPlain = key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "$" } && !key.isEmpty
        return JSONNode(value: value, path: isPlain ? "\(path).\(key)" : "\(path)[\"\(key)\"]", file: file)
    }

    func members(allowed: Set<String>) throws -> [(key: String, node: JSONNode)] {
        guard case .object(let ms) = value else { throw fail("expected an object, found \(value.kindName)") }
        for m in ms where !allowed.contains(m.key) {
            throw child(m.key, m.value).fail("unknown member \"\(m.key)\" (allowed: \(allowed.sorted().joined(separator: ", ")))")
        }
        return ms.map { ($0.key, child($0.key, $0.value)) }
    }

    func object() throws -> [(key: String, node: JSONNode)] {
        guard case .object(let ms) = value else { throw fail("expected an object, found \(value.kindName)") }
        return ms.map { ($0.key, child($0.key, $0.value)) }
    }

    subscript(key: String) -> JSONNode? {
        guard let v = value[key] else { return nil }
        return child(key, v)
    }

    func required(_ key: String) throws -> JSONNode {
        guard let n = self[key] else { throw fail("missing required member \"\(key)\"") }
        return n
    }

    func array() throws -> [JSONNode] {
        guard case .array(let items) = value else { throw fail("expected an array, found \(value.kindName)") }
        return items.enumerated().map { JSONNode(value: $1, path: "\(path)[\($0)]", file: file) }
    }

    func string() throws -> String {
        guard case .string(let s) = value else { throw fail("expected a string, found \(value.kindName)") }
        return s
    }

    func bool() throws -> Bool {
        guard case .bool(let b) = value else { throw fail("expected true or false, found \(value.kindName)") }
        return b
    }

    func int() throws -> Int {
        guard case .number(let t) = value, let d = ExactDecimal(t), let i = d.intValue else {
            throw fail("expected a whole number, found \(value.kindName)")
        }
        return i
    }

    func day() throws -> Day {
        let s = try string()
        guard let d = Day(s) else { throw fail("\"\(s)\" is not a valid ISO date (YYYY-MM-DD)") }
        return d
    }

    /// A string or a list of strings (citation keys).
    func strings() throws -> [String] {
        if case .string(let s) = value { return [s] }
        return try array().map { try $0.string() }
    }

    func localized() throws -> LocalizedText {
        if case .string(let s) = value { return LocalizedText(zh: s, en: s) }
        let ms = try members(allowed: ["zh", "en"])
        var zh: String?, en: String?
        for (k, n) in ms { if k == "zh" { zh = try n.string() } else { en = try n.string() } }
        guard let z = zh ?? en, let e = en ?? zh else { throw fail("expected { \"zh\": …, \"en\": … }") }
        return LocalizedText(zh: z, en: e)
    }

    /// Parses an expression held in this string member.
    func expression() throws -> SourceExpression {
        let text = try string()
        return try JSONNode.expression(text, at: self)
    }

    static func expression(_ text: String, at node: JSONNode) throws -> SourceExpression {
        do {
            let ast = try ExpressionParser.parse(text)
            return SourceExpression(text: text, ast: ast, path: node.path)
        } catch let e as ParseError {
            throw node.fail("expression \"\(text)\", column \(e.offset + 1): \(e.message)")
        }
    }
}
