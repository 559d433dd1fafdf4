import XCTest
@testable import GazetteKit

final class RuleDiffTests: XCTestCase {
    static let rulesFile = PackagePaths.root.appendingPathComponent("Rules/energy/zzbf-2018-84.json").path
    static let stricterFile = PackagePaths.sample("energy/stricter/zzbf-2018-84.json")

    func energyBooks() throws -> (Rulebook, Rulebook) {
        (try Rulebook.load(path: Self.rulesFile), try Rulebook.load(path: Self.stricterFile))
    }

    // MARK: - the energy sample: 0.6 against a hypothetical 0.52

    func testTheMovedLineIsReportedAsThresholdsNotRewrittenRows() throws {
        let (old, new) = try energyBooks()
        let changes = RuleDiff.compare(old: old, new: new)
        let band = changes.filter { $0.decision == "energy.use-rights" && $0.location.contains("table intensityBand") }
        XCTAssertEqual(band.map(\.kind), [.threshold, .threshold, .threshold], "\(band)")
        XCTAssertEqual(band.map(\.old), ["> 0.6", "< 0.6", "0.6"])
        XCTAssertEqual(band.map(\.new), ["> 0.52", "< 0.52", "0.52"])
        XCTAssertTrue(band[0].location.hasSuffix("row 2 / intensityUsed"), band[0].location)
        let grant = changes.first { $0.decision == "energy.regional-allocation" && $0.kind == .threshold }
        XCTAssertEqual(grant?.location, "version 2018-08-17 / value ineligibleGrantIds")
        XCTAssertEqual(grant?.old?.hasPrefix("0.6 in "), true)
        XCTAssertEqual(grant?.new?.hasPrefix("0.52 in "), true)
        // The hypothetical note is one added note. (If the real rule file changed since, rerun
        // Samples/energy/stricter/regenerate.py.)
        let notes = changes.filter { $0.decision == "energy.use-rights" && $0.kind == .text }
        XCTAssertEqual(notes.map(\.action), ["added"])
        XCTAssertEqual(notes.first?.new?.hasPrefix("HYPOTHETICAL"), true)
        // Decisions the copy did not touch report nothing.
        XCTAssertFalse(changes.contains { $0.decision == "energy.trading-parties" || $0.decision == "energy.capacity-exit-rights" })
    }

    func testTheSampleBatchReportsExactlyTheCasesThatFlip() throws {
        let (old, new) = try energyBooks()
        let jsonl = try String(contentsOfFile: PackagePaths.sample("energy/use-rights.batch.jsonl"), encoding: .utf8)
        let report = OutcomeDiff(decisionId: "energy.use-rights", old: .init(rulebook: old), new: .init(rulebook: new)).run(jsonl: jsonl)
        XCTAssertEqual(report.cases.count, 24)
        let flipped = report.flipped
        XCTAssertEqual(flipped.map(\.line), [1, 2, 6, 11])
        XCTAssertEqual(flipped.map { $0.caseId.map(JSONWriter.json) }, [#""e01-0.59-free""#, #""e02-0.6-open""#, #""e06-raw-600-1000""#, #""e11-missed-targets-0.6""#])
        let first = flipped[0]
        XCTAssertTrue(first.changed.contains("band") && first.changed.contains("paidUseRequired"), "\(first.changed)")
        XCTAssertEqual(try first.old.get().output("band"), .string("free"))
        XCTAssertEqual(try first.new.get().output("band"), .string("paid"))
        XCTAssertTrue(flipped[1].changed.contains("findings"))
        // The malformed line fails the same way on both sides: not a flip.
        let malformed = report.cases.first { $0.line == 12 }
        XCTAssertEqual(malformed?.changed, [])
        if case .failure(let e)? = malformed?.old { XCTAssertEqual(e.code, .malformedJSON) } else { XCTFail("line 12 should be malformed") }

        let line = OutcomeDiff.json(first)
        for part in [#""line":1"#, #""id":"e01-0.59-free""#, #""old":{"version":"2018-08-17","outputs":{"#, #""band":"free""#, #""band":"paid""#] {
            XCTAssertTrue(line.contains(part), "\(part) missing from \(line)")
        }
        XCTAssertNoThrow(try JSONParser.parse(Array(line.utf8)))
    }

    func testAnUnchangedRulebookHasNoChangesAndNoFlips() throws {
        let (old, _) = try energyBooks()
        let again = try Rulebook.load(path: Self.rulesFile)
        XCTAssertEqual(RuleDiff.compare(old: old, new: again), [])
        let jsonl = try String(contentsOfFile: PackagePaths.sample("energy/use-rights.batch.jsonl"), encoding: .utf8)
        XCTAssertEqual(OutcomeDiff(decisionId: "energy.use-rights", old: .init(rulebook: old), new: .init(rulebook: again)).run(jsonl: jsonl).flipped.count, 0)
    }

    // MARK: - two versions of one decision

    static let twoVersions = #"""
    [{"id":"2018","effective":{"from":"2018-01-01","until":"2020-12-31"},"steps":[
       {"table":{"name":"band","hitPolicy":"first","inputs":["x"],"outputs":["level"],"rows":[
         {"when":["> 100"],"then":{"level":"high"},"cite":"c"},
         {"when":["-"],"then":{"level":"low"}}]}},
       {"set":"fee","expr":"x * 0.5"},
       {"set":"flag","expr":"x > 10"}]},
     {"id":"2021","effective":{"from":"2021-01-01"},"steps":[
       {"table":{"name":"band","hitPolicy":"first","inputs":["x"],"outputs":["level"],"rows":[
         {"when":["> 80"],"then":{"level":"high"},"cite":"c"},
         {"when":["[50..80]"],"then":{"level":"mid"}},
         {"when":["-"],"then":{"level":"low"}}]}},
       {"set":"fee","expr":"x * 0.75"},
       {"set":"flag","expr":"x >= 10 and x < 1000"}]}]
    """#

    func versionedBook() throws -> Rulebook {
        try RuleText.load(RuleText.decision(
            inputs: #"[{"name":"x","type":"integer","min":0,"required":true}]"#,
            outputs: #"[{"name":"level","type":"enum","values":[{"code":"low","zh":"低","en":"low"},{"code":"mid","zh":"中","en":"mid"},{"code":"high","zh":"高","en":"high"}]},{"name":"fee","type":"decimal"},{"name":"flag","type":"boolean"}]"#,
            steps: "", versions: Self.twoVersions))
    }

    func testVersionsOfOneDecisionCompareByDate() throws {
        let book = try versionedBook()
        let d = try XCTUnwrap(book.decisions.first)
        let a = try XCTUnwrap(d.version(on: Day("2019-06-01")!)), b = try XCTUnwrap(d.version(on: Day("2022-06-01")!))
        let changes = RuleDiff.compare(d, from: a, to: b)
        let byLocation = Dictionary(changes.map { ($0.location, $0) }, uniquingKeysWith: { x, _ in x })
        XCTAssertEqual(byLocation["version"]?.kind, .version)
        XCTAssertEqual(byLocation["version"]?.new, "2021: 2021-01-01 – open")
        XCTAssertEqual(byLocation["table band / row 1 / x"]?.kind, .threshold)
        XCTAssertEqual(byLocation["table band / row 1 / x"]?.new, "> 80")
        XCTAssertEqual(byLocation["table band / row 2"]?.kind, .row)
        XCTAssertEqual(byLocation["table band / row 2"]?.action, "added")
        XCTAssertEqual(byLocation["value fee"]?.kind, .threshold)
        XCTAssertEqual(byLocation["value fee"]?.old, "0.5 in x * 0.5")
        // More than a number moved: a logic change with both texts.
        XCTAssertEqual(byLocation["value flag"]?.kind, .logic)
        XCTAssertEqual(byLocation["value flag"]?.new, "x >= 10 and x < 1000")
        XCTAssertEqual(changes.count, 5, "\(changes)")

        let report = OutcomeDiff(decisionId: "t.case", old: .init(rulebook: book, asOf: Day("2019-06-01")),
                                 new: .init(rulebook: book, asOf: Day("2022-06-01"))).run(jsonl: "{\"id\":1,\"x\":90}\n{\"id\":2,\"x\":5}\n{\"x\":-1}\n")
        XCTAssertEqual(report.cases.count, 3)
        XCTAssertEqual(report.flipped.map(\.line), [1, 2])
        XCTAssertEqual(report.flipped[0].changed, ["level", "fee"])
        XCTAssertEqual(try report.flipped[0].new.get().output("level"), .string("high"))
        XCTAssertEqual(report.flipped[1].changed, ["fee"])  // 5 * 0.5 → 5 * 0.75; flag stays false
    }

    func testRowsAlignByContentSoAnInsertedRowIsOneAddition() throws {
        let table = #"{"table":{"name":"t","hitPolicy":"first","inputs":["x"],"outputs":["y"],"rows":[%@]}}"#
        func book(_ rows: [String]) throws -> Rulebook {
            try RuleText.load(RuleText.decision(inputs: #"[{"name":"x","type":"integer"}]"#, outputs: #"[{"name":"y","type":"integer"}]"#,
                                                steps: "[" + table.replacingOccurrences(of: "%@", with: rows.joined(separator: ",")) + "]"))
        }
        let r1 = #"{"when":["> 10"],"then":{"y":1}}"#, r2 = #"{"when":["> 5"],"then":{"y":2}}"#, r3 = #"{"when":["-"],"then":{"y":3}}"#
        let inserted = #"{"when":["> 7"],"then":{"y":9}}"#
        let changes = RuleDiff.compare(old: try book([r1, r2, r3]), new: try book([r1, inserted, r2, r3]))
        XCTAssertEqual(changes.map(\.kind), [.row])
        XCTAssertEqual(changes.first?.location, "version v1 / table t / row 2")
        XCTAssertEqual(changes.first?.action, "added")
        let output = RuleDiff.compare(old: try book([r1, r2, r3]), new: try book([r1, #"{"when":["> 5"],"then":{"y":4}}"#, r3]))
        XCTAssertEqual(output.map(\.kind), [.output])
        XCTAssertEqual(output.first?.location, "version v1 / table t / row 2 → y")
        XCTAssertEqual(output.first?.old, "2")
        XCTAssertEqual(output.first?.new, "4")
    }
}
