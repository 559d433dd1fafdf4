/// Builds compact JSON text; numbers are written exactly from their decimal form.
public enum JSONWriter {
    /// A JSON string literal with the escapes RFC 8259 requires.
    public static func quote(_ s: String) -> String {
        var w = ByteWriter(capacity: s.utf8.count + 2)
        w.string(s)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    /// A typed value as JSON (objects need their type for field names).
    public static func value(_ v: Value, _ type: ValueType? = nil) -> String {
        switch v {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n.description
        case .string(let s): return quote(s)
        case .date(let d): return quote(d.description)
        case .datetime(let t): return quote(t.description)
        case .quarter(let q): return quote(q.description)
        case .list(let items):
            var itemType: ValueType?
            if case .list(let t)? = type { itemType = t }
            return "[" + items.map { value($0, itemType) }.joined(separator: ",") + "]"
        case .object(let fields):
            guard case .object(let def)? = type else {
                return "[" + fields.map { value($0) }.joined(separator: ",") + "]"
            }
            return "{" + zip(def.fields, fields).map { quote($0.name) + ":" + value($1, $0.type) }.joined(separator: ",") + "}"
        }
    }

    /// A parsed JSON value re-serialised (for echoing case ids).
    public static func json(_ j: JSONValue) -> String {
        switch j {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let t): return t
        case .string(let s): return quote(s)
        case .array(let a): return "[" + a.map(json).joined(separator: ",") + "]"
        case .object(let ms): return "{" + ms.map { quote($0.key) + ":" + json($0.value) }.joined(separator: ",") + "}"
        }
    }
}
