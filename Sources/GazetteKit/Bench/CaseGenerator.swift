/// Deterministic synthetic cases for a decision, from its declared inputs and the bounds its tables draw.
public struct CaseGenerator {
    /// A small, fast, seeded generator (SplitMix64), so every run benches the same cases.
    public struct Random {
        var state: UInt64
        /// A generator started from a seed; the same seed gives the same sequence.
        public init(seed: UInt64) { state = seed }
        /// The next 64 random bits.
        public mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        /// An integer drawn from the range.
        public mutating func int(_ range: ClosedRange<Int>) -> Int {
            range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
        }
    }

    /// The decision cases are generated for.
    public let decision: CompiledDecision
    var random: Random
    /// Values worth hitting per input: the bounds tables and expressions name.
    let interesting: [String: [Value]]

    /// A generator for a decision; the seed fixes the cases.
    public init(decision: CompiledDecision, seed: UInt64 = 2021) {
        self.decision = decision
        random = Random(seed: seed)
        var map: [String: [Value]] = [:]
        for t in ExampleCoverage.thresholds(of: decision) { map[t.name, default: []].append(t.bound) }
        interesting = map
    }

    /// The first `count` seeded cases of a decision, as JSON lines with ids 1…count: what `bench` measures.
    public static func lines(for decision: CompiledDecision, count: Int) -> [String] {
        var gen = CaseGenerator(decision: decision)
        return (0..<count).map { gen.nextLine(id: $0 + 1) }
    }

    /// The next case as one JSON line (with an `id`).
    public mutating func nextLine(id: Int) -> String {
        var fields = ["\"id\":\(id)"]
        for spec in decision.decision.inputs {
            if !spec.required && random.int(0...3) == 0 { continue }
            guard let v = value(for: spec) else { continue }
            fields.append(JSONWriter.quote(spec.name) + ":" + v)
        }
        return "{" + fields.joined(separator: ",") + "}"
    }

    mutating func value(for spec: FieldSpec) -> String? {
        switch spec.type {
        case .boolean: return random.int(0...1) == 0 ? "false" : "true"
        case .enumeration(let e): return JSONWriter.quote(e.cases[random.int(0...(e.cases.count - 1))].code)
        case .integer, .decimal:
            let isInt: Bool = { if case .integer = spec.type { return true } else { return false } }()
            if let marks = interesting[spec.name], !marks.isEmpty, random.int(0...2) > 0,
               case .number(let b) = marks[random.int(0...(marks.count - 1))] {
                let delta = [-1, 0, 0, 1][random.int(0...3)]
                let step = isInt || b.isInteger ? ExactDecimal.one : ExactDecimal(significand: 1, scale: 2)
                let v = delta == 0 ? b : ((delta < 0 ? try? b.subtracting(step) : try? b.adding(step)) ?? b)
                if v.isNegative, case .number(let m)? = spec.bounds.min, !m.isNegative { return m.description }
                return v.description
            }
            let low: Int = { if case .number(let m)? = spec.bounds.min, let i = m.intValue { return i } else { return 0 } }()
            let n = random.int(low...(low + 500))
            if isInt { return String(n) }
            return ExactDecimal(significand: Int128(n * 100 + random.int(1...99)), scale: 2).description
        case .date:
            let from = decision.decision.versions.map(\.from).max() ?? Day(ordinal: 18000)
            return JSONWriter.quote(from.adding(days: random.int(0...700)).description)
        case .quarter:
            return JSONWriter.quote("\(random.int(2018...2025))Q\(random.int(1...4))")
        case .string:
            return JSONWriter.quote("s\(random.int(0...9))")
        default:
            return nil
        }
    }
}
