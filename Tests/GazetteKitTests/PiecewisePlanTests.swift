import XCTest
@testable import GazetteKit

/// A version judged per piece at load must answer every case exactly as its steps do: same outputs,
/// same findings with the same words, same errors. These tests compare the two on every shipped
/// decision that has a plan, and check which rules may and may not have one.
final class PiecewisePlanTests: XCTestCase {
    /// Judges a line's case with and without the plan and renders both results in full.
    private func both(_ d: CompiledDecision, _ book: Rulebook, line: String) -> (planned: String, stepped: String)? {
        guard case .object(let members)? = try? JSONParser.parse(line) else { return nil }
        var inputs: [Value] = []
        for spec in d.decision.inputs {
            if let m = members.first(where: { $0.key == spec.name }), m.value != .null {
                guard let v = try? ValueBinder.bind(m.value, to: spec, path: spec.name) else { return nil }
                inputs.append(v)
            } else {
                guard let v = try? DecisionEvaluator.absent(spec, in: d.decision) else { return nil }
                inputs.append(v)
            }
        }
        let evaluator = DecisionEvaluator(rulebook: book, tracing: false)
        func run(_ planned: Bool) -> String {
            let r = Result { () throws(EvaluationError) -> EvaluationResult in
                try evaluator.judge(d, inputs: inputs, unknown: [], asOf: nil, planned: planned) { _ throws(EvaluationError) in
                    throw EvaluationError(.unknownDecision, "uses")
                }
            }
            return ResultJSON.render(Outcome(caseId: nil, decisionId: d.decision.id, result: r), line: nil, explain: false)
        }
        return (run(true), run(false))
    }

    func testEveryPlanAgreesWithTheStepsOnGeneratedCases() throws {
        let book = RobustnessTests.book
        var planned = 0, compared = 0, answered = 0
        for id in book.ids {
            guard let d = book.compiled[id], d.versions.contains(where: { $0.plan != nil }) else { continue }
            planned += 1
            var gen = CaseGenerator(decision: d, seed: 7)
            for n in 0..<3_000 {
                guard let (p, s) = both(d, book, line: gen.nextLine(id: n)) else { continue }
                XCTAssertEqual(p, s, id)
                compared += 1
                if !p.contains("\"error\"") { answered += 1 }
            }
        }
        XCTAssertGreaterThanOrEqual(planned, 10, "the shipped classification rules should compile to piece tables")
        XCTAssertGreaterThan(compared, 30_000)
        XCTAssertGreaterThan(answered, compared / 2)
    }

    func testGeohazardIsJudgedFromItsPieceTableOnEveryBoundary() throws {
        let book = RobustnessTests.book
        let d = try XCTUnwrap(book.compiled["geohazard.prevention-zone"])
        let plan = try XCTUnwrap(d.versions.first?.plan)
        // affectedPeople is cut at 30 and 100; each piece and null, times four levels and null.
        XCTAssertEqual(plan.sizes.reduce(1, *), (1 + 5) * (1 + 4))
        for people in [0, 29, 30, 31, 99, 100, 101, 5000] {
            for level in ["low", "medium", "high", "extreme"] {
                let line = #"{"riskLevel":"\#(level)","affectedPeople":\#(people)}"#
                let (p, s) = try XCTUnwrap(both(d, book, line: line))
                XCTAssertEqual(p, s, line)
                XCTAssertNotNil(plan.answer([.string(level), .number(ExactDecimal(people))]), line)
            }
        }
    }

    func testAVersionThatPrintsOrComputesWithANumberHasNoPlan() throws {
        let inputs = #"[{"name":"x","type":"decimal","required":true},{"name":"k","type":"enum","values":[{"code":"a","zh":"甲","en":"a"},{"code":"b","zh":"乙","en":"b"}],"required":true}]"#
        // Compared with constants only: eligible.
        let compares = try RuleText.load(RuleText.decision(inputs: inputs, outputs: #"[{"name":"big","type":"boolean"}]"#,
            steps: #"[{"set":"big","expr":"x > 10 and k = \"a\""}]"#))
        XCTAssertNotNil(compares.compiled["t.case"]?.versions.first?.plan)
        // Arithmetic on x: two cases in one piece can differ.
        let computes = try RuleText.load(RuleText.decision(inputs: inputs, outputs: #"[{"name":"y","type":"decimal"}]"#,
            steps: #"[{"set":"y","expr":"x * 2"}]"#))
        XCTAssertNil(computes.compiled["t.case"]?.versions.first?.plan)
        // A message that prints x.
        let prints = try RuleText.load(RuleText.decision(inputs: inputs, outputs: #"[{"name":"big","type":"boolean"}]"#,
            steps: #"[{"set":"big","expr":"x > 10"},{"finding":"BIG","when":"big"}]"#,
            extra: #","findings":[{"code":"BIG","severity":"info","cite":"c","message":{"zh":"{x}","en":"{x}"}}]"#))
        XCTAssertNil(prints.compiled["t.case"]?.versions.first?.plan)
        // Reading the judging date.
        let dated = try RuleText.load(RuleText.decision(inputs: inputs, outputs: #"[{"name":"late","type":"boolean"}]"#,
            steps: #"[{"set":"late","expr":"asOf > date(\"2021-01-01\")"}]"#))
        XCTAssertNil(dated.compiled["t.case"]?.versions.first?.plan)
    }
}
