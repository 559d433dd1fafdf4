/// Applies a table's hit policy and writes its outputs into the frame.
enum TableEvaluator {
    /// The common case without allocations: an indexed table of at most 64 rows under `first` or `unique`
    /// with exactly one winner. Returns false to let `run` handle everything else (and word the errors).
    static func runIndexed(_ t: CompiledTable, frame: Frame) throws(EvaluationError) -> Bool {
        guard let index = t.index, index.words == 1, t.hitPolicy == .first || t.hitPolicy == .unique else { return false }
        var m = index.allRows
        let slots = t.inputSlots
        for k in 0..<slots.count {
            // A plain name is looked up where it lies in the frame; other columns run their closure.
            let bits = slots[k] >= 0 ? index.mask(k, frame.slots[slots[k]]) : index.mask(k, try t.inputs[k](frame))
            guard let bits else { return false }
            m &= bits
        }
        if m == 0 { return false }
        let row = m.trailingZeroBitCount
        if t.hitPolicy == .unique && m & (m - 1) != 0 { return false }
        let outSlots = t.outputSlots
        if let literals = t.literalOutputs {
            let base = row * outSlots.count
            for k in 0..<outSlots.count { frame.slots[outSlots[k]] = literals[base + k] }
            return true
        }
        let outputs = t.rows[row].outputs
        for k in 0..<outSlots.count { frame.slots[outSlots[k]] = try outputs[k](frame) }
        return true
    }

    static func run(_ t: CompiledTable, frame: Frame, decision: Decision) throws(EvaluationError) -> [Int] {
        var values: [Value] = []
        values.reserveCapacity(t.inputs.count)
        for e in t.inputs { values.append(try e(frame)) }
        // `first` needs only the first match; `unique` stops at the second.
        let hits: [Int]
        if let index = t.index {
            hits = index.matches(values, limit: t.hitPolicy == .first ? 1 : (t.hitPolicy == .unique ? 2 : .max))
        } else {
        switch t.hitPolicy {
        case .first:
            hits = t.firstMatch(values).map { [$0] } ?? []
        case .unique:
            if let a = t.firstMatch(values) {
                hits = t.firstMatch(values, from: a + 1).map { [a, $0] } ?? [a]
            } else {
                hits = []
            }
        default:
            hits = t.matches(values)
        }
        }
        func describeInputs() -> String {
            zip(t.inputTexts, values).map { "\($0) = \($1)" }.joined(separator: ", ")
        }
        func write(_ row: Int) throws(EvaluationError) {
            for (k, slot) in t.outputSlots.enumerated() { frame.slots[slot] = try t.rows[row].outputs[k](frame) }
        }
        if hits.isEmpty && t.hitPolicy != .collect {
            if let defaults = t.defaults {
                for (k, slot) in t.outputSlots.enumerated() { frame.slots[slot] = try defaults[k](frame) }
                return []
            }
            throw EvaluationError(.noMatch, "no row of table \(t.source.name) in \(decision.id) matches \(describeInputs())")
        }
        switch t.hitPolicy {
        case .unique:
            if hits.count > 1 {
                throw EvaluationError(.multipleMatch, "rows \(hits.map { String($0 + 1) }.joined(separator: " and ")) of table \(t.source.name) in \(decision.id) all match \(describeInputs()) under the unique hit policy")
            }
            try write(hits[0])
            return hits
        case .first:
            try write(hits[0])
            return [hits[0]]
        case .priority:
            let ranks = t.priorityRank ?? []
            let best = hits.min { (ranks.indices.contains($0) ? ranks[$0] : 0) < (ranks.indices.contains($1) ? ranks[$1] : 0) } ?? hits[0]
            try write(best)
            return [best]
        case .any:
            var first: [Value] = []
            for (k, _) in t.outputSlots.enumerated() { first.append(try t.rows[hits[0]].outputs[k](frame)) }
            for h in hits.dropFirst() {
                for k in t.outputSlots.indices where try t.rows[h].outputs[k](frame) != first[k] {
                    throw EvaluationError(.conflictingMatch, "rows \(hits[0] + 1) and \(h + 1) of table \(t.source.name) in \(decision.id) match \(describeInputs()) but give different \(t.outputNames[k]) under the any hit policy")
                }
            }
            try write(hits[0])
            return hits
        case .collect:
            for (k, slot) in t.outputSlots.enumerated() {
                var items: [Value] = []
                for h in hits { items.append(try t.rows[h].outputs[k](frame)) }
                frame.slots[slot] = try aggregate(items, t.source.aggregation, name: t.outputNames[k])
            }
            return hits
        }
    }

    static func aggregate(_ items: [Value], _ agg: Aggregation?, name: String) throws(EvaluationError) -> Value {
        guard let agg else { return .list(items) }
        switch agg {
        case .count: return .number(ExactDecimal(items.count))
        case .sum:
            var total = ExactDecimal.zero
            for v in items { total = try Operators.arithmetic(.add, total, try Operators.number(v, name), "sum of \(name)") }
            return .number(total)
        case .min, .max:
            var best: Value = .null
            for v in items where !v.isNull {
                if best.isNull { best = v; continue }
                if let o = Operators.order(v, best), agg == .min ? o < 0 : o > 0 { best = v }
            }
            return best
        }
    }
}
