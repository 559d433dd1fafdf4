/// A version judged once per combination of its inputs' pieces, at load.
///
/// When `PiecewiseAnalysis` shows that a version's outputs and findings depend on its inputs only
/// through their pieces, every combination is judged on one witness value per piece and the answer
/// kept. A case then costs one piece lookup per input and an index into the table: the outputs
/// array is shared, not rebuilt. Combinations whose witness raised an error (a null where a value
/// is needed, no row matching) keep no answer, and such cases are judged step by step, so errors
/// are worded with the case's own values. Only the non-explaining path uses the plan; `--explain`
/// always runs the steps and shows them.
final class PiecewisePlan: @unchecked Sendable {
    /// One answer: the output values (then the findings' captured values) and the raised findings.
    struct Answer {
        let values: [Value]
        let raised: [EvaluationResult.RaisedFinding]
        /// The batch line's `,"outputs":…,"findings":…}` bytes, the same for every case with this answer.
        let tail: [UInt8]
    }

    let axes: [PiecewiseAnalysis.Axis]
    /// Pieces per axis (an unused input has one).
    let sizes: [Int]
    /// Answers by combination (axis 0 varies slowest); nil where the steps must run.
    let answers: [Answer?]

    /// The most combinations judged at load for one version.
    static let limit = 1024

    private init(axes: [PiecewiseAnalysis.Axis], sizes: [Int], answers: [Answer?]) {
        self.axes = axes
        self.sizes = sizes
        self.answers = answers
    }

    /// Builds the plan for a version, or nil when it is ineligible or too large. `judge` runs the
    /// version's steps on bound inputs without the plan.
    static func build(_ d: CompiledDecision, _ cv: CompiledVersion,
                      judge: ([Value]) -> EvaluationResult?) -> PiecewisePlan? {
        guard let axes = PiecewiseAnalysis.axes(d.decision, cv) else { return nil }
        let witnesses = axes.map(PiecewisePlan.witnesses)
        let sizes = witnesses.map(\.count)
        var total = 1
        for s in sizes {
            total *= s
            if total > limit { return nil }
        }
        var answers: [Answer?] = []
        answers.reserveCapacity(total)
        let lineTail = ResultBytes(decision: d.decision)
        var combo = [Int](repeating: 0, count: axes.count)
        for _ in 0..<total {
            var inputs: [Value] = []
            var empty = false
            for (k, w) in witnesses.enumerated() {
                if let v = w[combo[k]] { inputs.append(v) } else { empty = true; inputs.append(.null) }
            }
            if !empty, let r = judge(inputs), r.given.isEmpty {
                var w = ByteWriter(capacity: 256)
                lineTail.tail(r, into: &w)
                answers.append(Answer(values: r.values, raised: r.raised, tail: w.bytes))
            } else {
                answers.append(nil)
            }
            // Next combination, the last axis fastest.
            var k = axes.count - 1
            while k >= 0 {
                combo[k] += 1
                if combo[k] < sizes[k] { break }
                combo[k] = 0
                k -= 1
            }
        }
        return PiecewisePlan(axes: axes, sizes: sizes, answers: answers)
    }

    /// Builds the plan of every eligible version in a rulebook (at load, before any case is judged).
    static func attach(to book: Rulebook) {
        let evaluator = DecisionEvaluator(rulebook: book, tracing: false)
        for id in book.ids {
            guard let d = book.compiled[id] else { continue }
            for cv in d.versions {
                cv.plan = build(d, cv) { inputs in
                    try? evaluator.judge(d, inputs: inputs, unknown: [], asOf: cv.from, planned: false) { _ throws(EvaluationError) in
                        throw EvaluationError(.unknownDecision, "uses")
                    }
                }
            }
        }
    }

    /// One value per piece (nil for an empty piece: no date strictly between adjacent days).
    static func witnesses(_ axis: PiecewiseAnalysis.Axis) -> [Value?] {
        switch axis {
        case .unused: return [.null]
        case .codes(let codes): return [.null] + codes.map { .string($0) }
        case .booleans: return [.null, .bool(false), .bool(true)]
        case .numbers(let b): return [.null] + TableIndex.orderedWitnesses(b.map(Value.number), type: .decimal)
        case .days(let b): return [.null] + TableIndex.orderedWitnesses(b.map(Value.date), type: .date)
        }
    }

    /// The answer for bound inputs, or nil when the steps must run.
    @inline(__always)
    func answer(_ inputs: [Value]) -> Answer? {
        var index = 0
        for k in 0..<axes.count {
            guard let p = PiecewisePlan.piece(axes[k], inputs[k]) else { return nil }
            index = index * sizes[k] + p
        }
        return answers[index]
    }

    /// The piece a value falls in on one axis (0 is null), or nil when the axis cannot place it.
    @inline(__always)
    static func piece(_ axis: PiecewiseAnalysis.Axis, _ v: Value) -> Int? {
        if case .unused = axis { return 0 }
        if v.isNull { return 0 }
        switch axis {
        case .unused:
            return 0
        case .codes(let codes):
            guard case .string(let s) = v else { return nil }
            for i in 0..<codes.count where codes[i].utf8.count == s.utf8.count && codes[i] == s { return i + 1 }
            return nil
        case .booleans:
            guard case .bool(let b) = v else { return nil }
            return b ? 2 : 1
        case .numbers(let bounds):
            guard case .number(let x) = v else { return nil }
            return TableIndex.piece(x, in: bounds) + 1
        case .days(let bounds):
            guard case .date(let x) = v else { return nil }
            return TableIndex.piece(x, in: bounds) + 1
        }
    }
}

extension CompiledDecision {
    /// For each version judged from a piece table: its id and how many combinations of input pieces
    /// the table holds (`gazette show` reports them).
    public var pieceTables: [(version: String, combinations: Int)] {
        versions.compactMap { cv in cv.plan.map { (cv.version.id, $0.answers.count) } }
    }
}
