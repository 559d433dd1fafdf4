/// The machine view of a result (design §3): one JSON object per case.
public enum ResultJSON {
    /// Renders an outcome; `line` is set in batch mode; `explain` adds trace and citations.
    public static func render(_ o: Outcome, line: Int?, explain: Bool) -> String {
        var parts: [String] = []
        if let line { parts.append("\"line\":\(line)") }
        if let id = o.caseId { parts.append("\"id\":" + JSONWriter.json(id)) }
        parts.append("\"rule\":" + JSONWriter.quote(o.decisionId))
        switch o.result {
        case .failure(let e):
            parts.append("\"error\":" + error(e))
        case .success(let r):
            parts.append("\"version\":" + JSONWriter.quote(r.version))
            parts.append("\"asOf\":" + JSONWriter.quote(r.asOf.description))
            parts.append("\"outputs\":{" + r.outputs.map { JSONWriter.quote($0.spec.name) + ":" + JSONWriter.value($0.value, $0.spec.type) }.joined(separator: ",") + "}")
            parts.append("\"findings\":[" + r.findings.map(finding).joined(separator: ",") + "]")
            if explain {
                parts.append("\"trace\":[" + r.trace.map(trace).joined(separator: ",") + "]")
                parts.append("\"citations\":[" + r.citations.map(citation).joined(separator: ",") + "]")
            }
        }
        return "{" + parts.joined(separator: ",") + "}"
    }

    /// An error object: code, path and message.
    public static func error(_ e: EvaluationError) -> String {
        var parts = ["\"code\":" + JSONWriter.quote(e.code.rawValue)]
        if let p = e.path { parts.append("\"path\":" + JSONWriter.quote(p)) }
        parts.append("\"message\":" + JSONWriter.quote(e.message))
        return "{" + parts.joined(separator: ",") + "}"
    }

    static func localized(_ t: LocalizedText) -> String {
        "{\"zh\":" + JSONWriter.quote(t.zh) + ",\"en\":" + JSONWriter.quote(t.en) + "}"
    }

    static func finding(_ f: FindingResult) -> String {
        var s = "{\"code\":" + JSONWriter.quote(f.code) + ",\"severity\":" + JSONWriter.quote(f.severity.rawValue)
        s += ",\"message\":" + localized(f.message)
        if case .raised(let node, _) = f.storage { s += node.citationsJSON } else { s += citationMembers(f.citations) }
        return s + "}"
    }

    /// The `citation` (and, for several, `citations`) members of a finding, with their leading comma.
    static func citationMembers(_ cs: [Citation]) -> String {
        var s = ""
        if let c = cs.first { s += ",\"citation\":" + citation(c) }
        if cs.count > 1 { s += ",\"citations\":[" + cs.map(citation).joined(separator: ",") + "]" }
        return s
    }

    /// A citation object: document, clause, verbatim text, seed and line.
    public static func citation(_ c: Citation) -> String {
        var s = "{\"document\":" + JSONWriter.quote(c.document.number)
        s += ",\"title\":" + JSONWriter.quote(c.document.title)
        s += ",\"clause\":" + JSONWriter.quote(c.clause)
        s += ",\"text\":" + JSONWriter.quote(c.text)
        s += ",\"seed\":" + JSONWriter.quote(c.document.seed)
        if let l = c.line { s += ",\"line\":\(l)" }
        return s + "}"
    }

    static func pairs(_ ps: [(name: String, value: Value)]) -> String {
        "{" + ps.map { JSONWriter.quote($0.name) + ":" + JSONWriter.value($0.value) }.joined(separator: ",") + "}"
    }

    static func trace(_ t: TraceStep) -> String {
        var s = "{\"step\":" + JSONWriter.quote(t.kind.rawValue) + ",\"name\":" + JSONWriter.quote(t.name)
        if !t.detail.isEmpty { s += ",\"detail\":" + JSONWriter.quote(t.detail) }
        if !t.rows.isEmpty { s += ",\"rows\":[" + t.rows.map(String.init).joined(separator: ",") + "]" }
        if !t.using.isEmpty { s += ",\"using\":" + pairs(t.using) }
        if !t.result.isEmpty { s += ",\"result\":" + pairs(t.result) }
        if !t.cite.isEmpty { s += ",\"cite\":[" + t.cite.map(JSONWriter.quote).joined(separator: ",") + "]" }
        if !t.notes.isEmpty { s += ",\"notes\":[" + t.notes.map(JSONWriter.quote).joined(separator: ",") + "]" }
        if let e = t.explanation { s += ",\"explanation\":" + localized(e) }
        return s + "}"
    }
}
