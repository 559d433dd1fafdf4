import XCTest
@testable import GazetteKit

/// Threshold words against the operators that encode them: the word's comparison or exactly its breach
/// passes, anything else is an error naming the word.
final class WordingTests: XCTestCase {
    typealias F = LintFixture

    /// Lints a one-column table whose first row carries `cell` (written `test | wording`).
    func lintCell(_ cell: String, type: String = "decimal") throws -> [LintFinding] {
        let d = F.table(inputs: [F.input("x", type)], policy: "first", rows: F.rows([(cell, "a"), ("-", "b")]), examples: "[]")
        return try F.lint(d).filter { $0.code.hasPrefix("WORDING") }
    }

    func testGreaterThanTaggedNotLowerIsAnError() throws {
        let found = try lintCell("> 0.6 | 不低于")
        XCTAssertEqual(found.codes, ["WORDING"], found.dump)
        XCTAssertEqual(found.first?.level, .error)
        XCTAssertEqual(found.first?.message.contains(#"cell "> 0.6": operator > contradicts 「不低于」, which means >="#), true, found.dump)
    }

    /// Issue 5's "done when": `>= 100` tagged 超过 fails, and the message names 超过.
    func testAtLeastTaggedExceedsIsAnErrorNamingTheWord() throws {
        let found = try lintCell(">= 100 | 超过")
        XCTAssertEqual(found.codes, ["WORDING"], found.dump)
        let m = found.first?.message ?? ""
        XCTAssertTrue(m.contains("超过"), m)
        XCTAssertTrue(m.contains("operator >= contradicts 「超过」, which means > (or <= for its breach)"), m)
        XCTAssertTrue(m.contains("table m row 1, column x"), m)
        XCTAssertTrue(m.contains("测试〔2024〕1号"), "the message quotes the cited sentence: \(m)")
    }

    func testRangeTaggedWithADashMustBeClosedAtBothEnds() throws {
        XCTAssertEqual(try lintCell("[30..100] | 30—100 人", type: "integer").codes, [])
        let open = try lintCell("(30..100] | 30—100 人", type: "integer")
        XCTAssertEqual(open.codes, ["WORDING"], open.dump)
        XCTAssertEqual(open.first?.message.contains("「30—100 人」 is a range that includes both ends, but the cell leaves its lower end open"), true, open.dump)
    }

    func testUnknownWordIsAWarning() throws {
        let found = try lintCell("> 5 | 差不多")
        XCTAssertEqual(found.codes, ["WORDING_UNKNOWN"], found.dump)
        XCTAssertEqual(found.first?.level, .warning)
        XCTAssertEqual(found.first?.message.contains("unknown threshold word 「差不多」"), true, found.dump)
    }

    // MARK: Steps

    /// A decision with a finding step `LOW` on `ratio` tagged `wording`.
    func lintFinding(_ when: String, _ wording: String) throws -> [LintFinding] {
        let finding = #"{"code":"LOW","severity":"violation","cite":"c","message":{"zh":"比例 {ratio} 不足。","en":"ratio {ratio} too low"}}"#
        let d = RuleText.decision(inputs: "[" + F.input("ratio") + "]", outputs: "[]",
                                  steps: #"[{"finding":"LOW","when":"\#(when)","wording":"\#(wording)"}]"#,
                                  extra: #","findings":[\#(finding)],"examples":[]"#)
        return try F.lint(d).filter { $0.code.hasPrefix("WORDING") }
    }

    func testFindingThatFiresOnTheBreachPasses() throws {
        XCTAssertEqual(try lintFinding("ratio < 0.30", "不低于").codes, [], "< 0.30 is exactly the breach of 不低于 30%")
        XCTAssertEqual(try lintFinding("0.30 > ratio", "不低于").codes, [], "written the other way round")
        let wrong = try lintFinding("ratio <= 0.30", "不低于")
        XCTAssertEqual(wrong.codes, ["WORDING"], wrong.dump)
        XCTAssertEqual(wrong.first?.message.contains("finding LOW when ratio <= 0.30: operator <= contradicts 「不低于」"), true, wrong.dump)
    }

    func testSetStepWording() throws {
        func lintSet(_ wording: String) throws -> [LintFinding] {
            let d = RuleText.decision(inputs: "[" + F.input("intensity") + "]", outputs: #"[{"name":"paid","type":"boolean"}]"#,
                                      steps: #"[{"set":"paid","expr":"intensity > 0.6","wording":"\#(wording)"}]"#, extra: #","examples":[]"#)
            return try F.lint(d).filter { $0.code.hasPrefix("WORDING") }
        }
        XCTAssertEqual(try lintSet("高于").codes, [])
        let wrong = try lintSet("低于")
        XCTAssertEqual(wrong.codes, ["WORDING"], wrong.dump)
        XCTAssertEqual(wrong.first?.message.contains("paid = intensity > 0.6: operator > contradicts 「低于」"), true, wrong.dump)
    }

    // MARK: The vocabulary's conventions, operator by operator

    /// Which of <, <=, >, >= a tag accepts.
    func accepted(_ tag: String, file: StaticString = #filePath, line: UInt = #line) throws -> Set<String> {
        var out: Set<String> = []
        for op in ["<", "<=", ">", ">="] where Wording.check(cell: try UnaryTestParser.parse("\(op) 30"), tag: tag) == nil {
            out.insert(op)
        }
        return out
    }

    func testInclusiveAndExclusiveWords() throws {
        // 以上/以下/以内/届满 include the number, 不满/超过/以外 exclude it (民法典 第一千二百五十九条);
        // each word passes its own comparison and its breach, nothing else.
        let table: [(String, Set<String>)] = [
            ("30 人以上", [">=", "<"]), ("30 人以下", ["<=", ">"]), ("30 日以内", ["<=", ">"]), ("期限届满", ["<=", ">"]),
            ("不满 30 人", ["<", ">="]), ("超过 30 人", [">", "<="]), ("30 公里以外", [">", "<="]),
            ("不低于 30%", [">=", "<"]), ("低于 30%", ["<", ">="]), ("高于 30%", [">", "<="]), ("不超过 30", ["<=", ">"]),
            ("≥30", [">=", "<"]), ("<30 人", ["<", ">="]),
        ]
        for (tag, want) in table {
            XCTAssertEqual(try accepted(tag), want, tag)
        }
    }

    func testRangeAndDirectionFreeWords() throws {
        XCTAssertEqual(Wording.meaning(of: "30—100 人"), .closedRange)
        XCTAssertEqual(Wording.meaning(of: "3至5年"), .closedRange)
        XCTAssertEqual(Wording.meaning(of: "全覆盖"), .neutral)
        XCTAssertNil(Wording.meaning(of: "差不多"))
        // A band cell under an inclusive lower-bound word must close its lower end.
        XCTAssertNil(Wording.check(cell: try UnaryTestParser.parse("[30..100)"), tag: "30 人以上"))
        XCTAssertNotNil(Wording.check(cell: try UnaryTestParser.parse("(30..100]"), tag: "30 人以上"))
    }
}
