/// Decides whether a version's answer depends on its inputs only through their pieces, and finds the
/// pieces: for an enum or boolean input every value is its own piece; a number or date input is cut at
/// every constant the version compares it with (table cells and `x > 100` alike), as the linter and the
/// table index do.
///
/// The rule is deliberately narrow. A number or date input may only be compared with a constant, tested
/// with `present`, or be a table column; any other use (arithmetic, a message that prints it, an output
/// that echoes it) makes the version ineligible, because then two cases in one piece can differ.
/// Everything computed from eligible inputs is constant per combination of pieces, so it may be used
/// freely. `asOf`, `uses` and list inputs make a version ineligible.
struct PiecewiseAnalysis {
    /// How one input is cut.
    enum Axis {
        /// The input's value does not matter (no expression reads it).
        case unused
        /// Enum codes, in declaration order.
        case codes([String])
        /// false, true.
        case booleans
        /// Sorted distinct bounds; pieces `< b0`, `= b0`, `(b0, b1)`, …, `> bk`.
        case numbers([ExactDecimal])
        /// The same for dates.
        case days([Day])
    }

    let decision: Decision
    let version: CompiledVersion
    /// Numbers and dates: the constants each is compared with, by input index.
    private var bounds: [Int: [Value]] = [:]
    /// Inputs read in any way, by index.
    private var used: Set<Int> = []
    /// Names computed by the steps seen so far.
    private var derived: Set<String> = []
    private let inputIndex: [String: Int]

    init(decision: Decision, version: CompiledVersion) {
        self.decision = decision
        self.version = version
        var index: [String: Int] = [:]
        for (i, f) in decision.inputs.enumerated() { index[f.name] = i }
        inputIndex = index
    }

    /// The axes of an eligible version (one per input), or nil.
    static func axes(_ decision: Decision, _ version: CompiledVersion) -> [Axis]? {
        guard decision.uses.isEmpty else { return nil }
        var a = PiecewiseAnalysis(decision: decision, version: version)
        guard a.walkVersion() else { return nil }
        return a.buildAxes()
    }

    private func isOrdered(_ i: Int) -> Bool {
        switch decision.inputs[i].type {
        case .integer, .decimal, .date: return true
        default: return false
        }
    }

    private func isDiscrete(_ i: Int) -> Bool {
        switch decision.inputs[i].type {
        case .enumeration, .boolean: return true
        default: return false
        }
    }

    private mutating func walkVersion() -> Bool {
        for c in decision.constraints where !allowed(c.when.ast) { return false }
        for step in version.steps {
            switch step {
            case .set(let node):
                if let w = node.source.when, !allowed(w.ast) { return false }
                guard allowed(node.source.expr.ast) else { return false }
                derived.insert(node.source.name)
            case .finding(let node):
                guard allowed(node.source.when.ast) else { return false }
                // A message may show derived values and discrete inputs (one value per piece), no more.
                for slot in node.message.captures {
                    if slot < decision.inputs.count {
                        guard isDiscrete(slot) else { return false }
                        used.insert(slot)
                    } else if !version.names.contains(where: { $0.value.slot == slot && derived.contains($0.key) }) {
                        return false
                    }
                }
            case .table(let node):
                let t = node.table
                guard t.index != nil else { return false }
                for (k, input) in t.source.inputs.enumerated() {
                    if case .name(let n, _) = input.ast, let i = inputIndex[n], isOrdered(i) {
                        // A number or date column: its cells' bounds cut the input.
                        used.insert(i)
                        guard let b = t.index?.bounds(of: k) else { return false }
                        bounds[i, default: []] += b
                    } else if !allowed(input.ast) {
                        return false
                    }
                }
                for row in t.source.rows {
                    for (_, cell) in row.then { if case .expression(let e) = cell, !allowed(e.ast) { return false } }
                }
                for (_, cell) in t.source.defaults { if case .expression(let e) = cell, !allowed(e.ast) { return false } }
                for name in t.outputNames { derived.insert(name) }
            }
        }
        return true
    }

    /// A constant operand: a number, a negated number, or `date("…")`.
    private func constant(_ e: Expr) -> Value? {
        switch e {
        case .number(let n, _): return .number(n)
        case .negate(.number(let n, _), _): return .number(n.negated())
        case .call("date", let args, _):
            if args.count == 1, case .string(let s, _) = args[0], let d = Day(s) { return .date(d) }
            return nil
        default: return nil
        }
    }

    private func orderedInput(_ e: Expr) -> Int? {
        if case .name(let n, _) = e, let i = inputIndex[n], isOrdered(i) { return i }
        return nil
    }

    private mutating func allowed(_ e: Expr) -> Bool {
        switch e {
        case .number, .string, .bool, .null:
            return true
        case .name(let n, _):
            if let i = inputIndex[n] {
                guard isDiscrete(i) else { return false }
                used.insert(i)
                return true
            }
            return derived.contains(n)
        case .binary(let op, let l, let r, _) where [.lt, .le, .gt, .ge, .eq, .ne].contains(op):
            if let i = orderedInput(l), let c = constant(r) { used.insert(i); bounds[i, default: []].append(c); return true }
            if let i = orderedInput(r), let c = constant(l) { used.insert(i); bounds[i, default: []].append(c); return true }
            return allowed(l) && allowed(r)
        case .binary(_, let l, let r, _):
            return allowed(l) && allowed(r)
        case .call("present", let args, _) where args.count == 1:
            if let i = orderedInput(args[0]) { used.insert(i); return true }
            return allowed(args[0])
        case .call(_, let args, _):
            // Functions are pure over their arguments; a lambda's parameter is not a known name, so
            // list functions with lambdas fall out here.
            return args.allSatisfy { allowed($0) }
        case .member(let base, _, _), .negate(let base, _), .not(let base, _):
            return allowed(base)
        case .conditional(let c, let t, let o, _):
            return allowed(c) && allowed(t) && allowed(o)
        case .list(let items, _):
            return items.allSatisfy { allowed($0) }
        case .lambda:
            return false
        }
    }

    private func buildAxes() -> [Axis]? {
        var axes: [Axis] = []
        for (i, f) in decision.inputs.enumerated() {
            guard used.contains(i) else { axes.append(.unused); continue }
            switch f.type {
            case .enumeration(let def): axes.append(.codes(def.cases.map(\.code)))
            case .boolean: axes.append(.booleans)
            case .integer, .decimal:
                let sorted = TableIndex.sortedDistinct(bounds[i] ?? [])
                let numbers = sorted.compactMap { if case .number(let n) = $0 { return n } else { return nil } }
                guard numbers.count == sorted.count else { return nil }
                axes.append(.numbers(numbers))
            case .date:
                let sorted = TableIndex.sortedDistinct(bounds[i] ?? [])
                let days = sorted.compactMap { if case .date(let d) = $0 { return d } else { return nil } }
                guard days.count == sorted.count else { return nil }
                axes.append(.days(days))
            default:
                return nil
            }
        }
        return axes
    }
}
