/// Which table rows and threshold sides a decision's examples reach.
struct ExampleCoverage {
    /// A numeric or date threshold the rule draws on a name.
    struct Threshold: Hashable {
        let name: String
        let bound: Value
    }

    let rulebook: Rulebook
    let decision: CompiledDecision

    /// Rows hit, by "version/table".
    private(set) var rowsHit: [String: Set<Int>] = [:]
    /// Every value each name took across the examples.
    private(set) var observed: [String: [Value]] = [:]

    init(rulebook: Rulebook, decision: CompiledDecision) {
        self.rulebook = rulebook
        self.decision = decision
        for ex in decision.decision.examples {
            // The inputs an example gives count even when it expects an error (e.g. NO_MATCH on a declared gap).
            for spec in decision.decision.inputs {
                guard let json = ex.input[spec.name], let v = try? ValueBinder.bind(json, to: spec, path: spec.name) else { continue }
                observed[spec.name, default: []].append(v)
            }
            let asOf = ExampleRunner.asOf(ex, of: decision.decision)
            guard case .success(let r) = rulebook.evaluate(decision.decision.id, case: ex.input, asOf: asOf, explain: true) else { continue }
            for step in r.trace {
                switch step.kind {
                case .table:
                    rowsHit["\(r.version)/\(step.name)", default: []].formUnion(step.rows.map { $0 - 1 })
                    for (n, v) in step.result { observed[n, default: []].append(v) }
                case .input, .value, .finding:
                    for (n, v) in step.using + (step.kind == .finding ? [] : step.result) { observed[n, default: []].append(v) }
                default:
                    break
                }
            }
        }
    }

    /// Thresholds drawn by table cells on plain-name columns and by comparisons in expressions.
    static func thresholds(of d: CompiledDecision) -> [Threshold] {
        var out: [Threshold] = []
        for v in d.versions {
            for step in v.steps {
                switch step {
                case .table(let node):
                    let t = node.table
                    for (k, type) in t.columnTypes.enumerated() where type.isNumber || { if case .date = type { return true } else { return false } }() {
                        let name = t.source.inputs[k].text
                        guard case .name = t.source.inputs[k].ast else { continue }
                        for row in t.source.rows {
                            guard case .success(let test) = CellCompiler.resolve(row.when[k].test, column: type) else { continue }
                            for b in orderingBounds(test) { out.append(Threshold(name: name, bound: b)) }
                        }
                    }
                case .set(let s):
                    out += expressionThresholds(s.source.expr.ast)
                case .finding(let f):
                    out += expressionThresholds(f.source.when.ast)
                }
            }
        }
        var seen: Set<Threshold> = []
        return out.filter { seen.insert($0).inserted }
    }

    static func orderingBounds(_ t: UnaryTest<Value>) -> [Value] {
        switch t {
        case .compare(let op, let v): return op == .eq || op == .ne || v.isNull ? [] : [v]
        case .range(let lo, _, let hi, _): return [lo, hi]
        case .anyOf(let ts), .none(let ts): return ts.flatMap(orderingBounds)
        case .any: return []
        }
    }

    static func expressionThresholds(_ e: Expr) -> [Threshold] {
        var out: [Threshold] = []
        func literal(_ x: Expr) -> Value? {
            switch x {
            case .number(let n, _): return .number(n)
            case .call("date", let args, _):
                if args.count == 1, case .string(let s, _) = args[0], let d = Day(s) { return .date(d) }
                return nil
            default: return nil
            }
        }
        func walk(_ x: Expr) {
            switch x {
            case .binary(let op, let l, let r, _):
                if [.lt, .le, .gt, .ge].contains(op) {
                    if case .name(let n, _) = l, let v = literal(r) { out.append(Threshold(name: n, bound: v)) }
                    if case .name(let n, _) = r, let v = literal(l) { out.append(Threshold(name: n, bound: v)) }
                }
                walk(l)
                walk(r)
            case .not(let a, _), .negate(let a, _), .member(let a, _, _): walk(a)
            case .conditional(let a, let b, let c, _): walk(a); walk(b); walk(c)
            case .call(_, let args, _), .list(let args, _): args.forEach(walk)
            default: break
            }
        }
        walk(e)
        return out
    }

    /// The sides of a threshold no example reaches: "below", "on", "above".
    /// A computed value's domain is unknown (a count is never negative, a capped ratio never above 1),
    /// so for it the example on the bound and one on either side suffice.
    func missingSides(_ t: Threshold, spec: FieldSpec?) -> [(side: String, value: Value)] {
        let values = observed[t.name] ?? []
        var below = false, on = false, above = false
        for v in values {
            guard let c = Operators.order(v, t.bound) else { continue }
            if c < 0 { below = true } else if c == 0 { on = true } else { above = true }
        }
        if spec == nil && t.name != "asOf" && on && (below || above) { return [] }
        var missing: [(String, Value)] = []
        if !below, let v = neighbour(t.bound, -1, spec) { missing.append(("below", v)) }
        if !on, fits(t.bound, spec) { missing.append(("on", t.bound)) }
        if !above, let v = neighbour(t.bound, 1, spec) { missing.append(("above", v)) }
        return missing
    }

    /// A value just past the bound, inside the input's declared domain; nil when none exists.
    func neighbour(_ b: Value, _ direction: Int, _ spec: FieldSpec?) -> Value? {
        let candidate: Value
        switch b {
        case .number(let n):
            let isInt: Bool = { if case .integer? = spec?.type { return true } else { return false } }()
            let step = isInt || n.isInteger ? ExactDecimal.one : ExactDecimal(significand: 1, scale: max(2, n.scale + 1))
            guard let v = direction < 0 ? try? n.subtracting(step) : try? n.adding(step) else { return nil }
            candidate = .number(v)
        case .date(let d):
            candidate = .date(d.adding(days: direction))
        default:
            return nil
        }
        return fits(candidate, spec) ? candidate : nil
    }

    func fits(_ v: Value, _ spec: FieldSpec?) -> Bool {
        guard let spec else { return true }
        do {
            try ValueBinder.checkBounds(v, spec: spec, path: spec.name)
            return true
        } catch {
            return false
        }
    }
}
