/// Judges one case against a compiled decision: the per-case hot path.
struct DecisionEvaluator {
    let rulebook: Rulebook
    let tracing: Bool

    /// The input members a case may carry besides the declared inputs.
    static let reservedKeys: Set<String> = ["id", "asOf"]

    func evaluate(_ d: CompiledDecision, caseObject: JSONValue, asOf explicitAsOf: Day?) throws(EvaluationError) -> EvaluationResult {
        guard case .object(let members) = caseObject else {
            throw EvaluationError(.notAnObject, "a case must be a JSON object, got \(caseObject.kindName)")
        }
        let decision = d.decision
        // Bind declared inputs.
        var inputs: [Value] = []
        inputs.reserveCapacity(decision.inputs.count)
        for spec in decision.inputs {
            if let m = members.first(where: { $0.key == spec.name }), m.value != .null {
                inputs.append(try ValueBinder.bind(m.value, to: spec, path: spec.name))
            } else if let def = spec.defaultValue {
                inputs.append(def)
            } else if spec.required {
                let label = spec.label.map { " (\($0.zh) / \($0.en))" } ?? ""
                throw EvaluationError(.inputMissing, path: spec.name, "\(spec.name)\(label) is required for \(decision.id) (type \(spec.type.name))")
            } else {
                inputs.append(.null)
            }
        }
        var unknown: [String] = []
        for m in members where d.inputIndex[m.key] == nil && !DecisionEvaluator.reservedKeys.contains(m.key) {
            unknown.append(m.key)
        }
        // The judging date: --as-of, the case's asOf, the decision's date input, else today.
        var asOf = explicitAsOf
        if asOf == nil, let m = members.first(where: { $0.key == "asOf" }) {
            guard case .string(let s) = m.value, let day = Day(s) else {
                throw EvaluationError(.inputFormat, path: "asOf", "asOf must be a date \"YYYY-MM-DD\", got \(ValueBinder.render(m.value))")
            }
            asOf = day
        }
        if asOf == nil, let name = decision.asOfInput, let i = d.inputIndex[name], case .date(let day) = inputs[i] {
            asOf = day
        }
        let day = asOf ?? rulebook.today
        guard let vi = decision.versions.firstIndex(where: { $0.covers(day) }) else {
            let list = decision.versions.map { v in "\(v.id) (\(v.from)–\(v.until.map(\.description) ?? "open"))" }
            throw EvaluationError(.noVersion, "no version of \(decision.id) is in force on \(day); versions: \(list.joined(separator: ", "))")
        }
        let cv = d.versions[vi]
        let frame = Frame(slotCount: cv.slotCount, asOf: day, calendar: rulebook.calendar, tracing: tracing)
        for (i, v) in inputs.enumerated() { frame.slots[i] = v }
        frame.slots[d.asOfSlot] = .date(day)

        var trace: [TraceStep] = []
        var findings: [FindingResult] = []
        var citeKeys: [String] = decision.source

        if !unknown.isEmpty {
            findings.append(FindingResult(
                code: "UNKNOWN_FIELD", severity: .warning,
                message: LocalizedText(
                    zh: "案件含有本规则未声明的字段：\(unknown.joined(separator: "、"))，已忽略。",
                    en: "The case has fields this rule does not declare: \(unknown.joined(separator: ", ")); they were ignored."),
                citations: []))
        }
        for use in d.useSlots {
            guard let dep = rulebook.compiled[use.id] else {
                throw EvaluationError(.unknownDecision, "\(use.id) is not loaded")
            }
            let r: EvaluationResult
            do {
                var sub: [(key: String, value: JSONValue)] = []
                for m in members where dep.inputIndex[m.key] != nil { sub.append(m) }
                r = try evaluate(dep, caseObject: .object(sub), asOf: day)
            } catch {
                throw EvaluationError(error.code, path: error.path, "\(use.id) (used as \(use.alias)): \(error.message)")
            }
            frame.slots[use.slot] = .object(r.outputs.map(\.value))
            if tracing {
                trace.append(TraceStep(kind: .uses, name: use.alias, detail: "\(use.id) version \(r.version)", rows: [],
                                       using: [], result: r.outputs.map { ($0.spec.name, $0.value) }, cite: [],
                                       notes: [], explanation: nil))
            }
            findings.append(contentsOf: r.findings)
        }
        for (c, when) in cv.constraints where try Operators.bool(try when(frame), c.when.text) {
            throw EvaluationError(.inputConstraint, path: c.path, "\(c.message.en) (\(c.message.zh)) [\(c.when.text)]")
        }
        if tracing {
            trace.append(TraceStep(kind: .input, name: "inputs", detail: "as of \(day), version \(cv.version.id)", rows: [],
                                   using: decision.inputs.enumerated().map { ($1.name, frame.slots[$0]) }, result: [],
                                   cite: [], notes: [], explanation: nil))
        }

        for step in cv.steps {
            switch step {
            case .set(let slot, let eval, let when, let source, _, let using):
                if let when, !(try Operators.bool(try when(frame), source.when?.text ?? "when")) {
                    frame.slots[slot] = .null
                } else {
                    frame.slots[slot] = try eval(frame)
                }
                citeKeys.append(contentsOf: source.cite)
                if tracing {
                    let notes = frame.notes ?? []
                    frame.notes = []
                    trace.append(TraceStep(kind: .value, name: source.name, detail: source.expr.text, rows: [],
                                           using: using.map { ($0.name, frame.slots[$0.slot]) },
                                           result: [(source.name, frame.slots[slot])], cite: source.cite, notes: notes,
                                           explanation: source.explain.map { Template.render($0, frame: frame, names: cv.names) }))
                }
            case .finding(let def, let when, let source, let using):
                let fired = try Operators.bool(try when(frame), source.when.text)
                if fired {
                    findings.append(FindingResult(code: def.code, severity: def.severity,
                                                  message: Template.render(def.message, frame: frame, names: cv.names),
                                                  citations: def.cite.compactMap { decision.citations[$0] }))
                    citeKeys.append(contentsOf: def.cite)
                }
                if tracing {
                    trace.append(TraceStep(kind: .finding, name: def.code, detail: source.when.text, rows: [],
                                           using: using.map { ($0.name, frame.slots[$0.slot]) },
                                           result: [("fired", .bool(fired))], cite: fired ? def.cite : [], notes: [],
                                           explanation: fired ? source.explain.map { Template.render($0, frame: frame, names: cv.names) } : nil))
                }
            case .table(let table):
                let rows = try TableEvaluator.run(table, frame: frame, decision: decision)
                for r in rows { citeKeys.append(contentsOf: table.rows[r].cite) }
                if tracing {
                    let t = table.source
                    let detail = rows.map { r in
                        "row \(r + 1): " + zip(table.inputTexts, t.rows[r].when).map { "\($0) \($1.text)" }.joined(separator: "; ")
                    }.joined(separator: " | ")
                    trace.append(TraceStep(kind: .table, name: t.name, detail: detail.isEmpty ? "no row matched; default used" : detail,
                                           rows: rows.map { $0 + 1 },
                                           using: [],
                                           result: zip(table.outputNames, table.outputSlots).map { ($0, frame.slots[$1]) },
                                           cite: rows.flatMap { table.rows[$0].cite }, notes: [],
                                           explanation: t.explain.map { Template.render($0, frame: frame, names: cv.names) }))
                }
            }
        }
        var outputs: [(FieldSpec, Value)] = []
        for (spec, slot) in zip(decision.outputs, cv.outputSlots) {
            let v = frame.slots[slot]
            outputs.append((spec, v))
            if case .enumeration(let def) = spec.type, case .string(let code) = v, let i = def.index(ofCode: code) {
                citeKeys.append(contentsOf: def.cases[i].cite)
            } else if case .list(.enumeration(let def)) = spec.type, case .list(let items) = v {
                for case .string(let code) in items { if let i = def.index(ofCode: code) { citeKeys.append(contentsOf: def.cases[i].cite) } }
            }
        }
        var seen: Set<String> = []
        let citations = citeKeys.filter { seen.insert($0).inserted }.compactMap { decision.citations[$0] }
        return EvaluationResult(decisionId: decision.id, version: cv.version.id, asOf: day, outputs: outputs,
                                findings: findings, trace: trace, citations: citations)
    }
}

/// Applies a table's hit policy and writes its outputs into the frame.
enum TableEvaluator {
    static func run(_ t: CompiledTable, frame: Frame, decision: Decision) throws(EvaluationError) -> [Int] {
        var values: [Value] = []
        values.reserveCapacity(t.inputs.count)
        for e in t.inputs { values.append(try e(frame)) }
        let hits = t.matches(values)
        func describeInputs() -> String {
            zip(t.inputTexts, values).map { "\($0) = \($1)" }.joined(separator: ", ")
        }
        func write(_ row: Int) throws(EvaluationError) {
            for (k, slot) in t.outputSlots.enumerated() { frame.slots[slot] = try t.rows[row].outputs[k](frame) }
        }
        if hits.isEmpty && t.source.hitPolicy != .collect {
            if let defaults = t.defaults {
                for (k, slot) in t.outputSlots.enumerated() { frame.slots[slot] = try defaults[k](frame) }
                return []
            }
            throw EvaluationError(.noMatch, "no row of table \(t.source.name) in \(decision.id) matches \(describeInputs())")
        }
        switch t.source.hitPolicy {
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
