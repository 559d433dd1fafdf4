import Foundation
import XCTest
@testable import GazetteKit

final class RuleLoadErrorTests: XCTestCase {
    let xIn = #"[{"name":"x","type":"decimal","required":true}]"#
    let rOut = #"[{"name":"r","type":"decimal"}]"#

    func errors(_ decision: String, file: StaticString = #filePath, line: UInt = #line) -> [LoadError] {
        RuleText.loadErrors([("a.json", RuleText.file([decision]))], file: file, line: line)
    }

    func assertOne(_ errs: [LoadError], path: String, mentions: [String], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(errs.count, 1, errs.description, file: file, line: line)
        XCTAssertEqual(errs.first?.file, "a.json", file: file, line: line)
        XCTAssertEqual(errs.first?.path, path, errs.description, file: file, line: line)
        for m in mentions {
            XCTAssertEqual(errs.first?.message.contains(m), true, "\(m) missing from: \(errs.description)", file: file, line: line)
        }
    }

    func testAValidFileLoads() throws {
        let b = try RuleText.load(RuleText.decision(inputs: xIn, outputs: rOut, steps: #"[{"set":"r","expr":"x * 2"}]"#))
        XCTAssertEqual(b.ids, ["t.case"])
        XCTAssertEqual(try b.evaluate("t.case", json: #"{"x":1.5}"#).value().output("r"), num("3"))
    }

    func testErrorsNameFileAndJSONPath() {
        let bad = RuleText.decision(inputs: #"[{"name":"x","type":"float"}]"#, outputs: rOut, steps: #"[{"set":"r","expr":"1"}]"#)
        assertOne(errors(bad), path: "$.decisions[0].inputs[0].type", mentions: ["unknown type \"float\""])
        let unknownMember = RuleText.decision(inputs: xIn, outputs: rOut, steps: #"[{"set":"r","expr":"1","wehn":"x > 1"}]"#)
        assertOne(errors(unknownMember), path: "$.decisions[0].versions[0].steps[0].wehn", mentions: ["unknown member \"wehn\""])
    }

    func testSyntaxErrorGivesLineAndColumn() {
        let text = "{\n  \"document\": {\n    \"number\": \"x\",\n    \"title\" \"t\"\n  }\n}\n"
        let errs = RuleText.loadErrors([("broken.json", text)])
        XCTAssertEqual(errs.count, 1)
        XCTAssertEqual(errs.first?.file, "broken.json")
        XCTAssertEqual(errs.first?.path, "line 4, column 13")
        XCTAssertEqual(errs.first?.message.contains("expected ':'"), true, errs.description)
    }

    func testDuplicateIdsAcrossFiles() {
        let d = RuleText.decision(inputs: xIn, outputs: rOut, steps: #"[{"set":"r","expr":"x"}]"#)
        let errs = RuleText.loadErrors([("a.json", RuleText.file([d])), ("b.json", RuleText.file([d]))])
        XCTAssertEqual(errs.count, 1, errs.description)
        XCTAssertEqual(errs.first?.file, "b.json")
        XCTAssertEqual(errs.first?.path, "$.decisions[0].id")
        XCTAssertEqual(errs.first?.message.contains("duplicate decision id \"t.case\""), true)
        XCTAssertEqual(errs.first?.message.contains("a.json"), true, "names the other file")
    }

    func testUnknownInputNameInATable() {
        let table = #"{"table":{"hitPolicy":"first","inputs":["y"],"outputs":["r"],"rows":[{"when":["-"],"then":{"r":1}}]}}"#
        let errs = errors(RuleText.decision(inputs: xIn, outputs: rOut, steps: "[\(table)]"))
        assertOne(errs, path: "$.decisions[0].versions[0].steps[0].table.inputs[0]", mentions: ["unknown name \"y\"", "column 1"])
    }

    func testCellThatDoesNotFitItsColumn() {
        let table = #"{"table":{"hitPolicy":"first","inputs":["x"],"outputs":["r"],"rows":[{"when":["\"big\""],"then":{"r":1}}]}}"#
        let errs = errors(RuleText.decision(inputs: xIn, outputs: rOut, steps: "[\(table)]"))
        assertOne(errs, path: "$.decisions[0].versions[0].steps[0].table.rows[0].when[0]", mentions: ["\"big\""])
        let malformed = #"{"table":{"hitPolicy":"first","inputs":["x"],"outputs":["r"],"rows":[{"when":["[1..2"],"then":{"r":1}}]}}"#
        assertOne(errors(RuleText.decision(inputs: xIn, outputs: rOut, steps: "[\(malformed)]")),
                  path: "$.decisions[0].versions[0].steps[0].table.rows[0].when[0]", mentions: ["[1..2", "column 6"])
    }

    func testOutputTypeMismatch() {
        let errs = errors(RuleText.decision(inputs: xIn, outputs: #"[{"name":"r","type":"integer"}]"#, steps: #"[{"set":"r","expr":"x > 1"}]"#))
        assertOne(errs, path: "$.decisions[0].versions[0].steps[0]", mentions: ["r is declared integer but this step gives boolean"])
        let literal = #"{"table":{"hitPolicy":"first","inputs":["x"],"outputs":["r"],"rows":[{"when":["-"],"then":{"r":"ten"}}]}}"#
        assertOne(errors(RuleText.decision(inputs: xIn, outputs: rOut, steps: "[\(literal)]")),
                  path: "$.decisions[0].versions[0].steps[0].table.rows[0].then.r", mentions: ["a number"])
    }

    func testOutputNeverSet() {
        let errs = errors(RuleText.decision(inputs: xIn, outputs: #"[{"name":"r","type":"decimal"},{"name":"s","type":"decimal"}]"#,
                                            steps: #"[{"set":"r","expr":"x"}]"#))
        assertOne(errs, path: "$.decisions[0].versions[0]", mentions: ["output \"s\" is never set"])
    }

    func testUnknownCitationKey() {
        let errs = errors(RuleText.decision(inputs: xIn, outputs: rOut, steps: #"[{"set":"r","expr":"x","cite":"ii.9"}]"#))
        assertOne(errs, path: "$.decisions[0].versions[0].steps[0].cite", mentions: ["cites \"ii.9\"", "c"])
        let source = RuleText.decision(inputs: xIn, outputs: rOut, steps: #"[{"set":"r","expr":"x"}]"#)
            .replacingOccurrences(of: #""source":"c""#, with: #""source":["c","zz"]"#)
        assertOne(errors(source), path: "$.decisions[0].source", mentions: ["cites \"zz\""])
    }

    func testCycleInUses() {
        let a = RuleText.decision(id: "t.a", inputs: xIn, outputs: rOut, steps: #"[{"set":"r","expr":"b.r"}]"#, extra: #","uses":{"b":"t.b"}"#)
        let b = RuleText.decision(id: "t.b", inputs: xIn, outputs: rOut, steps: #"[{"set":"r","expr":"a.r"}]"#, extra: #","uses":{"a":"t.a"}"#)
        let errs = RuleText.loadErrors([("a.json", RuleText.file([a, b]))])
        let cycle = errs.first { $0.message.contains("cycle") }
        XCTAssertNotNil(cycle, errs.description)
        XCTAssertEqual(cycle?.message.contains("t.a → t.b → t.a"), true, errs.description)
        XCTAssertEqual(cycle?.path.hasSuffix(".uses"), true)
    }

    func testUsesReadsAnotherDecisionsOutputs() throws {
        let a = RuleText.decision(id: "t.a", inputs: xIn, outputs: rOut, steps: #"[{"set":"r","expr":"x * 10"}]"#)
        let b = RuleText.decision(id: "t.b", inputs: xIn, outputs: rOut, steps: #"[{"set":"r","expr":"a.r + 1"}]"#, extra: #","uses":{"a":"t.a"}"#)
        let book = try RuleText.load([("a.json", RuleText.file([b, a]))])
        XCTAssertEqual(try book.evaluate("t.b", json: #"{"x":2}"#).value().output("r"), num("21"))
        let e = book.evaluate("t.b", json: #"{}"#).error()
        XCTAssertEqual(e?.code, .inputMissing)
        XCTAssertEqual(e?.path, "x")
    }

    func testUsesOfAnUnknownDecision() {
        let errs = errors(RuleText.decision(inputs: xIn, outputs: rOut, steps: #"[{"set":"r","expr":"x"}]"#, extra: #","uses":{"z":"t.zzz"}"#))
        assertOne(errs, path: "$.decisions[0].uses", mentions: ["t.zzz"])
    }

    func testOverlappingVersions() {
        let versions = #"""
        [{"id":"v1","effective":{"from":"2018-01-01","until":"2020-06-30"},"steps":[{"set":"r","expr":"1"}]},
         {"id":"v2","effective":{"from":"2020-06-30"},"steps":[{"set":"r","expr":"2"}]}]
        """#
        let errs = errors(RuleText.decision(inputs: xIn, outputs: rOut, steps: "", versions: versions))
        assertOne(errs, path: "$.decisions[0].versions[1]", mentions: ["v2", "v1", "2020-06-30"])
        let open = #"""
        [{"id":"v1","effective":{"from":"2018-01-01"},"steps":[{"set":"r","expr":"1"}]},
         {"id":"v2","effective":{"from":"2020-01-01"},"steps":[{"set":"r","expr":"2"}]}]
        """#
        assertOne(errors(RuleText.decision(inputs: xIn, outputs: rOut, steps: "", versions: open)),
                  path: "$.decisions[0].versions[1]", mentions: ["no end date", "overlap"])
        let backwards = #"[{"id":"v1","effective":{"from":"2018-01-01","until":"2017-01-01"},"steps":[{"set":"r","expr":"1"}]}]"#
        assertOne(errors(RuleText.decision(inputs: xIn, outputs: rOut, steps: "", versions: backwards)),
                  path: "$.decisions[0].versions[0].effective", mentions: ["before"])
    }

    func testAsOfMustNameADateInput() {
        let errs = errors(RuleText.decision(inputs: xIn, outputs: rOut, steps: #"[{"set":"r","expr":"x"}]"#, extra: #","asOf":"x""#))
        assertOne(errs, path: "$.decisions[0].asOf", mentions: ["not a date input"])
    }

    func testUndeclaredFinding() {
        let errs = errors(RuleText.decision(inputs: xIn, outputs: rOut, steps: #"[{"set":"r","expr":"x"},{"finding":"NOPE","when":"x > 1"}]"#))
        assertOne(errs, path: "$.decisions[0].versions[0].steps[1]", mentions: ["\"NOPE\""])
    }

    func testEveryBrokenFileIsReportedTogether() {
        let good = RuleText.decision(inputs: xIn, outputs: rOut, steps: #"[{"set":"r","expr":"x"}]"#)
        let errs = RuleText.loadErrors([("a.json", "{"), ("b.json", RuleText.file([good.replacingOccurrences(of: #""expr":"x""#, with: #""expr":"nope""#)])),
                                        ("c.json", RuleText.file([good.replacingOccurrences(of: "t.case", with: "t.ok")]))])
        XCTAssertEqual(Set(errs.map(\.file)), ["a.json", "b.json"], errs.description)
    }

    func testCalendarDayBothHolidayAndWorkdayIsRefused() {
        let cal = #"{"calendar":"x","years":[{"year":2018,"notice":{"number":"n","date":"2017-11-30"},"holidays":["2018-09-29"],"workdays":["2018-09-29"]}]}"#
        let errs = RuleText.loadErrors([("cal.json", cal)])
        XCTAssertEqual(errs.count, 1)
        XCTAssertEqual(errs.first?.message.contains("2018-09-29"), true, errs.description)
        XCTAssertEqual(errs.first?.path, "$.years[0].workdays[0]")
    }

    func testLoadingADirectoryNamesTheFilePath() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("topic"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = RuleText.file([RuleText.decision(inputs: xIn, outputs: rOut, steps: #"[{"set":"r","expr":"q"}]"#)])
        try Data(bad.utf8).write(to: dir.appendingPathComponent("topic/bad.json"))
        do {
            _ = try Rulebook.load(path: dir.path)
            XCTFail("expected a load error")
        } catch {
            XCTAssertEqual(error.errors.count, 1)
            XCTAssertEqual(error.errors.first?.file.hasSuffix("topic/bad.json"), true, error.description)
            XCTAssertEqual(error.description.contains("unknown name \"q\""), true)
        }
        XCTAssertThrowsError(try Rulebook.load(path: dir.appendingPathComponent("missing").path))
    }
}
