/// Turns JSON into typed values: case inputs (with bounds) and literals in rule files.
enum ValueBinder {
    /// Binds a JSON value to a declared field, checking type and bounds; `path` names it in errors.
    static func bind(_ json: JSONValue, to spec: FieldSpec, path: String) throws(EvaluationError) -> Value {
        let value = try convert(json, as: spec.type, spec: spec, path: path)
        try checkBounds(value, spec: spec, path: path)
        return value
    }

    static func convert(_ json: JSONValue, as type: ValueType, spec: FieldSpec?, path: String) throws(EvaluationError) -> Value {
        func wrong(_ expected: String) -> EvaluationError {
            EvaluationError(.inputType, path: path, "\(path) must be \(expected), got \(render(json))")
        }
        switch type {
        case .integer, .decimal:
            guard case .number(let text) = json else { throw wrong(type.name == "integer" ? "a whole number" : "a number") }
            let d: ExactDecimal
            do { d = try ExactDecimal(parsing: text[...]) } catch {
                throw EvaluationError(.inputFormat, path: path, "\(path) = \(text) cannot be held exactly (at most 38 significant digits, magnitude below 10^38)")
            }
            if case .integer = type, !d.isInteger { throw wrong("a whole number") }
            return .number(d)
        case .boolean:
            guard case .bool(let b) = json else { throw wrong("true or false") }
            return .bool(b)
        case .string:
            guard case .string(let s) = json else { throw wrong("a string") }
            return .string(s)
        case .date:
            guard case .string(let s) = json else { throw wrong("a date \"YYYY-MM-DD\"") }
            guard let d = Day(s) else {
                throw EvaluationError(.inputFormat, path: path, "\(path) = \"\(s)\" is not a valid date (YYYY-MM-DD, a day that exists)")
            }
            return .date(d)
        case .datetime:
            guard case .string(let s) = json else { throw wrong("a date-time \"YYYY-MM-DDTHH:MM:SS+08:00\"") }
            guard let t = Instant(iso: s[...]) else {
                throw EvaluationError(.inputFormat, path: path, "\(path) = \"\(s)\" is not a valid ISO 8601 date-time (YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM]; no offset means Asia/Shanghai)")
            }
            return .datetime(t)
        case .quarter:
            guard case .string(let s) = json else { throw wrong("a quarter \"YYYYQn\"") }
            guard let q = Quarter(s) else {
                throw EvaluationError(.inputFormat, path: path, "\(path) = \"\(s)\" is not a quarter (YYYYQn with n from 1 to 4, e.g. \"2018Q2\")")
            }
            return .quarter(q)
        case .enumeration(let e):
            guard case .string(let s) = json, let i = e.index(of: s) else {
                let allowed = e.cases.map { "\($0.code) (\($0.label.zh))" }.joined(separator: ", ")
                throw EvaluationError(.inputEnum, path: path, "\(path) = \(render(json)) is not one of: \(allowed)")
            }
            return .string(e.cases[i].code)
        case .list(let itemType):
            guard case .array(let items) = json else { throw wrong("a list") }
            if let max = spec?.maxItems, items.count > max {
                throw EvaluationError(.inputBounds, path: path, "\(path) has \(items.count) items; at most \(max) are allowed")
            }
            var out: [Value] = []
            out.reserveCapacity(items.count)
            for (i, item) in items.enumerated() {
                let p = "\(path)[\(i)]"
                if let itemSpec = spec?.items?.spec {
                    out.append(try bind(item, to: itemSpec, path: p))
                } else {
                    out.append(try convert(item, as: itemType, spec: nil, path: p))
                }
            }
            return .list(out)
        case .object(let def):
            guard case .object(let members) = json else { throw wrong("an object") }
            var fields: [Value] = []
            fields.reserveCapacity(def.fields.count)
            for f in def.fields {
                let p = "\(path).\(f.name)"
                if let m = members.first(where: { $0.key == f.name }), m.value != .null {
                    fields.append(try bind(m.value, to: f, path: p))
                } else if let d = f.defaultValue {
                    fields.append(d)
                } else if f.required {
                    throw EvaluationError(.inputMissing, path: p, "\(p) is required")
                } else {
                    fields.append(.null)
                }
            }
            for m in members where def.index(of: m.key) == nil {
                throw EvaluationError(.inputType, path: "\(path).\(m.key)", "\(path).\(m.key) is not a field of \(path) (fields: \(def.fields.map(\.name).joined(separator: ", ")))")
            }
            return .object(fields)
        case .null:
            guard json == .null else { throw wrong("null") }
            return .null
        }
    }

    static func checkBounds(_ value: Value, spec: FieldSpec, path: String) throws(EvaluationError) {
        let b = spec.bounds
        if b.isEmpty { return }
        func cmp(_ a: Value, _ c: Value) -> Int? {
            switch (a, c) {
            case let (.number(x), .number(y)): return ExactDecimal.compare(x, y)
            case let (.date(x), .date(y)): return x < y ? -1 : (x == y ? 0 : 1)
            default: return nil
            }
        }
        func fail() -> EvaluationError {
            let unit = spec.unit.map { " \($0)" } ?? ""
            return EvaluationError(.inputBounds, path: path, "\(path) = \(value)\(unit) is out of bounds: it must be \(b.phrase)")
        }
        if let m = b.min, let c = cmp(value, m), c < 0 { throw fail() }
        if let m = b.exclusiveMin, let c = cmp(value, m), c <= 0 { throw fail() }
        if let m = b.max, let c = cmp(value, m), c > 0 { throw fail() }
        if let m = b.exclusiveMax, let c = cmp(value, m), c >= 0 { throw fail() }
    }

    /// A literal in a rule file (default, bound, example output), as a value of `type`.
    static func literal(_ json: JSONValue, as type: ValueType, at node: JSONNode) throws -> Value {
        do {
            return try convert(json, as: type, spec: nil, path: node.path)
        } catch {
            throw node.fail(error.message)
        }
    }

    /// Compact JSON-ish rendering of a value for messages.
    static func render(_ json: JSONValue) -> String {
        switch json {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let t): return t
        case .string(let s): return "\"\(s.count > 60 ? String(s.prefix(60)) + "…" : s)\""
        case .array(let a): return "a list of \(a.count)"
        case .object: return "an object"
        }
    }
}
