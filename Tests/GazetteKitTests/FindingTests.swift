import XCTest
@testable import GazetteKit

final class FindingTests: XCTestCase {
    static let decision = RuleText.decision(
        inputs: #"""
        [{"name":"websites","type":"integer","exclusiveMin":0,"required":true},
         {"name":"sampled","type":"integer","min":0,"required":true},
         {"name":"risk","type":"enum","values":[{"code":"high","zh":"高","en":"high"},{"code":"low","zh":"低","en":"low"}]},
         {"name":"reportedOn","type":"date"}]
        """#,
        outputs: #"[{"name":"ratio","type":"decimal"},{"name":"deadline","type":"date"}]"#,
        steps: #"""
        [{"set":"ratio","expr":"sampled / websites","cite":"c"},
         {"set":"deadline","expr":"addDays(reportedOn, 10)","when":"present(reportedOn)"},
         {"finding":"LOW_SAMPLING","when":"ratio < 0.30","wording":"不低于"},
         {"finding":"RISK_NOTED","when":"present(risk) and risk = \"high\""}]
        """#,
        extra: #"""
        ,"findings":[
          {"code":"LOW_SAMPLING","severity":"violation","cite":"c",
           "message":{"zh":"抽查比例 {ratio} 低于 30%（{unknown}）。","en":"Sampling ratio {ratio} is below 30% ({unknown})."}},
          {"code":"RISK_NOTED","severity":"info","message":{"zh":"风险 {risk}","en":"risk {risk}"}}]
        """#)

    func book() throws -> Rulebook { try RuleText.load(Self.decision) }

    func testFindingFiresWithRenderedMessageSeverityAndCitation() throws {
        let r = try book().evaluate("t.case", json: #"{"websites":10,"sampled":2,"risk":"high"}"#).value()
        XCTAssertEqual(r.output("ratio"), num("0.2"))
        XCTAssertEqual(r.findings.map(\.code), ["LOW_SAMPLING", "RISK_NOTED"])
        let low = r.findings[0]
        XCTAssertEqual(low.severity, .violation)
        XCTAssertEqual(low.message.zh, "抽查比例 0.2 低于 30%（{unknown}）。", "unknown placeholders stay as written")
        XCTAssertEqual(low.message.en, "Sampling ratio 0.2 is below 30% ({unknown}).")
        XCTAssertEqual(low.citations.map(\.key), ["c"])
        XCTAssertEqual(r.findings[1].message.zh, "风险 高", "enum values by their label")
        XCTAssertEqual(r.findings[1].message.en, "risk high")
        XCTAssertEqual(r.findings[1].severity, .info)
    }

    func testFindingOnTheThresholdDoesNotFire() throws {
        let r = try book().evaluate("t.case", json: #"{"websites":10,"sampled":3}"#).value()
        XCTAssertEqual(r.output("ratio"), num("0.3"))
        XCTAssertEqual(r.findings.map(\.code), [])
        let trace = r.trace.first { $0.kind == .finding && $0.name == "LOW_SAMPLING" }
        XCTAssertEqual(trace?.result.first?.value, .bool(false))
    }

    func testSetWithFalseWhenGivesNull() throws {
        let without = try book().evaluate("t.case", json: #"{"websites":1,"sampled":1}"#).value()
        XCTAssertEqual(without.output("deadline"), .null)
        let with = try book().evaluate("t.case", json: #"{"websites":1,"sampled":1,"reportedOn":"2020-02-25"}"#).value()
        XCTAssertEqual(with.output("deadline"), day("2020-03-06"))
    }

    func testDivisionByAZeroInputIsRefusedAtTheInputNotMidway() throws {
        let e = try book().evaluate("t.case", json: #"{"websites":0,"sampled":0}"#).error()
        XCTAssertEqual(e?.code, .inputBounds)
        XCTAssertEqual(e?.path, "websites")
    }
}
