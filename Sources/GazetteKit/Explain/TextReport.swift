/// The human view of a result: labels, the matched rows, the findings and the cited sentences.
public enum TextReport {
    /// Renders an outcome in one language (labels of both languages where they help).
    public static func render(_ o: Outcome, decision: Decision?, language lang: Language) -> String {
        let zh = lang == .zh
        var out: [String] = []
        let title = decision.map { " — " + $0.title.text(lang) } ?? ""
        out.append("\(o.decisionId)\(title)")
        switch o.result {
        case .failure(let e):
            out.append((zh ? "无法判定：" : "Cannot judge the case: ") + e.message)
            if let p = e.path { out.append((zh ? "字段：" : "Field: ") + p) }
            out.append((zh ? "错误代码：" : "Error code: ") + e.code.rawValue)
            return out.joined(separator: "\n") + "\n"
        case .success(let r):
            out.append(zh ? "适用版本 \(r.version)，判定日期 \(r.asOf)" : "Version \(r.version), judged as of \(r.asOf)")
            out.append("")
            out.append(zh ? "结果：" : "Result:")
            for (spec, value) in r.outputs {
                let unit = spec.unit.map { " " + $0 } ?? ""
                out.append("  \(spec.label(lang)) (\(spec.name)) = \(Template.display(value, spec.type, lang))\(unit)")
            }
            out.append("")
            if r.findings.isEmpty {
                out.append(zh ? "发现：无" : "Findings: none")
            } else {
                out.append(zh ? "发现：" : "Findings:")
                for f in r.findings {
                    out.append("  [\(severityWord(f.severity, lang))] \(f.code): \(f.message.text(lang))")
                    for c in f.citations { out.append("    " + (zh ? "依据 " : "per ") + "\(c.document.number) \(c.clause)") }
                }
            }
            let sentences = r.trace.compactMap { $0.explanation?.text(lang) }
            if !sentences.isEmpty {
                out.append("")
                out.append(zh ? "说明：" : "Explanation:")
                for s in sentences { out.append("  " + s) }
            }
            out.append("")
            out.append(zh ? "推理过程：" : "Reasoning:")
            for (i, t) in r.trace.enumerated() { out.append("  \(i + 1). " + step(t, decision: decision, lang)) }
            out.append("")
            out.append(zh ? "引用条文：" : "Cited text:")
            for c in r.citations {
                let line = c.line.map { zh ? "，第 \($0) 行" : ", line \($0)" } ?? ""
                out.append("  \(c.document.number) \(c.clause)（\(c.document.seed)\(line)）")
                out.append("  「\(c.text)」")
            }
            return out.joined(separator: "\n") + "\n"
        }
    }

    static func severityWord(_ s: Severity, _ lang: Language) -> String {
        switch (s, lang) {
        case (.violation, .zh): return "违规"
        case (.warning, .zh): return "提示"
        case (.info, .zh): return "信息"
        default: return s.rawValue
        }
    }

    static func step(_ t: TraceStep, decision: Decision?, _ lang: Language) -> String {
        let zh = lang == .zh
        func list(_ ps: [(name: String, value: Value)]) -> String {
            ps.map { p in
                let spec = decision?.inputs.first { $0.name == p.name } ?? decision?.outputs.first { $0.name == p.name }
                let shown = spec.map { Template.display(p.value, $0.type, lang) } ?? p.value.description
                return "\(p.name) = \(shown)"
            }.joined(separator: ", ")
        }
        var s: String
        switch t.kind {
        case .input: s = (zh ? "输入（\(t.detail)）：" : "Inputs (\(t.detail)): ") + list(t.using)
        case .uses: s = (zh ? "引用决策 " : "Used decision ") + "\(t.name) (\(t.detail)): " + list(t.result)
        case .table:
            s = (zh ? "决策表 \(t.name)，命中 " : "Table \(t.name), matched ") + t.detail + " → " + list(t.result)
        case .value:
            s = "\(t.name) = \(t.detail)" + (t.using.isEmpty ? "" : (zh ? "，代入 " : ", with ") + list(t.using)) + " → " + list(t.result)
        case .finding:
            let fired = t.result.first?.value == .bool(true)
            s = (zh ? "检查 \(t.name)：\(t.detail)" : "Check \(t.name): \(t.detail)")
                + (t.using.isEmpty ? "" : (zh ? "，代入 " : ", with ") + list(t.using))
                + (fired ? (zh ? " → 成立" : " → holds") : (zh ? " → 不成立" : " → does not hold"))
        case .constraint: s = t.detail
        }
        for n in t.notes { s += "\n       " + n }
        return s
    }
}
