/// Type-checks an expression against a scope and compiles it to closures, once, at load.
final class ExpressionCompiler {
    let scope: Scope
    let source: SourceExpression
    /// Names the expression reads, with their slots, for traces.
    private(set) var referenced: [(name: String, slot: Int)] = []

    init(scope: Scope, source: SourceExpression) {
        self.scope = scope
        self.source = source
    }

    func text(_ e: Expr) -> String { source.text(of: e.span) }

    func fail(_ message: String, _ e: Expr) -> CompileError { CompileError(message: message, span: e.span) }

    func compile(_ e: Expr) throws(CompileError) -> CompiledExpr {
        switch e {
        case .number(let n, _):
            return .constant(.number(n), n.isInteger ? .integer : .decimal)
        case .string(let s, _):
            return .constant(.string(s), .string)
        case .bool(let b, _):
            return .constant(.bool(b), .boolean)
        case .null:
            return .constant(.null, .null)
        case .name(let name, _):
            guard let b = scope.lookup(name) else {
                throw fail("unknown name \"\(name)\" (known: \(scope.visibleNames.joined(separator: ", ")))", e)
            }
            if !referenced.contains(where: { $0.slot == b.slot }) { referenced.append((name, b.slot)) }
            return .slot(b.slot, type: b.type)
        case .member(let base, let field, _):
            let b = try compile(base)
            guard case .object(let def) = b.type else { throw fail("\(text(base)) has no fields (it is \(b.type.name))", e) }
            guard let index = def.index(of: field) else {
                throw fail("\(text(base)) has no field \"\(field)\" (fields: \(def.fields.map(\.name).joined(separator: ", ")))", e)
            }
            let what = text(e)
            let be = b.eval
            return CompiledExpr(type: def.fields[index].type, eval: { f throws(EvaluationError) in
                switch try be(f) {
                case .object(let fields): return fields[index]
                case .null: throw EvaluationError(.nullValue, path: what, "\(what): the object is absent (null)")
                default: throw EvaluationError(.inputType, path: what, "\(what) is not an object")
                }
            }, constant: nil)
        case .negate(let operand, _):
            let c = try compile(operand)
            guard c.type.isNumber || isNull(c.type) else { throw fail("cannot negate \(c.type.name)", e) }
            let cn = c.asNumber(text(operand)), what = text(operand)
            return .numeric(c.type, { f throws(EvaluationError) in
                guard let n = try cn(f) else { throw Operators.nullNumber(what) }
                return n.negated()
            })
        case .not(let operand, _):
            let c = try compile(operand)
            try expectBool(c, operand)
            // `not present(name)`: the slot is tested in place, and stays a presence test for `and` chains.
            if let tests = c.presenceTests, tests.count == 1, tests[0].present {
                let slot = tests[0].slot
                var e = CompiledExpr.boolean { f throws(EvaluationError) in f.slots[slot].isNull }
                e.presenceTests = [PresenceTest(slot: slot, present: false)]
                return e
            }
            let what = text(operand), cb = c.asBool(what)
            return .boolean { f throws(EvaluationError) in !(try Operators.require(try cb(f), what)) }
        case .binary(let op, let l, let r, _):
            return try binary(op, l, r, e)
        case .conditional(let c, let t, let o, _):
            let cc = try compile(c), tc = try compile(t), oc = try compile(o)
            try expectBool(cc, c)
            let type = try unify(tc.type, oc.type, e)
            let what = text(c), cb = cc.asBool(what), te = tc.eval, oe = oc.eval
            // Typed branches stay unboxed, so `if … then x else 0` feeds arithmetic without a Value;
            // a branch that is a name or a constant is read in place.
            let tw = text(t), ow = text(o)
            if type.isNumber, tc.type.isNumber || isNull(tc.type), oc.type.isNumber || isNull(oc.type) {
                let tn = tc.asNumber(tw), on = oc.asNumber(ow)
                return .numeric(type) { f throws(EvaluationError) in try Operators.require(try cb(f), what) ? try tn(f) : try on(f) }
            }
            if case .date = type, isDate(tc.type) || isNull(tc.type), isDate(oc.type) || isNull(oc.type) {
                let td = tc.asDay(tw), od = oc.asDay(ow)
                return .dated { f throws(EvaluationError) in try Operators.require(try cb(f), what) ? try td(f) : try od(f) }
            }
            if case .boolean = type, isBoolean(tc.type) || isNull(tc.type), isBoolean(oc.type) || isNull(oc.type) {
                let tb = tc.asBool(tw), ob = oc.asBool(ow)
                return .boolean { f throws(EvaluationError) in try Operators.require(try cb(f), what) ? try tb(f) : try ob(f) }
            }
            return CompiledExpr(type: type, eval: { f throws(EvaluationError) in
                try Operators.require(try cb(f), what) ? try te(f) : try oe(f)
            }, constant: nil)
        case .list(let items, _):
            let cs = try items.map { (i: Expr) throws(CompileError) -> CompiledExpr in try compile(i) }
            var itemType: ValueType = .null
            for (c, i) in zip(cs, items) { itemType = try unify(itemType, c.type, i) }
            if cs.allSatisfy({ $0.constant != nil }) {
                return .constant(.list(cs.compactMap(\.constant)), .list(itemType))
            }
            let evals = cs.map(\.eval)
            return CompiledExpr(type: .list(itemType), eval: { f throws(EvaluationError) in
                var out: [Value] = []
                out.reserveCapacity(evals.count)
                for ev in evals { out.append(try ev(f)) }
                return .list(out)
            }, constant: nil)
        case .call(let name, let args, _):
            return try FunctionLibrary.compile(name, args, call: e, compiler: self)
        case .lambda:
            throw fail("a lambda (x -> …) may only be an argument of a list function", e)
        }
    }

    func isNull(_ t: ValueType) -> Bool { if case .null = t { return true } else { return false } }
    func isDate(_ t: ValueType) -> Bool { if case .date = t { return true } else { return false } }
    func isBoolean(_ t: ValueType) -> Bool { if case .boolean = t { return true } else { return false } }

    func expectBool(_ c: CompiledExpr, _ e: Expr) throws(CompileError) {
        if case .boolean = c.type { return }
        if isNull(c.type) { return }
        throw fail("\(text(e)) must be true or false, but it is \(c.type.name)", e)
    }

    /// The common type of two branches or list items.
    func unify(_ a: ValueType, _ b: ValueType, _ e: Expr) throws(CompileError) -> ValueType {
        if isNull(a) { return b }
        if isNull(b) { return a }
        if a.isNumber && b.isNumber {
            if case .integer = a, case .integer = b { return .integer }
            return .decimal
        }
        if case .enumeration(let x) = a, case .enumeration(let y) = b, x === y { return a }
        if a.isStringLike && b.isStringLike {
            if case .enumeration = a, case .string = b { return a }
            if case .string = a, case .enumeration = b { return b }
            return .string
        }
        if a.accepts(b) { return a }
        if b.accepts(a) { return b }
        throw fail("mixes \(a.name) and \(b.name)", e)
    }

    private func binary(_ op: BinaryOp, _ l: Expr, _ r: Expr, _ e: Expr) throws(CompileError) -> CompiledExpr {
        let lc = try compile(l), rc = try compile(r)
        let le = lc.eval, re = rc.eval
        let lw = text(l), rw = text(r), whole = text(e)
        switch op {
        case .and, .or:
            try expectBool(lc, l)
            try expectBool(rc, r)
            let lb = lc.asBool(lw), rb = rc.asBool(rw)
            // A chain of presence tests (`not present(a) and present(b) and …`) cannot fail, so it is
            // checked in one loop over slots; what follows it still runs in order, after it.
            if op == .and, let tests = lc.presenceTests {
                if let more = rc.presenceTests {
                    let all = tests + more
                    var e = CompiledExpr.boolean { f throws(EvaluationError) in PresenceTest.all(all, f) }
                    e.presenceTests = all
                    return e
                }
                return .boolean { f throws(EvaluationError) in
                    PresenceTest.all(tests, f) ? try Operators.require(try rb(f), rw) : false
                }
            }
            if op == .and {
                return .boolean { f throws(EvaluationError) in
                    try Operators.require(try lb(f), lw) ? try Operators.require(try rb(f), rw) : false
                }
            }
            return .boolean { f throws(EvaluationError) in
                try Operators.require(try lb(f), lw) ? true : try Operators.require(try rb(f), rw)
            }
        case .add, .sub, .mul, .div:
            guard (lc.type.isNumber || isNull(lc.type)) && (rc.type.isNumber || isNull(rc.type)) else {
                throw fail("\(op.rawValue) needs numbers, but \(lw) is \(lc.type.name) and \(rw) is \(rc.type.name)", e)
            }
            var type: ValueType = .decimal
            if case .integer = lc.type, case .integer = rc.type, op != .div { type = .integer }
            if let a = lc.constant, let b = rc.constant, case .number(let x) = a, case .number(let y) = b,
               let v = try? Operators.arithmetic(op, x, y, whole) {
                return .constant(.number(v), type)
            }
            let ln = lc.asNumber(lw), rn = rc.asNumber(rw)
            return .numeric(type) { f throws(EvaluationError) in
                guard let a = try ln(f) else { throw Operators.nullNumber(lw) }
                guard let b = try rn(f) else { throw Operators.nullNumber(rw) }
                return try Operators.arithmetic(op, a, b, whole)
            }
        case .eq, .ne:
            guard lc.type.comparable(with: rc.type) else {
                throw fail("cannot compare \(lw) (\(lc.type.name)) with \(rw) (\(rc.type.name))", e)
            }
            try checkEnumLiteral(lc, rc, r)
            try checkEnumLiteral(rc, lc, l)
            let isEq = op == .eq
            // Numbers and dates compare unboxed (nil = null: null equals only null, as for Values).
            if lc.type.isNumber || isNull(lc.type), rc.type.isNumber || isNull(rc.type), !(isNull(lc.type) && isNull(rc.type)) {
                let ln = lc.asNumber(lw), rn = rc.asNumber(rw)
                return .boolean { f throws(EvaluationError) in (try ln(f) == (try rn(f))) == isEq }
            }
            if case .date = lc.type, case .date = rc.type {
                let ld = lc.asDay(lw), rd = rc.asDay(rw)
                return .boolean { f throws(EvaluationError) in (try ld(f) == (try rd(f))) == isEq }
            }
            // A name against a string literal (`band = "open"`): the slot is read in place and the
            // lengths compared before the text.
            if let slot = lc.slotIndex, case .string(let ks)? = rc.constant {
                let n = ks.utf8.count
                return .boolean { f throws(EvaluationError) in
                    if case .string(let s) = f.slots[slot] { return (s.utf8.count == n && s == ks) == isEq }
                    return (f.slots[slot] == .string(ks)) == isEq
                }
            }
            // A value against a literal: one closure call, not two.
            if let k = rc.constant {
                return .boolean { f throws(EvaluationError) in (try le(f) == k) == isEq }
            }
            return .boolean { f throws(EvaluationError) in (try le(f) == (try re(f))) == isEq }
        case .lt, .le, .gt, .ge:
            guard orderable(lc.type, rc.type) else {
                throw fail("cannot order \(lw) (\(lc.type.name)) against \(rw) (\(rc.type.name))", e)
            }
            // Numbers and dates are ordered unboxed (a constant operand is kept, not called); the null
            // errors are worded as below.
            if lc.type.isNumber && rc.type.isNumber {
                let ln = lc.asNumber(lw), rn = rc.asNumber(rw)
                return .boolean { f throws(EvaluationError) in
                    let a = try ln(f), b = try rn(f)
                    guard let a else { throw Operators.absent(lw, in: whole) }
                    guard let b else { throw Operators.absent(rw, in: whole) }
                    return Operators.holds(op, ExactDecimal.compare(a, b))
                }
            }
            if case .date = lc.type, case .date = rc.type {
                let ld = lc.asDay(lw), rd = rc.asDay(rw)
                return .boolean { f throws(EvaluationError) in
                    let a = try ld(f), b = try rd(f)
                    guard let a else { throw Operators.absent(lw, in: whole) }
                    guard let b else { throw Operators.absent(rw, in: whole) }
                    return Operators.holds(op, a < b ? -1 : (a == b ? 0 : 1))
                }
            }
            return CompiledExpr(type: .boolean, eval: { f throws(EvaluationError) in
                let a = try le(f), b = try re(f)
                if a.isNull { throw Operators.absent(lw, in: whole) }
                if b.isNull { throw Operators.absent(rw, in: whole) }
                guard let c = Operators.order(a, b) else {
                    throw EvaluationError(.inputType, "\(whole): cannot order \(a) against \(b)")
                }
                switch op {
                case .lt: return .bool(c < 0)
                case .le: return .bool(c <= 0)
                case .gt: return .bool(c > 0)
                default: return .bool(c >= 0)
                }
            }, constant: nil)
        case .in:
            guard case .list(let itemType) = rc.type else { throw fail("\(rw) after 'in' must be a list", e) }
            guard lc.type.comparable(with: itemType) else {
                throw fail("cannot look for \(lc.type.name) in a list of \(itemType.name)", e)
            }
            if case .list(let items)? = rc.constant {
                // A name in a list of string literals (`band in ["paid", "paidPremium"]`): read in place.
                let strings = items.compactMap { if case .string(let s) = $0 { return s } else { return nil } }
                if let slot = lc.slotIndex, strings.count == items.count {
                    return .boolean { f throws(EvaluationError) in
                        guard case .string(let s) = f.slots[slot] else { return items.contains(f.slots[slot]) }
                        let n = s.utf8.count
                        for k in strings where k.utf8.count == n && k == s { return true }
                        return false
                    }
                }
                return .boolean { f throws(EvaluationError) in items.contains(try le(f)) }
            }
            return .boolean { f throws(EvaluationError) in
                let v = try le(f)
                return try Operators.list(try re(f), rw).contains(v)
            }
        }
    }

    /// `riskLevel = "hgh"` is a load error, not a silent false.
    private func checkEnumLiteral(_ enumSide: CompiledExpr, _ other: CompiledExpr, _ otherExpr: Expr) throws(CompileError) {
        guard case .enumeration(let def) = enumSide.type, case .string(let s)? = other.constant else { return }
        if def.index(ofCode: s) == nil {
            throw fail("\"\(s)\" is not a code of \(def.name) (codes: \(def.codes.joined(separator: ", ")))", otherExpr)
        }
    }

    private func orderable(_ a: ValueType, _ b: ValueType) -> Bool {
        if isNull(a) || isNull(b) { return true }
        if a.isNumber && b.isNumber { return true }
        switch (a, b) {
        case (.date, .date), (.datetime, .datetime), (.quarter, .quarter), (.string, .string): return true
        default: return false
        }
    }

    /// Compiles a lambda argument with its parameter bound to `itemType`.
    func lambda(_ e: Expr, itemType: ValueType) throws(CompileError) -> (slot: Int, body: CompiledExpr) {
        guard case .lambda(let param, let body, _) = e else {
            throw fail("expected a lambda such as x -> x.value > 0", e)
        }
        scope.push()
        let slot = scope.declare(param, itemType)
        defer { scope.pop() }
        let c = try compile(body)
        referenced.removeAll { $0.slot == slot }
        return (slot, c)
    }
}
