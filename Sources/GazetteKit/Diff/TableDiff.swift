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

    /// Rows equal in content pair up (longest common subsequence); the rows left between two such
    /// anchors pair by position and are compared cell by cell; the rest were added or removed.
    func rows(_ a: DecisionTable, _ b: DecisionTable, cellwise: Bool) -> [RuleChange] {
        let sa = a.rows.map(TableDiff.signature), sb = b.rows.map(TableDiff.signature)
        let anchors = TableDiff.lcs(sa, sb) + [(sa.count, sb.count)]
        var out: [RuleChange] = []
        var i = 0, j = 0
        for (ai, bj) in anchors {
            let olds = Array(i..<ai), news = Array(j..<bj)
            let paired = cellwise ? min(olds.count, news.count) : 0
            for k in 0..<paired { out += row(a, olds[k], b, news[k]) }
            for k in news.dropFirst(paired) {
                out.append(step.change(.row, key + " / row \(k + 1)", old: nil, new: TableDiff.rowText(b, k)))
            }
            for k in olds.dropFirst(paired) {
                out.append(step.change(.row, key + " / old row \(k + 1)", old: TableDiff.rowText(a, k), new: nil))
            }
            i = ai + 1
            j = bj + 1
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

    /// Index pairs of a longest common subsequence, in order.
    static func lcs(_ a: [String], _ b: [String]) -> [(Int, Int)] {
        let n = a.count, m = b.count
        guard n > 0, m > 0 else { return [] }
        var len = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                len[i][j] = a[i] == b[j] ? len[i + 1][j + 1] + 1 : max(len[i + 1][j], len[i][j + 1])
            }
        }
        var out: [(Int, Int)] = []
        var i = 0, j = 0
        while i < n, j < m {
            if a[i] == b[j] {
                out.append((i, j))
                i += 1
                j += 1
            } else if len[i + 1][j] >= len[i][j + 1] {
                i += 1
            } else {
                j += 1
            }
        }
        return out
    }
}

private extension Array where Element: Hashable {
    /// The elements with later duplicates removed.
    func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}
