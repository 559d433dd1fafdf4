/// Structural differences between two rulebooks, two decisions, or two versions of one decision.
public enum RuleDiff {
    /// Every change from `old` to `new`, decision by decision in the new book's order (removed ones last).
    public static func compare(old: Rulebook, new: Rulebook) -> [RuleChange] {
        var out: [RuleChange] = []
        let oldById = Dictionary(old.decisions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let newIds = Set(new.decisions.map(\.id))
        for d in new.decisions {
            if let o = oldById[d.id] {
                out += compare(old: o, new: d)
            } else {
                out.append(RuleChange(.decision, decision: d.id, at: "decision", old: nil, new: d.title.zh + " / " + d.title.en))
            }
        }
        for o in old.decisions where !newIds.contains(o.id) {
            out.append(RuleChange(.decision, decision: o.id, at: "decision", old: o.title.zh + " / " + o.title.en, new: nil))
        }
        return out
    }

    /// Every change between two decisions with the same id (title, fields, citations, findings, versions, notes).
    public static func compare(old: Decision, new: Decision) -> [RuleChange] {
        let id = new.id
        var out: [RuleChange] = []
        if old.title != new.title {
            out.append(RuleChange(.text, decision: id, at: "title", old: old.title.zh + " / " + old.title.en,
                                  new: new.title.zh + " / " + new.title.en))
        }
        out += fields(old.inputs, new.inputs, kind: .input, decision: id)
        out += fields(old.outputs, new.outputs, kind: .output, decision: id)
        out += citations(old, new)
        out += findings(old, new)
        out += versions(old, new)
        out += notes(old, new)
        return out
    }

    /// The changes between two versions of one decision (`gazette diff --decision ID --from D1 --to D2`).
    public static func compare(_ decision: Decision, from old: Version, to new: Version) -> [RuleChange] {
        var out: [RuleChange] = []
        if old.id != new.id || old.from != new.from || old.until != new.until {
            out.append(RuleChange(.version, decision: decision.id, at: "version", old: span(old), new: span(new)))
        }
        out += StepDiff(decision: decision.id, location: "").compare(old.steps, new.steps)
        return out
    }

    /// `2018-08-17: 2018-08-17 – open`.
    static func span(_ v: Version) -> String {
        "\(v.id): \(v.from) – \(v.until.map(\.description) ?? "open")"
    }

    // MARK: - fields

    static func fields(_ old: [FieldSpec], _ new: [FieldSpec], kind: RuleChange.Kind, decision: String) -> [RuleChange] {
        var out: [RuleChange] = []
        let oldByName = Dictionary(old.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let newNames = Set(new.map(\.name))
        let what = kind == .input ? "input" : "output"
        for f in new {
            guard let o = oldByName[f.name] else {
                out.append(RuleChange(kind, decision: decision, at: "\(what) \(f.name)", old: nil, new: describe(f)))
                continue
            }
            let a = describe(o), b = describe(f)
            if a != b { out.append(RuleChange(kind, decision: decision, at: "\(what) \(f.name)", old: a, new: b)) }
        }
        for o in old where !newNames.contains(o.name) {
            out.append(RuleChange(kind, decision: decision, at: "\(what) \(o.name)", old: describe(o), new: nil))
        }
        return out
    }

    /// A field as one comparable line: type, enum values with labels, unit, bounds, required, default.
    static func describe(_ f: FieldSpec) -> String {
        var parts = [typeText(f.type)]
        if let u = f.unit { parts.append("unit \(u)") }
        if !f.bounds.isEmpty { parts.append(f.bounds.phrase) }
        if f.required { parts.append("required") }
        if let d = f.defaultValue { parts.append("default \(d)") }
        if let m = f.maxItems { parts.append("at most \(m) items") }
        if let l = f.label { parts.append("「\(l.zh) / \(l.en)」") }
        return parts.joined(separator: ", ")
    }

    static func typeText(_ t: ValueType) -> String {
        switch t {
        case .enumeration(let e):
            return "enum(" + e.cases.map { "\($0.code)=\($0.label.zh)" }.joined(separator: "|") + ")"
        case .list(let inner): return "list<\(typeText(inner))>"
        case .object(let o): return "object{" + o.fields.map { "\($0.name): \(describe($0))" }.joined(separator: "; ") + "}"
        default: return t.name
        }
    }

    // MARK: - citations, findings, versions, notes

    static func citations(_ old: Decision, _ new: Decision) -> [RuleChange] {
        var out: [RuleChange] = []
        let oldKeys = old.citedKeys, newKeys = new.citedKeys
        for k in newKeys {
            let b = new.citations[k].map(citationText)
            guard oldKeys.contains(k) else {
                out.append(RuleChange(.citation, decision: new.id, at: "citation \(k)", old: nil, new: b ?? "(undefined)"))
                continue
            }
            let a = old.citations[k].map(citationText)
            if a != b { out.append(RuleChange(.citation, decision: new.id, at: "citation \(k)", old: a ?? "(undefined)", new: b ?? "(undefined)")) }
        }
        for k in oldKeys where !newKeys.contains(k) {
            out.append(RuleChange(.citation, decision: new.id, at: "citation \(k)", old: old.citations[k].map(citationText) ?? "(undefined)", new: nil))
        }
        return out
    }

    static func citationText(_ c: Citation) -> String {
        "\(c.document.number) \(c.clause)\(c.line.map { " (line \($0))" } ?? ""): 「\(c.text)」"
    }

    static func findings(_ old: Decision, _ new: Decision) -> [RuleChange] {
        var out: [RuleChange] = []
        let oldByCode = Dictionary(old.findings.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let newCodes = Set(new.findings.map(\.code))
        for f in new.findings {
            guard let o = oldByCode[f.code] else {
                out.append(RuleChange(.finding, decision: new.id, at: "finding \(f.code)", old: nil, new: findingText(f)))
                continue
            }
            let a = findingText(o), b = findingText(f)
            if a != b { out.append(RuleChange(.finding, decision: new.id, at: "finding \(f.code)", old: a, new: b)) }
        }
        for o in old.findings where !newCodes.contains(o.code) {
            out.append(RuleChange(.finding, decision: new.id, at: "finding \(o.code)", old: findingText(o), new: nil))
        }
        return out
    }

    static func findingText(_ f: FindingDef) -> String {
        "[\(f.severity.rawValue)] \(f.message.en)" + (f.cite.isEmpty ? "" : " (cites \(f.cite.joined(separator: ", ")))")
    }

    /// Versions pair by id; when each side has exactly one unpaired version, those two are compared
    /// (a re-issued rule usually gets a new id and new dates).
    static func versions(_ old: Decision, _ new: Decision) -> [RuleChange] {
        var out: [RuleChange] = []
        let oldIds = Set(old.versions.map(\.id)), newIds = Set(new.versions.map(\.id))
        var onlyOld = old.versions.filter { !newIds.contains($0.id) }
        var onlyNew = new.versions.filter { !oldIds.contains($0.id) }
        var pairs: [(Version, Version)] = []
        for v in new.versions {
            if let o = old.versions.first(where: { $0.id == v.id }) { pairs.append((o, v)) }
        }
        if onlyOld.count == 1, onlyNew.count == 1 {
            pairs.append((onlyOld[0], onlyNew[0]))
            onlyOld = []
            onlyNew = []
        }
        for (o, v) in pairs {
            if o.id != v.id || o.from != v.from || o.until != v.until {
                out.append(RuleChange(.version, decision: new.id, at: "version \(v.id)", old: span(o), new: span(v)))
            }
            out += StepDiff(decision: new.id, location: "version \(v.id) / ").compare(o.steps, v.steps)
        }
        for v in onlyNew { out.append(RuleChange(.version, decision: new.id, at: "version \(v.id)", old: nil, new: span(v))) }
        for o in onlyOld { out.append(RuleChange(.version, decision: new.id, at: "version \(o.id)", old: span(o), new: nil)) }
        return out
    }

    static func notes(_ old: Decision, _ new: Decision) -> [RuleChange] {
        let a = old.notes.map { $0.zh + "\n" + $0.en }, b = new.notes.map { $0.zh + "\n" + $0.en }
        return Alignment.align(a, b).compactMap { pair in
            switch pair {
            case .same: return nil
            case .added(let j): return RuleChange(.text, decision: new.id, at: "note \(j + 1)", old: nil, new: new.notes[j].en)
            case .removed(let i): return RuleChange(.text, decision: new.id, at: "old note \(i + 1)", old: old.notes[i].en, new: nil)
            case .changed(let i, let j):
                // Show the language that changed, so a zh-only edit does not read as "x → x".
                let (x, y) = (old.notes[i], new.notes[j])
                return RuleChange(.text, decision: new.id, at: "note \(j + 1)", old: x.en == y.en ? x.zh : x.en, new: x.en == y.en ? y.zh : y.en)
            }
        }
    }
}
