/// Unboxed evaluators: a condition, a number or a date computed without wrapping it in a `Value`.
///
/// Every boxed evaluator returns a `Value`, and an enum copy costs reference counting whenever the
/// payload is a string or list. Most of what a rule computes per case is conditions over numbers and
/// dates, so the compiler also builds these typed closures where the static type allows; `nil` means
/// the value is absent (null), and each consumer words its own error for that, exactly as the boxed
/// path does.
typealias BoolEvaluator = (Frame) throws(EvaluationError) -> Bool?
/// A condition with the text its null error names: a finding's or step's `when`, or a constraint.
/// Kept as a struct because a bare closure type stored in an array is called through a conversion
/// thunk, and the null check is done here rather than in one more closure.
struct ConditionBox {
    let bool: BoolOperand
    let what: String

    /// Whether the condition holds; null is an error naming the condition.
    @inline(__always)
    func holds(_ f: Frame) throws(EvaluationError) -> Bool { try Operators.require(try bool(f), what) }
}
/// A number, or nil for null.
typealias NumberEvaluator = (Frame) throws(EvaluationError) -> ExactDecimal?
/// A day, or nil for null.
typealias DayEvaluator = (Frame) throws(EvaluationError) -> Day?

extension CompiledExpr {
    /// A boolean expression from its unboxed evaluator; the boxed one is derived.
    static func boolean(_ b: @escaping BoolEvaluator) -> CompiledExpr {
        CompiledExpr(type: .boolean, eval: { f throws(EvaluationError) in try b(f).map(Value.bool) ?? .null }, constant: nil, bool: b)
    }

    /// A number expression from its unboxed evaluator.
    static func numeric(_ type: ValueType, _ n: @escaping NumberEvaluator) -> CompiledExpr {
        CompiledExpr(type: type, eval: { f throws(EvaluationError) in try n(f).map(Value.number) ?? .null }, constant: nil, number: n)
    }

    /// A date expression from its unboxed evaluator.
    static func dated(_ d: @escaping DayEvaluator) -> CompiledExpr {
        CompiledExpr(type: .date, eval: { f throws(EvaluationError) in try d(f).map(Value.date) ?? .null }, constant: nil, day: d)
    }

    /// A slot read; operators read it in place through `slotIndex` (see the operands below).
    static func slot(_ slot: Int, type: ValueType) -> CompiledExpr {
        var c = CompiledExpr(type: type, eval: { f throws(EvaluationError) in f.slots[slot] }, constant: nil)
        c.slotIndex = slot
        return c
    }

    /// The expression as a condition operand: a boolean name is read in place, anything else through
    /// its unboxed evaluator, or the boxed one unwrapped with the wrong-type error `Operators.bool` gives.
    func asBool(_ what: String) -> BoolOperand {
        if let slot = slotIndex, case .boolean = type { return .slot(slot, what) }
        if let bool { return .computed(bool) }
        let ev = eval
        return .computed { f throws(EvaluationError) in
            switch try ev(f) {
            case .bool(let b): return b
            case .null: return nil
            case let v: throw Operators.notA(v, what, "true or false")
            }
        }
    }

    /// The expression as a condition whose null is the error `Operators.bool` gives for `what`.
    func asCondition(_ what: String) -> ConditionBox { ConditionBox(bool: asBool(what), what: what) }

    /// The expression as a number operand (a name read in place, a constant kept), with
    /// `Operators.number`'s wrong-type error.
    func asNumber(_ what: String) -> NumberOperand {
        if let slot = slotIndex, type.isNumber { return .slot(slot, what) }
        if case .number(let n)? = constant { return .constant(n) }
        if let number { return .computed(number) }
        let ev = eval
        return .computed { f throws(EvaluationError) in
            switch try ev(f) {
            case .number(let n): return n
            case .null: return nil
            case let v: throw Operators.notA(v, what, "a number")
            }
        }
    }

    /// The expression as a date operand (a name read in place, a constant kept), with
    /// `Operators.date`'s wrong-type error.
    func asDay(_ what: String) -> DayOperand {
        if let slot = slotIndex, case .date = type { return .slot(slot, what) }
        if case .date(let d)? = constant { return .constant(d) }
        if let day { return .computed(day) }
        let ev = eval
        return .computed { f throws(EvaluationError) in
            switch try ev(f) {
            case .date(let d): return d
            case .null: return nil
            case let v: throw Operators.notA(v, what, "a date")
            }
        }
    }
}

/// Where an operator's boolean operand comes from. A name is read from its slot in place and a
/// constant kept, so the commonest operands cost no closure call.
enum BoolOperand {
    /// The error for a slot holding the wrong kind of value (kept out of line: it never happens for
    /// values the binder and the steps produced).
    @inline(never)
    func wrongType(_ f: Frame, _ kind: String) -> EvaluationError {
        guard case .slot(let s, let name) = self else { return EvaluationError(.inputType, "not \(kind)") }
        return Operators.notA(f.slots[s], name, kind)
    }

    case slot(Int, String)
    case computed(BoolEvaluator)

    @inline(__always)
    func callAsFunction(_ f: Frame) throws(EvaluationError) -> Bool? {
        switch self {
        case .slot(let s, _):
            // The name is only read to word an error: binding it here would retain it on every call.
            switch f.slots[s] {
            case .bool(let b): return b
            case .null: return nil
            default: throw wrongType(f, "true or false")
            }
        case .computed(let b):
            return try b(f)
        }
    }
}

/// Where an operator's number operand comes from (see `BoolOperand`).
enum NumberOperand {
    /// The error for a slot holding the wrong kind of value (kept out of line: it never happens for
    /// values the binder and the steps produced).
    @inline(never)
    func wrongType(_ f: Frame, _ kind: String) -> EvaluationError {
        guard case .slot(let s, let name) = self else { return EvaluationError(.inputType, "not \(kind)") }
        return Operators.notA(f.slots[s], name, kind)
    }

    case slot(Int, String)
    case constant(ExactDecimal)
    case computed(NumberEvaluator)

    @inline(__always)
    func callAsFunction(_ f: Frame) throws(EvaluationError) -> ExactDecimal? {
        switch self {
        case .slot(let s, _):
            switch f.slots[s] {
            case .number(let n): return n
            case .null: return nil
            default: throw wrongType(f, "a number")
            }
        case .constant(let n):
            return n
        case .computed(let e):
            return try e(f)
        }
    }
}

/// Where an operator's date operand comes from (see `BoolOperand`).
enum DayOperand {
    /// The error for a slot holding the wrong kind of value (kept out of line: it never happens for
    /// values the binder and the steps produced).
    @inline(never)
    func wrongType(_ f: Frame, _ kind: String) -> EvaluationError {
        guard case .slot(let s, let name) = self else { return EvaluationError(.inputType, "not \(kind)") }
        return Operators.notA(f.slots[s], name, kind)
    }

    case slot(Int, String)
    case constant(Day)
    case computed(DayEvaluator)

    @inline(__always)
    func callAsFunction(_ f: Frame) throws(EvaluationError) -> Day? {
        switch self {
        case .slot(let s, _):
            switch f.slots[s] {
            case .date(let d): return d
            case .null: return nil
            default: throw wrongType(f, "a date")
            }
        case .constant(let d):
            return d
        case .computed(let e):
            return try e(f)
        }
    }
}

extension Operators {
    /// The error for a null where true or false is needed.
    static func nullBool(_ what: String) -> EvaluationError { absent(what, "true or false") }

    /// The error for a null where a number is needed.
    static func nullNumber(_ what: String) -> EvaluationError { absent(what, "a number") }

    /// Whether an ordering result satisfies `<`, `<=`, `>` or `>=`.
    @inline(__always)
    static func holds(_ op: BinaryOp, _ c: Int) -> Bool {
        switch op {
        case .lt: return c < 0
        case .le: return c <= 0
        case .gt: return c > 0
        default: return c >= 0
        }
    }

    /// A condition's value, or its null error.
    @inline(__always)
    static func require(_ b: Bool?, _ what: String) throws(EvaluationError) -> Bool {
        guard let b else { throw nullBool(what) }
        return b
    }
}

extension PresenceTest {
    /// Whether every test holds, checked in order.
    @inline(__always)
    static func all(_ tests: [PresenceTest], _ f: Frame) -> Bool {
        for t in tests where f.slots[t.slot].isNull == t.present { return false }
        return true
    }
}
