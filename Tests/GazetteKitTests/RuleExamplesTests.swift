import XCTest
@testable import GazetteKit

/// Every rule file's own examples, as `gazette test` runs them.
final class RuleExamplesTests: XCTestCase {
    func testEveryShippedExamplePasses() throws {
        let book = try ShippedRules.book()
        let report = ExampleRunner(rulebook: book).run()
        XCTAssertGreaterThan(report.passed, 100, "the shipped rules carry examples")
        let failures = report.failures.map { f in
            "\(f.decisionId): \(f.example) (\(f.file) \(f.path))\n" + f.problems.map { "    - \($0)" }.joined(separator: "\n")
        }
        XCTAssertEqual(report.failed, 0, "\(report.failed) failing examples:\n" + failures.joined(separator: "\n"))
    }

    func testEveryDecisionHasExamples() throws {
        let book = try ShippedRules.book()
        let bare = book.decisions.filter { $0.examples.isEmpty }.map(\.id)
        XCTAssertEqual(bare, [], "decisions without examples")
    }

    func testTheRunnerReportsAFailingExample() throws {
        let d = RuleText.decision(inputs: #"[{"name":"x","type":"decimal","required":true}]"#, outputs: #"[{"name":"r","type":"decimal"}]"#,
                                  steps: #"[{"set":"r","expr":"x / 3"}]"#,
                                  extra: #"""
                                  ,"examples":[
                                    {"name":"exact third","input":{"x":3},"expect":{"outputs":{"r":1},"findings":[]}},
                                    {"name":"wrong value","input":{"x":3},"expect":{"outputs":{"r":1.0000001}}},
                                    {"name":"expects an error","input":{},"expect":{"error":{"code":"INPUT_MISSING","path":"x"}}},
                                    {"name":"wrong error","input":{"x":"a"},"expect":{"error":{"code":"INPUT_BOUNDS"}}},
                                    {"name":"unexpected finding","input":{"x":3,"extra":1},"expect":{"findings":[]}}]
                                  """#)
        let report = ExampleRunner(rulebook: try RuleText.load(d)).run()
        XCTAssertEqual(report.passed, 2)
        XCTAssertEqual(report.failures.map(\.example), ["wrong value", "wrong error", "unexpected finding"])
        XCTAssertEqual(report.failures.first?.problems, ["output r: expected 1.0000001, got 1"])
        XCTAssertEqual(report.failures.dropFirst().first?.problems.first?.contains("expected INPUT_BOUNDS, got INPUT_TYPE"), true)
        XCTAssertEqual(report.failures.last?.problems.first?.contains("UNKNOWN_FIELD"), true)
    }
}
