/// The batch result line written straight to bytes; the same text `ResultJSON.render(explain: false)` gives.
/// Everything fixed per decision (rule id, version ids, output names, enum codes) is encoded once.
struct ResultBytes {
    let rule: [UInt8]
    let versions: [String: [UInt8]]
    let outputNames: [[UInt8]]
    /// For enum outputs (or lists of them): code → quoted bytes.
    let codes: [[String: [UInt8]]]
    private var lastDay: Day?
    private var lastDayBytes: [UInt8] = []

    init(decision: Decision) {
        func q(_ s: String) -> [UInt8] {
            var w = ByteWriter(capacity: s.utf8.count + 2)
            w.string(s)
            return w.bytes
        }
        rule = q(decision.id)
        versions = Dictionary(decision.versions.map { ($0.id, q($0.id)) }, uniquingKeysWith: { a, _ in a })
        outputNames = decision.outputs.map { q($0.name) + [UInt8(ascii: ":")] }
        codes = decision.outputs.map { spec in
            var def: EnumDef?
            if case .enumeration(let e) = spec.type { def = e }
            if case .list(.enumeration(let e)) = spec.type { def = e }
            guard let def else { return [:] }
            return Dictionary(def.cases.map { ($0.code, q($0.code)) }, uniquingKeysWith: { a, _ in a })
        }
    }

    mutating func success(_ r: EvaluationResult, line: Int, id: ArraySlice<UInt8>?, into w: inout ByteWriter) {
        w.raw("{\"line\":")
        w.int(line)
        if let id {
            w.raw(",\"id\":")
            w.raw(id)
        }
        w.raw(",\"rule\":")
        w.raw(rule)
        w.raw(",\"version\":")
        if let v = versions[r.version] { w.raw(v) } else { w.string(r.version) }
        w.raw(",\"asOf\":")
        if r.asOf != lastDay {
            var d = ByteWriter(capacity: 12)
            d.string(r.asOf.description)
            lastDayBytes = d.bytes
            lastDay = r.asOf
        }
        w.raw(lastDayBytes)
        w.raw(",\"outputs\":{")
        for (i, v) in r.outputValues.enumerated() {
            if i > 0 { w.bytes.append(UInt8(ascii: ",")) }
            w.raw(outputNames[i])
            let table = codes[i]
            switch v {
            case .string(let s) where !table.isEmpty:
                if let b = table[s] { w.raw(b) } else { w.string(s) }
            case .list(let items) where !table.isEmpty:
                w.bytes.append(UInt8(ascii: "["))
                for (k, item) in items.enumerated() {
                    if k > 0 { w.bytes.append(UInt8(ascii: ",")) }
                    if case .string(let s) = item, let b = table[s] { w.raw(b) } else { w.value(item, nil) }
                }
                w.bytes.append(UInt8(ascii: "]"))
            default:
                w.value(v, r.outputSpecs[i].type)
            }
        }
        w.raw("},\"findings\":[")
        for (i, f) in r.findings.enumerated() {
            if i > 0 { w.bytes.append(UInt8(ascii: ",")) }
            w.raw(ResultJSON.finding(f))
        }
        w.raw("]}\n")
    }
}
