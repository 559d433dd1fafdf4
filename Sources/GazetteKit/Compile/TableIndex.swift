/// A decision table's cells compiled into per-column lookups of row bitsets.
///
/// Each column's domain is cut at the values its cells name (as the linter does): every value in a piece
/// passes or fails each cell alike, so at load each piece gets the bitset of rows whose cell holds, and a
/// case only has to find its piece — a binary search for numbers and dates, a dictionary hit for enum
/// codes and strings — and AND the columns' bitsets. No cell closure runs per case.
final class TableIndex {
    /// How one column finds the piece a value falls in.
    enum Column {
        /// Sorted distinct bounds; pieces are `< b0`, `= b0`, `(b0, b1)`, `= b1`, …, `> bk`.
        case ordered(bounds: [Value])
        /// The same for a number column, unboxed: compared without building Values.
        case numbers([ExactDecimal])
        /// The same for a date column, unboxed.
        case days([Day])
        /// Values named by equality cells; every other value is the last piece.
        case keyed([Value: Int], other: Int)
        /// An enum column: the piece is the code's position (a short linear scan beats hashing).
        case codes([String])
    }

    let columns: [Column]
    /// Row bitsets per column per piece: `bits[column][piece * words + word]`.
    let bits: [[UInt64]]
    /// Row bitsets for a null value, per column.
    let nullBits: [[UInt64]]
    let words: Int
    let rowCount: Int
    /// Every row's bit set (one-word tables): where the AND of the columns starts.
    let allRows: UInt64

    /// Builds the index, or nil when a column cannot be indexed (the closures then decide).
    init?(tests: [[UnaryTest<Value>]], types: [ValueType], rowCount: Int) {
        self.rowCount = rowCount
        words = max(1, (rowCount + 63) / 64)
        allRows = rowCount >= 64 ? ~0 : (1 << UInt64(rowCount)) - 1
        var columns: [Column] = []
        var bits: [[UInt64]] = []
        var nullBits: [[UInt64]] = []
        for (k, type) in types.enumerated() {
            let cells = tests.map { $0[k] }
            let compiled = cells.map(CellCompiler.compile)
            var witnesses: [Value?]
            switch type {
            case .integer, .decimal, .date:
                var bounds: [Value] = []
                for c in cells { DomainPartition.collect(c, into: &bounds) }
                bounds = TableIndex.sortedDistinct(bounds)
                guard bounds.allSatisfy({ Operators.order($0, $0) != nil }) else { return nil }
                // The column's type decides the unboxed form (a column of "-" cells has no bounds to tell by).
                let numbers = bounds.compactMap { if case .number(let n) = $0 { return n } else { return nil } }
                let days = bounds.compactMap { if case .date(let d) = $0 { return d } else { return nil } }
                if case .date = type, days.count == bounds.count {
                    columns.append(.days(days))
                } else if type.isNumber, numbers.count == bounds.count {
                    columns.append(.numbers(numbers))
                } else {
                    columns.append(.ordered(bounds: bounds))
                }
                witnesses = TableIndex.orderedWitnesses(bounds, type: type)
            case .enumeration, .string, .boolean, .quarter:
                guard cells.allSatisfy(TableIndex.equalityOnly) else { return nil }
                var named: [Value] = []
                for c in cells { DomainPartition.collect(c, into: &named) }
                if case .boolean = type { named = [.bool(false), .bool(true)] }
                if case .enumeration(let def) = type { named = def.cases.map { .string($0.code) } }
                var keys: [Value: Int] = [:]
                for v in named where keys[v] == nil { keys[v] = keys.count }
                if case .enumeration(let def) = type, def.cases.count <= 16 {
                    columns.append(.codes(def.cases.map(\.code)))
                } else {
                    columns.append(.keyed(keys, other: keys.count))
                }
                witnesses = Array(repeating: nil, count: keys.count + 1)
                for (v, i) in keys { witnesses[i] = v }
                // "Any other value": a string no cell names (enum values are all named).
                witnesses[keys.count] = .string("\u{2063}\u{2063}other")
            default:
                return nil
            }
            var column = [UInt64](repeating: 0, count: witnesses.count * words)
            for (p, w) in witnesses.enumerated() {
                guard let w else { continue }
                for r in 0..<rowCount where compiled[r](w) { column[p * words + r / 64] |= 1 << UInt64(r % 64) }
            }
            var nulls = [UInt64](repeating: 0, count: words)
            for r in 0..<rowCount where compiled[r](.null) { nulls[r / 64] |= 1 << UInt64(r % 64) }
            bits.append(column)
            nullBits.append(nulls)
        }
        self.columns = columns
        self.bits = bits
        self.nullBits = nullBits
    }

    /// Whether a test uses only equality (keyed columns cannot answer `<` on strings).
    static func equalityOnly(_ t: UnaryTest<Value>) -> Bool {
        switch t {
        case .any: return true
        case .compare(let op, _): return op == .eq || op == .ne
        case .range: return false
        case .anyOf(let ts), .none(let ts): return ts.allSatisfy(equalityOnly)
        }
    }

    static func sortedDistinct(_ values: [Value]) -> [Value] {
        var out: [Value] = []
        for v in values.sorted(by: { (Operators.order($0, $1) ?? 0) < 0 }) where out.last.map({ Operators.order($0, v) != 0 }) ?? true {
            out.append(v)
        }
        return out
    }

    /// One value inside each piece; nil for an empty piece (no date strictly between adjacent days).
    /// With no bounds there is one piece, and its witness is a value of the column's type.
    static func orderedWitnesses(_ bounds: [Value], type: ValueType) -> [Value?] {
        guard let first = bounds.first, let last = bounds.last else {
            if case .date = type { return [.date(Day(ordinal: 0))] }
            return [.number(.zero)]
        }
        func step(_ v: Value, _ by: Int) -> Value? {
            switch v {
            case .number(let n): return (try? n.adding(ExactDecimal(by))).map(Value.number)
            case .date(let d): return .date(d.adding(days: by))
            default: return nil
            }
        }
        func between(_ a: Value, _ b: Value) -> Value? {
            switch (a, b) {
            case let (.number(x), .number(y)):
                return (try? x.adding(y)).flatMap { try? $0.dividing(by: ExactDecimal(2)) }.map(Value.number)
            case let (.date(x), .date(y)):
                return y.ordinal - x.ordinal >= 2 ? .date(x.adding(days: 1)) : nil
            default: return nil
            }
        }
        var out: [Value?] = [step(first, -1)]
        for (i, b) in bounds.enumerated() {
            out.append(b)
            out.append(i + 1 < bounds.count ? between(b, bounds[i + 1]) : step(last, 1))
        }
        return out
    }

    /// The piece a value falls in, for one column.
    @inline(__always)
    func piece(_ column: Column, _ v: Value) -> Int {
        switch column {
        case .keyed(let keys, let other):
            return keys[v] ?? other
        case .codes(let codes):
            guard case .string(let s) = v else { return codes.count }
            for i in 0..<codes.count where codes[i] == s { return i }
            return codes.count
        case .numbers(let bounds):
            guard case .number(let x) = v else { return -1 }
            return TableIndex.piece(x, in: bounds)
        case .days(let bounds):
            guard case .date(let x) = v else { return -1 }
            return TableIndex.piece(x, in: bounds)
        case .ordered(let bounds):
            var lo = 0, hi = bounds.count
            while lo < hi {
                let mid = (lo + hi) / 2
                guard let c = Operators.order(v, bounds[mid]) else { return -1 }
                if c == 0 { return 2 * mid + 1 }
                if c < 0 { hi = mid } else { lo = mid + 1 }
            }
            return 2 * lo
        }
    }

    /// The bounds an ordered column is cut at, as values; nil for keyed and code columns.
    func bounds(of k: Int) -> [Value]? {
        switch columns[k] {
        case .numbers(let b): return b.map(Value.number)
        case .days(let b): return b.map(Value.date)
        case .ordered(let b): return b
        case .keyed, .codes: return nil
        }
    }

    /// The piece of sorted distinct bounds a value falls in: `< b0` is 0, `= b0` is 1, `(b0, b1)` is 2, …
    @inline(__always)
    static func piece<T: Comparable>(_ x: T, in bounds: [T]) -> Int {
        var lo = 0, hi = bounds.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if x == bounds[mid] { return 2 * mid + 1 }
            if x < bounds[mid] { hi = mid } else { lo = mid + 1 }
        }
        return 2 * lo
    }

    /// The rows a value admits in one column of a one-word table, or nil when it cannot be placed.
    @inline(__always)
    func mask(_ k: Int, _ v: Value) -> UInt64? {
        if v.isNull { return nullBits[k][0] }
        let p = piece(columns[k], v)
        return p < 0 ? nil : bits[k][p]
    }

    /// The rows matching the values, in order (at most `limit`).
    func matches(_ values: [Value], limit: Int = .max) -> [Int] {
        if words == 1 {
            var m: UInt64 = rowCount == 64 ? ~0 : (1 << UInt64(rowCount)) - 1
            for (k, column) in columns.enumerated() {
                let v = values[k]
                if v.isNull { m &= nullBits[k][0]; continue }
                let p = piece(column, v)
                if p < 0 { return [] }
                m &= bits[k][p]
            }
            var hits: [Int] = []
            while m != 0 && hits.count < limit {
                hits.append(m.trailingZeroBitCount)
                m &= m - 1
            }
            return hits
        }
        var m = [UInt64](repeating: ~0, count: words)
        for (k, column) in columns.enumerated() {
            let v = values[k]
            if v.isNull {
                for w in 0..<words { m[w] &= nullBits[k][w] }
                continue
            }
            let p = piece(column, v)
            if p < 0 { return [] }
            for w in 0..<words { m[w] &= bits[k][p * words + w] }
        }
        var hits: [Int] = []
        for w in 0..<words {
            var x = m[w]
            while x != 0 && hits.count < limit {
                let r = w * 64 + x.trailingZeroBitCount
                if r < rowCount { hits.append(r) }
                x &= x - 1
            }
        }
        return hits
    }
}
