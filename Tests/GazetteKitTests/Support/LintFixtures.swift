import Foundation
import XCTest
@testable import GazetteKit

/// Small rule files for the linter tests: one decision, one table or step, and examples, so that each
/// fixture can be broken in exactly one way.
enum LintFixture {
    static let stringOut = #"[{"name":"r","type":"string"}]"#

    /// One input declaration: `x` of `type` with extra members (`"min":0`).
    static func input(_ name: String = "x", _ type: String = "decimal", _ extra: String = "") -> String {
        #"{"name":"\#(name)","type":"\#(type)","required":true\#(extra.isEmpty ? "" : "," + extra)}"#
    }

    /// An example with the given input and expected outputs (JSON members without braces).
    static func example(_ input: String, _ outputs: String, asOf: String? = nil) -> String {
        let a = asOf.map { #","asOf":"\#($0)""# } ?? ""
        return #"{"name":\#(JSONWriter.quote(input + " " + outputs)),"input":{\#(input)},"expect":{"outputs":{\#(outputs)}}\#(a)}"#
    }

    /// Examples setting one input to each value and expecting `r` as given: `[("9", "low"), …]`.
    static func examples(_ cases: [(String, String)], on name: String = "x") -> String {
        "[" + cases.map { example(#""\#(name)":\#($0.0)"#, #""r":"\#($0.1)""#) }.joined(separator: ",") + "]"
    }

    /// A decision `t.case` whose one step is table `m` over `columns`, with examples and anything `extra`.
    static func table(inputs: [String], outputs: String = stringOut, policy: String = "unique", columns: [String] = ["x"],
                      rows: String, examples: String, extra: String = "") -> String {
        let cols = columns.map { #""\#($0)""# }.joined(separator: ",")
        let step = #"{"table":{"name":"m","hitPolicy":"\#(policy)","inputs":[\#(cols)],"outputs":["r"],"rows":\#(rows)}}"#
        return RuleText.decision(inputs: "[" + inputs.joined(separator: ",") + "]", outputs: outputs, steps: "[\(step)]",
                                 extra: #","examples":\#(examples)"# + extra)
    }

    /// Rows from `(cell, output)` pairs on one column.
    static func rows(_ cells: [(String, String)]) -> String {
        "[" + cells.map { #"{"when":[\#(cellJSON($0.0))],"then":{"r":"\#($0.1)"}}"# }.joined(separator: ",") + "]"
    }

    /// A cell as JSON: plain text, or `{test, wording}` when written `test | wording`.
    static func cellJSON(_ cell: String) -> String {
        let parts = cell.components(separatedBy: " | ")
        if parts.count == 2 { return #"{"test":\#(JSONWriter.quote(parts[0])),"wording":\#(JSONWriter.quote(parts[1]))}"# }
        return JSONWriter.quote(cell)
    }

    /// Lints rule files loaded from text.
    static func lint(_ decisions: [String], citations: String? = nil, seeds: SeedIndex? = nil,
                     file: StaticString = #filePath, line: UInt = #line) throws -> [LintFinding] {
        let text = citations.map { RuleText.file(decisions, citations: $0) } ?? RuleText.file(decisions)
        let book: Rulebook
        do {
            book = try RuleText.load([("t.json", text)])
        } catch {
            XCTFail("fixture does not load: \(error.description)", file: file, line: line)
            throw error
        }
        return Linter(rulebook: book, seeds: seeds).run()
    }

    /// Lints one decision.
    static func lint(_ decision: String, file: StaticString = #filePath, line: UInt = #line) throws -> [LintFinding] {
        try lint([decision], file: file, line: line)
    }
}

extension Array where Element == LintFinding {
    /// The codes, sorted, for comparing whole outcomes.
    var codes: [String] { map(\.code).sorted() }

    /// The error-level codes, sorted.
    var errorCodes: [String] { filter { $0.level == .error }.map(\.code).sorted() }

    /// Every finding with that code.
    func with(_ code: String) -> [LintFinding] { filter { $0.code == code } }

    /// The one finding with that code; a test failure (listing everything found) when there is not exactly one.
    func one(_ code: String, file: StaticString = #filePath, line: UInt = #line) -> LintFinding? {
        let hits = with(code)
        guard hits.count == 1 else {
            XCTFail("expected exactly one \(code), got \(hits.count):\n\(dump)", file: file, line: line)
            return nil
        }
        return hits[0]
    }

    /// Every finding on its own line, for failure messages.
    var dump: String { map { "\($0.level.rawValue) [\($0.code)] \($0.message)" + ($0.stub.map { "\n    stub: \($0)" } ?? "") }.joined(separator: "\n") }
}
