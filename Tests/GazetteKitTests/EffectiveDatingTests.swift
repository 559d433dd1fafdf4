import XCTest
@testable import GazetteKit

final class EffectiveDatingTests: XCTestCase {
    static let versions = #"""
    [{"id":"2018","effective":{"from":"2018-01-01","until":"2020-12-31"},"steps":[{"set":"rate","expr":"0.5"}]},
     {"id":"2021","effective":{"from":"2021-01-01","until":"2025-12-31"},"steps":[{"set":"rate","expr":"0.75"}]}]
    """#

    func book(asOfInput: Bool = true) throws -> Rulebook {
        try RuleText.load(RuleText.decision(
            inputs: #"[{"name":"tradeDate","type":"date"}]"#, outputs: #"[{"name":"rate","type":"decimal"}]"#,
            steps: "", versions: Self.versions, extra: asOfInput ? #","asOf":"tradeDate""# : ""))
    }

    func testTheVersionInForceOnTheCaseDateApplies() throws {
        let b = try book()
        XCTAssertEqual(try b.evaluate("t.case", json: #"{"tradeDate":"2020-12-31"}"#).value().output("rate"), num("0.5"))
        let r = try b.evaluate("t.case", json: #"{"tradeDate":"2021-01-01"}"#).value()
        XCTAssertEqual(r.output("rate"), num("0.75"))
        XCTAssertEqual(r.version, "2021")
        XCTAssertEqual(r.asOf, Day("2021-01-01"))
    }

    func testExplicitAsOfWinsOverTheCaseDate() throws {
        let b = try book()
        let r = try b.evaluate("t.case", json: #"{"tradeDate":"2021-06-01"}"#, asOf: Day("2019-06-01")).value()
        XCTAssertEqual(r.version, "2018")
        XCTAssertEqual(try b.evaluate("t.case", json: #"{"asOf":"2019-06-01"}"#).value().version, "2018")
    }

    func testNoVersionInForceListsTheVersions() throws {
        let b = try book()
        for date in ["2017-12-31", "2026-01-01"] {
            let e = b.evaluate("t.case", json: #"{"tradeDate":"\#(date)"}"#).error()
            XCTAssertEqual(e?.code, .noVersion)
            for part in [date, "t.case", "2018 (2018-01-01–2020-12-31)", "2021 (2021-01-01–2025-12-31)"] {
                XCTAssertEqual(e?.message.contains(part), true, "\(part) missing from: \(e?.message ?? "")")
            }
        }
    }

    func testWithoutADateTheRulebookTodayIsUsed() throws {
        var b = try book(asOfInput: false)
        b.today = Day("2022-03-01")!
        XCTAssertEqual(try b.evaluate("t.case", json: "{}").value().version, "2021")
        b.today = Day("2030-03-01")!
        XCTAssertEqual(b.evaluate("t.case", json: "{}").error()?.code, .noVersion)
    }
}
