/// One compiled step of a version; payloads are boxed so iterating steps costs one retain each.
enum CompiledStep {
    case table(TableNode)
    case set(SetNode)
    case finding(FindingNode)
}

/// A compiled decision table, boxed.
final class TableNode {
    let table: CompiledTable
    let explain: CompiledTemplate?
    init(_ table: CompiledTable, explain: CompiledTemplate?) {
        self.table = table
        self.explain = explain
    }
}

/// A compiled `set` step.
final class SetNode {
    let slot: Int
    let eval: Evaluator
    let when: ConditionBox?
    /// The unboxed form of `eval` for a computed boolean, number or date (one closure call fewer).
    let bool: BoolEvaluator?
    let number: NumberEvaluator?
    let day: DayEvaluator?
    let source: SetStep
    let type: ValueType
    let using: [(name: String, slot: Int)]
    let explain: CompiledTemplate?
    init(slot: Int, expr: CompiledExpr, when: ConditionBox?, source: SetStep, type: ValueType,
         using: [(name: String, slot: Int)], explain: CompiledTemplate?) {
        self.slot = slot
        eval = expr.eval
        // A plain name is already one call; typed readers are for computed values.
        bool = expr.slotIndex == nil ? expr.bool : nil
        number = expr.slotIndex == nil ? expr.number : nil
        day = expr.slotIndex == nil ? expr.day : nil
        self.when = when
        self.source = source
        self.type = type
        self.using = using
        self.explain = explain
    }
}

/// A compiled `finding` step with its message template and citations resolved.
final class FindingNode {
    let def: FindingDef
    let when: ConditionBox
    let source: FindingStep
    let using: [(name: String, slot: Int)]
    let citations: [Citation]
    /// The citations' JSON members (with their leading comma), rendered once.
    let citationsJSON: String
    /// `{"code":…,"severity":…,"message":{"zh":"` as bytes, for the batch writer.
    let headBytes: [UInt8]
    /// `"},` + the citation members + `}` as bytes: everything after the English message.
    let tailBytes: [UInt8]
    var message: CompiledTemplate
    var explain: CompiledTemplate?
    init(def: FindingDef, when: ConditionBox, source: FindingStep, using: [(name: String, slot: Int)], citations: [Citation]) {
        self.def = def
        self.when = when
        self.source = source
        self.using = using
        self.citations = citations
        citationsJSON = ResultJSON.citationMembers(citations)
        headBytes = Array(("{\"code\":" + JSONWriter.quote(def.code) + ",\"severity\":" + JSONWriter.quote(def.severity.rawValue)
                           + ",\"message\":{\"zh\":\"").utf8)
        tailBytes = Array(("\"}" + citationsJSON + "}").utf8)
        message = CompiledTemplate(def.message, names: [:])
    }
}

/// A version compiled against its decision's inputs (a class: shared, never copied per case).
final class CompiledVersion {
    let version: Version
    /// The version id as a JSON string, for batch lines.
    let idBytes: [UInt8]
    /// The decision's id and output declarations, which every result refers to.
    let decisionId: String
    let outputSpecs: [FieldSpec]
    let steps: [CompiledStep]
    let slotCount: Int
    let outputSlots: [Int]
    /// Each constraint's check, and the error it raises (worded once at load), by index.
    let constraintChecks: [ConditionBox]
    let constraintErrors: [EvaluationError]
    /// The steps as unretained references, for the non-explaining loop; `steps` keeps them alive.
    let stepRefs: [StepRef]
    /// Slots a message may read before their step writes them (see `Frame.reset`).
    let slotsReadBeforeWritten: [Int]
    /// How many finding steps the version has.
    let findingSteps: Int
    /// Room a result's values need: the outputs and every finding's captured values.
    let resultCapacity: Int
    /// Every name a message template may use, with its slot and type.
    let names: [String: Scope.Binding]
    /// The version judged per combination of input pieces, when it qualifies; set once at load,
    /// before any case is judged.
    var plan: PiecewisePlan?
    /// Version dates, read on every case.
    let from: Day
    let until: Day?

    init(decision: Decision, version: Version, steps: [CompiledStep], slotCount: Int, outputSlots: [Int],
         constraints: [(InputConstraint, ConditionBox)], names: [String: Scope.Binding]) {
        self.version = version
        idBytes = Array(JSONWriter.quote(version.id).utf8)
        decisionId = decision.id
        outputSpecs = decision.outputs
        self.steps = steps
        self.slotCount = slotCount
        self.outputSlots = outputSlots
        constraintChecks = constraints.map(\.1)
        stepRefs = steps.map(StepRef.init)
        var captures = 0, findings = 0
        for case .finding(let node) in steps {
            captures += node.message.captures.count
            findings += 1
        }
        findingSteps = findings
        var early: [Int] = []
        for case .finding(let node) in steps {
            for slot in node.message.captures where slot >= decision.inputs.count && !early.contains(slot) { early.append(slot) }
        }
        slotsReadBeforeWritten = early
        resultCapacity = outputSlots.count + captures
        constraintErrors = constraints.map { c, _ in
            EvaluationError(.inputConstraint, path: c.path, "\(c.message.en) (\(c.message.zh)) [\(c.when.text)]")
        }
        self.names = names
        from = version.from
        until = version.until
    }

    /// Whether this version is in force on a day.
    func covers(_ day: Day) -> Bool { day >= from && (until.map { day <= $0 } ?? true) }
}

/// A decision ready to evaluate: inputs laid out in slots, every version compiled.
public struct CompiledDecision: Sendable {
    /// The decision as loaded.
    public let decision: Decision
    let versions: [CompiledVersion]
    /// Slot of `asOf` (inputs take slots 0..<inputs.count).
    let asOfSlot: Int
    /// Slot of each `uses` alias.
    let useSlots: [(alias: String, id: String, slot: Int)]
    let inputIndex: [String: Int]
    /// The input that dates the case (`asOf` in the rule file), by index, so no name is looked up per case.
    let asOfInputIndex: Int?
    let findingDefs: [String: FindingDef]
}

// Closures are built once at load and only read afterwards.
extension CompiledVersion: @unchecked Sendable {}
extension CompiledStep: @unchecked Sendable {}
extension TableNode: @unchecked Sendable {}
extension SetNode: @unchecked Sendable {}
extension FindingNode: @unchecked Sendable {}
extension CompiledTable: @unchecked Sendable {}

/// Compiles decisions; `outputTypes` gives the outputs of decisions already compiled (for `uses`).
struct DecisionCompiler {
    let decision: Decision
    let dependencyOutputs: [String: [FieldSpec]]

    func fail(_ path: String, _ message: String) -> LoadError {
        LoadError(file: decision.file, path: path, message: message)
    }

    func fail(_ error: CompileError, in source: SourceExpression) -> LoadError {
        let column = error.span.map { ", column \($0.start + 1)" } ?? ""
        return fail(source.path, "expression \"\(source.text)\"\(column): \(error.message)")
    }

    func compile() throws -> CompiledDecision {
        var inputIndex: [String: Int] = [:]
        for (i, f) in decision.inputs.enumerated() { inputIndex[f.name] = i }
        if let a = decision.asOfInput {
            guard let i = inputIndex[a], case .date = decision.inputs[i].type else {
                throw fail(decision.path + ".asOf", "asOf names \"\(a)\", which is not a date input")
            }
        }
        var findingDefs: [String: FindingDef] = [:]
        for f in decision.findings { findingDefs[f.code] = f }
        var versions: [CompiledVersion] = []
        var useSlots: [(String, String, Int)] = []
        var asOfSlot = 0
        for v in decision.versions {
            let scope = Scope()
            for f in decision.inputs { scope.declare(f.name, f.type) }
            asOfSlot = scope.declare("asOf", .date)
            useSlots = []
            for (alias, id) in decision.uses {
                guard let outs = dependencyOutputs[id] else {
                    throw fail(decision.path + ".uses", "uses \"\(id)\", which is not a decision in the rules")
                }
                useSlots.append((alias, id, scope.declare(alias, .object(ObjectDef(fields: outs)))))
            }
            versions.append(try compileVersion(v, scope: scope, findingDefs: findingDefs))
        }
        try checkVersionsDisjoint()
        return CompiledDecision(decision: decision, versions: versions, asOfSlot: asOfSlot, useSlots: useSlots,
                                inputIndex: inputIndex, asOfInputIndex: decision.asOfInput.flatMap { inputIndex[$0] },
                                findingDefs: findingDefs)
    }

    func checkVersionsDisjoint() throws {
        let sorted = decision.versions.sorted { $0.from < $1.from }
        for (a, b) in zip(sorted, sorted.dropFirst()) {
            guard let end = a.until else {
                throw fail(b.path, "version \(b.id) starts \(b.from) but version \(a.id) has no end date: versions overlap")
            }
            if end >= b.from { throw fail(b.path, "version \(b.id) starts \(b.from), before version \(a.id) ends (\(end))") }
        }
    }

    func expression(_ source: SourceExpression, _ scope: Scope) throws -> (CompiledExpr, [(name: String, slot: Int)]) {
        let c = ExpressionCompiler(scope: scope, source: source)
        do {
            let compiled = try c.compile(source.ast)
            return (compiled, c.referenced)
        } catch {
            throw fail(error, in: source)
        }
    }

    func compileVersion(_ v: Version, scope: Scope, findingDefs: [String: FindingDef]) throws -> CompiledVersion {
        let constraints = try decision.constraints.map { c -> (InputConstraint, ConditionBox) in
            let (e, _) = try expression(c.when, scope)
            guard case .boolean = e.type else { throw fail(c.when.path, "a constraint's when must be true or false") }
            guard decision.inputs.contains(where: { $0.name == c.path.split(separator: ".").first.map(String.init) ?? "" }) else {
                throw fail(c.when.path, "constraint path \"\(c.path)\" does not name an input")
            }
            return (c, e.asCondition(c.when.text))
        }
        var steps: [CompiledStep] = []
        let declaredOutputs = Dictionary(decision.outputs.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var assigned: Set<String> = []

        func bind(_ name: String, _ type: ValueType, at path: String) throws -> Int {
            if let out = declaredOutputs[name], !out.type.accepts(type) {
                throw fail(path, "\(name) is declared \(out.type.name) but this step gives \(type.name)")
            }
            if scope.lookup(name) != nil && !assigned.contains(name) {
                throw fail(path, "\"\(name)\" is an input or built-in name and cannot be set")
            }
            if assigned.contains(name) { throw fail(path, "\"\(name)\" is set twice") }
            assigned.insert(name)
            return scope.declare(name, declaredOutputs[name]?.type ?? type)
        }

        for step in v.steps {
            switch step {
            case .set(let s):
                let (e, using) = try expression(s.expr, scope)
                var when: ConditionBox?
                if let w = s.when {
                    let (we, _) = try expression(w, scope)
                    guard case .boolean = we.type else { throw fail(w.path, "when must be true or false") }
                    when = we.asCondition(w.text)
                }
                let slot = try bind(s.name, e.type, at: s.path)
                steps.append(.set(SetNode(slot: slot, expr: e, when: when, source: s, type: declaredOutputs[s.name]?.type ?? e.type,
                                          using: using, explain: s.explain.map { CompiledTemplate($0, names: scope.baseBindings) })))
            case .finding(let f):
                guard let def = findingDefs[f.code] else {
                    throw fail(f.path, "finding \"\(f.code)\" is not declared under the decision's findings")
                }
                let (e, using) = try expression(f.when, scope)
                guard case .boolean = e.type else { throw fail(f.when.path, "a finding's when must be true or false, not \(e.type.name)") }
                steps.append(.finding(FindingNode(def: def, when: e.asCondition(f.when.text), source: f, using: using,
                                                  citations: def.cite.compactMap { decision.citations[$0] })))
            case .table(let t):
                steps.append(.table(TableNode(try compileTable(t, scope: scope, declaredOutputs: declaredOutputs, bind: bind), explain: nil)))
            }
        }
        for o in decision.outputs where !assigned.contains(o.name) {
            throw fail(v.path, "output \"\(o.name)\" is never set by version \(v.id)")
        }
        let outputSlots = decision.outputs.map { scope.lookup($0.name)?.slot ?? 0 }
        // Messages may name any value of the version, so templates are split once all names exist.
        let names = scope.baseBindings
        steps = steps.map { step in
            switch step {
            case .finding(let f):
                f.message = CompiledTemplate(f.def.message, names: names)
                f.explain = f.source.explain.map { CompiledTemplate($0, names: names) }
                return step
            case .table(let t):
                return .table(TableNode(t.table, explain: t.table.source.explain.map { CompiledTemplate($0, names: names) }))
            case .set:
                return step
            }
        }
        return CompiledVersion(decision: decision, version: v, steps: steps, slotCount: scope.slotCount, outputSlots: outputSlots,
                               constraints: constraints, names: scope.baseBindings)
    }

    func compileTable(_ t: DecisionTable, scope: Scope, declaredOutputs: [String: FieldSpec],
                      bind: (String, ValueType, String) throws -> Int) throws -> CompiledTable {
        var inputEvals: [Evaluator] = []
        var columnTypes: [ValueType] = []
        // A column that is a plain name is read straight from its slot on the fast path.
        var inputSlots: [Int] = []
        for i in t.inputs {
            let (e, _) = try expression(i, scope)
            inputEvals.append(e.eval)
            columnTypes.append(e.type)
            if case .name(let n, _) = i.ast, let b = scope.lookup(n) { inputSlots.append(b.slot) } else { inputSlots.append(-1) }
        }
        // Output types of the rows: declared ones, else inferred from the first literal or expression.
        // Under collect without aggregation a declared output is the list of row values, and under
        // count it is the tally: either way the rows themselves carry another type.
        var outputTypes: [ValueType] = []
        for name in t.outputs {
            if let d = declaredOutputs[name], t.hitPolicy == .collect, t.aggregation == nil, case .list(let item) = d.type {
                outputTypes.append(item)
            } else if let d = declaredOutputs[name], !(t.hitPolicy == .collect && t.aggregation == .count) {
                outputTypes.append(d.type)
            } else {
                outputTypes.append(try inferOutputType(name, t, scope))
            }
        }
        var rows: [CompiledTable.Row] = []
        var resolvedRows: [[UnaryTest<Value>]] = []
        // Row outputs that are all literals are copied into the frame without a closure call.
        var literals: [Value]? = []
        for row in t.rows {
            var tests: [(Value) -> Bool] = []
            var resolved: [UnaryTest<Value>] = []
            defer { resolvedRows.append(resolved) }
            for (k, cell) in row.when.enumerated() {
                switch CellCompiler.resolve(cell.test, column: columnTypes[k]) {
                case .success(let test):
                    tests.append(CellCompiler.compile(test))
                    resolved.append(test)
                case .failure(let m): throw fail("\(row.path).when[\(k)]", "cell \"\(cell.text)\" of column \(t.inputs[k].text): \(m.message)")
                }
            }
            let outs = try t.outputs.enumerated().map { (k, name) -> Evaluator in
                guard let cell = row.then.first(where: { $0.name == name })?.cell else {
                    throw fail(row.path, "missing output \(name)")
                }
                let (e, constant) = try outputCell(cell, type: outputTypes[k], scope, path: "\(row.path).then.\(name)")
                if let constant { literals?.append(constant) } else { literals = nil }
                return e
            }
            rows.append(CompiledTable.Row(tests: tests, outputs: outs, cite: row.cite))
        }
        var defaults: [Evaluator]?
        if !t.defaults.isEmpty {
            defaults = try t.outputs.enumerated().map { (k, name) -> Evaluator in
                guard let cell = t.defaults.first(where: { $0.name == name })?.cell else {
                    throw fail(t.path + ".default", "default is missing output \(name)")
                }
                return try outputCell(cell, type: outputTypes[k], scope, path: "\(t.path).default.\(name)").0
            }
        }
        var priorityRank: [Int]?
        if t.hitPolicy == .priority {
            guard case .enumeration(let def) = outputTypes[0] else {
                throw fail(t.path, "the priority hit policy ranks rows by the first output's enum values, but \(t.outputs[0]) is \(outputTypes[0].name)")
            }
            priorityRank = try t.rows.map { row in
                guard case .literal(.string(let s)) = row.then.first(where: { $0.name == t.outputs[0] })?.cell,
                      let i = def.index(of: s) else {
                    throw fail(row.path, "under the priority hit policy the first output must be a literal enum value")
                }
                return i
            }
        }
        // The table's outputs become names later steps can read.
        var slots: [Int] = []
        var finalTypes = outputTypes
        if t.hitPolicy == .collect {
            if let agg = t.aggregation {
                finalTypes = outputTypes.map { agg == .count ? .integer : $0 }
            } else {
                finalTypes = outputTypes.map { .list($0) }
            }
        }
        for (k, name) in t.outputs.enumerated() { slots.append(try bind(name, finalTypes[k], t.path)) }
        return CompiledTable(source: t, inputs: inputEvals, inputTexts: t.inputs.map(\.text), columnTypes: columnTypes, rows: rows,
                             outputSlots: slots, outputNames: t.outputs, outputTypes: outputTypes, defaults: defaults,
                             priorityRank: priorityRank, inputSlots: inputSlots,
                             literalOutputs: t.hitPolicy == .collect ? nil : literals,
                             index: TableIndex(tests: resolvedRows, types: columnTypes, rowCount: t.rows.count))
    }

    func inferOutputType(_ name: String, _ t: DecisionTable, _ scope: Scope) throws -> ValueType {
        for row in t.rows {
            guard let cell = row.then.first(where: { $0.name == name })?.cell else { continue }
            switch cell {
            case .literal(.number(let n)): return ExactDecimal(n).map { $0.isInteger ? .integer : .decimal } ?? .decimal
            case .literal(.string): return .string
            case .literal(.bool): return .boolean
            case .literal(.array): return .list(.string)
            case .literal: continue
            case .expression(let e): return try expression(e, scope).0.type
            }
        }
        throw fail(t.path, "cannot tell the type of local output \"\(name)\": declare it under outputs")
    }

    /// An output cell's evaluator, and its value when the cell is a literal.
    func outputCell(_ cell: OutputCell, type: ValueType, _ scope: Scope, path: String) throws -> (Evaluator, Value?) {
        switch cell {
        case .literal(.null):
            return ({ _ throws(EvaluationError) in .null }, .null)
        case .literal(let json):
            let node = JSONNode(value: json, path: path, file: decision.file)
            let v = try ValueBinder.literal(json, as: type, at: node)
            return ({ _ throws(EvaluationError) in v }, v)
        case .expression(let source):
            let (e, _) = try expression(source, scope)
            guard type.accepts(e.type) else {
                throw fail(path, "expression gives \(e.type.name) but the output is \(type.name)")
            }
            if case .enumeration(let def) = type {
                let ev = e.eval
                return ({ f throws(EvaluationError) in
                    let v = try ev(f)
                    if case .string(let s) = v, def.index(ofCode: s) == nil {
                        throw EvaluationError(.arithmetic, "\(source.text) gave \"\(s)\", not a code of \(def.name)")
                    }
                    return v
                }, nil)
            }
            return (e.eval, nil)
        }
    }
}
