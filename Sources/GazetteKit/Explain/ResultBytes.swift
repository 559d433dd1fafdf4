/// The batch result line written straight to bytes; the same text `ResultJSON.render(explain: false)` gives.
/// Everything fixed per decision (rule id, output names, enum codes; version ids live on the compiled
/// version) is encoded once.
struct ResultBytes {
    let rule: [UInt8]
    let outputNames: [[UInt8]]
    /// For enum outputs (or lists of them): each code with its quoted bytes (a short scan beats hashing).
    let codes: [[(code: String, bytes: [UInt8])]]
    private var lastDay: Day?
    private var lastDayBytes: [UInt8] = []

    init(decision: Decision) {
        func q(_ s: String) -> [UInt8] {
            var w = ByteWriter(capacity: s.utf8.count + 2)
            w.string(s)
            return w.bytes
        }
        rule = q(decision.id)
        outputNames = decision.outputs.map { q($0.name) + [UInt8(ascii: ":")] }
        codes = decision.outputs.map { spec in
            var def: EnumDef?
            if case .enumeration(let e) = spec.type { def = e }
            if case .list(.enumeration(let e)) = spec.type { def = e }
            guard let def else { return [] }
            return def.cases.map { ($0.code, q($0.code)) }
        }
    }

    /// The pre-encoded bytes of a code, if the output has it.
    @inline(__always)
    func encoded(_ s: String, _ table: [(code: String, bytes: [UInt8])]) -> [UInt8]? {
        for entry in table where entry.code == s { return entry.bytes }
        return nil
    }

    /// An error record: `{"line":…,"id":…,"rule":…,"error":{…}}`.
    func failure(_ e: EvaluationError, line: Int, id: ArraySlice<UInt8>?, into w: inout ByteWriter) {
        head(line: line, id: id, into: &w)
        w.raw(",\"error\":")
        w.raw(ResultJSON.error(e))
        w.raw("}\n")
    }

    /// `{"line":…,"id":…,"rule":…` — the start every batch line shares.
    func head(line: Int, id: ArraySlice<UInt8>?, into w: inout ByteWriter) {
        w.raw("{\"line\":")
        w.int(line)
        if let id {
            w.raw(",\"id\":")
            w.raw(id)
        }
        w.raw(",\"rule\":")
        w.raw(rule)
    }

    mutating func success(_ r: EvaluationResult, line: Int, id: ArraySlice<UInt8>?, into w: inout ByteWriter) {
        head(line: line, id: id, into: &w)
        w.raw(",\"version\":")
        w.raw(r.header.idBytes)
        w.raw(",\"asOf\":")
        if r.asOf != lastDay {
            var d = ByteWriter(capacity: 12)
            d.string(r.asOf.description)
            lastDayBytes = d.bytes
            lastDay = r.asOf
        }
        w.raw(lastDayBytes)
        // A planned answer's outputs and findings were written once, at load.
        if let tail = r.tail {
            w.raw(tail)
            return
        }
        tail(r, into: &w)
    }

    /// `,"outputs":{…},"findings":[…]}` and the newline: the part of a result line fixed by its values.
    func tail(_ r: EvaluationResult, into w: inout ByteWriter) {
        w.raw(",\"outputs\":{")
        for i in 0..<r.outputCount {
            let v = r.values[i]
            if i > 0 { w.bytes.append(UInt8(ascii: ",")) }
            w.raw(outputNames[i])
            let table = codes[i]
            switch v {
            case .string(let s) where !table.isEmpty:
                if let b = encoded(s, table) { w.raw(b) } else { w.string(s) }
            case .list(let items) where !table.isEmpty:
                w.bytes.append(UInt8(ascii: "["))
                for (k, item) in items.enumerated() {
                    if k > 0 { w.bytes.append(UInt8(ascii: ",")) }
                    if case .string(let s) = item, let b = encoded(s, table) { w.raw(b) } else { w.value(item, nil) }
                }
                w.bytes.append(UInt8(ascii: "]"))
            default:
                w.value(v, r.outputSpecs[i].type)
            }
        }
        w.raw("},\"findings\":[")
        var first = true
        for f in r.given {
            if !first { w.bytes.append(UInt8(ascii: ",")) }
            first = false
            w.raw(ResultJSON.finding(f))
        }
        for f in r.raised {
            if !first { w.bytes.append(UInt8(ascii: ",")) }
            first = false
            raised(f.node, r.captured(f), into: &w)
        }
        w.raw("]}\n")
    }

    /// A raised finding's object; its message is written from its template, never built as a String.
    func raised(_ node: FindingNode, _ captured: ArraySlice<Value>, into w: inout ByteWriter) {
        w.raw(node.headBytes)
        node.message.write(.zh, captured, into: &w)
        w.raw("\",\"en\":\"")
        node.message.write(.en, captured, into: &w)
        w.raw(node.tailBytes)
    }
}
