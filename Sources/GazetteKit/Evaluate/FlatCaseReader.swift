/// Reads a flat case object (scalar members only) straight from bytes into typed inputs.
///
/// The batch path's fast reader. It accepts only what it can judge exactly like the general path
/// (JSONParser + ValueBinder); anything else — escapes, nesting, an unknown or duplicate key, a value
/// out of bounds, a missing required input — answers `nil`, and the caller takes the general path,
/// which gives the precise error or warning. So both paths always agree.
struct FlatCaseReader {
    /// One declared input, prepared for byte matching.
    struct Input {
        let name: [UInt8]
        let spec: FieldSpec
        /// Enum spellings (code, labels, aliases, lower-case code) → the code value.
        let spellings: [([UInt8], Value)]
    }

    let inputs: [Input]
    /// Each input's default value and whether it is required, by index.
    let defaults: [Value?]
    let required: [Bool]

    init(decision: Decision) {
        inputs = decision.inputs.map { spec in
            var spellings: [([UInt8], Value)] = []
            if case .enumeration(let def) = spec.type {
                for c in def.cases {
                    for s in [c.code, c.label.zh, c.label.en, c.code.lowercased()] + c.aliases
                    where !spellings.contains(where: { $0.0 == Array(s.utf8) }) {
                        spellings.append((Array(s.utf8), .string(c.code)))
                    }
                }
            }
            return Input(name: Array(spec.name.utf8), spec: spec, spellings: spellings)
        }
        defaults = decision.inputs.map(\.defaultValue)
        required = decision.inputs.map(\.required)
    }

    /// The bound inputs and the raw bytes of the case's `id`, or nil to take the general path.
    func read(_ b: ArraySlice<UInt8>) -> (inputs: [Value], id: Range<Int>?)? {
        var i = b.startIndex
        let n = b.endIndex
        func skip() { while i < n && (b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0D || b[i] == 0x0A) { i += 1 } }
        skip()
        guard i < n, b[i] == UInt8(ascii: "{") else { return nil }
        i += 1
        // One array for the values; which inputs were given is a bitmask (≤ 64 inputs, else the general path).
        guard inputs.count <= 64 else { return nil }
        var out = [Value](repeating: .null, count: inputs.count)
        var seen: UInt64 = 0
        var id: Range<Int>?
        skip()
        if i < n && b[i] == UInt8(ascii: "}") {
            i += 1
        } else {
            while true {
                skip()
                guard let key = stringToken(b, &i) else { return nil }
                skip()
                guard i < n, b[i] == UInt8(ascii: ":") else { return nil }
                i += 1
                skip()
                if equal(b, key, "id") {
                    guard id == nil else { return nil }
                    if i < n && b[i] == UInt8(ascii: "\"") {
                        let start = i
                        guard let r = stringToken(b, &i), String(validating: b[r], as: UTF8.self) != nil else { return nil }
                        id = start..<i
                    } else {
                        guard let r = numberToken(b, &i) else { return nil }
                        id = r
                    }
                } else {
                    guard let k = inputs.firstIndex(where: { equal(b, key, $0.name) }), seen & (1 << UInt64(k)) == 0 else { return nil }
                    seen |= 1 << UInt64(k)
                    guard let v = value(b, &i, inputs[k]) else { return nil }
                    out[k] = v
                }
                skip()
                guard i < n else { return nil }
                if b[i] == UInt8(ascii: ",") { i += 1; continue }
                if b[i] == UInt8(ascii: "}") { i += 1; break }
                return nil
            }
        }
        skip()
        guard i == n else { return nil }
        // By index over arrays kept for the purpose: iterating the inputs copied each one (its whole
        // FieldSpec) per case.
        for k in 0..<out.count where out[k].isNull {
            if let d = defaults[k] {
                out[k] = d
            } else if required[k] {
                return nil
            }
        }
        return (out, id)
    }

    /// A member value for one input; nil when the general path must judge it.
    func value(_ b: ArraySlice<UInt8>, _ i: inout Int, _ input: Input) -> Value? {
        let n = b.endIndex
        guard i < n else { return nil }
        let c = b[i]
        if c == UInt8(ascii: "n") { return literal(b, &i, "null") ? .null : nil }
        let v: Value
        switch input.spec.type {
        case .integer, .decimal:
            guard let r = numberToken(b, &i), let d = try? ExactDecimal.parse(b[r]) else { return nil }
            if case .integer = input.spec.type, !d.isInteger { return nil }
            v = .number(d)
        case .boolean:
            if literal(b, &i, "true") { v = .bool(true) } else if literal(b, &i, "false") { v = .bool(false) } else { return nil }
        case .enumeration:
            guard let r = stringToken(b, &i) else { return nil }
            guard let hit = input.spellings.first(where: { $0.0.count == r.count && b[r].elementsEqual($0.0) }) else { return nil }
            v = hit.1
        case .date:
            guard let r = stringToken(b, &i), let d = Day(isoBytes: b[r]) else { return nil }
            v = .date(d)
        case .string:
            guard let r = stringToken(b, &i), let s = String(validating: b[r], as: UTF8.self) else { return nil }
            v = .string(s)
        default:
            return nil
        }
        if !input.spec.bounds.isEmpty {
            do { try ValueBinder.checkBounds(v, spec: input.spec, path: input.spec.name) } catch { return nil }
        }
        return v
    }

    /// The contents of a string without escapes or control characters; `i` moves past the closing quote.
    func stringToken(_ b: ArraySlice<UInt8>, _ i: inout Int) -> Range<Int>? {
        guard i < b.endIndex, b[i] == UInt8(ascii: "\"") else { return nil }
        let start = i + 1
        var j = start
        while j < b.endIndex {
            let c = b[j]
            if c == UInt8(ascii: "\"") { i = j + 1; return start..<j }
            if c == UInt8(ascii: "\\") || c < 0x20 { return nil }
            j += 1
        }
        return nil
    }

    /// A number in strict RFC 8259 form; `i` moves past it.
    func numberToken(_ b: ArraySlice<UInt8>, _ i: inout Int) -> Range<Int>? {
        let n = b.endIndex
        let start = i
        var j = i
        func digit(_ k: Int) -> Bool { k < n && b[k] >= 48 && b[k] <= 57 }
        if j < n && b[j] == UInt8(ascii: "-") { j += 1 }
        guard digit(j) else { return nil }
        if b[j] == 48 { j += 1; if digit(j) { return nil } } else { while digit(j) { j += 1 } }
        if j < n && b[j] == UInt8(ascii: ".") {
            j += 1
            guard digit(j) else { return nil }
            while digit(j) { j += 1 }
        }
        if j < n && (b[j] == UInt8(ascii: "e") || b[j] == UInt8(ascii: "E")) {
            j += 1
            if j < n && (b[j] == UInt8(ascii: "+") || b[j] == UInt8(ascii: "-")) { j += 1 }
            guard digit(j) else { return nil }
            while digit(j) { j += 1 }
        }
        i = j
        return start..<j
    }

    func literal(_ b: ArraySlice<UInt8>, _ i: inout Int, _ word: StaticString) -> Bool {
        let w = word.withUTF8Buffer { Array($0) }
        guard b.endIndex - i >= w.count, b[i..<(i + w.count)].elementsEqual(w) else { return false }
        i += w.count
        return true
    }

    func equal(_ b: ArraySlice<UInt8>, _ r: Range<Int>, _ s: StaticString) -> Bool {
        s.withUTF8Buffer { r.count == $0.count && b[r].elementsEqual($0) }
    }

    func equal(_ b: ArraySlice<UInt8>, _ r: Range<Int>, _ name: [UInt8]) -> Bool {
        r.count == name.count && b[r].elementsEqual(name)
    }
}
