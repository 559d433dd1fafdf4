/// Gaps, overlaps, shadowed rows and monotonicity of one decision table, each with a witness case.
struct TableAnalysis {
    /// An assignment of column values that demonstrates a finding.
    struct Witness {
        let values: [(column: String, value: Value, piece: String)]
        var text: String { values.map { "\($0.column) = \($0.value)" }.joined(separator: ", ") }
    }

    enum Issue {
        case gap(Witness)
        case overlap(rows: (Int, Int), Witness)
        case shadowed(row: Int, by: Int, Witness)
        case unsatisfiable(row: Int)
        case nonMonotone(column: String, lower: Witness, higher: Witness, lowOut: String, highOut: String)
        case tooLarge(combinations: Int)
        case notAnalysable(column: String, type: String)
    }

    /// Largest product of pieces analysed exhaustively.
    static let maxCombinations = 2_000_000

    let table: CompiledTable
    let decision: Decision
    /// For each row, the rows (0-based) whose cells hold for each witness; filled by `run`.
    private(set) var hitRows: [Int: [Int]] = [:]

    init(table: CompiledTable, decision: Decision) {
        self.table = table
        self.decision = decision
    }

    /// Resolved cells, column by column.
    func resolvedCells() -> [[UnaryTest<Value>]] {
        table.columnTypes.enumerated().map { k, type in
            table.source.rows.compactMap { row in
                if case .success(let t) = CellCompiler.resolve(row.when[k].test, column: type) { return t }
                return nil
            }
        }
    }

    func run() -> [Issue] {
        let t = table.source
        let cells = resolvedCells()
        var columns: [[DomainPiece]] = []
        for (k, type) in table.columnTypes.enumerated() {
            let spec = decision.inputs.first { $0.name == t.inputs[k].text }
            guard let p = DomainPartition.pieces(type: type, cells: cells[k], bounds: spec?.bounds), !p.isEmpty else {
                return [.notAnalysable(column: t.inputs[k].text, type: type.name)]
            }
            columns.append(p)
        }
        let total = columns.reduce(1) { $0 > TableAnalysis.maxCombinations ? $0 : $0 * $1.count }
        if total > TableAnalysis.maxCombinations { return [.tooLarge(combinations: total)] }
        let rowCount = t.rows.count
        let words = (rowCount + 63) / 64
        // bits[k][piece] = rows whose cell in column k holds for that piece's witness.
        var bits: [[[UInt64]]] = []
        for (k, pieces) in columns.enumerated() {
            var perPiece: [[UInt64]] = []
            for piece in pieces {
                var b = [UInt64](repeating: 0, count: words)
                for r in 0..<rowCount where table.rows[r].tests[k](piece.witness) { b[r / 64] |= 1 << UInt64(r % 64) }
                perPiece.append(b)
            }
            bits.append(perPiece)
        }
        let gapTests = declaredGaps()
        var issues: [Issue] = []
        var gapsReported = 0, overlapPairs: Set<[Int]> = [], wins = [Int](repeating: 0, count: rowCount)
        var shadowWitness: [Int: (Int, Witness)] = [:]
        var matchedAnywhere = [Bool](repeating: false, count: rowCount)
        var outcome: [Int: Int] = [:]   // combination index → winning row (for monotonicity)
        var index = [Int](repeating: 0, count: columns.count)
        let collects = t.hitPolicy == .collect || table.defaults != nil
        func witness() -> Witness {
            Witness(values: index.enumerated().map { k, i in (t.inputs[k].text, columns[k][i].witness, columns[k][i].description) })
        }
        var combo = 0
        while true {
            var m = [UInt64](repeating: ~0, count: words)
            for (k, i) in index.enumerated() { for w in 0..<words { m[w] &= bits[k][i][w] } }
            if rowCount % 64 != 0 { m[words - 1] &= (1 << UInt64(rowCount % 64)) - 1 }
            var hits: [Int] = []
            for w in 0..<words where m[w] != 0 {
                for bit in 0..<64 where m[w] & (1 << UInt64(bit)) != 0 { hits.append(w * 64 + bit) }
            }
            for h in hits { matchedAnywhere[h] = true }
            if hits.isEmpty {
                if !collects && !gapTests.contains(where: { g in g(index.enumerated().map { columns[$0][$1].witness }) }) {
                    if gapsReported < 5 { issues.append(.gap(witness())) }
                    gapsReported += 1
                }
            } else {
                let winner = self.winner(hits)
                wins[winner] += 1
                outcome[combo] = winner
                switch t.hitPolicy {
                case .unique:
                    if hits.count > 1 && overlapPairs.insert([hits[0], hits[1]]).inserted {
                        issues.append(.overlap(rows: (hits[0], hits[1]), witness()))
                    }
                case .any:
                    if let (a, b) = conflicting(hits), overlapPairs.insert([a, b]).inserted {
                        issues.append(.overlap(rows: (a, b), witness()))
                    }
                case .first, .priority:
                    for h in hits where h != winner && shadowWitness[h] == nil { shadowWitness[h] = (winner, witness()) }
                case .collect:
                    break
                }
            }
            // Next combination (odometer).
            combo += 1
            var k = columns.count - 1
            while k >= 0 {
                index[k] += 1
                if index[k] < columns[k].count { break }
                index[k] = 0
                k -= 1
            }
            if k < 0 { break }
        }
        for r in 0..<rowCount {
            if !matchedAnywhere[r] {
                issues.append(.unsatisfiable(row: r))
            } else if (t.hitPolicy == .first || t.hitPolicy == .priority) && wins[r] == 0, let (by, w) = shadowWitness[r] {
                issues.append(.shadowed(row: r, by: by, w))
            }
        }
        if gapsReported > 5 {
            issues.append(.gap(Witness(values: [("…", .string("\(gapsReported - 5) more gaps"), "")])))
        }
        issues += monotonicity(columns: columns, outcome: outcome)
        return issues
    }

    func winner(_ hits: [Int]) -> Int {
        if table.source.hitPolicy == .priority, let ranks = table.priorityRank {
            return hits.min { ranks[$0] < ranks[$1] } ?? hits[0]
        }
        return hits[0]
    }

    /// Two matching rows whose literal outputs differ (the `any` policy forbids it).
    func conflicting(_ hits: [Int]) -> (Int, Int)? {
        let rows = table.source.rows
        for h in hits.dropFirst() {
            for (name, cell) in rows[h].then {
                guard let other = rows[hits[0]].then.first(where: { $0.name == name })?.cell else { continue }
                if case .literal(let a) = cell, case .literal(let b) = other, a != b { return (hits[0], h) }
            }
        }
        return nil
    }

    /// The decision's declared gaps as predicates over a combination's witnesses.
    func declaredGaps() -> [([Value]) -> Bool] {
        decision.gaps.compactMap { gap in
            var tests: [(Int, (Value) -> Bool)] = []
            for (input, text) in gap.when {
                guard let k = table.source.inputs.firstIndex(where: { $0.text == input }),
                      let parsed = try? UnaryTestParser.parse(text),
                      case .success(let resolved) = CellCompiler.resolve(parsed, column: table.columnTypes[k]) else { return nil }
                tests.append((k, CellCompiler.compile(resolved)))
            }
            return { values in tests.allSatisfy { $0.1(values[$0.0]) } }
        }
    }

    /// Raising any ordered input must never lower an ordered output.
    func monotonicity(columns: [[DomainPiece]], outcome: [Int: Int]) -> [Issue] {
        guard let first = table.outputTypes.first, case .enumeration(let out) = first, out.ordered else { return [] }
        let name = table.source.outputs[0]
        func rank(_ row: Int) -> Int? {
            guard case .literal(.string(let s))? = table.source.rows[row].then.first(where: { $0.name == name })?.cell else { return nil }
            return out.index(of: s)
        }
        var strides = [Int](repeating: 1, count: columns.count)
        for k in stride(from: columns.count - 2, through: 0, by: -1) { strides[k] = strides[k + 1] * columns[k + 1].count }
        var issues: [Issue] = []
        // Combination order, so the violations named are the first ones and lint output is the same on every run.
        for (combo, row) in outcome.sorted(by: { $0.key < $1.key }) {
            var rest = combo
            var idx: [Int] = []
            for s in strides { idx.append(rest / s); rest %= s }
            for k in columns.indices where columns[k][idx[k]].rank != nil && idx[k] + 1 < columns[k].count {
                guard let nextRow = outcome[combo + strides[k]], let a = rank(row), let b = rank(nextRow), b < a else { continue }
                func w(_ i: [Int]) -> Witness {
                    Witness(values: i.enumerated().map { (table.source.inputs[$0].text, columns[$0][$1].witness, columns[$0][$1].description) })
                }
                var higher = idx
                higher[k] += 1
                issues.append(.nonMonotone(column: table.source.inputs[k].text, lower: w(idx), higher: w(higher),
                                           lowOut: out.cases[a].code, highOut: out.cases[b].code))
                if issues.count >= 3 { return issues }
            }
        }
        return issues
    }
}
