/// Judges one case against a compiled decision: the per-case hot path.
struct DecisionEvaluator {
    let rulebook: Rulebook
    let tracing: Bool
    /// Copied out of the rulebook once: read on every case.
    let today: Day
    let calendar: WorkingDayCalendar?

    init(rulebook: Rulebook, tracing: Bool) {
        self.rulebook = rulebook
        self.tracing = tracing
        today = rulebook.today
        calendar = rulebook.calendar
    }

    /// The input members a case may carry besides the declared inputs.
    static let reservedKeys: Set<String> = ["id", "asOf"]

    /// Binds a parsed case and judges it.
    func evaluate(_ d: CompiledDecision, caseObject: JSONValue, asOf explicitAsOf: Day?) throws(EvaluationError) -> EvaluationResult {
        guard case .object(let members) = caseObject else {
            throw EvaluationError(.notAnObject, "a case must be a JSON object, got \(caseObject.kindName)")
        }
        let decision = d.decision
        var inputs: [Value] = []
        inputs.reserveCapacity(decision.inputs.count)
        for spec in decision.inputs {
            if let m = members.first(where: { $0.key == spec.name }), m.value != .null {
                inputs.append(try ValueBinder.bind(m.value, to: spec, path: spec.name))
            } else {
                inputs.append(try DecisionEvaluator.absent(spec, in: decision))
            }
        }
        var unknown: [String] = []
        for m in members where !DecisionEvaluator.reservedKeys.contains(m.key) && !decision.inputs.contains(where: { $0.name == m.key }) {
            unknown.append(m.key)
        }
        var asOf = explicitAsOf
        if asOf == nil, let m = members.first(where: { $0.key == "asOf" }) {
            guard case .string(let s) = m.value, let day = Day(s) else {
                throw EvaluationError(.inputFormat, path: "asOf", "asOf must be a date \"YYYY-MM-DD\", got \(ValueBinder.render(m.value))")
            }
            asOf = day
        }
        return try judge(d, inputs: inputs, unknown: unknown, asOf: asOf) { dep throws(EvaluationError) in
            try evaluate(dep, caseObject: .object(members.filter { m in dep.decision.inputs.contains { $0.name == m.key } }), asOf: asOf)
        }
    }

    /// The value of an input the case does not give: its default, null, or an error when required.
    static func absent(_ spec: FieldSpec, in decision: Decision) throws(EvaluationError) -> Value {
        if let def = spec.defaultValue { return def }
        if spec.required {
            let label = spec.label.map { " (\($0.zh) / \($0.en))" } ?? ""
            throw EvaluationError(.inputMissing, path: spec.name, "\(spec.name)\(label) is required for \(decision.id) (type \(spec.type.name))")
        }
        return .null
    }

    /// The judging date: the explicit one (--as-of or the case's asOf), else the decision's date input, else today.
    func judgingDay(_ d: CompiledDecision, inputs: [Value], asOf: Day?) -> Day {
        if let asOf { return asOf }
        if let i = d.asOfInputIndex, case .date(let day) = inputs[i] { return day }
        return today
    }

    /// The version in force on a day, or the error that lists the versions.
    static func version(_ d: CompiledDecision, on day: Day) throws(EvaluationError) -> Int {
        for i in d.versions.indices where d.versions[i].covers(day) { return i }
        let list = d.decision.versions.map { v in "\(v.id) (\(v.from)–\(v.until.map(\.description) ?? "open"))" }
        throw EvaluationError(.noVersion, "no version of \(d.decision.id) is in force on \(day); versions: \(list.joined(separator: ", "))")
    }

    /// Runs the version in force on bound inputs; `dependency` judges decisions named in `uses`.
    func judge(_ d: CompiledDecision, inputs: [Value], unknown: [String], asOf: Day?, reuse: Frame? = nil, planned: Bool = true,
               dependency: (CompiledDecision) throws(EvaluationError) -> EvaluationResult) throws(EvaluationError) -> EvaluationResult {
        let day = judgingDay(d, inputs: inputs, asOf: asOf)
        let cv = d.versions[try DecisionEvaluator.version(d, on: day)]
        // A version judged per piece at load answers from its table (never when explaining).
        if planned, !tracing, let plan = cv.plan, let a = plan.answer(inputs) {
            // With unknown fields the line carries one more finding, so the written tail does not fit it.
            return EvaluationResult(header: cv, asOf: day, values: a.values,
                                    given: unknown.isEmpty ? [] : [DecisionEvaluator.unknownFields(unknown)],
                                    raised: a.raised, explanation: nil, tail: unknown.isEmpty ? a.tail : nil)
        }
        let frame: Frame
        if let reuse, !tracing, reuse.capacity >= cv.slotCount {
            reuse.reset(asOf: day, slots: cv.slotsReadBeforeWritten)
            frame = reuse
        } else {
            frame = Frame(slotCount: cv.slotCount, asOf: day, calendar: calendar, tracing: tracing)
        }
        for (i, v) in inputs.enumerated() { frame.slots[i] = v }
        frame.slots[d.asOfSlot] = .date(day)

        var trace: [TraceStep] = []
        var findings: [FindingResult] = []
        // Values captured by raised findings go after the outputs, in one array.
        var raised: [EvaluationResult.RaisedFinding] = []
        // Outputs first (filled at the end), then the values raised findings capture: one allocation.
        var values: [Value] = []
        var citeKeys: [String] = tracing ? d.decision.source : []
        if !unknown.isEmpty { findings.append(DecisionEvaluator.unknownFields(unknown)) }
        for use in d.useSlots {
            guard let dep = rulebook.compiled[use.id] else { throw EvaluationError(.unknownDecision, "\(use.id) is not loaded") }
            let r: EvaluationResult
            do {
                r = try dependency(dep)
            } catch {
                throw EvaluationError(error.code, path: error.path, "\(use.id) (used as \(use.alias)): \(error.message)")
            }
            frame.slots[use.slot] = .object(r.outputValues)
            if tracing {
                trace.append(TraceStep(kind: .uses, name: use.alias, detail: "\(use.id) version \(r.version)", rows: [],
                                       using: [], result: r.outputs.map { ($0.spec.name, $0.value) }, cite: [],
                                       notes: [], explanation: nil))
            }
            findings.append(contentsOf: r.findings.filter { $0.code != "UNKNOWN_FIELD" })
        }
        // Through a buffer pointer: `checks[i].holds` on the array would copy each check (and retain
        // the strings it keeps for its error) before calling it.
        if let failed = try cv.constraintChecks.withUnsafeBufferPointer({ (checks) throws(EvaluationError) -> Int? in
            for i in checks.indices where try checks[i].holds(frame) { return i }
            return nil
        }) {
            throw cv.constraintErrors[failed]
        }
        if tracing {
            trace.append(TraceStep(kind: .input, name: "inputs", detail: "as of \(day), version \(cv.version.id)", rows: [],
                                   using: d.decision.inputs.enumerated().map { ($1.name, frame.slots[$0]) }, result: [],
                                   cite: [], notes: [], explanation: nil))
        }
        if tracing {
            try runTraced(cv, d, frame: frame, values: &values, raised: &raised, trace: &trace, citeKeys: &citeKeys)
        } else {
            try QuietSteps.run(cv, d, frame: frame, values: &values, raised: &raised)
        }
        if values.isEmpty {
            values.reserveCapacity(cv.outputSlots.count)
            for slot in cv.outputSlots { values.append(frame.slots[slot]) }
        } else {
            for (k, slot) in cv.outputSlots.enumerated() { values[k] = frame.slots[slot] }
        }
        var citations: [Citation] = []
        if tracing {
            citeKeys += DecisionEvaluator.enumCitations(d.decision.outputs, values)
            var seen: Set<String> = []
            citations = citeKeys.filter { seen.insert($0).inserted }.compactMap { d.decision.citations[$0] }
        }
        return EvaluationResult(header: cv, asOf: day, values: values, given: findings, raised: raised,
                                explanation: tracing ? EvaluationResult.Explanation(trace: trace, citations: citations) : nil)
    }

    /// The steps with a trace: every step's values, rows, notes and explanation, and the citations used.
    func runTraced(_ cv: CompiledVersion, _ d: CompiledDecision, frame: Frame, values: inout [Value],
                   raised: inout [EvaluationResult.RaisedFinding], trace: inout [TraceStep], citeKeys: inout [String]) throws(EvaluationError) {
        for step in cv.steps {
            switch step {
            case .set(let node):
                let slot = node.slot
                var applied = true
                if let when = node.when, !(try when.holds(frame)) {
                    frame.slots[slot] = .null
                    applied = false
                } else {
                    frame.slots[slot] = try node.eval(frame)
                }
                let source = node.source
                citeKeys.append(contentsOf: source.cite)
                let notes = frame.notes ?? []
                frame.notes = []
                trace.append(TraceStep(kind: .value, name: source.name, detail: source.expr.text, rows: [],
                                       using: node.using.map { ($0.name, frame.slots[$0.slot]) },
                                       result: [(source.name, frame.slots[slot])], cite: source.cite, notes: notes,
                                       explanation: applied ? node.explain?.render(frame) : nil))
            case .finding(let node):
                let fired = try node.when.holds(frame)
                if fired {
                    cv.raise(node, frame: frame, values: &values, raised: &raised)
                    citeKeys.append(contentsOf: node.def.cite)
                }
                trace.append(TraceStep(kind: .finding, name: node.def.code, detail: node.source.when.text, rows: [],
                                       using: node.using.map { ($0.name, frame.slots[$0.slot]) },
                                       result: [("fired", .bool(fired))], cite: fired ? node.def.cite : [], notes: [],
                                       explanation: fired ? node.explain?.render(frame) : nil))
            case .table(let node):
                let table = node.table
                let rows = try TableEvaluator.run(table, frame: frame, decision: d.decision)
                for r in rows { citeKeys.append(contentsOf: table.rows[r].cite) }
                trace.append(DecisionEvaluator.tableTrace(table, rows: rows, frame: frame, explain: node.explain))
            }
        }
    }

    static func unknownFields(_ unknown: [String]) -> FindingResult {
        FindingResult(code: "UNKNOWN_FIELD", severity: .warning,
                      message: LocalizedText(
                        zh: "案件含有本规则未声明的字段：\(unknown.joined(separator: "、"))，已忽略。",
                        en: "The case has fields this rule does not declare: \(unknown.joined(separator: ", ")); they were ignored."),
                      citations: [])
    }

    static func tableTrace(_ table: CompiledTable, rows: [Int], frame: Frame, explain: CompiledTemplate?) -> TraceStep {
        let t = table.source
        let detail = rows.map { r in
            "row \(r + 1): " + zip(table.inputTexts, t.rows[r].when).map { "\($0) \($1.text)" }.joined(separator: "; ")
        }.joined(separator: " | ")
        return TraceStep(kind: .table, name: t.name, detail: detail.isEmpty ? "no row matched; default used" : detail,
                         rows: rows.map { $0 + 1 }, using: [],
                         result: zip(table.outputNames, table.outputSlots).map { ($0, frame.slots[$1]) },
                         cite: rows.flatMap { table.rows[$0].cite }, notes: [],
                         explanation: explain?.render(frame))
    }

    /// Citations attached to the enum values an output took (obligation codes, classes).
    static func enumCitations(_ specs: [FieldSpec], _ values: [Value]) -> [String] {
        var keys: [String] = []
        for (spec, v) in zip(specs, values) {
            if case .enumeration(let def) = spec.type, case .string(let code) = v, let i = def.index(ofCode: code) {
                keys += def.cases[i].cite
            } else if case .list(.enumeration(let def)) = spec.type, case .list(let items) = v {
                for case .string(let code) in items { if let i = def.index(ofCode: code) { keys += def.cases[i].cite } }
            }
        }
        return keys
    }
}
