/// Compares the steps of two versions: steps pair by what they define (a table by name, a value by
/// name, a finding by code), table rows pair by content, and a cell that moved only a number is a
/// threshold change.
struct StepDiff {
    let decision: String
    /// Prefix for locations (`version 2018-08-17 / `).
    let location: String

    func compare(_ old: [Step], _ new: [Step]) -> [RuleChange] {
        var out: [RuleChange] = []
        let oldKeyed = keyed(old), newKeyed = keyed(new)
        let oldByKey = Dictionary(oldKeyed.map { ($0.key, $0.step) }, uniquingKeysWith: { a, _ in a })
        let newKeys = Set(newKeyed.map(\.key))
        for (key, step) in newKeyed {
            if let o = oldByKey[key] {
                out += compare(o, step, key: key)
            } else {
                out.append(change(kindOf(step), key, old: nil, new: summary(step)))
            }
        }
        for (key, step) in oldKeyed where !newKeys.contains(key) {
            out.append(change(kindOf(step), key, old: summary(step), new: nil))
        }
        return out
    }

    /// Step keys, numbered when a name repeats (`set x`, `set x #2`).
    func keyed(_ steps: [Step]) -> [(key: String, step: Step)] {
        var counts: [String: Int] = [:]
        return steps.map { s in
            let base: String
            switch s {
            case .table(let t): base = "table \(t.name)"
            case .set(let v): base = "value \(v.name)"
            case .finding(let f): base = "finding step \(f.code)"
            }
            counts[base, default: 0] += 1
            let n = counts[base] ?? 1
            return (n == 1 ? base : "\(base) #\(n)", s)
        }
    }

    func kindOf(_ s: Step) -> RuleChange.Kind {
        switch s {
        case .table: return .logic
        case .set: return .logic
        case .finding: return .finding
        }
    }

    func change(_ kind: RuleChange.Kind, _ at: String, old: String?, new: String?) -> RuleChange {
        RuleChange(kind, decision: decision, at: location + at, old: old, new: new)
    }

    func summary(_ s: Step) -> String {
        switch s {
        case .table(let t): return "\(t.hitPolicy.rawValue) table on \(t.inputs.map(\.text).joined(separator: ", ")) → \(t.outputs.joined(separator: ", ")), \(t.rows.count) rows"
        case .set(let v): return setText(v)
        case .finding(let f): return "when \(f.when.text)"
        }
    }

    func setText(_ v: SetStep) -> String {
        "\(v.name) = \(v.expr.text)" + (v.when.map { " when \($0.text)" } ?? "")
    }

    func compare(_ old: Step, _ new: Step, key: String) -> [RuleChange] {
        switch (old, new) {
        case (.table(let a), .table(let b)):
            return TableDiff(step: self, key: key).compare(a, b)
        case (.set(let a), .set(let b)):
            var out = expression(a.expr, b.expr, at: key, kind: .logic)
            out += optionalExpression(a.when, b.when, at: key + " / when", kind: .logic)
            if a.cite != b.cite { out.append(change(.citation, key + " / cite", old: a.cite.joined(separator: ", "), new: b.cite.joined(separator: ", "))) }
            return out
        case (.finding(let a), .finding(let b)):
            return expression(a.when, b.when, at: key + " / when", kind: .finding)
        default:
            return [change(.logic, key, old: summary(old), new: summary(new))]
        }
    }

    /// A changed expression: a threshold change per moved number when only numbers moved, else the texts.
    func expression(_ a: SourceExpression, _ b: SourceExpression, at: String, kind: RuleChange.Kind) -> [RuleChange] {
        guard a.text != b.text else { return [] }
        if let moved = LiteralDiff.movedNumbers(old: a.ast, new: b.ast), !moved.isEmpty {
            return moved.map { change(.threshold, at, old: "\($0.0) in \(a.text)", new: "\($0.1) in \(b.text)") }
        }
        if LiteralDiff.split(a.ast).shape == LiteralDiff.split(b.ast).shape { return [] }  // spacing only
        return [change(kind, at, old: a.text, new: b.text)]
    }

    func optionalExpression(_ a: SourceExpression?, _ b: SourceExpression?, at: String, kind: RuleChange.Kind) -> [RuleChange] {
        switch (a, b) {
        case (nil, nil): return []
        case (let x?, let y?): return expression(x, y, at: at, kind: kind)
        default: return [change(kind, at, old: a?.text, new: b?.text)]
        }
    }
}
