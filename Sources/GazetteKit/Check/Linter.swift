/// One problem the linter reports.
public struct LintFinding: Sendable {
    /// Whether a finding fails `gazette lint` or only warns.
    public enum Level: String, Sendable { case error, warning }
    /// How serious the finding is.
    public let level: Level
    /// The rule file it concerns.
    public let file: String
    /// The decision it concerns, if it is about one.
    public let decision: String?
    /// A short stable code (`MISSING_EXAMPLES`, `QUOTE_NOT_FOUND`, …).
    public let code: String
    /// What is wrong, in a sentence.
    public let message: String
    /// A ready-to-paste example stub, when one closes the finding.
    public let stub: String?
}

/// Static checks over a loaded rulebook.
public struct Linter {
    /// The rulebook to check.
    public let rulebook: Rulebook
    /// The seed texts, for checking quotes; nil skips that check.
    public let seeds: SeedIndex?

    /// A linter over a rulebook and, if given, the seed texts.
    public init(rulebook: Rulebook, seeds: SeedIndex?) {
        self.rulebook = rulebook
        self.seeds = seeds
    }

    /// Every finding, errors first.
    public func run() -> [LintFinding] {
        var out: [LintFinding] = []
        for f in rulebook.files {
            out += quotes(f)
            for d in f.decisions {
                if d.examples.isEmpty {
                    out.append(LintFinding(level: .error, file: f.path, decision: d.id, code: "MISSING_EXAMPLES",
                                           message: "\(d.id) has no examples", stub: nil))
                }
                guard let c = rulebook.compiled[d.id] else { continue }
                out += DecisionLint(rulebook: rulebook, compiled: c).run()
            }
        }
        return out.sorted { ($0.level == .error ? 0 : 1) < ($1.level == .error ? 0 : 1) }
    }

    /// Every citation's text must stand in its seed.
    func quotes(_ f: RuleFile) -> [LintFinding] {
        guard let seeds, !seeds.isEmpty else { return [] }
        var out: [LintFinding] = []
        for c in f.citations.values.sorted(by: { $0.key < $1.key }) {
            guard seeds.has(c.document.seed) else {
                out.append(LintFinding(level: .error, file: f.path, decision: nil, code: "UNKNOWN_SEED",
                                       message: "citation \(c.key) names seed \(c.document.seed), which is not among the seeds", stub: nil))
                continue
            }
            // A quote may be cut with "…"; each piece must stand in the seed.
            let pieces = c.text.components(separatedBy: "…").filter { !$0.trimmingSpaces.isEmpty }
            for p in pieces where !seeds.contains(p, in: c.document.seed) {
                out.append(LintFinding(level: .error, file: f.path, decision: nil, code: "QUOTE_NOT_FOUND",
                                       message: "citation \(c.key) (\(c.clause)): text not found verbatim in \(c.document.seed): 「\(p.prefix(80))」", stub: nil))
            }
        }
        return out
    }
}
