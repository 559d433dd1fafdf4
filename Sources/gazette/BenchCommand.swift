import Foundation
import GazetteKit

/// `gazette bench [ID…]`: speed figures, as ratios against a baseline measured in the same run.
enum BenchCommand {
    static func run(_ args: Arguments) throws -> Int32 {
        try args.allow(["--rules", "--count", "--jobs", "--json", "--decimal", "--profile-decision", "--write-cases"])
        let book = try Loading.rulebook(args)
        let count = try args.wholeNumber("--count", default: 200_000, in: 1...100_000_000)
        let jobs = try args.wholeNumber("--jobs", default: ProcessInfo.processInfo.activeProcessorCount, in: 1...256)
        let ids = args.positionals.isEmpty ? ["geohazard.prevention-zone", "energy.use-rights", "land.reward-quota"] : args.positionals
        for id in ids where book.compiled[id] == nil { throw UsageError("no decision \"\(id)\" is loaded") }
        #if DEBUG
        Console.err("gazette bench: this is a debug build; figures mean little. Use `swift build -c release` and .build/release/gazette.")
        #endif
        let bench = Benchmark(rulebook: book, cases: count, jobs: jobs)
        if let path = args.options["--write-cases"] {
            // The seeded synthetic cases, as JSONL, to run the shell pipeline on exactly what bench measures.
            guard ids.count == 1, let d = book.compiled[ids[0]] else { throw UsageError("--write-cases takes exactly one decision id") }
            let text = CaseGenerator.lines(for: d, count: count).joined(separator: "\n") + "\n"
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return 0
        }
        if args.options["--profile-decision"] != nil {
            let rounds = try args.wholeNumber("--profile-decision", default: 1, in: 1...1_000)
            // Only the in-process decision loop, many rounds: a clean profile for `perf record`.
            for id in ids { _ = Console.out("\(id): \(Int(bench.profileDecision(id, rounds: rounds) ?? 0)) ns per decision (best of \(rounds))\n") }
            return 0
        }
        var json: [String] = []
        for id in ids {
            guard let f = bench.run(id) else { continue }
            if args.switches.contains("--json") {
                json.append("{\"rule\":\(JSONWriter.quote(id)),\"cases\":\(f.cases),\"nsPerDecision\":\(Int(f.nsPerDecision)),\"nsPerGeneralDecision\":\(Int(f.nsPerGeneralDecision)),\"nsPerLine\":\(Int(f.nsPerLine)),\"casesPerSecondJobs1\":\(Int(f.casesPerSecondJobs1)),\"casesPerSecondJobsN\":\(Int(f.casesPerSecondJobsN)),\"jobs\":\(f.jobs),\"baselineCasesPerSecond\":\(Int(f.baselineCasesPerSecond)),\"ratioToBaseline\":\(String(format: "%.2f", f.casesPerSecondJobs1 / f.baselineCasesPerSecond)),\"peakRSSBytes\":\(f.peakRSSBytes)}")
            } else {
                _ = Console.out("""
                \(id) — \(f.cases) synthetic cases (seeded)
                  in-process:   \(Int(f.nsPerDecision)) ns per decision on bound inputs, \(Int(f.nsPerGeneralDecision)) ns binding a parsed case too, \(Int(f.nsPerLine)) ns per line (parse + judge + render)
                  end to end:   \(Int(f.casesPerSecondJobs1)) cases/s with --jobs 1, \(Int(f.casesPerSecondJobsN)) cases/s with --jobs \(f.jobs)
                  baseline:     \(Int(f.baselineCasesPerSecond)) cases/s for Foundation JSONSerialization parse + write of the same lines
                  ratio:        \(String(format: "%.2f", f.casesPerSecondJobs1 / f.baselineCasesPerSecond))× the baseline (jobs 1), \(String(format: "%.2f", f.casesPerSecondJobsN / f.baselineCasesPerSecond))× (jobs \(f.jobs))
                  peak memory:  \(f.peakRSSBytes / 1_048_576) MiB

                """)
            }
        }
        if args.switches.contains("--decimal") {
            for (op, exact, foundation) in DecimalBenchmark.run() {
                let line = "decimal \(op): ExactDecimal \(String(format: "%.1f", exact)) ns, Foundation Decimal \(String(format: "%.1f", foundation)) ns (\(String(format: "%.1f", foundation / exact))× faster)"
                if args.switches.contains("--json") {
                    json.append("{\"decimal\":\(JSONWriter.quote(op)),\"exactNs\":\(String(format: "%.1f", exact)),\"foundationNs\":\(String(format: "%.1f", foundation))}")
                } else {
                    _ = Console.out(line + "\n")
                }
            }
        }
        if !json.isEmpty { _ = Console.out(json.joined(separator: "\n") + "\n") }
        return 0
    }
}
