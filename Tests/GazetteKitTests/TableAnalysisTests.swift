import Foundation
import XCTest
@testable import GazetteKit

/// Gaps, overlaps, shadowed and dead rows, and monotonicity: each fixture is broken in one way and the
/// finding must name the rows and a witness case.
final class TableAnalysisTests: XCTestCase {
    typealias F = LintFixture

    // MARK: The clean baseline every other fixture departs from

    func testBaselineBandTableLintsClean() throws {
        let d = F.table(inputs: [F.input("x", "decimal", #""min":0"#)], rows: F.rows([("< 10", "low"), (">= 10", "high")]),
                        examples: F.examples([("9", "low"), ("10", "high"), ("11", "high")]))
        let found = try F.lint(d)
        XCTAssertTrue(found.isEmpty, found.dump)
    }

    // MARK: Gaps

    /// The energy rule's idea: 高于 0.6 and 低于 0.6 both leave 0.6 out (issue 5's "done when").
    func energyLike(gaps: String = "") -> String {
        F.table(inputs: [F.input("intensity", "decimal", #""min":0"#)], columns: ["intensity"],
                rows: F.rows([("< 0.6", "free"), ("> 0.6", "paid")]),
                examples: F.examples([("0.59", "free"), ("0.61", "paid")], on: "intensity"), extra: gaps)
    }

    func testGapAtADecimalBoundIsAnErrorWithTheWitnessAndAStub() throws {
        let found = try F.lint(energyLike())
        XCTAssertEqual(found.errorCodes, ["TABLE_GAP"], found.dump)
        let gap = found.one("TABLE_GAP")
        XCTAssertEqual(gap?.level, .error)
        XCTAssertEqual(gap?.decision, "t.case")
        XCTAssertEqual(gap?.message.contains("no row matches intensity = 0.6;"), true, gap?.message ?? "")
        XCTAssertEqual(gap?.message.contains("table m (version v1)"), true, gap?.message ?? "")
        XCTAssertEqual(gap?.stub?.contains(#""input": { "intensity": 0.6 }"#), true, gap?.stub ?? "no stub")
    }

    func testDeclaredGapIsAccepted() throws {
        let declared = try F.lint(energyLike(gaps: #","gaps":[{"when":{"intensity":"0.6"},"reason":"高于/低于 0.6 both exclude 0.6"}]"#))
        XCTAssertEqual(declared.errorCodes, [], declared.dump)
        // A declared gap elsewhere does not cover 0.6.
        let elsewhere = try F.lint(energyLike(gaps: #","gaps":[{"when":{"intensity":"0.7"},"reason":"not the hole"}]"#))
        XCTAssertEqual(elsewhere.one("TABLE_GAP")?.message.contains("intensity = 0.6"), true, elsewhere.dump)
    }

    func bands(_ type: String, low: String = "<= 29") -> String {
        F.table(inputs: [F.input("x", type)], rows: F.rows([(low, "general"), ("[30..100]", "secondary"), ("> 100", "key")]),
                examples: F.examples([("28", "general"), ("29", "general"), ("30", "secondary"), ("31", "secondary"),
                                      ("99", "secondary"), ("100", "secondary"), ("101", "key")]))
    }

    func testIntegerBandsLeaveNoGapButTheSameCellsOnDecimalsDo() throws {
        let integer = try F.lint(bands("integer"))
        XCTAssertTrue(integer.isEmpty, "over the integers nothing lies between 29 and 30:\n" + integer.dump)

        let decimal = try F.lint(bands("decimal"))
        XCTAssertEqual(decimal.errorCodes, ["TABLE_GAP"], decimal.dump)
        let gap = decimal.one("TABLE_GAP")
        XCTAssertEqual(gap?.message.contains("no row matches x = 29.5;"), true, gap?.message ?? "")
        XCTAssertEqual(gap?.stub?.contains(#""x": 29.5"#), true, gap?.stub ?? "no stub")

        // `< 30` then `[30..100]` meet exactly, on decimals too.
        let meeting = try F.lint(bands("decimal", low: "< 30"))
        XCTAssertEqual(meeting.with("TABLE_GAP").count, 0, meeting.dump)
    }

    func testDeclaredBoundsLimitTheDomain() throws {
        func d(_ bounds: String) -> String {
            F.table(inputs: [F.input("x", "integer", bounds)], rows: F.rows([("[0..10]", "a"), ("> 10", "b")]),
                    examples: F.examples([("0", "a"), ("1", "a"), ("9", "a"), ("10", "a"), ("11", "b")]))
        }
        let bounded = try F.lint(d(#""min":0"#))
        XCTAssertTrue(bounded.isEmpty, "min 0: nothing below 0 is a gap\n" + bounded.dump)
        let free = try F.lint(d(""))
        XCTAssertEqual(free.one("TABLE_GAP")?.message.contains("no row matches x = -1;"), true, free.dump)
        // An exclusive maximum ends the domain too: `(10..50)` then covers everything above 10.
        let capped = F.table(inputs: [F.input("x", "decimal", #""min":0,"exclusiveMax":50"#)], rows: F.rows([("[0..10]", "a"), ("(10..50)", "b")]),
                             examples: F.examples([("0", "a"), ("9", "a"), ("10", "a"), ("11", "b"), ("49", "b")]))
        XCTAssertEqual(try F.lint(capped).with("TABLE_GAP").count, 0)
    }

    func testManyGapsAreCappedAtFiveAndCounted() throws {
        // Seven points, each left open between `< p` rows: 0, 1, …, 6 are missing.
        let cells = (0..<7).map { ("= \($0).5", "r\($0)") } + [("> 6.5", "top")]
        let d = F.table(inputs: [F.input("x", "integer", #""min":0"#)], rows: F.rows(cells), examples: "[]")
        let gaps = try F.lint(d).with("TABLE_GAP")
        XCTAssertEqual(gaps.count, 6, gaps.dump)
        XCTAssertEqual(gaps.prefix(5).map { $0.message.components(separatedBy: ";").first ?? "" },
                       (0..<5).map { "table m (version v1): no row matches x = \($0)" }, gaps.dump)
        XCTAssertEqual(gaps.last?.message.contains("2 more gaps"), true, gaps.dump)
        XCTAssertNil(gaps.last?.stub, "the summary has no witness to paste")
    }

    func testStringColumnWithoutACatchAllHasAGapForAnyOtherValue() throws {
        let d = F.table(inputs: [F.input("k", "string")], columns: ["k"], rows: F.rows([("\"a\"", "1"), ("\"b\"", "2")]),
                        examples: F.examples([(#""a""#, "1"), (#""b""#, "2")], on: "k"))
        let found = try F.lint(d)
        XCTAssertEqual(found.errorCodes, ["TABLE_GAP"], found.dump)
        let withCatchAll = F.table(inputs: [F.input("k", "string")], policy: "first", columns: ["k"],
                                   rows: F.rows([("\"a\"", "1"), ("\"b\"", "2"), ("-", "other")]),
                                   examples: F.examples([(#""a""#, "1"), (#""b""#, "2"), (#""c""#, "other")], on: "k"))
        let clean = try F.lint(withCatchAll)
        XCTAssertTrue(clean.isEmpty, clean.dump)
    }

    func testDateColumnsSplitByDay() throws {
        func d(_ before: String) -> String {
            F.table(inputs: [F.input("d", "date")], columns: ["d"],
                    rows: F.rows([(before, "old"), (#">= date("2018-01-01")"#, "new")]),
                    examples: F.examples([(#""2017-12-31""#, "old"), (#""2018-01-01""#, "new"), (#""2018-01-02""#, "new")], on: "d"))
        }
        let meeting = try F.lint(d(#"< date("2018-01-01")"#))
        XCTAssertTrue(meeting.isEmpty, meeting.dump)
        // On or before 2017-12-30 leaves the one day 2017-12-31 open.
        let hole = try F.lint(d(#"<= date("2017-12-30")"#))
        XCTAssertEqual(hole.one("TABLE_GAP")?.message.contains("no row matches d = 2017-12-31;"), true, hole.dump)
    }

    // MARK: Overlaps, conflicts, shadowed and dead rows

    func testOverlapUnderUniqueNamesBothRowsAndTheWitness() throws {
        let d = F.table(inputs: [F.input()], rows: F.rows([("<= 10", "a"), (">= 10", "b")]),
                        examples: F.examples([("9", "a"), ("11", "b")]))
        let found = try F.lint(d)
        XCTAssertEqual(found.errorCodes, ["TABLE_OVERLAP"], found.dump)
        let o = found.one("TABLE_OVERLAP")
        XCTAssertEqual(o?.message.contains("rows 1 and 2 both match x = 10 under the unique hit policy"), true, o?.message ?? "")
        XCTAssertEqual(o?.stub?.contains(#""input": { "x": 10 }"#), true, o?.stub ?? "no stub")
    }

    func testConflictUnderAnyButAgreementIsFine() throws {
        func d(_ second: String) -> String {
            F.table(inputs: [F.input()], policy: "any", rows: F.rows([("<= 10", "a"), (">= 10", second)]),
                    examples: F.examples([("9", "a"), ("10", "a"), ("11", second)]))
        }
        let conflict = try F.lint(d("b"))
        XCTAssertEqual(conflict.one("TABLE_OVERLAP")?.message.contains("rows 1 and 2 both match x = 10 under the any hit policy"), true, conflict.dump)
        let agree = try F.lint(d("a"))
        XCTAssertEqual(agree.with("TABLE_OVERLAP").count, 0, "rows that agree may overlap under any:\n" + agree.dump)
    }

    func testShadowedRowUnderFirst() throws {
        let d = F.table(inputs: [F.input()], policy: "first", rows: F.rows([(">= 10", "big"), (">= 20", "huge"), ("-", "small")]),
                        examples: F.examples([("9", "small"), ("10", "big"), ("11", "big"), ("19", "big"), ("20", "big"), ("21", "big")]))
        let found = try F.lint(d)
        XCTAssertEqual(found.errorCodes, [], found.dump)
        let s = found.one("TABLE_SHADOWED_ROW")
        XCTAssertEqual(s?.level, .warning)
        XCTAssertEqual(s?.message.contains("row 2 can never win: wherever it matches (e.g. x = 20) row 1 comes first"), true, s?.message ?? "")
    }

    func testShadowedRowUnderPriority() throws {
        let classes = #"[{"name":"r","type":"enum","values":[{"code":"key"},{"code":"secondary"},{"code":"general"}]}]"#
        func d(_ first: String, _ second: String) -> String {
            F.table(inputs: [F.input()], outputs: classes, policy: "priority", rows: F.rows([(">= 10", first), (">= 20", second), ("< 10", "general")]),
                    examples: F.examples([("9", "general"), ("10", first), ("11", first), ("19", first), ("20", "key"), ("21", "key")]))
        }
        // Row 2 gives a class earlier in the values than row 1: it wins from 20 up.
        XCTAssertEqual(try F.lint(d("secondary", "key")).with("TABLE_SHADOWED_ROW").count, 0)
        // Row 2 gives a later class: row 1 always wins where both match.
        let shadowed = try F.lint(d("key", "general"))
        XCTAssertEqual(shadowed.one("TABLE_SHADOWED_ROW")?.message.contains("row 2 can never win: wherever it matches (e.g. x = 20) row 1 comes first"), true, shadowed.dump)
    }

    func testDeadRowWhoseCellsCanNeverHold() throws {
        let k = #"{"name":"k","type":"enum","required":true,"values":[{"code":"a"},{"code":"b"}]}"#
        let d = F.table(inputs: [k], columns: ["k"], rows: F.rows([("a", "1"), ("b", "2"), ("not(a, b)", "3")]),
                        examples: F.examples([(#""a""#, "1"), (#""b""#, "2")], on: "k"))
        let found = try F.lint(d)
        XCTAssertEqual(found.errorCodes, [], found.dump)
        XCTAssertEqual(found.one("TABLE_DEAD_ROW")?.message.contains("row 3 can never be true together"), true, found.dump)
        XCTAssertEqual(found.with("TABLE_SHADOWED_ROW").count + found.with("TABLE_OVERLAP").count, 0, found.dump)
    }

    // MARK: Monotonicity

    static let ordered = #"[{"name":"r","type":"enum","ordered":true,"values":[{"code":"low"},{"code":"mid"},{"code":"high"}]}]"#

    func testRaisingAnOrderedInputMustNotLowerAnOrderedClass() throws {
        func d(_ outputs: String, _ below: String, _ above: String) -> String {
            F.table(inputs: [F.input("x", "integer", #""min":0"#)], outputs: outputs, rows: F.rows([("< 10", below), (">= 10", above)]),
                    examples: F.examples([("9", below), ("10", above), ("11", above)]))
        }
        let falling = try F.lint(d(Self.ordered, "high", "low"))
        XCTAssertEqual(falling.errorCodes, ["TABLE_NOT_MONOTONE"], falling.dump)
        let m = falling.one("TABLE_NOT_MONOTONE")
        XCTAssertEqual(m?.message.contains("raising x lowers the class: x = 1 gives high but x = 10 gives low"), true, m?.message ?? "")
        XCTAssertEqual(m?.stub?.contains(#""x": 10"#), true, m?.stub ?? "no stub")

        XCTAssertTrue(try F.lint(d(Self.ordered, "low", "high")).isEmpty, "a rising class is monotone")
        let unordered = Self.ordered.replacingOccurrences(of: #""ordered":true,"#, with: "")
        XCTAssertTrue(try F.lint(d(unordered, "high", "low")).isEmpty, "an output not declared ordered has no direction")
    }

    /// analysis.md: "The first violation is named": with more violations than the three reported, the
    /// ones reported are the first in combination order, so the output does not change from run to run.
    func testMonotonicityReportsTheFirstViolationsInOrder() throws {
        let rows = #"""
        [{"when":["< 10","-"],"then":{"r":"high"}},
         {"when":["[10..20)","-"],"then":{"r":"mid"}},
         {"when":[">= 20","-"],"then":{"r":"low"}}]
        """#
        var ex: [String] = []
        for x in ["9", "10", "11", "19", "20", "21"] {
            for b in ["false", "true"] {
                let r = Int(x)! < 10 ? "high" : Int(x)! < 20 ? "mid" : "low"
                ex.append(F.example(#""x":\#(x),"b":\#(b)"#, #""r":"\#(r)""#))
            }
        }
        let d = F.table(inputs: [F.input("x", "integer", #""min":0"#), F.input("b", "boolean")], outputs: Self.ordered,
                        columns: ["x", "b"], rows: rows, examples: "[" + ex.joined(separator: ",") + "]")
        let found = try F.lint(d).with("TABLE_NOT_MONOTONE")
        let reported = Set(found.compactMap { $0.message.components(separatedBy: "lowers the class: ").last })
        XCTAssertEqual(reported, [
            "x = 1, b = false gives high but x = 10, b = false gives mid",
            "x = 1, b = true gives high but x = 10, b = true gives mid",
            "x = 11, b = false gives mid but x = 20, b = false gives low",
        ], found.dump)
    }

    func testShippedGeohazardMatrixIsMonotoneAndASwappedCellIsNot() throws {
        let path = PackagePaths.root.appendingPathComponent("Rules/geohazard/zjzrzg-2021-5.json").path
        guard let data = FileManager.default.contents(atPath: path) else { return XCTFail("cannot read \(path)") }
        let text = String(decoding: data, as: UTF8.self)
        let shipped = try Rulebook.load(sources: [(name: "geohazard.json", text: text)])
        let clean = Linter(rulebook: shipped, seeds: nil).run()
        XCTAssertEqual(clean.with("TABLE_NOT_MONOTONE").count, 0, clean.dump)
        XCTAssertEqual(clean.errorCodes, [], clean.dump)

        // Make `> 100` people at high risk "general" (it is "key"): now 100 → 101 people and medium → high risk both lower the class.
        let pattern = try NSRegularExpression(pattern: #""high"\s*\],\s*"then":\s*\{\s*"zoneClass":\s*"key""#)
        let first = try XCTUnwrap(pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)))
        let swapped = (text as NSString).replacingCharacters(in: first.range, with: #""high"], "then": { "zoneClass": "general""#)
        let broken = Linter(rulebook: try Rulebook.load(sources: [(name: "geohazard.json", text: swapped)]), seeds: nil).run()
        let messages = broken.with("TABLE_NOT_MONOTONE").map(\.message)
        XCTAssertEqual(messages.count, 2, broken.dump)
        XCTAssertTrue(messages.contains { $0.contains("raising affectedPeople lowers the class: affectedPeople = 100, riskLevel = high gives secondary but affectedPeople = 101, riskLevel = high gives general") }, broken.dump)
        XCTAssertTrue(messages.contains { $0.contains("raising riskLevel lowers the class: affectedPeople = 101, riskLevel = medium gives secondary but affectedPeople = 101, riskLevel = high gives general") }, broken.dump)
    }
}
