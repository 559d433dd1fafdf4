import Foundation

/// `gazette bench`: in-process cost per decision and end-to-end JSONL throughput, against a baseline
/// measured in the same run (Foundation's JSONSerialization reading and writing the same lines).
public struct Benchmark {
    /// Figures for one decision.
    public struct Figures: Sendable {
        /// The decision measured.
        public let decisionId: String
        /// How many synthetic cases were run.
        public let cases: Int
        /// Judging bound inputs (run the steps, collect outputs and findings), no I/O, nanoseconds.
        public let nsPerDecision: Double
        /// Binding a parsed JSON case through the general path and judging it, nanoseconds.
        public let nsPerGeneralDecision: Double
        /// Parse line + judge + render result line, in process, nanoseconds.
        public let nsPerLine: Double
        /// End to end through the batch runner (block reading, splitting, ordered output), cases per second.
        public let casesPerSecondJobs1: Double
        /// End to end through the batch runner with `jobs` workers, cases per second.
        public let casesPerSecondJobsN: Double
        /// Worker count of the parallel run.
        public let jobs: Int
        /// Foundation JSONSerialization parse + serialise of the same lines, cases per second.
        public let baselineCasesPerSecond: Double
        /// Peak resident set size of the process after the run, in bytes.
        public let peakRSSBytes: Int
    }

    /// The rulebook whose decisions are measured.
    public let rulebook: Rulebook
    /// How many synthetic cases each decision is run on.
    public let cases: Int
    /// Worker count for the parallel throughput run.
    public let jobs: Int

    /// A benchmark over a rulebook, with the case count and worker count.
    public init(rulebook: Rulebook, cases: Int = 200_000, jobs: Int = 2) {
        self.rulebook = rulebook
        self.cases = cases
        self.jobs = jobs
    }

    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    /// Measures only the in-process decision cost, `rounds` times over, and returns the best ns per
    /// decision: for profilers (`perf record gazette bench --profile-decision ID`), not for reports.
    public func profileDecision(_ id: String, rounds: Int) -> Double? {
        guard let d = rulebook.compiled[id] else { return nil }
        let lines = CaseGenerator.lines(for: d, count: cases)
        return decisionCost(d, lines: lines, rounds: rounds)
    }

    /// Best-of-`rounds` nanoseconds to judge one case on inputs the flat reader bound (no I/O, no parsing).
    func decisionCost(_ d: CompiledDecision, lines: [String], rounds: Int) -> Double {
        let evaluator = DecisionEvaluator(rulebook: rulebook, tracing: false)
        let reader = FlatCaseReader(decision: d.decision)
        let bound = lines.compactMap { reader.read(Array($0.utf8)[...])?.inputs }
        var best = Double.infinity
        var sink = 0
        let frame = Frame(slotCount: d.versions.map(\.slotCount).max() ?? 0, asOf: Day(ordinal: 0),
                          calendar: rulebook.calendar, tracing: false)
        for _ in 0..<rounds {
            let t0 = Benchmark.now()
            for inputs in bound {
                if let r = try? evaluator.judge(d, inputs: inputs, unknown: [], asOf: nil, reuse: frame, dependency: { _ throws(EvaluationError) in
                    throw EvaluationError(.unknownDecision, "uses")
                }) { sink &+= r.values.count }
            }
            best = min(best, Double(Benchmark.now() - t0) / Double(max(1, bound.count)))
        }
        if sink == 42 { print("") }  // keep the work observable
        return best
    }

    /// Runs every measurement for one decision.
    public func run(_ id: String) -> Figures? {
        guard let d = rulebook.compiled[id] else { return nil }
        let lines = CaseGenerator.lines(for: d, count: cases)
        let bytes = Array(lines.joined(separator: "\n").utf8) + [0x0A]
        let parsed = lines.compactMap { try? JSONParser.parse($0) }

        // In-process decision cost on bound inputs (the batch path binds with the flat reader), best of three.
        let best = decisionCost(d, lines: lines, rounds: 3)
        let evaluator = DecisionEvaluator(rulebook: rulebook, tracing: false)
        var sink = 0
        // Binding a parsed case through the general path, for comparison.
        var t0 = Benchmark.now()
        for c in parsed { if let r = try? evaluator.evaluate(d, caseObject: c, asOf: nil) { sink &+= r.values.count } }
        let general = Double(Benchmark.now() - t0) / Double(max(1, parsed.count))
        // Per line, in process: parse, judge, render.
        let runner1 = BatchRunner(rulebook: rulebook, decisionId: id, jobs: 1)
        t0 = Benchmark.now()
        for (i, l) in lines.enumerated() { sink &+= runner1.judgeLine(Array(l.utf8), number: i + 1).utf8.count }
        let perLine = Double(Benchmark.now() - t0) / Double(lines.count)

        func throughput(_ jobs: Int) -> Double {
            let runner = BatchRunner(rulebook: rulebook, decisionId: id, jobs: jobs)
            var offset = 0
            let block = 1 << 20
            var out = 0
            let t = Benchmark.now()
            runner.run(read: {
                guard offset < bytes.count else { return [] }
                let end = min(bytes.count, offset + block)
                defer { offset = end }
                return Array(bytes[offset..<end])
            }, write: { s in out &+= s.count; return true })
            sink &+= out
            return Double(lines.count) / (Double(Benchmark.now() - t) / 1e9)
        }
        let e1 = throughput(1)
        let eN = throughput(jobs)

        t0 = Benchmark.now()
        for l in lines {
            if let obj = try? JSONSerialization.jsonObject(with: Data(l.utf8)),
               let out = try? JSONSerialization.data(withJSONObject: ["line": 1, "case": obj]) { sink &+= out.count }
        }
        let baseline = Double(lines.count) / (Double(Benchmark.now() - t0) / 1e9)
        if sink == 42 { print("") }  // keep the work observable
        return Figures(decisionId: id, cases: lines.count, nsPerDecision: best, nsPerGeneralDecision: general, nsPerLine: perLine,
                       casesPerSecondJobs1: e1, casesPerSecondJobsN: eN, jobs: jobs,
                       baselineCasesPerSecond: baseline, peakRSSBytes: Benchmark.peakRSS())
    }

    /// Peak resident set size of this process, in bytes.
    public static func peakRSS() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Int(usage.ru_maxrss) * 1024
    }
}
