/// Runtime helpers shared by compiled expressions: typed unwrapping and exact arithmetic.
enum Operators {
    /// The error for a null where a value of a kind ("a number", "true or false", …) is needed.
    static func absent(_ what: String, _ kind: String) -> EvaluationError {
        EvaluationError(.nullValue, path: what, "\(what) is absent (null) but \(kind) is needed")
    }

    /// The error for a null operand of an operator or function, naming the whole expression.
    static func absent(_ what: String, in whole: String) -> EvaluationError {
        EvaluationError(.nullValue, path: what, "\(what) is absent (null) in \(whole)")
    }

    /// The error for a value of the wrong kind.
    static func notA(_ v: Value, _ what: String, _ kind: String) -> EvaluationError {
        EvaluationError(.inputType, path: what, "\(what) = \(v) is not \(kind)")
    }

    static func number(_ v: Value, _ what: String) throws(EvaluationError) -> ExactDecimal {
        switch v {
        case .number(let n): return n
        case .null: throw absent(what, "a number")
        default: throw notA(v, what, "a number")
        }
    }

    static func bool(_ v: Value, _ what: String) throws(EvaluationError) -> Bool {
        switch v {
        case .bool(let b): return b
        case .null: throw absent(what, "true or false")
        default: throw notA(v, what, "true or false")
        }
    }

    static func date(_ v: Value, _ what: String) throws(EvaluationError) -> Day {
        switch v {
        case .date(let d): return d
        case .null: throw absent(what, "a date")
        default: throw notA(v, what, "a date")
        }
    }

    static func datetime(_ v: Value, _ what: String) throws(EvaluationError) -> Instant {
        switch v {
        case .datetime(let t): return t
        case .null: throw absent(what, "a date-time")
        default: throw notA(v, what, "a date-time")
        }
    }

    static func list(_ v: Value, _ what: String) throws(EvaluationError) -> [Value] {
        switch v {
        case .list(let xs): return xs
        case .null: throw EvaluationError(.nullValue, path: what, "\(what) is absent (null) but a list is needed")
        default: throw EvaluationError(.inputType, path: what, "\(what) = \(v) is not a list")
        }
    }

    static func arithmetic(_ op: BinaryOp, _ a: ExactDecimal, _ b: ExactDecimal, _ text: String) throws(EvaluationError) -> ExactDecimal {
        do {
            switch op {
            case .add: return try a.adding(b)
            case .sub: return try a.subtracting(b)
            case .mul: return try a.multiplying(b)
            default: return try a.dividing(by: b)
            }
        } catch {
            switch error {
            case .divisionByZero: throw EvaluationError(.divisionByZero, "division by zero in \(text)")
            default: throw EvaluationError(.arithmetic, "\(text) exceeds 38 significant digits")
            }
        }
    }

    /// Ordering of two values of one comparable kind; nil when they cannot be ordered.
    static func order(_ a: Value, _ b: Value) -> Int? {
        switch (a, b) {
        case let (.number(x), .number(y)): return ExactDecimal.compare(x, y)
        case let (.date(x), .date(y)): return x < y ? -1 : (x == y ? 0 : 1)
        case let (.datetime(x), .datetime(y)): return x < y ? -1 : (x == y ? 0 : 1)
        case let (.quarter(x), .quarter(y)): return x < y ? -1 : (x == y ? 0 : 1)
        case let (.string(x), .string(y)): return x < y ? -1 : (x == y ? 0 : 1)
        default: return nil
        }
    }

    /// Equality with exact numbers (`1.50 = 1.5`).
    static func equal(_ a: Value, _ b: Value) -> Bool { a == b }
}
