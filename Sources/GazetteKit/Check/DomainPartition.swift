/// One piece of a column's domain: every value in it passes or fails each cell alike.
struct DomainPiece {
    /// A value inside the piece, used to test cells and to write example stubs.
    let witness: Value
    /// How the piece reads (`= 30`, `(30..100)`, `high`).
    let description: String
    /// Position along the column's order, when the column is ordered (for monotonicity).
    let rank: Int?
}

/// Splits a column's domain at every bound its cells name (issue 5's partition).
enum DomainPartition {
    /// The pieces of one column, or nil when the type is not analysable (lists, objects, free strings without literals).
    static func pieces(type: ValueType, cells: [UnaryTest<Value>], bounds: Bounds?) -> [DomainPiece]? {
        switch type {
        case .boolean:
            return [DomainPiece(witness: .bool(false), description: "false", rank: 0),
                    DomainPiece(witness: .bool(true), description: "true", rank: 1)]
        case .enumeration(let def):
            return def.cases.enumerated().map { i, c in
                DomainPiece(witness: .string(c.code), description: c.code, rank: def.ordered ? i : nil)
            }
        case .string, .quarter:
            // Each literal the cells name, plus one value none of them names.
            var literals: [Value] = []
            for c in cells { collect(c, into: &literals) }
            var seen: Set<Value> = []
            literals = literals.filter { seen.insert($0).inserted }
            var out = literals.map { DomainPiece(witness: $0, description: $0.description, rank: nil) }
            if case .string = type {
                out.append(DomainPiece(witness: .string("\u{2063}other"), description: "any other value", rank: nil))
            }
            return out
        case .integer, .decimal:
            return numericPieces(cells: cells, integer: { if case .integer = type { return true } else { return false } }(), bounds: bounds)
        case .date:
            return datePieces(cells: cells, bounds: bounds)
        default:
            return nil
        }
    }

    static func collect(_ t: UnaryTest<Value>, into out: inout [Value]) {
        switch t {
        case .any: break
        case .compare(_, let v): if !v.isNull { out.append(v) }
        case .range(let lo, _, let hi, _): out.append(lo); out.append(hi)
        case .anyOf(let ts), .none(let ts): for x in ts { collect(x, into: &out) }
        }
    }

    static func numericPieces(cells: [UnaryTest<Value>], integer: Bool, bounds: Bounds?) -> [DomainPiece] {
        var points: [ExactDecimal] = []
        var raw: [Value] = []
        for c in cells { collect(c, into: &raw) }
        for case .number(let n) in raw { points.append(n) }
        // Declared bounds limit the domain: nothing below min is a gap.
        var lowLimit: (ExactDecimal, Bool)?   // value, inclusive
        var highLimit: (ExactDecimal, Bool)?
        if let b = bounds {
            if case .number(let m)? = b.min { lowLimit = (m, true); points.append(m) }
            if case .number(let m)? = b.exclusiveMin { lowLimit = (m, false); points.append(m) }
            if case .number(let m)? = b.max { highLimit = (m, true); points.append(m) }
            if case .number(let m)? = b.exclusiveMax { highLimit = (m, false); points.append(m) }
        }
        points = Array(Set(points)).sorted()
        func inDomain(_ v: ExactDecimal) -> Bool {
            if integer && !v.isInteger { return false }
            if let (l, inc) = lowLimit, inc ? v < l : v <= l { return false }
            if let (h, inc) = highLimit, inc ? v > h : v >= h { return false }
            return true
        }
        var out: [DomainPiece] = []
        var rank = 0
        func add(_ v: ExactDecimal, _ d: String) {
            guard inDomain(v) else { return }
            out.append(DomainPiece(witness: .number(v), description: d, rank: rank))
            rank += 1
        }
        func between(_ a: ExactDecimal, _ b: ExactDecimal) -> ExactDecimal? {
            if integer {
                let next = a.rounded(to: 0, mode: .floor).adding1
                return next < b ? next : nil
            }
            return (try? a.adding(b)).flatMap { try? $0.dividing(by: ExactDecimal(2)) }
        }
        guard let first = points.first, let last = points.last else {
            add(ExactDecimal.zero, "any value")
            if out.isEmpty, let (l, _) = lowLimit { add(l.adding1, "any value") }
            return out
        }
        let start = integer ? first.rounded(to: 0, mode: .ceiling) : first
        if let below = try? start.subtracting(.one) { add(below, "< \(first)") }
        for (i, p) in points.enumerated() {
            add(p, "= \(p)")
            if i + 1 < points.count, let mid = between(p, points[i + 1]) { add(mid, "(\(p)..\(points[i + 1]))") }
        }
        add((integer ? last.rounded(to: 0, mode: .floor) : last).adding1, "> \(last)")
        return out
    }

    static func datePieces(cells: [UnaryTest<Value>], bounds: Bounds?) -> [DomainPiece] {
        var raw: [Value] = []
        for c in cells { collect(c, into: &raw) }
        var days: [Day] = []
        for case .date(let d) in raw { days.append(d) }
        days = Array(Set(days)).sorted()
        guard let first = days.first, let last = days.last else {
            return [DomainPiece(witness: .date(Day(ordinal: 0)), description: "any date", rank: 0)]
        }
        var out: [DomainPiece] = []
        func add(_ d: Day, _ s: String) { out.append(DomainPiece(witness: .date(d), description: s, rank: out.count)) }
        add(first.adding(days: -1), "< \(first)")
        for (i, d) in days.enumerated() {
            add(d, "= \(d)")
            if i + 1 < days.count, days[i + 1].ordinal - d.ordinal > 1 { add(d.adding(days: 1), "(\(d)..\(days[i + 1]))") }
        }
        add(last.adding(days: 1), "> \(last)")
        return out
    }
}

extension ExactDecimal {
    /// The value plus one (saturating at the representable limit).
    var adding1: ExactDecimal { (try? adding(.one)) ?? self }
}
