import XCTest
@testable import GazetteKit

final class InputValidationTests: XCTestCase {
    static let inputs = #"""
    [{"name":"people","type":"integer","label":{"zh":"人数","en":"people"},"unit":"人","min":0,"max":1000,"required":true},
     {"name":"ratio","type":"decimal","exclusiveMin":0,"exclusiveMax":1},
     {"name":"risk","type":"enum","values":[{"code":"high","zh":"高","en":"high","aliases":["高风险"]},{"code":"low","zh":"低","en":"low"}]},
     {"name":"on","type":"date"},
     {"name":"q","type":"quarter"},
     {"name":"flag","type":"boolean","default":true},
     {"name":"at","type":"datetime"},
     {"name":"items","type":"list","maxItems":3,"items":{"type":"object","fields":[
        {"name":"date","type":"date","required":true},{"name":"n","type":"integer","min":1}]}}]
    """#

    static let book: Result<Rulebook, LoadErrors> = {
        do throws(LoadErrors) {
            return .success(try RuleText.load(RuleText.decision(
                inputs: inputs, outputs: #"[{"name":"big","type":"boolean"},{"name":"f","type":"boolean"}]"#,
                steps: #"[{"set":"big","expr":"people > 100"},{"set":"f","expr":"flag"}]"#)))
        } catch { return .failure(error) }
    }()

    func error(_ json: String, file: StaticString = #filePath, line: UInt = #line) throws -> EvaluationError? {
        try Self.book.get().evaluate("t.case", json: json).error(file: file, line: line)
    }

    func assertError(_ json: String, _ code: EvaluationError.Code, path: String, mentions: [String] = [],
                     file: StaticString = #filePath, line: UInt = #line) throws {
        let e = try error(json, file: file, line: line)
        XCTAssertEqual(e?.code, code, e?.message ?? "", file: file, line: line)
        XCTAssertEqual(e?.path, path, file: file, line: line)
        for m in mentions + [path] {
            XCTAssertEqual(e?.message.contains(m), true, "message should mention \(m): \(e?.message ?? "")", file: file, line: line)
        }
    }

    func testValidCaseIsJudged() throws {
        let r = try Self.book.get().evaluate("t.case", json: #"{"people":101,"ratio":0.5,"risk":"高风险","on":"2020-02-29","q":"2018Q2","items":[{"date":"2018-01-01"}]}"#).value()
        XCTAssertEqual(r.output("big"), .bool(true))
        XCTAssertEqual(r.output("f"), .bool(true), "the default applies")
        XCTAssertTrue(r.findings.isEmpty)
    }

    func testMissingRequiredInput() throws {
        try assertError(#"{}"#, .inputMissing, path: "people", mentions: ["人数", "t.case"])
        try assertError(#"{"people":null}"#, .inputMissing, path: "people")
    }

    func testWrongType() throws {
        try assertError(#"{"people":"5"}"#, .inputType, path: "people", mentions: ["whole number"])
        try assertError(#"{"people":5.5}"#, .inputType, path: "people", mentions: ["whole number"])
        try assertError(#"{"people":5,"ratio":true}"#, .inputType, path: "ratio")
        try assertError(#"{"people":5,"flag":"yes"}"#, .inputType, path: "flag")
        try assertError(#"{"people":5,"on":20180101}"#, .inputType, path: "on")
        try assertError(#"{"people":5,"items":{}}"#, .inputType, path: "items")
    }

    func testIntegerWrittenWithZeroFractionIsAccepted() throws {
        XCTAssertEqual(try Self.book.get().evaluate("t.case", json: #"{"people":100.0}"#).value().output("big"), .bool(false))
    }

    func testBoundsBothSidesInclusiveAndExclusive() throws {
        try assertError(#"{"people":-1}"#, .inputBounds, path: "people", mentions: ["≥ 0", "人"])
        try assertError(#"{"people":1001}"#, .inputBounds, path: "people", mentions: ["≤ 1000"])
        XCTAssertNoThrow(try Self.book.get().evaluate("t.case", json: #"{"people":0}"#).value())
        XCTAssertNoThrow(try Self.book.get().evaluate("t.case", json: #"{"people":1000}"#).value())
        try assertError(#"{"people":1,"ratio":0}"#, .inputBounds, path: "ratio", mentions: ["> 0"])
        try assertError(#"{"people":1,"ratio":1}"#, .inputBounds, path: "ratio", mentions: ["< 1"])
        XCTAssertNoThrow(try Self.book.get().evaluate("t.case", json: #"{"people":1,"ratio":0.999}"#).value())
    }

    func testEnumNamesTheAllowedValues() throws {
        try assertError(#"{"people":1,"risk":"hgh"}"#, .inputEnum, path: "risk", mentions: ["hgh", "high", "low"])
        for spelling in ["high", "高", "高风险", "HIGH"] {
            XCTAssertNoThrow(try Self.book.get().evaluate("t.case", json: #"{"people":1,"risk":"\#(spelling)"}"#).value(), spelling)
        }
    }

    func testImpossibleDate() throws {
        try assertError(#"{"people":1,"on":"2018-02-30"}"#, .inputFormat, path: "on", mentions: ["2018-02-30"])
        try assertError(#"{"people":1,"on":"2018-2-3"}"#, .inputFormat, path: "on")
    }

    func testBadQuarter() throws {
        try assertError(#"{"people":1,"q":"2018Q5"}"#, .inputFormat, path: "q", mentions: ["2018Q5"])
        try assertError(#"{"people":1,"q":"2018-Q2"}"#, .inputFormat, path: "q")
    }

    func testBadDatetime() throws {
        try assertError(#"{"people":1,"at":"2018-05-01 25:00"}"#, .inputFormat, path: "at")
    }

    func testListItemsAreCheckedWithTheirPath() throws {
        try assertError(#"{"people":1,"items":[{"date":"2018-01-01"},{"date":"2018-02-30"}]}"#, .inputFormat, path: "items[1].date")
        try assertError(#"{"people":1,"items":[{"date":"2018-01-01","n":0}]}"#, .inputBounds, path: "items[0].n")
        try assertError(#"{"people":1,"items":[{"n":2}]}"#, .inputMissing, path: "items[0].date")
        try assertError(#"{"people":1,"items":[{"date":"2018-01-01","x":1}]}"#, .inputType, path: "items[0].x")
        try assertError(#"{"people":1,"items":[{"date":"2018-01-01"},{"date":"2018-01-01"},{"date":"2018-01-01"},{"date":"2018-01-01"}]}"#,
                        .inputBounds, path: "items", mentions: ["at most 3"])
    }

    func testUnknownFieldsAreAWarningNotAnError() throws {
        let r = try Self.book.get().evaluate("t.case", json: #"{"people":1,"peopel":2,"id":"c-1"}"#).value()
        XCTAssertEqual(r.findings.map(\.code), ["UNKNOWN_FIELD"])
        XCTAssertEqual(r.findings.first?.severity, .warning)
        XCTAssertEqual(r.findings.first?.message.en.contains("peopel"), true)
        XCTAssertEqual(r.findings.first?.message.en.contains("id"), false, "id is reserved")
    }

    func testCaseMustBeAnObjectAndValidJSON() throws {
        XCTAssertEqual(try error("[1]")?.code, .notAnObject)
        XCTAssertEqual(try error("{")?.code, .malformedJSON)
    }

    func testDecimalFromJSONComparesExactly() throws {
        let b = try RuleText.load(RuleText.decision(
            inputs: #"[{"name":"intensity","type":"decimal","required":true}]"#,
            outputs: #"[{"name":"above","type":"boolean"},{"name":"equal","type":"boolean"}]"#,
            steps: #"[{"set":"above","expr":"intensity > 0.6"},{"set":"equal","expr":"intensity = 0.6"}]"#))
        let at = try b.evaluate("t.case", json: #"{"intensity":0.6}"#).value()
        XCTAssertEqual(at.output("above"), .bool(false))
        XCTAssertEqual(at.output("equal"), .bool(true))
        let over = try b.evaluate("t.case", json: #"{"intensity":0.6000000000000000000001}"#).value()
        XCTAssertEqual(over.output("above"), .bool(true))
        XCTAssertEqual(try b.evaluate("t.case", json: #"{"intensity":6e-1}"#).value().output("equal"), .bool(true))
    }

    func testConstraintsRejectTheCaseOnTheirPath() throws {
        let b = try RuleText.load(RuleText.decision(
            inputs: #"[{"name":"websites","type":"integer","min":1,"required":true},{"name":"sampled","type":"integer","min":0,"required":true}]"#,
            outputs: #"[{"name":"ratio","type":"decimal"}]"#, steps: #"[{"set":"ratio","expr":"sampled / websites"}]"#,
            extra: #","constraints":[{"when":"sampled > websites","path":"sampled","message":{"zh":"抽查数超过网站数","en":"more sampled than exist"}}]"#))
        let e = b.evaluate("t.case", json: #"{"websites":3,"sampled":4}"#).error()
        XCTAssertEqual(e?.code, .inputConstraint)
        XCTAssertEqual(e?.path, "sampled")
        XCTAssertEqual(try b.evaluate("t.case", json: #"{"websites":3,"sampled":3}"#).value().output("ratio"), num("1"))
    }
}
