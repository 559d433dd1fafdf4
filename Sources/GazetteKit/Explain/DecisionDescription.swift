/// A readable description of a decision: what `gazette show` prints.
public enum DecisionDescription {
    /// The description of a decision, in a language.
    public static func render(_ d: Decision, _ lang: Language) -> String {
        let zh = lang == .zh
        var o: [String] = []
        o.append("\(d.id) — \(d.title.zh) / \(d.title.en)")
        o.append("\(d.document.number) \(d.document.title) (\(d.document.issuer), \(d.document.date); \(d.document.gazette))")
        o.append("")
        o.append(zh ? "依据：" : "Source:")
        for k in d.source { if let c = d.citations[k] { o.append(cite(c)) } }
        o.append("")
        o.append(zh ? "输入：" : "Inputs:")
        for f in d.inputs { o.append("  " + field(f, lang, input: true)) }
        o.append(zh ? "输出：" : "Outputs:")
        for f in d.outputs { o.append("  " + field(f, lang, input: false)) }
        if let a = d.asOfInput { o.append((zh ? "判定日期取自输入 " : "Judged as of input ") + a) }
        for v in d.versions {
            o.append("")
            o.append((zh ? "版本 " : "Version ") + "\(v.id): \(v.from) – \(v.until.map(\.description) ?? (zh ? "至今" : "open"))")
            for (i, s) in v.steps.enumerated() { o.append(contentsOf: step(s, index: i + 1)) }
        }
        if !d.findings.isEmpty {
            o.append("")
            o.append(zh ? "可能的发现：" : "Findings it may report:")
            for f in d.findings {
                o.append("  \(f.code) [\(f.severity.rawValue)] \(f.message.text(lang))")
                for k in f.cite { if let c = d.citations[k] { o.append("    \(c.document.number) \(c.clause)") } }
            }
        }
        if !d.notes.isEmpty {
            o.append("")
            o.append(zh ? "解释说明：" : "Notes:")
            for n in d.notes { o.append("  - " + n.text(lang)) }
        }
        o.append("")
        o.append((zh ? "示例：" : "Examples: ") + "\(d.examples.count)")
        return o.joined(separator: "\n") + "\n"
    }

    static func cite(_ c: Citation) -> String {
        "  [\(c.key)] \(c.document.number) \(c.clause) (\(c.document.seed)\(c.line.map { ":\($0)" } ?? ""))\n    「\(c.text)」"
    }

    static func field(_ f: FieldSpec, _ lang: Language, input: Bool) -> String {
        var s = "\(f.name) (\(f.label(lang))): \(typeName(f.type))"
        if let u = f.unit { s += ", \(u)" }
        if !f.bounds.isEmpty { s += ", \(f.bounds.phrase)" }
        if input { s += f.required ? ", required" : (f.defaultValue.map { ", default \($0)" } ?? ", optional") }
        if case .enumeration(let e) = f.type {
            s += "\n      " + e.cases.map { "\($0.code) = \($0.label.zh) / \($0.label.en)" }.joined(separator: "; ")
        }
        return s
    }

    static func typeName(_ t: ValueType) -> String {
        if case .enumeration = t { return "enum" }
        return t.name
    }

    static func step(_ s: Step, index: Int) -> [String] {
        switch s {
        case .set(let v):
            var line = "  \(index). \(v.name) = \(v.expr.text)"
            if let w = v.when { line += "  when \(w.text)" }
            if let w = v.wording { line += "  「\(w)」" }
            return [line]
        case .finding(let f):
            return ["  \(index). finding \(f.code) when \(f.when.text)" + (f.wording.map { "  「\($0)」" } ?? "")]
        case .table(let t):
            var rows = ["  \(index). table \(t.name) (\(t.hitPolicy.rawValue)\(t.aggregation.map { " " + $0.rawValue } ?? ""))"]
            let header = t.inputs.map(\.text) + t.outputs.map { "→ " + $0 }
            rows.append("     # | " + header.joined(separator: " | "))
            for (i, r) in t.rows.enumerated() {
                let cells = r.when.map(\.text) + r.then.map { cell($0.cell) }
                rows.append("     \(i + 1) | " + cells.joined(separator: " | ") + (r.annotation.map { "   (\($0))" } ?? ""))
            }
            if !t.defaults.isEmpty { rows.append("     default | " + t.defaults.map { cell($0.cell) }.joined(separator: " | ")) }
            return rows
        }
    }

    static func cell(_ c: OutputCell) -> String {
        switch c {
        case .literal(let j): return JSONWriter.json(j)
        case .expression(let e): return "=" + e.text
        }
    }
}
