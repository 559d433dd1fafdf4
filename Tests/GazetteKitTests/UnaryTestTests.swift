import XCTest
@testable import GazetteKit

final class UnaryTestTests: XCTestCase {
    let risk = EnumDef(name: "t.risk", cases: [
        .init(code: "extreme", label: LocalizedText(zh: "极高", en: "extremely high"), aliases: ["极高风险"], cite: []),
        .init(code: "high", label: LocalizedText(zh: "高", en: "high"), aliases: [], cite: []),
        .init(code: "medium", label: LocalizedText(zh: "中", en: "medium"), aliases: [], cite: []),
        .init(code: "low", label: LocalizedText(zh: "低", en: "low"), aliases: [], cite: []),
    ], ordered: true)

    func parse(_ cell: String, file: StaticString = #filePath, line: UInt = #line) -> UnaryTest<CellLiteral>? {
        do { return try UnaryTestParser.parse(cell) } catch {
            XCTFail("cell \(cell.debugDescription) did not parse: \(error.message) at \(error.offset)", file: file, line: line)
            return nil
        }
    }

    /// Whether `value` passes `cell` in a column of `type`.
    func passes(_ cell: String, _ value: Value, _ type: ValueType = .decimal, file: StaticString = #filePath, line: UInt = #line) -> Bool {
        guard let test = parse(cell, file: file, line: line) else { return false }
        switch CellCompiler.resolve(test, column: type) {
        case .success(let t): return CellCompiler.compile(t)(value)
        case .failure(let e):
            XCTFail("cell \(cell.debugDescription) does not fit \(type.name): \(e.message)", file: file, line: line)
            return false
        }
    }

    func n(_ s: String) -> CellLiteral { .number(ExactDecimal(s)!) }

    // MARK: parsing

    func testParsesEveryForm() {
        XCTAssertEqual(parse("-"), .any)
        XCTAssertEqual(parse(""), .any)
        XCTAssertEqual(parse("100"), .compare(.eq, n("100")))
        XCTAssertEqual(parse("0.6"), .compare(.eq, n("0.6")))
        XCTAssertEqual(parse("-5"), .compare(.eq, n("-5")))
        XCTAssertEqual(parse("\"key\""), .compare(.eq, .string("key")))
        XCTAssertEqual(parse("true"), .compare(.eq, .bool(true)))
        XCTAssertEqual(parse("null"), .compare(.eq, .null))
        XCTAssertEqual(parse("high"), .compare(.eq, .bare("high")))
        XCTAssertEqual(parse("retail-sales"), .compare(.eq, .bare("retail-sales")))
        XCTAssertEqual(parse("date(\"2018-01-01\")"), .compare(.eq, .date(Day("2018-01-01")!)))
        XCTAssertEqual(parse("< 30"), .compare(.lt, n("30")))
        XCTAssertEqual(parse("<= 30"), .compare(.le, n("30")))
        XCTAssertEqual(parse("> 100"), .compare(.gt, n("100")))
        XCTAssertEqual(parse(">= 100"), .compare(.ge, n("100")))
        XCTAssertEqual(parse("= 1"), .compare(.eq, n("1")))
        XCTAssertEqual(parse("!= 1"), .compare(.ne, n("1")))
        XCTAssertEqual(parse("≥ 0.6"), .compare(.ge, n("0.6")))
        XCTAssertEqual(parse("[30..100]"), .range(low: n("30"), lowClosed: true, high: n("100"), highClosed: true))
        XCTAssertEqual(parse("(30..100)"), .range(low: n("30"), lowClosed: false, high: n("100"), highClosed: false))
        XCTAssertEqual(parse("[30..100)"), .range(low: n("30"), lowClosed: true, high: n("100"), highClosed: false))
        XCTAssertEqual(parse("(30..100]"), .range(low: n("30"), lowClosed: false, high: n("100"), highClosed: true))
        XCTAssertEqual(parse("]30..100["), .range(low: n("30"), lowClosed: false, high: n("100"), highClosed: false))
        XCTAssertEqual(parse("[0.5..1.5]"), .range(low: n("0.5"), lowClosed: true, high: n("1.5"), highClosed: true))
        XCTAssertEqual(parse("extreme, high"), .anyOf([.compare(.eq, .bare("extreme")), .compare(.eq, .bare("high"))]))
        XCTAssertEqual(parse("< 0, > 10"), .anyOf([.compare(.lt, n("0")), .compare(.gt, n("10"))]))
        XCTAssertEqual(parse("not(low)"), .none([.compare(.eq, .bare("low"))]))
        XCTAssertEqual(parse("not(1, 2)"), .none([.compare(.eq, n("1")), .compare(.eq, n("2"))]))
    }

    func testMalformedCellsAreRefusedWithPosition() {
        for bad in ["[1..2", "[1 2]", "< ", "not 1", "not(1", "1,", "> > 1", "date(\"2018-02-30\")", "[1..]"] {
            XCTAssertThrowsError(try UnaryTestParser.parse(bad), "should refuse \(bad.debugDescription)")
        }
        do {
            _ = try UnaryTestParser.parse("[30..100")
        } catch {
            XCTAssertEqual(error.offset, 8, "points after the missing bracket")
        }
    }

    // MARK: matching

    func testDashMatchesAnythingIncludingNull() {
        XCTAssertTrue(passes("-", num("5")))
        XCTAssertTrue(passes("-", .null))
    }

    func testLiteralEqualityIsExact() {
        XCTAssertTrue(passes("0.6", num("0.60")))
        XCTAssertFalse(passes("0.6", num("0.6000000001")))
        XCTAssertTrue(passes("\"key\"", .string("key"), .string))
        XCTAssertFalse(passes("\"key\"", .string("Key"), .string))
        XCTAssertTrue(passes("true", .bool(true), .boolean))
        XCTAssertFalse(passes("true", .bool(false), .boolean))
        XCTAssertTrue(passes("date(\"2018-01-01\")", day("2018-01-01"), .date))
        XCTAssertFalse(passes("date(\"2018-01-01\")", day("2018-01-02"), .date))
    }

    func testComparisonsBothSidesOfTheBound() {
        XCTAssertTrue(passes("< 30", num("29")))
        XCTAssertFalse(passes("< 30", num("30")))
        XCTAssertTrue(passes("<= 30", num("30")))
        XCTAssertFalse(passes("<= 30", num("30.01")))
        XCTAssertFalse(passes("> 100", num("100")))
        XCTAssertTrue(passes("> 100", num("100.001")))
        XCTAssertTrue(passes(">= 100", num("100")))
        XCTAssertFalse(passes(">= 100", num("99.999")))
        XCTAssertTrue(passes("!= 1", num("2")))
        XCTAssertFalse(passes("!= 1", num("1.0")))
        XCTAssertTrue(passes("> date(\"2018-06-30\")", day("2018-07-01"), .date))
        XCTAssertFalse(passes("> date(\"2018-06-30\")", day("2018-06-30"), .date))
    }

    func testRangesIncludeOrExcludeEachEnd() {
        // Closed both ends.
        XCTAssertFalse(passes("[30..100]", num("29.99")))
        XCTAssertTrue(passes("[30..100]", num("30")))
        XCTAssertTrue(passes("[30..100]", num("100")))
        XCTAssertFalse(passes("[30..100]", num("100.01")))
        // Open both ends.
        XCTAssertFalse(passes("(30..100)", num("30")))
        XCTAssertTrue(passes("(30..100)", num("30.01")))
        XCTAssertTrue(passes("(30..100)", num("99.99")))
        XCTAssertFalse(passes("(30..100)", num("100")))
        XCTAssertFalse(passes("]30..100[", num("30")))
        XCTAssertFalse(passes("]30..100[", num("100")))
        // Half-open.
        XCTAssertTrue(passes("[30..100)", num("30")))
        XCTAssertFalse(passes("[30..100)", num("100")))
        XCTAssertFalse(passes("(30..100]", num("30")))
        XCTAssertTrue(passes("(30..100]", num("100")))
        // Dates.
        XCTAssertTrue(passes("[date(\"2018-01-01\")..date(\"2018-12-31\")]", day("2018-12-31"), .date))
        XCTAssertFalse(passes("[date(\"2018-01-01\")..date(\"2018-12-31\"))", day("2018-12-31"), .date))
    }

    func testListsAndNot() {
        let e = ValueType.enumeration(risk)
        XCTAssertTrue(passes("extreme, high", .string("high"), e))
        XCTAssertFalse(passes("extreme, high", .string("medium"), e))
        XCTAssertTrue(passes("< 0, > 10", num("11")))
        XCTAssertFalse(passes("< 0, > 10", num("5")))
        XCTAssertTrue(passes("not(low)", .string("medium"), e))
        XCTAssertFalse(passes("not(low)", .string("low"), e))
        XCTAssertFalse(passes("not(1, 2)", num("2")))
        XCTAssertTrue(passes("not(1, 2)", num("3")))
        XCTAssertTrue(passes("not([1..2])", num("2.5")))
        XCTAssertFalse(passes("not([1..2])", num("1")))
    }

    func testEnumCellsTakeCodesLabelsAndAliases() {
        let e = ValueType.enumeration(risk)
        XCTAssertTrue(passes("高", .string("high"), e))
        XCTAssertTrue(passes("极高风险", .string("extreme"), e))
        XCTAssertTrue(passes("\"medium\"", .string("medium"), e))
        guard let t = parse("hgh") else { return }
        if case .success = CellCompiler.resolve(t, column: e) { XCTFail("a misspelt enum code must not compile") }
    }

    func testNullCellsAndNullValues() {
        XCTAssertTrue(passes("null", .null))
        XCTAssertFalse(passes("null", num("0")))
        XCTAssertFalse(passes("< 30", .null), "an absent value matches no comparison")
        XCTAssertFalse(passes("[0..100]", .null))
        XCTAssertFalse(passes("not(1)", .null), "not() does not match an absent value")
    }

    func testCellsThatDoNotFitTheColumnAreRefused() {
        guard let t = parse("\"key\"") else { return }
        if case .success = CellCompiler.resolve(t, column: .decimal) { XCTFail("a string does not fit a decimal column") }
        guard let b = parse("high") else { return }
        if case .success = CellCompiler.resolve(b, column: .string) { XCTFail("an unquoted word in a string column is refused") }
    }
}
