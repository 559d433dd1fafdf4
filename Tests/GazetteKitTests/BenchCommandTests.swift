import Foundation
import XCTest
@testable import GazetteKit

/// `gazette bench` is the only place speed is measured; these tests check what it reports and writes,
/// never how fast anything is.
final class BenchCommandTests: XCTestCase {
    func testJSONReportHasEveryFigureForEachDecision() throws {
        let r = try CLI.run(["bench", "geohazard.prevention-zone", "energy.use-rights", "--count", "300", "--jobs", "2", "--json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.lines
        XCTAssertEqual(lines.count, 2, r.stdout)
        for (line, id) in zip(lines, ["geohazard.prevention-zone", "energy.use-rights"]) {
            let obj = try JSONParser.parse(line)
            XCTAssertEqual(obj["rule"], .string(id))
            XCTAssertEqual(obj["cases"], .number("300"))
            XCTAssertEqual(obj["jobs"], .number("2"))
            for key in ["nsPerDecision", "nsPerGeneralDecision", "nsPerLine", "casesPerSecondJobs1", "casesPerSecondJobsN",
                        "baselineCasesPerSecond", "ratioToBaseline", "peakRSSBytes"] {
                guard case .number(let n)? = obj[key], let v = Double(n) else { return XCTFail("\(key) missing in \(line)") }
                XCTAssertGreaterThan(v, 0, key)
            }
        }
    }

    func testWriteCasesWritesTheSeededCasesThatEvaluateOneResultEach() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a.jsonl").path, b = dir.appendingPathComponent("b.jsonl").path
        for path in [a, b] {
            let r = try CLI.run(["bench", "land.reward-quota", "--count", "250", "--write-cases", path])
            XCTAssertEqual(r.status, 0, r.stderr)
        }
        let text = try String(contentsOfFile: a, encoding: .utf8)
        XCTAssertEqual(text, try String(contentsOfFile: b, encoding: .utf8), "the cases are seeded: two runs write the same file")
        let cases = text.split(separator: "\n")
        XCTAssertEqual(cases.count, 250)
        XCTAssertEqual(try JSONParser.parse(String(cases[0]))["id"], .number("1"))
        let out = try CLI.run(["eval", "land.reward-quota", "--batch"], stdin: Array(text.utf8))
        XCTAssertEqual(out.lines.count, 250)
    }

    func testProfileDecisionReportsOnlyTheDecisionLoop() throws {
        let r = try CLI.run(["bench", "geohazard.prevention-zone", "--count", "200", "--profile-decision", "2"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.lines.count, 1, r.stdout)
        XCTAssertTrue(r.stdout.hasPrefix("geohazard.prevention-zone: "), r.stdout)
        XCTAssertTrue(r.stdout.contains("ns per decision (best of 2)"), r.stdout)
    }

    func testWriteCasesNeedsExactlyOneDecision() throws {
        let r = try CLI.run(["bench", "--write-cases", "/tmp/never-written.jsonl"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("--write-cases takes exactly one decision id"), r.stderr)
    }

    func testNumericOptionsAreCheckedNotDefaulted() throws {
        for (args, message) in [(["bench", "--count", "1e5"], #"--count must be a whole number from 1 to 100000000, not "1e5""#),
                                (["bench", "geohazard.prevention-zone", "--profile-decision", "x"],
                                 #"--profile-decision must be a whole number from 1 to 1000, not "x""#),
                                (["eval", "geohazard.prevention-zone", "--batch", "--jobs", "0"], #"--jobs must be a whole number from 1 to 256, not "0""#)] {
            let r = try CLI.run(args, stdin: [])
            XCTAssertEqual(r.status, 2, args.joined(separator: " "))
            XCTAssertTrue(r.stderr.contains(message), r.stderr)
        }
    }
}
