/// The batch result line written straight to bytes; the same text `ResultJSON.render(explain: false)` gives.
enum ResultBytes {
    static func success(_ r: EvaluationResult, line: Int, id: ArraySlice<UInt8>?, into w: inout ByteWriter) {
        w.raw("{\"line\":")
        w.int(line)
        if let id {
            w.raw(",\"id\":")
            w.raw(id)
        }
        w.raw(",\"rule\":")
        w.string(r.decisionId)
        w.raw(",\"version\":")
        w.string(r.version)
        w.raw(",\"asOf\":")
        w.string(r.asOf.description)
        w.raw(",\"outputs\":{")
        for (i, (spec, v)) in zip(r.outputSpecs, r.outputValues).enumerated() {
            if i > 0 { w.bytes.append(UInt8(ascii: ",")) }
            w.string(spec.name)
            w.bytes.append(UInt8(ascii: ":"))
            w.value(v, spec.type)
        }
        w.raw("},\"findings\":[")
        for (i, f) in r.findings.enumerated() {
            if i > 0 { w.bytes.append(UInt8(ascii: ",")) }
            w.raw(ResultJSON.finding(f))
        }
        w.raw("]}\n")
    }
}
