import Foundation

/// Measures the exact decimal type against Foundation's `Decimal` on the operations rules use,
/// in the same run (the reason ExactDecimal exists: issue 6 asked to choose by numbers).
public enum DecimalBenchmark {
    /// Nanoseconds per operation: (ExactDecimal, Foundation.Decimal) for divide, compare and add.
    public static func run(iterations: Int = 1_000_000) -> [(operation: String, exact: Double, foundation: Double)] {
        let a = (1...64).map { ExactDecimal(significand: Int128($0 * 37 + 600), scale: 1) }
        let b = (1...64).map { ExactDecimal(significand: Int128($0 * 13 + 1000), scale: 0) }
        let fa = a.map { Decimal(string: $0.description) ?? 0 }
        let fb = b.map { Decimal(string: $0.description) ?? 0 }
        let limit = ExactDecimal(significand: 6, scale: 1)
        let flimit = Decimal(string: "0.6") ?? 0
        func time(_ body: () -> Int) -> Double {
            let t0 = DispatchTime.now().uptimeNanoseconds
            let sink = body()
            let t = Double(DispatchTime.now().uptimeNanoseconds - t0) / Double(iterations)
            return sink == -1 ? 0 : t
        }
        var out: [(String, Double, Double)] = []
        out.append(("divide", time {
            var n = 0
            for i in 0..<iterations { if let q = try? a[i & 63].dividing(by: b[(i >> 6) & 63]), q.isNegative { n += 1 } }
            return n
        }, time {
            var n = 0
            for i in 0..<iterations { if fa[i & 63] / fb[(i >> 6) & 63] < 0 { n += 1 } }
            return n
        }))
        out.append(("compare", time {
            var n = 0
            for i in 0..<iterations where a[i & 63] > limit { n += 1 }
            return n
        }, time {
            var n = 0
            for i in 0..<iterations where fa[i & 63] > flimit { n += 1 }
            return n
        }))
        out.append(("add", time {
            var n = 0
            for i in 0..<iterations { if let s = try? a[i & 63].adding(b[(i >> 6) & 63]), s.isNegative { n += 1 } }
            return n
        }, time {
            var n = 0
            for i in 0..<iterations where fa[i & 63] + fb[(i >> 6) & 63] < 0 { n += 1 }
            return n
        }))
        return out
    }
}
