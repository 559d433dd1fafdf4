import XCTest
@testable import GazetteKit

final class ResultJSONTests: XCTestCase {
    static let decision = RuleText.decision(
        inputs: #"[{"name":"x","type":"decimal","required":true},{"name":"on","type":"date"}]"#,
        outputs: #"[{"name":"half","type":"decimal"},{"name":"third","type":"decimal"},{"name":"due","type":"date"},{"name":"label","type":"string"}]"#,
        steps: #"[{"set":"half","expr":"x / 2"},{"set":"third","expr":"x / 3"},{"set":"due","expr":"addMonths(on, 1)","when":"present(on)"},{"set":"label","expr":"\"引号\\\"与\\\\反斜杠\""}]"#,
        extra: #","findings":[{"code":"BIG","severity":"warning","cite":"c","message":{"zh":"x 为 {x}","en":"x is {x}"}}]"#)

    func render(_ json: String, line: Int? = nil, explain: Bool = false) throws -> String {
        let book = try RuleText.load(Self.decision)
        let parsed = try JSONParser.parse(json)
        return ResultJSON.render(Outcome(caseId: parsed["id"], decisionId: "t.case", result: book.evaluate("t.case", case: parsed, explain: explain)),
                                 line: line, explain: explain)
    }

    func testDecimalsAreWrittenExactly() throws {
        let text = try render(#"{"x":3}"#)
        XCTAssertTrue(text.contains(#""half":1.5"#), text)
        XCTAssertTrue(text.contains(#""third":1,"#), text)
        let t2 = try render(#"{"x":1}"#)
        XCTAssertTrue(t2.contains(#""half":0.5"#), t2)
        XCTAssertTrue(t2.contains(#""third":0.3333333333333333333333333333"#), t2)
        let t3 = try render(#"{"x":0.1}"#)
        XCTAssertTrue(t3.contains(#""half":0.05"#), t3)
    }

    func testOutputIsValidJSONWithEscapesAndNulls() throws {
        let text = try render(#"{"id":"c-1","x":1,"on":"2018-01-31"}"#, line: 7)
        let j = try JSONParser.parse(text)
        XCTAssertEqual(j["line"], .number("7"))
        XCTAssertEqual(j["id"], .string("c-1"))
        XCTAssertEqual(j["rule"], .string("t.case"))
        XCTAssertEqual(j["outputs"]?["due"], .string("2018-02-28"))
        XCTAssertEqual(j["outputs"]?["label"], .string("引号\"与\\反斜杠"))
        let noDate = try JSONParser.parse(try render(#"{"x":1}"#))
        XCTAssertEqual(noDate["outputs"]?["due"], .null)
        XCTAssertNil(noDate["line"], "no line outside batch mode")
    }

    func testErrorsCarryCodePathAndMessage() throws {
        let j = try JSONParser.parse(try render(#"{"id":5,"x":"a"}"#, line: 2))
        XCTAssertEqual(j["id"], .number("5"))
        XCTAssertEqual(j["error"]?["code"], .string("INPUT_TYPE"))
        XCTAssertEqual(j["error"]?["path"], .string("x"))
        XCTAssertNotNil(j["error"]?["message"])
        XCTAssertNil(j["outputs"])
    }

    func testExplainAddsTraceAndCitations() throws {
        let j = try JSONParser.parse(try render(#"{"x":1}"#, explain: true))
        guard case .array(let trace)? = j["trace"], case .array(let cites)? = j["citations"] else { return XCTFail("no trace or citations") }
        XCTAssertEqual(trace.first?["step"], .string("input"))
        XCTAssertTrue(trace.contains { $0["name"] == .string("half") && $0["detail"] == .string("x / 2") })
        XCTAssertEqual(cites.first?["text"], .string("测试条文。"))
        XCTAssertEqual(cites.first?["document"], .string("测试〔2024〕1号"))
        XCTAssertEqual(cites.first?["line"], .number("1"))
    }
}
