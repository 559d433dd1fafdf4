import XCTest
@testable import GazetteKit

final class JSONParserTests: XCTestCase {
    func syntaxError(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> JSONParser.SyntaxError? {
        do {
            let v = try JSONParser.parse(text)
            XCTFail("parsed \(v) but expected a syntax error", file: file, line: line)
            return nil
        } catch { return error }
    }

    func testKeepsNumberTextAndMemberOrder() throws {
        let v = try JSONParser.parse(#"{"b": 0.10, "a": [1, -2.5e3, true, null, "x"]}"#)
        guard case .object(let ms) = v else { return XCTFail("not an object") }
        XCTAssertEqual(ms.map(\.key), ["b", "a"])
        XCTAssertEqual(v["b"], .number("0.10"))
        XCTAssertEqual(v["a"], .array([.number("1"), .number("-2.5e3"), .bool(true), .null, .string("x")]))
    }

    func testEscapesAndUnicode() throws {
        XCTAssertEqual(try JSONParser.parse(#""a\"b\\c\/\n\t\u00e9\ud83d\ude00""#), .string("a\"b\\c/\n\té😀"))
        XCTAssertEqual(try JSONParser.parse("\"浙江\""), .string("浙江"))
        XCTAssertNotNil(syntaxError(#""\ud83d""#), "an unpaired surrogate is refused")
        XCTAssertNotNil(syntaxError(#""\x""#))
    }

    func testSkipsLeadingBOM() throws {
        XCTAssertEqual(try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array(#"{"a":1}"#.utf8)), .object([("a", .number("1"))]))
    }

    func testRefusesNonJSON() {
        for bad in ["", "{", "[1,]", "{\"a\":1,}", "01", "1.", ".5", "+1", "NaN", "tru", "{'a':1}", "[1] 2", "\"a\nb\"", "{\"a\" 1}"] {
            XCTAssertNotNil(syntaxError(bad), "should refuse \(bad.debugDescription)")
        }
    }

    func testDuplicateKeysAreRefused() {
        let e = syntaxError(#"{"a":1,"a":2}"#)
        XCTAssertEqual(e?.message.contains("duplicate key \"a\""), true, e?.message ?? "")
    }

    func testErrorLineAndColumn() {
        let e = syntaxError("{\n  \"a\": 1,\n  \"b\": ?\n}")
        XCTAssertEqual(e?.line, 3)
        XCTAssertEqual(e?.column, 8)
        XCTAssertEqual(e?.description.hasPrefix("line 3, column 8:"), true)
    }

    func testColumnCountsCharactersNotBytes() {
        // "浙" is three UTF-8 bytes but one column.
        let e = syntaxError("[\"浙\", ?]")
        XCTAssertEqual(e?.line, 1)
        XCTAssertEqual(e?.column, 7)
    }

    func testInvalidUTF8IsRefused() {
        XCTAssertThrowsError(try JSONParser.parse([0x22, 0xC3, 0x28, 0x22]))
    }

    func testDeepNestingIsRefusedNotACrash() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let e = syntaxError(deep)
        XCTAssertEqual(e?.message.contains("nesting"), true)
        XCTAssertNoThrow(try JSONParser.parse(String(repeating: "[", count: 200) + String(repeating: "]", count: 200)))
    }
}
