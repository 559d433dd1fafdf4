/// Judges a batch of cases under two rule versions and reports the cases whose outcome differs.
public struct OutcomeDiff: Sendable {
    /// One side of the comparison: a rulebook and, for version-to-version diffs, the date to judge at.
    public struct Side: Sendable {
        /// The rules of this side.
        public let rulebook: Rulebook
        /// The judging date, or nil to let each case's date pick the version.
        public let asOf: Day?
        /// Creates a side; `asOf` nil lets each case's date (or today) pick the version.
        public init(rulebook: Rulebook, asOf: Day? = nil) {
            self.rulebook = rulebook
            self.asOf = asOf
        }
    }

    /// One case judged on both sides.
    public struct Comparison: Sendable {
        /// 1-based line of the case in the input.
        public let line: Int
        /// The case's `id`, if it had one.
        public let caseId: JSONValue?
        /// The outcome under the old rules.
        public let old: Result<EvaluationResult, EvaluationError>
        /// The outcome under the new rules.
        public let new: Result<EvaluationResult, EvaluationError>
        /// What differs: output names, `findings`, or `error`; empty when the outcome is the same.
        public let changed: [String]
    }

    /// The tally of a run.
    public struct Report: Sendable {
        /// Every case, in input order.
        public let cases: [Comparison]
        /// The cases whose outcome changed.
        public var flipped: [Comparison] { cases.filter { !$0.changed.isEmpty } }
    }

    /// The decision every case is judged by.
    public let decisionId: String
    /// The rules before the change.
    public let old: Side
    /// The rules after the change.
    public let new: Side

    /// Compares `decisionId` as judged by `old` and by `new`.
    public init(decisionId: String, old: Side, new: Side) {
        self.decisionId = decisionId
        self.old = old
        self.new = new
    }

    /// Judges every non-blank line of a JSONL text on both sides.
    public func run(jsonl: String) -> Report {
        var out: [Comparison] = []
        for (i, raw) in jsonl.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let text = raw.hasSuffix("\r") ? String(raw.dropLast()) : String(raw)
            if text.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            out.append(compare(text, line: i + 1))
        }
        return Report(cases: out)
    }

    /// Judges one case (JSON object text) on both sides.
    public func compare(_ text: String, line: Int) -> Comparison {
        let parsed: JSONValue
        do {
            parsed = try JSONParser.parse(Array(text.utf8))
        } catch {
            let e = EvaluationError(.malformedJSON, "line \(line) is not valid JSON: \(error.message) at column \(error.column)")
            return Comparison(line: line, caseId: nil, old: .failure(e), new: .failure(e), changed: [])
        }
        let a = old.rulebook.evaluate(decisionId, case: parsed, asOf: old.asOf, explain: false)
        let b = new.rulebook.evaluate(decisionId, case: parsed, asOf: new.asOf, explain: false)
        return Comparison(line: line, caseId: parsed["id"], old: a, new: b, changed: OutcomeDiff.differences(a, b))
    }

    /// The names of what differs between two outcomes.
    static func differences(_ a: Result<EvaluationResult, EvaluationError>, _ b: Result<EvaluationResult, EvaluationError>) -> [String] {
        switch (a, b) {
        case (.failure(let x), .failure(let y)):
            return x.code == y.code && x.path == y.path ? [] : ["error"]
        case (.success, .failure), (.failure, .success):
            return ["error"]
        case (.success(let x), .success(let y)):
            var names: [String] = []
            let oldValues = Dictionary(x.outputs.map { ($0.spec.name, $0.value) }, uniquingKeysWith: { v, _ in v })
            let newValues = Dictionary(y.outputs.map { ($0.spec.name, $0.value) }, uniquingKeysWith: { v, _ in v })
            for name in y.outputs.map(\.spec.name) where oldValues[name] != newValues[name] { names.append(name) }
            for name in x.outputs.map(\.spec.name) where newValues[name] == nil { names.append(name) }
            if x.findings.map(\.code).sorted() != y.findings.map(\.code).sorted() { names.append("findings") }
            return names
        }
    }

    /// The JSONL record of a comparison: `line`, `id`, `changed`, and `old` / `new` with their outputs and findings.
    public static func json(_ c: Comparison) -> String {
        var parts = ["\"line\":\(c.line)"]
        if let id = c.caseId { parts.append("\"id\":" + JSONWriter.json(id)) }
        parts.append("\"changed\":[" + c.changed.map(JSONWriter.quote).joined(separator: ",") + "]")
        parts.append("\"old\":" + side(c.old))
        parts.append("\"new\":" + side(c.new))
        return "{" + parts.joined(separator: ",") + "}"
    }

    static func side(_ r: Result<EvaluationResult, EvaluationError>) -> String {
        switch r {
        case .failure(let e):
            return "{\"error\":" + ResultJSON.error(e) + "}"
        case .success(let x):
            let outputs = x.outputs.map { JSONWriter.quote($0.spec.name) + ":" + JSONWriter.value($0.value, $0.spec.type) }
            let findings = x.findings.map { JSONWriter.quote($0.code) }
            return "{\"version\":" + JSONWriter.quote(x.version) + ",\"outputs\":{" + outputs.joined(separator: ",") + "},\"findings\":["
                + findings.joined(separator: ",") + "]}"
        }
    }
}
