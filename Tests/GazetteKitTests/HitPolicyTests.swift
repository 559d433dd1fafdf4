import XCTest
@testable import GazetteKit

final class HitPolicyTests: XCTestCase {
    static let xInput = #"[{"name":"x","type":"decimal","required":true}]"#

    /// A decision with one table over input `x`, giving output `r` (declared with `outputType`).
    func book(policy: String, rows: String, outputType: String = #"{"name":"r","type":"string"}"#,
              extra: String = "") throws -> Rulebook {
        let table = #"{"table":{"name":"m","hitPolicy":"\#(policy)","inputs":["x"],"outputs":["r"],"rows":\#(rows)\#(extra)}}"#
        return try RuleText.load(RuleText.decision(inputs: Self.xInput, outputs: "[\(outputType)]", steps: "[\(table)]"))
    }

    func r(_ book: Rulebook, _ x: String, file: StaticString = #filePath, line: UInt = #line) throws -> Value? {
        try book.evaluate("t.case", json: #"{"x":\#(x)}"#).value(file: file, line: line).output("r")
    }

    let bands = #"""
    [{"when":["< 10"],"then":{"r":"low"}},
     {"when":["[10..20]"],"then":{"r":"mid"}},
     {"when":[">= 20"],"then":{"r":"high"}}]
    """#

    func testUniqueGivesTheOneMatchingRow() throws {
        let b = try book(policy: "unique", rows: bands)
        XCTAssertEqual(try r(b, "9.99"), .string("low"))
        XCTAssertEqual(try r(b, "10"), .string("mid"))
        XCTAssertEqual(try r(b, "19.5"), .string("mid"))
        XCTAssertEqual(try r(b, "21"), .string("high"))
    }

    func testUniqueWithTwoMatchingRowsIsAnErrorNamingRowsDecisionAndInputs() throws {
        let b = try book(policy: "unique", rows: bands)
        let e = b.evaluate("t.case", json: #"{"x":20}"#).error()
        XCTAssertEqual(e?.code, .multipleMatch)
        XCTAssertEqual(e?.message.contains("rows 2 and 3"), true, e?.message ?? "")
        XCTAssertEqual(e?.message.contains("t.case"), true, e?.message ?? "")
        XCTAssertEqual(e?.message.contains("x = 20"), true, e?.message ?? "")
    }

    func testNoMatchIsAnErrorNamingTheRuleAndInputs() throws {
        let b = try book(policy: "unique", rows: #"[{"when":["< 10"],"then":{"r":"low"}}]"#)
        let e = b.evaluate("t.case", json: #"{"x":10}"#).error()
        XCTAssertEqual(e?.code, .noMatch)
        XCTAssertEqual(e?.message.contains("t.case"), true, e?.message ?? "")
        XCTAssertEqual(e?.message.contains("table m"), true, e?.message ?? "")
        XCTAssertEqual(e?.message.contains("x = 10"), true, e?.message ?? "")
        for policy in ["first", "any", "priority"] {
            let out = policy == "priority" ? #"{"name":"r","type":"enum","values":[{"code":"low"}]}"# : #"{"name":"r","type":"string"}"#
            let b2 = try book(policy: policy, rows: #"[{"when":["< 10"],"then":{"r":"low"}}]"#, outputType: out)
            XCTAssertEqual(b2.evaluate("t.case", json: #"{"x":10}"#).error()?.code, .noMatch, policy)
        }
    }

    func testTableDefaultAnswersWhenNoRowMatches() throws {
        let b = try book(policy: "unique", rows: #"[{"when":["< 10"],"then":{"r":"low"}}]"#, extra: #","default":{"r":"other"}"#)
        XCTAssertEqual(try r(b, "5"), .string("low"))
        XCTAssertEqual(try r(b, "10"), .string("other"))
        let trace = try b.evaluate("t.case", json: #"{"x":10}"#).value().trace
        XCTAssertEqual(trace.first { $0.kind == .table }?.detail.contains("default"), true)
    }

    func testFirstTakesTheFirstMatchInRowOrder() throws {
        let rows = #"""
        [{"when":[">= 100"],"then":{"r":"big"}},
         {"when":[">= 10"],"then":{"r":"medium"}},
         {"when":["-"],"then":{"r":"small"}}]
        """#
        let b = try book(policy: "first", rows: rows)
        XCTAssertEqual(try r(b, "100"), .string("big"))
        XCTAssertEqual(try r(b, "99"), .string("medium"))
        XCTAssertEqual(try r(b, "9"), .string("small"))
        let trace = try b.evaluate("t.case", json: #"{"x":100}"#).value().trace
        XCTAssertEqual(trace.first { $0.kind == .table }?.rows, [1], "only the winning row is reported")
    }

    func testPriorityTakesTheMatchEarliestInTheOutputValues() throws {
        let out = #"{"name":"r","type":"enum","values":[{"code":"key"},{"code":"secondary"},{"code":"general"}]}"#
        let rows = #"""
        [{"when":[">= 10"],"then":{"r":"general"}},
         {"when":[">= 50"],"then":{"r":"key"}},
         {"when":[">= 20"],"then":{"r":"secondary"}}]
        """#
        let b = try book(policy: "priority", rows: rows, outputType: out)
        XCTAssertEqual(try r(b, "60"), .string("key"))
        XCTAssertEqual(try r(b, "30"), .string("secondary"))
        XCTAssertEqual(try r(b, "10"), .string("general"))
    }

    func testPriorityNeedsAnEnumFirstOutput() {
        let errs = RuleText.loadErrors([("t.json", RuleText.file([RuleText.decision(
            inputs: Self.xInput, outputs: #"[{"name":"r","type":"string"}]"#,
            steps: #"[{"table":{"hitPolicy":"priority","inputs":["x"],"outputs":["r"],"rows":[{"when":["-"],"then":{"r":"a"}}]}}]"#)]))])
        XCTAssertEqual(errs.first?.message.contains("priority"), true, errs.description)
    }

    func testAnyAcceptsAgreeingRowsAndRefusesConflicts() throws {
        let rows = #"""
        [{"when":["< 10"],"then":{"r":"low"}},
         {"when":["< 5"],"then":{"r":"low"}},
         {"when":["[3..4]"],"then":{"r":"odd"}},
         {"when":[">= 10"],"then":{"r":"high"}}]
        """#
        let b = try book(policy: "any", rows: rows)
        XCTAssertEqual(try r(b, "2"), .string("low"), "rows 1 and 2 agree")
        XCTAssertEqual(try r(b, "12"), .string("high"))
        let e = b.evaluate("t.case", json: #"{"x":3}"#).error()
        XCTAssertEqual(e?.code, .conflictingMatch)
        XCTAssertEqual(e?.message.contains("t.case"), true, e?.message ?? "")
        XCTAssertEqual(e?.message.contains("x = 3"), true, e?.message ?? "")
    }

    let amounts = #"""
    [{"when":[">= 0"],"then":{"r":1.5}},
     {"when":[">= 10"],"then":{"r":2.25}},
     {"when":[">= 20"],"then":{"r":0.5}}]
    """#

    func collect(_ aggregation: String, outputType: String) throws -> Rulebook {
        try book(policy: "collect", rows: amounts, outputType: outputType, extra: #","aggregation":"\#(aggregation)""#)
    }

    func testCollectSum() throws {
        let b = try collect("sum", outputType: #"{"name":"r","type":"decimal"}"#)
        XCTAssertEqual(try r(b, "25"), num("4.25"))
        XCTAssertEqual(try r(b, "15"), num("3.75"))
        XCTAssertEqual(try r(b, "-1"), num("0"), "no match sums to zero")
    }

    func testCollectMinAndMax() throws {
        let mn = try collect("min", outputType: #"{"name":"r","type":"decimal"}"#)
        XCTAssertEqual(try r(mn, "25"), num("0.5"))
        XCTAssertEqual(try r(mn, "15"), num("1.5"))
        XCTAssertEqual(try r(mn, "-1"), .null, "no match has no minimum")
        let mx = try collect("max", outputType: #"{"name":"r","type":"decimal"}"#)
        XCTAssertEqual(try r(mx, "25"), num("2.25"))
        XCTAssertEqual(try r(mx, "5"), num("1.5"))
    }

    func testCollectCount() throws {
        let b = try collect("count", outputType: #"{"name":"r","type":"integer"}"#)
        XCTAssertEqual(try r(b, "25"), num("3"))
        XCTAssertEqual(try r(b, "10"), num("2"))
        XCTAssertEqual(try r(b, "-1"), num("0"))
    }

    func testCollectWithoutAggregationGivesTheListInRowOrder() throws {
        let b = try book(policy: "collect", rows: amounts, outputType: #"{"name":"r","type":"list","items":{"type":"decimal"}}"#)
        XCTAssertEqual(try r(b, "25"), .list([num("1.5"), num("2.25"), num("0.5")]))
        XCTAssertEqual(try r(b, "15"), .list([num("1.5"), num("2.25")]))
        XCTAssertEqual(try r(b, "-1"), .list([]))
    }

    func testCollectIntoALocalNameReadByALaterStep() throws {
        let rows = amounts.replacingOccurrences(of: #""r":"#, with: #""hits":"#)
        let table = #"{"table":{"name":"m","hitPolicy":"collect","inputs":["x"],"outputs":["hits"],"rows":\#(rows)}}"#
        let b = try RuleText.load(RuleText.decision(
            inputs: Self.xInput, outputs: #"[{"name":"r","type":"decimal"}]"#,
            steps: #"[\#(table),{"set":"r","expr":"sum(hits)"}]"#))
        XCTAssertEqual(try r(b, "25"), num("4.25"))
    }

    func testAggregationOnlyUnderCollect() {
        let errs = RuleText.loadErrors([("t.json", RuleText.file([RuleText.decision(
            inputs: Self.xInput, outputs: #"[{"name":"r","type":"decimal"}]"#,
            steps: #"[{"table":{"hitPolicy":"unique","aggregation":"sum","inputs":["x"],"outputs":["r"],"rows":[{"when":["-"],"then":{"r":1}}]}}]"#)]))])
        XCTAssertEqual(errs.first?.path.hasSuffix(".aggregation"), true, errs.description)
    }

    func testMatchedRowAndCitationAppearInTheResult() throws {
        let rows = #"[{"when":["< 10"],"then":{"r":"low"},"cite":"c"},{"when":[">= 10"],"then":{"r":"high"}}]"#
        let b = try book(policy: "unique", rows: rows)
        let res = try b.evaluate("t.case", json: #"{"x":3}"#).value()
        let step = res.trace.first { $0.kind == .table }
        XCTAssertEqual(step?.rows, [1])
        XCTAssertEqual(step?.cite, ["c"])
        XCTAssertEqual(res.citations.map(\.text), ["测试条文。"])
    }

    func testEnumColumnsMatchLabelsInTheCase() throws {
        let inputs = #"[{"name":"risk","type":"enum","required":true,"values":[{"code":"high","zh":"高"},{"code":"low","zh":"低"}]}]"#
        let table = #"{"table":{"hitPolicy":"unique","inputs":["risk"],"outputs":["r"],"rows":[{"when":["高"],"then":{"r":"h"}},{"when":["low"],"then":{"r":"l"}}]}}"#
        let b = try RuleText.load(RuleText.decision(inputs: inputs, outputs: #"[{"name":"r","type":"string"}]"#, steps: "[\(table)]"))
        XCTAssertEqual(try b.evaluate("t.case", json: #"{"risk":"high"}"#).value().output("r"), .string("h"))
        XCTAssertEqual(try b.evaluate("t.case", json: #"{"risk":"低"}"#).value().output("r"), .string("l"))
    }
}
