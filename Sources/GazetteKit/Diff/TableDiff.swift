/// Compares two decision tables of the same name: shape first, then rows paired by content.
struct TableDiff {
    let step: StepDiff
    /// `table intensityBand`.
    let key: String

    func compare(_ a: DecisionTable, _ b: DecisionTable) -> [RuleChange] {
        var out: [RuleChange] = []
        let policyA = a.hitPolicy.rawValue + (a.aggregation.map { " " + $0.rawValue } ?? "")
        let policyB = b.hitPolicy.rawValue + (b.aggregation.map { " " + $0.rawValue } ?? "")
        if policyA != policyB { out.append(step.change(.logic, key + " / hit policy", old: policyA, new: policyB)) }
        let inA = a.inputs.map(\.text), inB = b.inputs.map(\.text)
        if inA != inB { out.append(step.change(.logic, key + " / input columns", old: inA.joined(separator: ", "), new: inB.joined(separator: ", "))) }
        if a.outputs != b.outputs {
            out.append(step.change(.logic, key + " / output columns", old: a.outputs.joined(separator: ", "), new: b.outputs.joined(separator: ", ")))
        }
        out += rows(a, b, cellwise: inA.count == inB.count)
        let defA = a.defaults.map { "\($0.name)=\(TableDiff.text($0.cell))" }.joined(separator: ", ")
        let defB = b.defaults.map { "\($0.name)=\(TableDiff.text($0.cell))" }.joined(separator: ", ")
        if defA != defB { out.append(step.change(.output, key + " / default", old: defA.isEmpty ? nil : defA, new: defB.isEmpty ? nil : defB)) }
        return out
    }

    /// Rows equal in content pair up; rows left between two such anchors are compared cell by cell
    /// (when both tables have the same columns); the rest were added or removed.
    func rows(_ a: DecisionTable, _ b: DecisionTable, cellwise: Bool) -> [RuleChange] {
        var out: [RuleChange] = []
        for pair in Alignment.align(a.rows.map(TableDiff.signature), b.rows.map(TableDiff.signature), pairChanged: cellwise) {
            switch pair {
            case .same: break
            case .changed(let i, let j): out += row(a, i, b, j)
            case .added(let j): out.append(step.change(.row, key + " / row \(j + 1)", old: nil, new: TableDiff.rowText(b, j)))
            case .removed(let i): out.append(step.change(.row, key + " / old row \(i + 1)", old: TableDiff.rowText(a, i), new: nil))
            }
        }
        return out
    }

    /// One paired row: each condition cell, each output cell and the citation.
    func row(_ a: DecisionTable, _ i: Int, _ b: DecisionTable, _ j: Int) -> [RuleChange] {
        let ra = a.rows[i], rb = b.rows[j]
        let at = key + " / row \(j + 1)"
        var out: [RuleChange] = []
        for (c, (x, y)) in zip(ra.when, rb.when).enumerated() where x.test != y.test {
            let column = at + " / " + (c < b.inputs.count ? b.inputs[c].text : "column \(c + 1)")
            if let moved = LiteralDiff.movedNumbers(old: x.test, new: y.test), !moved.isEmpty {
                out.append(step.change(.threshold, column, old: x.text, new: y.text))
            } else {
                out.append(step.change(.row, column, old: x.text, new: y.text))
            }
        }
        let thenA = Dictionary(ra.then.map { ($0.name, TableDiff.text($0.cell)) }, uniquingKeysWith: { x, _ in x })
        let thenB = Dictionary(rb.then.map { ($0.name, TableDiff.text($0.cell)) }, uniquingKeysWith: { x, _ in x })
        for name in (ra.then.map(\.name) + rb.then.map(\.name)).uniqued() where thenA[name] != thenB[name] {
            out.append(step.change(.output, at + " → " + name, old: thenA[name], new: thenB[name]))
        }
        if ra.cite != rb.cite {
            out.append(step.change(.citation, at + " / cite", old: ra.cite.joined(separator: ", "), new: rb.cite.joined(separator: ", ")))
        }
        return out
    }

    static func text(_ c: OutputCell) -> String {
        switch c {
        case .literal(let j): return JSONWriter.json(j)
        case .expression(let e): return "=" + e.text
        }
    }

    static func signature(_ r: TableRow) -> String {
        r.when.map(\.text).joined(separator: " | ") + " → " + r.then.map { "\($0.name)=\(text($0.cell))" }.joined(separator: ", ")
            + " @" + r.cite.joined(separator: ",")
    }

    static func rowText(_ t: DecisionTable, _ i: Int) -> String {
        let r = t.rows[i]
        return r.when.map(\.text).joined(separator: " | ") + " → " + r.then.map { "\($0.name) = \(text($0.cell))" }.joined(separator: ", ")
    }
}

private extension Array where Element: Hashable {
    /// The elements with later duplicates removed.
    func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}
