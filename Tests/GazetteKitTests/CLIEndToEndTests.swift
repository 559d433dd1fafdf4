import Foundation
import XCTest
@testable import GazetteKit

/// Runs the built `gazette` binary on the samples and on hostile input.
final class CLIEndToEndTests: XCTestCase {
    let zone = "geohazard.prevention-zone"
    let highHundred = #"{"riskLevel":"high","affectedPeople":100}"#

    func json(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> JSONValue {
        do { return try JSONParser.parse(text) } catch {
            XCTFail("not JSON (\(error)): \(text.prefix(300))", file: file, line: line)
            throw error
        }
    }

    // MARK: eval

    func testEvalAnswersSecondaryWithTheMatchedRowAndCitedSentence() throws {
        let r = try CLI.run(["eval", zone, "--input", highHundred])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stderr, "")
        XCTAssertEqual(r.lines.count, 1, "JSON is the default when stdout is not a terminal")
        let j = try json(r.stdout)
        XCTAssertEqual(j["outputs"]?["zoneClass"], .string("secondary"))
        XCTAssertEqual(j["outputs"]?["zoneClassLabel"], .string("次重点"))
        guard case .array(let trace)? = j["trace"] else { return XCTFail("no trace") }
        let table = trace.first { $0["step"] == .string("table") && $0["result"]?["zoneClass"] != nil }
        XCTAssertEqual(table?["rows"], .array([.number("5")]), "row 5 is 30—100 people × high")
        guard case .string(let detail)? = table?["detail"] else { return XCTFail("no detail") }
        XCTAssertTrue(detail.contains("[30..100]"), detail)
        XCTAssertEqual(table?["cite"], .array([.string("annex")]))
        guard case .array(let cites)? = j["citations"] else { return XCTFail("no citations") }
        let annex = cites.first { $0["clause"] == .string("附件 地质灾害风险防范区管理分类表") }
        XCTAssertEqual(annex?["document"], .string("浙自然资规〔2021〕5号"))
        guard case .string(let text)? = annex?["text"] else { return XCTFail("the annex is not cited") }
        XCTAssertTrue(text.contains("30—100 人\t重点\t次重点\t一般"), text)
    }

    func testEvalTextFormat() throws {
        let r = try CLI.run(["eval", zone, "--input", highHundred, "--format", "text", "--lang", "en"])
        XCTAssertEqual(r.status, 0, r.stderr)
        for part in ["zoneClass) = secondary", "matched row 5", "[30..100]", "30—100 人\t重点\t次重点\t一般", "浙自然资规〔2021〕5号"] {
            XCTAssertTrue(r.stdout.contains(part), "\(part) missing from:\n\(r.stdout)")
        }
        let zh = try CLI.run(["eval", zone, "--input", highHundred, "--format", "text"])
        XCTAssertTrue(zh.stdout.contains("次重点"), zh.stdout)
        XCTAssertTrue(zh.stdout.contains("引用条文"), zh.stdout)
    }

    func testEvalSampleFileEchoesTheCaseId() throws {
        let r = try CLI.run(["eval", zone, "--file", PackagePaths.sample("geohazard/case.json"), "--as-of", "2021-08-01"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let j = try json(r.stdout)
        XCTAssertEqual(j["id"], .string("ZJ-2021-0001"))
        XCTAssertEqual(j["asOf"], .string("2021-08-01"))
        XCTAssertEqual(j["outputs"]?["zoneClass"], .string("secondary"))
    }

    func testInvalidCaseExitsTwoWithTheFieldOnStderr() throws {
        let r = try CLI.run(["eval", zone, "--input", #"{"riskLevel":"high","affectedPeople":-1}"#])
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(try json(r.stdout)["error"]?["code"], .string("INPUT_BOUNDS"))
        XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, "one sentence: \(r.stderr)")
        XCTAssertTrue(r.stderr.contains("affectedPeople"), r.stderr)
    }

    func testNoVersionBeforeTheNoticeExitsTwo() throws {
        let r = try CLI.run(["eval", zone, "--input", highHundred, "--as-of", "2020-01-01"])
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(try json(r.stdout)["error"]?["code"], .string("NO_VERSION"))
        XCTAssertTrue(r.stderr.contains("2021-07-20"), "names the versions: \(r.stderr)")
    }

    func testUsageErrorsExitTwoWithOneSentence() throws {
        let cases: [([String], String)] = [
            ([], "usage"),
            (["frobnicate"], "unknown command"),
            (["eval"], "decision id"),
            (["eval", "no.such-rule", "--input", "{}"], "no.such-rule"),
            (["eval", zone], "--input"),
            (["eval", zone, "--input", "{not json"], "not valid JSON"),
            (["eval", zone, "--input", highHundred, "--as-of", "2018-02-30"], "2018-02-30"),
            (["eval", zone, "--input", highHundred, "--format", "yaml"], "yaml"),
            (["eval", zone, "--input", highHundred, "--frobnicate"], "--frobnicate"),
            (["eval", zone, "--batch", "--jobs", "0"], "--jobs"),
            (["list", "--rules", "/nonexistent/rules"], "/nonexistent/rules"),
        ]
        for (args, mention) in cases {
            let r = try CLI.run(args)
            XCTAssertEqual(r.status, 2, "gazette \(args.joined(separator: " ")): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains(mention), "gazette \(args.joined(separator: " ")) stderr lacks \(mention): \(r.stderr)")
        }
    }

    // MARK: batch

    func testSampleBatchOneThousandLinesInOrder() throws {
        guard let data = FileManager.default.contents(atPath: PackagePaths.sample("geohazard/batch.jsonl")) else {
            return XCTFail("Samples/geohazard/batch.jsonl is missing")
        }
        let r = try CLI.run(["eval", zone, "--batch", "--jobs", "2"], stdin: [UInt8](data))
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stderr, "")
        let out = r.lines
        XCTAssertEqual(out.count, 1000)
        let inLines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        var malformed: [Int] = [], invalidCases = 0
        for (k, line) in out.enumerated() {
            let j = try json(line)
            XCTAssertEqual(j["line"], .number(String(k + 1)))
            if let caseJSON = try? JSONParser.parse(String(inLines[k])) {
                XCTAssertEqual(j["id"], caseJSON["id"], "line \(k + 1) echoes its id, judged or not")
                if j["error"] != nil { invalidCases += 1 }
            } else {
                malformed.append(k + 1)
                XCTAssertEqual(j["error"]?["code"], .string("MALFORMED_JSON"), "line \(k + 1): \(line)")
            }
        }
        XCTAssertTrue(malformed.contains(7) && malformed.contains(41), "\(malformed)")
        XCTAssertGreaterThan(invalidCases, 0, "the sample also holds cases that parse but cannot be judged")
    }

    func testBatchWithBadLines() throws {
        var input: [UInt8] = []
        input += Array(#"{"id":"a","riskLevel":"high","affectedPeople":100}"#.utf8) + [0x0A]
        input += Array(#"{"id":"b","riskLevel":"#.utf8) + [0x0A]
        input += [0x0A]
        input += Array(#"{"id":"c","riskLevel":"extreme","affectedPeople":5}"#.utf8) + [0x0D, 0x0A]
        input += [0xEF, 0xBB, 0xBF] + Array(#"{"id":"d","riskLevel":"中","affectedPeople":101}"#.utf8) + [0x0A]
        input += Array(#"{"id":"e","riskLevel":"high","affectedPeople":100,"pad":""#.utf8) + [UInt8](repeating: 0x78, count: 1_200_000) + Array("\"}\n".utf8)
        input += Array(#"{"id":"f","riskLevel":"low","affectedPeople":3}"#.utf8)
        let r = try CLI.run(["eval", zone, "--batch"], stdin: input)
        XCTAssertEqual(r.status, 0, r.stderr)
        let j = try r.lines.map { try json($0) }
        guard j.count == 7 else { return XCTFail("expected 7 lines, got \(j.count): \(r.stderr)") }
        XCTAssertEqual(j.map { $0["line"] }, (1...7).map { .number(String($0)) })
        XCTAssertEqual(j[0]["outputs"]?["zoneClass"], .string("secondary"))
        XCTAssertEqual(j[1]["error"]?["code"], .string("MALFORMED_JSON"))
        XCTAssertEqual(j[2]["error"]?["code"], .string("MALFORMED_JSON"))
        XCTAssertEqual(j[3]["outputs"]?["zoneClass"], .string("key"))
        XCTAssertEqual(j[4]["id"], .string("d"))
        XCTAssertEqual(j[4]["outputs"]?["zoneClass"], .string("secondary"))
        XCTAssertEqual(j[5]["error"]?["code"], .string("LINE_TOO_LONG"), "over the default 1 MiB")
        XCTAssertEqual(j[6]["id"], .string("f"))
        XCTAssertEqual(j[6]["outputs"]?["zoneClass"], .string("none"))

        let raised = try CLI.run(["eval", zone, "--batch", "--max-line-bytes", "2000000"], stdin: input)
        XCTAssertEqual(raised.status, 0, raised.stderr)
        let k = try raised.lines.map { try json($0) }
        guard k.count == 7 else { return XCTFail("expected 7 lines, got \(k.count): \(raised.stderr)") }
        XCTAssertEqual(k[5]["id"], .string("e"))
        XCTAssertEqual(k[5]["outputs"]?["zoneClass"], .string("secondary"), "judged under the raised limit")

        // Line 1 is exactly 50 bytes: within a 50-byte limit, over a 49-byte one.
        let atLimit = try CLI.run(["eval", zone, "--batch", "--max-line-bytes", "50"], stdin: input)
        XCTAssertEqual(try json(atLimit.lines.first ?? "")["outputs"]?["zoneClass"], .string("secondary"))
        let lowered = try CLI.run(["eval", zone, "--batch", "--max-line-bytes", "49"], stdin: input)
        let l = try lowered.lines.map { try json($0) }
        guard l.count == 7 else { return XCTFail("expected 7 lines, got \(l.count): \(lowered.stderr)") }
        XCTAssertEqual(l[0]["error"]?["code"], .string("LINE_TOO_LONG"), "a 50-byte line is over a 49-byte limit")
        XCTAssertEqual(l[6]["outputs"]?["zoneClass"], .string("none"), "a 47-byte line is not")
    }

    func testClosedPipeEndsQuietly() throws {
        let sample = PackagePaths.sample("geohazard/batch.jsonl")
        let r = try CLI.shell(#"""
        set -o pipefail
        cat "\#(sample)" "\#(sample)" "\#(sample)" | "$GAZETTE" eval geohazard.prevention-zone --batch | head -3
        """#)
        XCTAssertEqual(r.status, 0, "gazette exits 0 when the reader goes away: \(r.stderr)")
        XCTAssertEqual(r.stderr, "", "no broken-pipe noise")
        XCTAssertEqual(r.lines.count, 3)
        let list = try CLI.shell(#"set -o pipefail; "$GAZETTE" list | head -3"#)
        XCTAssertEqual(list.status, 0, list.stderr)
        XCTAssertEqual(list.stderr, "")
        XCTAssertEqual(list.lines.count, 3)
    }

    // MARK: test, list, rules location

    func testTestCommandPassesOnShippedRulesAndFailsOnABrokenExample() throws {
        let ok = try CLI.run(["test"])
        XCTAssertEqual(ok.status, 0, ok.stdout.suffix(2000) + ok.stderr)
        XCTAssertTrue(ok.stdout.contains(" 0 failed"), String(ok.stdout.suffix(300)))

        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-cli-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let d = RuleText.decision(inputs: #"[{"name":"x","type":"decimal","required":true}]"#, outputs: #"[{"name":"r","type":"decimal"}]"#,
                                  steps: #"[{"set":"r","expr":"x * 2"}]"#,
                                  extra: #","examples":[{"name":"doubles","input":{"x":2},"expect":{"outputs":{"r":4}}},{"name":"wrong on purpose","input":{"x":2},"expect":{"outputs":{"r":5}}}]"#)
        try Data(RuleText.file([d]).utf8).write(to: dir.appendingPathComponent("t.json"))
        let bad = try CLI.run(["test", "--rules", dir.path])
        XCTAssertEqual(bad.status, 1, bad.stdout + bad.stderr)
        XCTAssertTrue(bad.stdout.contains("FAIL t.case: wrong on purpose"), bad.stdout)
        XCTAssertTrue(bad.stdout.contains("expected 5, got 4"), bad.stdout)
        XCTAssertTrue(bad.stdout.contains("1 passed, 1 failed"), bad.stdout)

        // The same directory through GAZETTE_RULES, from another working directory.
        let env = try CLI.run(["test"], directory: dir.deletingLastPathComponent(), environment: ["GAZETTE_RULES": dir.path])
        XCTAssertEqual(env.status, 1)
        XCTAssertTrue(env.stdout.contains("1 passed, 1 failed"), env.stdout)
    }

    func testLintExitsOneOnBrokenRules() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-cli-lint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("{ \"document\": ".utf8).write(to: dir.appendingPathComponent("broken.json"))
        let r = try CLI.run(["lint", "--rules", dir.path])
        XCTAssertEqual(r.status, 1, r.stdout + r.stderr)
        XCTAssertTrue(r.stdout.contains("broken.json"), r.stdout)
    }

    func testListFindsTheRulesBesideTheBinaryFromAnyDirectory() throws {
        let r = try CLI.run(["list"], directory: FileManager.default.temporaryDirectory)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("geohazard.prevention-zone\t"), String(r.stdout.prefix(500)))
        XCTAssertTrue(r.lines.last?.hasSuffix("rule files") == true, r.lines.last ?? "")
    }

    func testEvalWithASingleRuleFile() throws {
        let r = try CLI.run(["eval", "website.rectification-report", "--rules", "Rules/website/zzbf-2017-115.json",
                             "--input", #"{"noticeDate":"2018-09-25"}"#])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try json(r.stdout)["outputs"]?["deadline"], .string("2018-10-19"), "the calendar beside the rules is found")
    }
}
