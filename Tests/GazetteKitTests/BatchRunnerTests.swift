import Foundation
import XCTest
@testable import GazetteKit

final class BatchRunnerTests: XCTestCase {
    static let id = "geohazard.prevention-zone"

    /// Runs `input` through a runner, feeding it `blockSize` bytes at a time; returns the output lines.
    func run(_ input: [UInt8], blockSize: Int = 1 << 16, jobs: Int = 1, maxLineBytes: Int = 1 << 20,
             chunkLines: Int = 8192) throws -> [String] {
        let runner = BatchRunner(rulebook: try ShippedRules.book(), decisionId: Self.id, asOf: Day("2021-08-01"),
                                 jobs: jobs, maxLineBytes: maxLineBytes, chunkLines: chunkLines)
        var offset = 0
        let sink = Sink()
        let n = runner.run(read: {
            let end = min(input.count, offset + blockSize)
            defer { offset = end }
            return Array(input[offset..<end])
        }, write: sink.write)
        let out = String(decoding: sink.bytes, as: UTF8.self)
        let lines = out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(lines.last, "", "output ends with a newline")
        XCTAssertEqual(n, lines.count - 1, "the count returned matches the lines written")
        return Array(lines.dropLast())
    }

    func parse(_ line: String) throws -> JSONValue { try JSONParser.parse(line) }

    func sample() throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: PackagePaths.sample("geohazard/batch.jsonl")) else {
            throw XCTSkip("Samples/geohazard/batch.jsonl is missing")
        }
        return [UInt8](data)
    }

    func testSampleBatchGivesOneLineOutPerLineInInOrder() throws {
        let input = try sample()
        let inLines = input.split(separator: 0x0A, omittingEmptySubsequences: false)
        let expected = input.last == 0x0A ? inLines.count - 1 : inLines.count
        XCTAssertEqual(expected, 1000)
        let out = try run(input, blockSize: 4093, jobs: 2, chunkLines: 300)
        guard out.count == 1000 else { return XCTFail("expected 1000 lines, got \(out.count)") }
        var errors = 0
        for (k, line) in out.enumerated() {
            let json = try parse(line)
            XCTAssertEqual(json["line"], .number(String(k + 1)))
            XCTAssertEqual(json["rule"], .string(Self.id))
            let source = inLines[k]
            if let caseJSON = try? JSONParser.parse(Array(source)), let id = caseJSON["id"] {
                XCTAssertEqual(json["id"], id, "line \(k + 1) echoes its case id")
            } else {
                errors += 1
                XCTAssertEqual(json["error"]?["code"], .string("MALFORMED_JSON"), "line \(k + 1): \(line)")
            }
        }
        XCTAssertGreaterThan(errors, 0, "the sample holds malformed lines")
        XCTAssertEqual(try parse(out[6])["error"]?["code"], .string("MALFORMED_JSON"))
        XCTAssertEqual(try parse(out[40])["error"]?["message"], .string("line 41 is empty"))
    }

    func testParallelAndSerialRunsAgree() throws {
        let input = try sample()
        XCTAssertEqual(try run(input, jobs: 1), try run(input, blockSize: 1000, jobs: 4, chunkLines: 128))
    }

    func testBadLines() throws {
        var input: [UInt8] = []
        input += Array(#"{"id":1,"riskLevel":"high","affectedPeople":100}"#.utf8) + [0x0A]             // 1 good
        input += Array(#"{"id":2,"riskLevel":"high","affectedPeople":"#.utf8) + [0x0A]                 // 2 malformed
        input += [0x0A]                                                                                 // 3 empty
        input += Array(#"{"id":4,"riskLevel":"extreme","affectedPeople":5}"#.utf8) + [0x0D, 0x0A]      // 4 CRLF
        input += [0xEF, 0xBB, 0xBF] + Array(#"{"id":5,"riskLevel":"中","affectedPeople":101}"#.utf8) + [0x0A] // 5 BOM
        input += Array(#"{"id":6,"riskLevel":"high","affectedPeople":-1}"#.utf8) + [0x0A]              // 6 invalid case
        input += Array("   \t".utf8) + [0x0D, 0x0A]                                                     // 7 blank
        input += Array(#"[1,2]"#.utf8) + [0x0A]                                                         // 8 not an object
        input += Array(#"{"id":"last","riskLevel":"low","affectedPeople":3}"#.utf8)                    // 9 no newline
        let out = try run(input, blockSize: 5)
        guard out.count == 9 else { return XCTFail("expected 9 lines: \(out.joined(separator: "\n"))") }
        let j = try out.map(parse)
        XCTAssertEqual(j.map { $0["line"] }, (1...9).map { .number(String($0)) })
        XCTAssertEqual(j[0]["outputs"]?["zoneClass"], .string("secondary"))
        XCTAssertEqual(j[1]["error"]?["code"], .string("MALFORMED_JSON"))
        XCTAssertEqual(j[2]["error"]?["code"], .string("MALFORMED_JSON"))
        XCTAssertEqual(j[3]["outputs"]?["zoneClass"], .string("key"), "a CRLF line is judged")
        XCTAssertEqual(j[3]["id"], .number("4"))
        XCTAssertEqual(j[4]["outputs"]?["zoneClass"], .string("secondary"), "a BOM-led line is judged")
        XCTAssertEqual(j[5]["error"]?["code"], .string("INPUT_BOUNDS"))
        XCTAssertEqual(j[5]["error"]?["path"], .string("affectedPeople"))
        XCTAssertEqual(j[5]["id"], .number("6"), "an invalid case keeps its id")
        XCTAssertEqual(j[6]["error"]?["code"], .string("MALFORMED_JSON"))
        XCTAssertEqual(j[7]["error"]?["code"], .string("NOT_AN_OBJECT"))
        XCTAssertEqual(j[8]["id"], .string("last"))
        XCTAssertEqual(j[8]["outputs"]?["zoneClass"], .string("none"))
    }

    func testOverlongLinesAreRefusedAndTheRunGoesOn() throws {
        let good = Array(#"{"riskLevel":"high","affectedPeople":100}"#.utf8)
        let long = Array(#"{"riskLevel":"high","affectedPeople":100,"pad":""#.utf8) + [UInt8](repeating: 0x61, count: 2_000_000) + Array(#""}"#.utf8)
        let input = good + [0x0A] + long + [0x0A] + good + [0x0A] + long
        for blockSize in [1 << 20, 333] {
            let out = try run(input, blockSize: blockSize, maxLineBytes: 1 << 20)
            guard out.count == 4 else { return XCTFail("expected 4 lines, got \(out.count)") }
            let j = try out.map(parse)
            XCTAssertEqual(j[0]["outputs"]?["zoneClass"], .string("secondary"))
            XCTAssertEqual(j[1]["error"]?["code"], .string("LINE_TOO_LONG"))
            guard case .string(let m)? = j[1]["error"]?["message"] else { return XCTFail("no message") }
            XCTAssertTrue(m.contains("\(long.count) bytes"), m)
            XCTAssertEqual(j[2]["outputs"]?["zoneClass"], .string("secondary"))
            XCTAssertEqual(j[3]["error"]?["code"], .string("LINE_TOO_LONG"), "a too-long last line without newline")
        }
        // Under a larger limit the same line is judged (its unknown field is a warning).
        let out = try run(long + [0x0A], maxLineBytes: 4 << 20)
        XCTAssertEqual(try parse(out.first ?? "")["outputs"]?["zoneClass"], .string("secondary"))
    }

    func testEmptyInputGivesNoOutput() throws {
        XCTAssertEqual(try run([]), [])
    }

    func testAClosedOutputStopsTheRun() throws {
        let runner = BatchRunner(rulebook: try ShippedRules.book(), decisionId: Self.id, chunkLines: 2)
        let line = Array(#"{"riskLevel":"high","affectedPeople":100}"#.utf8) + [0x0A]
        var blocks = Array(repeating: line, count: 10)
        let sink = Sink(accepting: false)
        runner.run(read: { blocks.isEmpty ? [] : blocks.removeFirst() }, write: sink.write)
        XCTAssertEqual(sink.writes, 1, "nothing more is written after the first refusal")
        XCTAssertFalse(blocks.isEmpty, "and the input is not read to the end")
    }

    func testExplainAddsTraceAndCitations() throws {
        let runner = BatchRunner(rulebook: try ShippedRules.book(), decisionId: Self.id, explain: true)
        let j = try parse(runner.judgeLine(Array(#"{"riskLevel":"high","affectedPeople":100}"#.utf8), number: 1))
        XCTAssertNotNil(j["trace"])
        XCTAssertNotNil(j["citations"])
        let plain = BatchRunner(rulebook: try ShippedRules.book(), decisionId: Self.id)
        let p = try parse(plain.judgeLine(Array(#"{"riskLevel":"high","affectedPeople":100}"#.utf8), number: 1))
        XCTAssertNil(p["trace"])
        XCTAssertNil(p["citations"])
    }
}

/// Collects what a batch run writes, whether it hands over text or bytes.
private final class Sink {
    var bytes: [UInt8] = []
    var writes = 0
    let accepting: Bool

    init(accepting: Bool = true) { self.accepting = accepting }

    func write(_ text: String) -> Bool { write(Array(text.utf8)) }

    func write(_ chunk: [UInt8]) -> Bool {
        writes += 1
        bytes += chunk
        return accepting
    }
}
