/// A decision table compiled to typed cell tests and output evaluators (a class: shared, never copied per case).
final class CompiledTable {
    struct Row {
        let tests: [(Value) -> Bool]
        let outputs: [Evaluator]
        let cite: [String]
    }

    let source: DecisionTable
    let inputs: [Evaluator]
    let inputTexts: [String]
    /// The static type of each input column (the linter partitions domains by it).
    let columnTypes: [ValueType]
    let rows: [Row]
    let outputSlots: [Int]
    let outputNames: [String]
    let outputTypes: [ValueType]
    let defaults: [Evaluator]?
    /// For `priority`: the rank of each row (lower wins), from the first output's enum order.
    let priorityRank: [Int]?

    init(source: DecisionTable, inputs: [Evaluator], inputTexts: [String], columnTypes: [ValueType], rows: [Row],
         outputSlots: [Int], outputNames: [String], outputTypes: [ValueType], defaults: [Evaluator]?, priorityRank: [Int]?,
         inputSlots: [Int], literalOutputs: [Value]?, index: TableIndex?) {
        self.index = index
        self.inputSlots = inputSlots
        self.literalOutputs = literalOutputs
        self.source = source
        self.inputs = inputs
        self.inputTexts = inputTexts
        self.columnTypes = columnTypes
        self.rows = rows
        self.outputSlots = outputSlots
        self.outputNames = outputNames
        self.outputTypes = outputTypes
        self.defaults = defaults
        self.priorityRank = priorityRank
        hitPolicy = source.hitPolicy
    }

    /// Read on every case, so kept out of the (large) source struct.
    let hitPolicy: HitPolicy
    /// Row bitsets per column piece; nil when a column cannot be indexed and the cell closures decide.
    let index: TableIndex?
    /// Per input column, the frame slot it reads when it is a plain name, else -1.
    let inputSlots: [Int]
    /// Every row's outputs, row after row, when all of them are literals (nil otherwise).
    let literalOutputs: [Value]?

    /// The first matching row at or after `start`, or nil.
    func firstMatch(_ values: [Value], from start: Int = 0) -> Int? {
        var i = start
        rowLoop: while i < rows.count {
            let tests = rows[i].tests
            for k in 0..<tests.count where !tests[k](values[k]) { i += 1; continue rowLoop }
            return i
        }
        return nil
    }

    /// The rows that match the input values, in row order.
    func matches(_ values: [Value]) -> [Int] {
        var hits: [Int] = []
        rowLoop: for (i, row) in rows.enumerated() {
            for (k, test) in row.tests.enumerated() where !test(values[k]) { continue rowLoop }
            hits.append(i)
        }
        return hits
    }
}

/// Why a cell does not fit its column.
struct CellError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

/// Resolves cell literals against a column type and compiles unary tests to closures.
enum CellCompiler {
    /// A cell literal as a value of the column's type.
    static func resolve(_ lit: CellLiteral, column: ValueType) -> Result<Value, CellError> {
        switch (lit, column) {
        case (.null, _): return .success(.null)
        case (.number(let n), .integer), (.number(let n), .decimal):
            return .success(.number(n))
        case (.bool(let b), .boolean): return .success(.bool(b))
        case (.date(let d), .date): return .success(.date(d))
        case (.string(let s), .string): return .success(.string(s))
        case (.string(let s), .quarter):
            guard let q = Quarter(s) else { return .failure(CellError("\"\(s)\" is not a quarter")) }
            return .success(.quarter(q))
        case (.string(let s), .enumeration(let def)), (.bare(let s), .enumeration(let def)):
            guard let i = def.index(of: s) else {
                return .failure(CellError("\"\(s)\" is not a value of \(def.name) (codes: \(def.codes.joined(separator: ", ")))"))
            }
            return .success(.string(def.cases[i].code))
        case (.bare(let s), _):
            return .failure(CellError("unquoted word \(s) in a \(column.name) column (quote strings: \"\(s)\")"))
        default:
            return .failure(CellError("\(lit) does not fit a \(column.name) column"))
        }
    }

    /// Resolves every literal of a test; the first failure wins.
    static func resolve(_ test: UnaryTest<CellLiteral>, column: ValueType) -> Result<UnaryTest<Value>, CellError> {
        var failure: String?
        let resolved = test.map { lit -> Value in
            switch resolve(lit, column: column) {
            case .success(let v): return v
            case .failure(let m):
                if failure == nil { failure = m.message }
                return .null
            }
        }
        if let failure { return .failure(CellError(failure)) }
        return .success(resolved)
    }

    /// A closure deciding whether a value passes the test. A null value passes only `-` and `null`.
    static func compile(_ test: UnaryTest<Value>) -> (Value) -> Bool {
        switch test {
        case .any:
            return { _ in true }
        case .compare(let op, let c):
            if c.isNull { return op == .ne ? { !$0.isNull } : { $0.isNull } }
            switch op {
            case .eq: return { $0 == c }
            case .ne: return { !$0.isNull && $0 != c }
            case .lt: return { v in Operators.order(v, c).map { $0 < 0 } ?? false }
            case .le: return { v in Operators.order(v, c).map { $0 <= 0 } ?? false }
            case .gt: return { v in Operators.order(v, c).map { $0 > 0 } ?? false }
            case .ge: return { v in Operators.order(v, c).map { $0 >= 0 } ?? false }
            }
        case .range(let lo, let lc, let hi, let hc):
            return { v in
                guard let a = Operators.order(v, lo), let b = Operators.order(v, hi) else { return false }
                return (lc ? a >= 0 : a > 0) && (hc ? b <= 0 : b < 0)
            }
        case .anyOf(let tests):
            let fs = tests.map(compile)
            return { v in fs.contains { $0(v) } }
        case .none(let tests):
            let fs = tests.map(compile)
            return { v in !v.isNull && !fs.contains { $0(v) } }
        }
    }
}
