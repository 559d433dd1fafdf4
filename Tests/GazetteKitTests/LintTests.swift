import Foundation
import XCTest
@testable import GazetteKit

/// Example coverage, version holes, unused inputs, quotes against the seeds, load errors, the shipped
/// rules, and the `gazette lint` command line.
final class LintTests: XCTestCase {
    typealias F = LintFixture

    /// The clean band table (`< 10` low, `>= 10` high) with the given examples.
    func bands(_ examples: [(String, String)]) -> String {
        F.table(inputs: [F.input("x", "decimal", #""min":0"#)], rows: F.rows([("< 10", "low"), (">= 10", "high")]),
                examples: F.examples(examples))
    }

    // MARK: Example coverage

    func testRowNoExampleReaches() throws {
        let k = #"{"name":"k","type":"enum","required":true,"values":[{"code":"a"},{"code":"b"}]}"#
        let d = F.table(inputs: [k], columns: ["k"], rows: F.rows([("a", "1"), ("b", "2")]), examples: F.examples([(#""a""#, "1")], on: "k"))
        let found = try F.lint(d)
        XCTAssertEqual(found.codes, ["ROW_WITHOUT_EXAMPLE"], found.dump)
        XCTAssertEqual(found.first?.level, .warning)
        XCTAssertEqual(found.first?.message.contains("table m (version v1): no example reaches row 2 (b)"), true, found.dump)
    }

    func testThresholdWithoutAnExampleOnItGetsAStub() throws {
        let found = try F.lint(bands([("9", "low"), ("11", "high")]))
        XCTAssertEqual(found.codes, ["BOUND_WITHOUT_EXAMPLE"], found.dump)
        let b = found.first
        XCTAssertEqual(b?.level, .warning)
        XCTAssertEqual(b?.message, "threshold x vs 10: no example on (10)")
        XCTAssertEqual(b?.stub, #"{ "name": "x on 10", "input": { "x": 10 }, "expect": { "outputs": { } } }"#)

        let below = try F.lint(bands([("10", "high"), ("11", "high")]))
        XCTAssertEqual(below.one("BOUND_WITHOUT_EXAMPLE")?.message, "threshold x vs 10: no example below (9)", below.dump)
    }

    func testBoundAtTheEdgeOfTheDomainNeedsNoExampleOutsideIt() throws {
        // `> 0` on a count with min 0: nothing lies below 0, so examples on 0 and above it suffice.
        let d = F.table(inputs: [F.input("n", "integer", #""min":0"#)], columns: ["n"], rows: F.rows([("> 0", "some"), ("0", "none")]),
                        examples: F.examples([("0", "none"), ("1", "some")], on: "n"))
        let found = try F.lint(d)
        XCTAssertTrue(found.isEmpty, found.dump)
    }

    func testComputedValueOnTheBoundCountsForAnExpressionThreshold() throws {
        // ratio = a / b; the finding compares it with 0.30; an example giving exactly 0.30 (3/10) covers "on".
        let finding = #"{"code":"LOW","severity":"violation","cite":"c","message":{"zh":"比例 {ratio} 低于 30%。","en":"ratio {ratio} below 30%"}}"#
        func d(_ cases: [(String, String)]) -> String {
            let ex = cases.map { F.example(#""a":\#($0.0),"b":10"#, #""ratio":\#($0.1)"#) }.joined(separator: ",")
            return RuleText.decision(inputs: "[" + F.input("a", "integer", #""min":0"#) + "," + F.input("b", "integer", #""exclusiveMin":0"#) + "]",
                                     outputs: #"[{"name":"ratio","type":"decimal"}]"#,
                                     steps: #"[{"set":"ratio","expr":"a / b"},{"finding":"LOW","when":"ratio < 0.30","wording":"不低于"}]"#,
                                     extra: #","findings":[\#(finding)],"examples":[\#(ex)]"#)
        }
        let covered = try F.lint(d([("2", "0.2"), ("3", "0.3"), ("4", "0.4")]))
        XCTAssertTrue(covered.isEmpty, covered.dump)
        let missing = try F.lint(d([("2", "0.2"), ("4", "0.4")]))
        XCTAssertEqual(missing.codes, ["BOUND_WITHOUT_EXAMPLE"], missing.dump)
        XCTAssertEqual(missing.first?.message, "threshold ratio vs 0.3: no example on (0.3)", missing.dump)
    }

    func testDecisionWithoutExamplesIsAnError() throws {
        let found = try F.lint(bands([]).replacingOccurrences(of: #","examples":[]"#, with: ""))
        XCTAssertEqual(found.one("MISSING_EXAMPLES")?.level, .error, found.dump)
    }

    // MARK: Versions

    func versioned(secondFrom: String) -> String {
        let versions = #"""
        [{"id":"v1","effective":{"from":"2020-01-01","until":"2020-12-31"},"steps":[{"set":"r","expr":"x * 2"}]},
         {"id":"v2","effective":{"from":"\#(secondFrom)"},"steps":[{"set":"r","expr":"x * 3"}]}]
        """#
        let ex = [F.example(#""x":1"#, #""r":2"#, asOf: "2020-06-01"), F.example(#""x":1"#, #""r":3"#)].joined(separator: ",")
        return RuleText.decision(inputs: "[" + F.input() + "]", outputs: #"[{"name":"r","type":"decimal"}]"#, steps: "",
                                 versions: versions, extra: #","examples":[\#(ex)]"#)
    }

    func testHoleBetweenVersionsIsAWarning() throws {
        XCTAssertTrue(try F.lint(versioned(secondFrom: "2021-01-01")).isEmpty, "adjacent versions leave no hole")
        let found = try F.lint(versioned(secondFrom: "2021-02-01"))
        XCTAssertEqual(found.codes, ["VERSION_HOLE"], found.dump)
        XCTAssertEqual(found.first?.level, .warning)
        XCTAssertEqual(found.first?.message, "no version is in force from 2021-01-01 to 2021-01-31 (between v1 and v2)")
    }

    func testOverlappingVersionsAndCyclesAreLoadErrors() {
        let overlap = RuleText.loadErrors([("t.json", RuleText.file([versioned(secondFrom: "2020-12-31")]))])
        XCTAssertEqual(overlap.count, 1, overlap.description)
        XCTAssertEqual(overlap.first?.message.contains("version v2 starts 2020-12-31, before version v1 ends (2020-12-31)"), true, overlap.description)

        let out = #"[{"name":"r","type":"decimal"}]"#, x = "[" + F.input() + "]"
        let a = RuleText.decision(id: "t.a", inputs: x, outputs: out, steps: #"[{"set":"r","expr":"b.r"}]"#, extra: #","uses":{"b":"t.b"}"#)
        let b = RuleText.decision(id: "t.b", inputs: x, outputs: out, steps: #"[{"set":"r","expr":"a.r"}]"#, extra: #","uses":{"a":"t.a"}"#)
        let cycle = RuleText.loadErrors([("t.json", RuleText.file([a, b]))])
        XCTAssertEqual(cycle.contains { $0.message.contains("cycle in the decision graph: t.a → t.b → t.a") }, true, cycle.description)
    }

    // MARK: Unused inputs

    func withFinding(message: String) -> String {
        let finding = #"{"code":"BIG","severity":"warning","cite":"c","message":{"zh":"\#(message)","en":"\#(message)"}}"#
        let ex = ["9", "10", "11"].map { F.example(#""x":\#($0),"y":"note""#, "") }.joined(separator: ",")
        return RuleText.decision(inputs: "[" + F.input() + "," + F.input("y", "string") + "]", outputs: "[]",
                                 steps: #"[{"finding":"BIG","when":"x > 10","wording":"超过"}]"#,
                                 extra: #","findings":[\#(finding)],"examples":[\#(ex)]"#)
    }

    func testInputNoStepReadsIsAWarning() throws {
        let found = try F.lint(withFinding(message: "x = {x}"))
        XCTAssertEqual(found.codes, ["UNUSED_INPUT"], found.dump)
        XCTAssertEqual(found.first?.level, .warning)
        XCTAssertEqual(found.first?.message, "input y is declared but no step, table or constraint reads it")
    }

    func testInputReadOnlyByAMessagePlaceholderIsUsed() throws {
        let found = try F.lint(withFinding(message: "x = {x}, {y}"))
        XCTAssertTrue(found.isEmpty, found.dump)
    }

    /// The code comment promises "placeholders in messages and explanations read values too": a step's
    /// `explain` template and a table's `default` expression read inputs as well.
    func testInputReadByAnExplanationOrATableDefaultIsUsed() throws {
        let inputs = [F.input("x", "decimal", #""min":0"#), F.input("y", "string")]
        func explained(_ template: String) -> String {
            let step = #"{"set":"r","expr":"x * 2","explain":{"zh":"\#(template)","en":"\#(template)"}}"#
            let ex = F.example(#""x":1,"y":"甲""#, #""r":2"#)
            return RuleText.decision(inputs: "[" + inputs.joined(separator: ",") + "]", outputs: #"[{"name":"r","type":"decimal"}]"#,
                                     steps: "[\(step)]", extra: #","examples":[\#(ex)]"#)
        }
        XCTAssertEqual(try F.lint(explained("{x} 的两倍")).codes, ["UNUSED_INPUT"], "y is read nowhere")
        let viaExplain = try F.lint(explained("{y}：{x} 的两倍"))
        XCTAssertTrue(viaExplain.isEmpty, viaExplain.dump)

        let rows = F.rows([("< 10", "low")])
        let table = #"{"table":{"name":"m","hitPolicy":"unique","inputs":["x"],"outputs":["r"],"rows":\#(rows),"default":{"r":"=y"}}}"#
        let ex = [F.example(#""x":9,"y":"甲""#, #""r":"low""#), F.example(#""x":10,"y":"乙""#, #""r":"乙""#),
                  F.example(#""x":11,"y":"丙""#, #""r":"丙""#)].joined(separator: ",")
        let viaDefault = try F.lint(RuleText.decision(inputs: "[" + inputs.joined(separator: ",") + "]", outputs: F.stringOut,
                                                      steps: "[\(table)]", extra: #","examples":[\#(ex)]"#))
        XCTAssertTrue(viaDefault.isEmpty, viaDefault.dump)
    }

    // MARK: Quotes

    /// A seed directory holding `test.txt` with a page number and a running head in the middle of a sentence.
    func seedDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-seeds-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        let text = "一、测试\n测试条文。各地应当\n—２３—\n浙江省人民政府公报 2024年第1期\n按时报送材料。\n"
        try Data(text.utf8).write(to: dir.appendingPathComponent("test.txt"))
        return dir
    }

    func testQuotesMustStandInTheSeed() throws {
        let seeds = SeedIndex(directory: try seedDirectory().path)
        let citations = #"""
        {"c":{"clause":"一","text":"测试条文。","line":2},
         "across":{"clause":"一","text":"各地应当按时报送材料。","line":2},
         "cut":{"clause":"一","text":"测试条文。…按时报送材料。","line":2},
         "bad":{"clause":"二","text":"各地不得报送材料。","line":3}}
        """#
        let found = try F.lint([bands([("9", "low"), ("10", "high"), ("11", "high")])], citations: citations, seeds: seeds)
        XCTAssertEqual(found.codes, ["QUOTE_NOT_FOUND"], "only the altered quote fails:\n" + found.dump)
        XCTAssertEqual(found.first?.level, .error)
        XCTAssertEqual(found.first?.message, "citation bad (二): text not found verbatim in test.txt: 「各地不得报送材料。」")
    }

    func testCitationOfASeedThatIsNotThere() throws {
        let seeds = SeedIndex(directory: try seedDirectory().path)
        let citations = #"{"c":{"clause":"一","text":"测试条文。","line":2,"document":{"number":"别的〔2024〕2号","seed":"other.txt"}}}"#
        let found = try F.lint([bands([("9", "low"), ("10", "high"), ("11", "high")])], citations: citations, seeds: seeds)
        XCTAssertEqual(found.codes, ["UNKNOWN_SEED"], found.dump)
        XCTAssertEqual(found.first?.message.contains("names seed other.txt"), true, found.dump)
    }

    // MARK: The shipped rules

    func testShippedRulesLintCleanAgainstTheSeeds() throws {
        let seedsDir = PackagePaths.root.deletingLastPathComponent().appendingPathComponent("shared/seeds")
        guard FileManager.default.fileExists(atPath: seedsDir.path) else { throw XCTSkip("no seeds at \(seedsDir.path)") }
        let book = try ShippedRules.book()
        let seeds = SeedIndex(directory: seedsDir.path)
        XCTAssertFalse(seeds.isEmpty, "the seed directory holds the gazette texts")
        let found = Linter(rulebook: book, seeds: seeds).run()
        XCTAssertEqual(found.filter { $0.level == .error }.count, 0, found.dump)
        XCTAssertEqual(found.filter { $0.level == .warning }.count, 0, found.dump)
    }

    // MARK: The command line

    /// A rule directory holding one file, and a seed directory with its quoted sentence.
    func cliFixture(_ decision: String) throws -> (rules: String, seeds: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-lint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("seeds"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("rules"), withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        try Data("测试条文。\n".utf8).write(to: dir.appendingPathComponent("seeds/test.txt"))
        try Data(RuleText.file([decision]).utf8).write(to: dir.appendingPathComponent("rules/t.json"))
        return (dir.appendingPathComponent("rules").path, dir.appendingPathComponent("seeds").path)
    }

    func testStrictFailsOnWarningsAlone() throws {
        let f = try cliFixture(withFinding(message: "x = {x}"))   // one UNUSED_INPUT warning, nothing else
        let plain = try CLI.run(["lint", "--rules", f.rules, "--seeds", f.seeds])
        XCTAssertEqual(plain.status, 0, plain.stdout + plain.stderr)
        XCTAssertTrue(plain.stdout.contains("warning: "), plain.stdout)
        XCTAssertTrue(plain.stdout.contains("[UNUSED_INPUT] input y is declared"), plain.stdout)
        XCTAssertTrue(plain.stdout.contains("1 decisions in 1 files: 0 errors, 1 warnings"), plain.stdout)
        let strict = try CLI.run(["lint", "--rules", f.rules, "--seeds", f.seeds, "--strict"])
        XCTAssertEqual(strict.status, 1, strict.stdout + strict.stderr)
    }

    func testJSONFormatGivesOneObjectPerFindingWithAStubForGaps() throws {
        let d = F.table(inputs: [F.input("intensity", "decimal", #""min":0"#)], columns: ["intensity"],
                        rows: F.rows([("< 0.6", "free"), ("> 0.6", "paid")]),
                        examples: F.examples([("0.59", "free"), ("0.61", "paid")], on: "intensity"))
        let f = try cliFixture(d)
        let r = try CLI.run(["lint", "--rules", f.rules, "--seeds", f.seeds, "--format", "json"])
        XCTAssertEqual(r.status, 1, "a gap is an error: " + r.stdout + r.stderr)
        XCTAssertFalse(r.lines.isEmpty, r.stdout)
        var objects: [[String: Any]] = []
        for line in r.lines {
            let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            XCTAssertNotNil(o, "not a JSON object: \(line)")
            if let o { objects.append(o) }
        }
        XCTAssertTrue(objects.allSatisfy { $0["level"] is String && $0["code"] is String && $0["message"] is String && $0["file"] is String }, r.stdout)
        let gaps = objects.filter { $0["code"] as? String == "TABLE_GAP" }
        XCTAssertEqual(gaps.count, 1, r.stdout)
        XCTAssertEqual(gaps.first?["level"] as? String, "error")
        XCTAssertEqual(gaps.first?["decision"] as? String, "t.case")
        XCTAssertEqual((gaps.first?["message"] as? String)?.contains("no row matches intensity = 0.6"), true, r.stdout)
        XCTAssertEqual((gaps.first?["stub"] as? String)?.contains(#""input": { "intensity": 0.6 }"#), true, r.stdout)
        XCTAssertFalse(r.stdout.contains("gazette lint:"), "JSON output carries no summary line")
    }

    func testLoadErrorFailsLint() throws {
        let f = try cliFixture(versioned(secondFrom: "2020-06-01"))
        let r = try CLI.run(["lint", "--rules", f.rules, "--seeds", f.seeds])
        XCTAssertEqual(r.status, 1, r.stdout + r.stderr)
        XCTAssertTrue(r.stdout.contains("version v2 starts 2020-06-01, before version v1 ends (2020-12-31)"), r.stdout)
    }
}
