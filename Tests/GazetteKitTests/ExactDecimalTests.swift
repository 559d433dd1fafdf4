import XCTest
@testable import GazetteKit

final class ExactDecimalTests: XCTestCase {
    func d(_ s: String) -> ExactDecimal { ExactDecimal(s)! }

    func testPointOnePlusPointTwoIsPointThree() throws {
        let sum = try d("0.1").adding(d("0.2"))
        XCTAssertEqual(sum, d("0.3"))
        XCTAssertEqual(sum.description, "0.3")
    }

    func testJSONNumberTextIsExact() throws {
        guard case .number(let text)? = try JSONParser.parse(#"{"x":0.6}"#)["x"] else { return XCTFail("no number") }
        XCTAssertEqual(text, "0.6")
        let v = try ExactDecimal(parsing: text[...])
        XCTAssertEqual(v, d("0.6"))
        XCTAssertEqual(v.significand, 6)
        XCTAssertEqual(v.scale, 1)
        XCTAssertTrue(v > d("0.59999999999999999999999999999999"))
        XCTAssertTrue(v < d("0.60000000000000000000000000000001"))
    }

    func testTerminatingDivisionIsExact() throws {
        let q = try d("600").dividing(by: d("1000"))
        XCTAssertEqual(q, d("0.6"))
        XCTAssertEqual(q.description, "0.6")
        XCTAssertEqual(q.scale, 1)
        XCTAssertEqual(try d("1").dividing(by: d("8")).description, "0.125")
        XCTAssertEqual(try d("150").dividing(by: d("1.5")).description, "100")
    }

    func testOneThirdHas28Digits() throws {
        let q = try d("1").dividing(by: d("3"))
        XCTAssertEqual(q.scale, 28)
        XCTAssertEqual(q.description, "0." + String(repeating: "3", count: 28))
        // 2/3 rounds half-even at the 28th digit.
        XCTAssertEqual(try d("2").dividing(by: d("3")).description, "0." + String(repeating: "6", count: 27) + "7")
    }

    func testDivisionByZeroIsAnError() {
        XCTAssertThrowsError(try d("1").dividing(by: .zero)) { XCTAssertEqual($0 as? ExactDecimal.Failure, .divisionByZero) }
    }

    func testEqualityIgnoresTrailingZerosAndHashesAlike() {
        XCTAssertEqual(d("1.50"), d("1.5"))
        XCTAssertEqual(Set([d("1.50"), d("1.5"), d("1.500")]).count, 1)
        XCTAssertEqual(d("1.50").description, "1.5")
        XCTAssertEqual(d("-0.0"), .zero)
    }

    func testParsingForms() {
        XCTAssertEqual(d("1e3"), ExactDecimal(1000))
        XCTAssertEqual(d("1.5E-2").description, "0.015")
        XCTAssertEqual(d("-12.50").description, "-12.5")
        XCTAssertNil(ExactDecimal("1.2.3"))
        XCTAssertNil(ExactDecimal("abc"))
        XCTAssertNil(ExactDecimal(""))
        XCTAssertNil(ExactDecimal("1e"))
        XCTAssertNil(ExactDecimal("1" + String(repeating: "0", count: 38) + "1"), "39 significant digits cannot be held")
    }

    func testComparisonAcrossScales() {
        XCTAssertTrue(d("0.6") < d("0.61"))
        XCTAssertTrue(d("2") > d("1.999"))
        XCTAssertTrue(d("-0.5") < d("0.1"))
        XCTAssertEqual(ExactDecimal.compare(d("100"), d("100.000")), 0)
    }

    func testMultiplicationIsExact() throws {
        XCTAssertEqual(try d("0.1").multiplying(d("0.2")).description, "0.02")
        XCTAssertEqual(try d("80").multiplying(d("0.2")).description, "16")
    }

    func testOverflowIsAnErrorNotAnApproximation() {
        let big = d("9" + String(repeating: "9", count: 37))
        XCTAssertThrowsError(try big.multiplying(big))
        XCTAssertThrowsError(try big.adding(big))
    }

    func testRoundingModes() {
        XCTAssertEqual(d("0.665").rounded(to: 2, mode: .halfUp).description, "0.67")
        XCTAssertEqual(d("-0.665").rounded(to: 2, mode: .halfUp).description, "-0.67")
        XCTAssertEqual(d("0.665").rounded(to: 2, mode: .halfEven).description, "0.66")
        XCTAssertEqual(d("0.675").rounded(to: 2, mode: .halfEven).description, "0.68")
        XCTAssertEqual(d("0.669").rounded(to: 2, mode: .down).description, "0.66")
        XCTAssertEqual(d("-0.669").rounded(to: 2, mode: .down).description, "-0.66")
        XCTAssertEqual(d("0.661").rounded(to: 2, mode: .up).description, "0.67")
        XCTAssertEqual(d("-0.661").rounded(to: 2, mode: .up).description, "-0.67")
        XCTAssertEqual(d("-1.5").rounded(to: 0, mode: .floor).description, "-2")
        XCTAssertEqual(d("1.5").rounded(to: 0, mode: .floor).description, "1")
        XCTAssertEqual(d("-1.5").rounded(to: 0, mode: .ceiling).description, "-1")
        XCTAssertEqual(d("1.2").rounded(to: 0, mode: .ceiling).description, "2")
        XCTAssertEqual(d("0.6").rounded(to: 2, mode: .up).description, "0.6", "already exact: no change")
    }

    func testIntValue() {
        XCTAssertEqual(d("12.0").intValue, 12)
        XCTAssertNil(d("12.5").intValue)
        XCTAssertTrue(d("3.000").isInteger)
    }
}
