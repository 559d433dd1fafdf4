/// Runs the examples every decision carries in its rule file (`gazette test`).
public struct ExampleRunner {
    /// The verdict on one example.
    public struct Failure: Sendable {
        /// The decision the example belongs to.
        public let decisionId: String
        /// The example's name, as in the rule file.
        public let example: String
        /// The rule file the example is written in.
        public let file: String
        /// JSON path of the example in its rule file.
        public let path: String
        /// What differed from the expected answer, one sentence each.
        public let problems: [String]
    }

    /// The tally of a run.
    public struct Report: Sendable {
        /// How many examples gave their expected answer.
        public let passed: Int
        /// The examples that did not, in run order.
        public let failures: [Failure]
        /// How many examples failed.
        public var failed: Int { failures.count }
    }

    /// The rulebook whose examples are run.
    public let rulebook: Rulebook

    /// A runner over a loaded rulebook.
    public init(rulebook: Rulebook) { self.rulebook = rulebook }

    /// Runs every example of every decision (or of the given ids).
    public func run(ids: [String]? = nil) -> Report {
        var passed = 0
        var failures: [Failure] = []
        for d in rulebook.decisions where ids == nil || ids?.contains(d.id) == true {
            for ex in d.examples {
                let problems = check(ex, of: d)
                if problems.isEmpty {
                    passed += 1
                } else {
                    failures.append(Failure(decisionId: d.id, example: ex.name, file: d.file, path: ex.path, problems: problems))
                }
            }
        }
        // The calendar's own worked dates, when every decision is tested.
        if ids == nil, let cal = rulebook.calendar {
            for ex in cal.examples {
                switch cal.answer(ex.question) {
                case .success(let got) where got == ex.expect:
                    passed += 1
                case .success(let got):
                    failures.append(Failure(decisionId: "calendar \(cal.name)", example: ex.name, file: cal.file, path: ex.path,
                                            problems: ["expected \(ex.expect), got \(got)"]))
                case .failure(let e):
                    failures.append(Failure(decisionId: "calendar \(cal.name)", example: ex.name, file: cal.file, path: ex.path,
                                            problems: ["unexpected error \(e.code.rawValue): \(e.message)"]))
                }
            }
        }
        return Report(passed: passed, failures: failures)
    }

    /// The judging date of an example: its own, else the case's date input, else the latest version's start.
    public static func asOf(_ ex: Example, of d: Decision) -> Day? {
        if let a = ex.asOf { return a }
        if let name = d.asOfInput, case .string(let s)? = ex.input[name], Day(s) != nil { return nil }
        if case .string(let s)? = ex.input["asOf"], Day(s) != nil { return nil }
        return d.versions.map(\.from).max()
    }

    /// What is wrong with one example's result; empty when it passes.
    public func check(_ ex: Example, of d: Decision) -> [String] {
        let result = rulebook.evaluate(d.id, case: ex.input, asOf: ExampleRunner.asOf(ex, of: d), explain: false)
        var problems: [String] = []
        switch result {
        case .failure(let e):
            if let want = ex.error {
                if want.code != e.code.rawValue { problems.append("error: expected \(want.code), got \(e.code.rawValue) (\(e.message))") }
                if let p = want.path, p != e.path { problems.append("error path: expected \(p), got \(e.path ?? "none")") }
            } else {
                problems.append("unexpected error \(e.code.rawValue): \(e.message)")
            }
        case .success(let r):
            if let want = ex.error {
                problems.append("expected error \(want.code), but the case was judged")
            }
            for (name, expected) in ex.outputs {
                guard let (spec, actual) = r.outputs.first(where: { $0.spec.name == name }) else {
                    problems.append("output \(name): not an output of \(d.id)")
                    continue
                }
                do {
                    let want = expected == .null ? Value.null : try ValueBinder.convert(expected, as: spec.type, spec: nil, path: name)
                    if want != actual {
                        problems.append("output \(name): expected \(JSONWriter.value(want, spec.type)), got \(JSONWriter.value(actual, spec.type))")
                    }
                } catch {
                    problems.append("output \(name): the expected value does not fit the output type: \(error.message)")
                }
            }
            if let want = ex.findings {
                let got = r.findings.map(\.code)
                if Set(want) != Set(got) || want.count != got.count {
                    problems.append("findings: expected [\(want.joined(separator: ", "))], got [\(got.joined(separator: ", "))]")
                }
            }
        }
        return problems
    }
}
