import XCTest
@testable import GazetteKit

final class ExpressionTests: XCTestCase {
    enum Outcome: Equatable {
        case value(Value)
        case compileError(String, column: Int?)
        case parseError(String, column: Int)
        case evalError(EvaluationError.Code, String)
    }

    /// Parses, compiles and evaluates `text` with the given named values (types inferred from the values).
    func run(_ text: String, _ names: [(String, ValueType, Value)] = [], asOf: String = "2018-06-01") -> Outcome {
        let ast: Expr
        do { ast = try ExpressionParser.parse(text) } catch { return .parseError(error.message, column: error.offset + 1) }
        let scope = Scope()
        for (n, t, _) in names { scope.declare(n, t) }
        scope.declare("asOf", .date)
        let compiled: CompiledExpr
        do {
            compiled = try ExpressionCompiler(scope: scope, source: SourceExpression(text: text, ast: ast, path: "$")).compile(ast)
        } catch let e as CompileError {
            return .compileError(e.message, column: e.span.map { $0.start + 1 })
        } catch {
            return .compileError("\(error)", column: nil)
        }
        let calendar = try? ShippedRules.calendar.get()
        let frame = Frame(slotCount: scope.slotCount, asOf: Day(asOf)!, calendar: calendar, tracing: true)
        for (i, (_, _, v)) in names.enumerated() { frame.slots[i] = v }
        frame.slots[names.count] = .date(Day(asOf)!)
        do { return .value(try compiled.eval(frame)) } catch { return .evalError(error.code, error.message) }
    }

    func value(_ text: String, _ names: [(String, ValueType, Value)] = [], file: StaticString = #filePath, line: UInt = #line) -> Value? {
        let o = run(text, names)
        guard case .value(let v) = o else { XCTFail("\(text): \(o)", file: file, line: line); return nil }
        return v
    }

    func assertValue(_ text: String, _ expected: Value, _ names: [(String, ValueType, Value)] = [], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(value(text, names, file: file, line: line), expected, text, file: file, line: line)
    }

    // MARK: arithmetic and precedence

    func testPrecedence() {
        assertValue("1 + 2 * 3", num("7"))
        assertValue("(1 + 2) * 3", num("9"))
        assertValue("10 - 4 - 3", num("3"), [], line: #line)
        assertValue("100 / 10 / 5", num("2"))
        assertValue("-2 * 3 + 1", num("-5"))
        assertValue("- (2 + 3)", num("-5"))
        assertValue("1 + 2 > 2 and 1 = 1", .bool(true))
        assertValue("true or false and false", .bool(true), [], line: #line)
        assertValue("not 1 > 2", .bool(true))
        assertValue("not true or true", .bool(true), [], line: #line)
        assertValue("if 1 > 2 then 10 else 20 + 1", num("21"))
    }

    func testExactDecimalArithmetic() {
        assertValue("0.1 + 0.2 = 0.3", .bool(true))
        assertValue("0.1 + 0.2", num("0.3"))
        assertValue("600 / 1000", num("0.6"))
        assertValue("600 / 1000 = 0.6", .bool(true))
        assertValue("1 / 3", num("0." + String(repeating: "3", count: 28)))
        assertValue("1.50 = 1.5", .bool(true))
    }

    func testDivisionByZeroIsAnEvaluationError() {
        guard case .evalError(let code, _) = run("x / 0", [("x", .decimal, num("1"))]) else { return XCTFail("expected an error") }
        XCTAssertEqual(code, .divisionByZero)
    }

    // MARK: rounding

    func testRoundingFunctions() {
        assertValue("round(0.665, 2)", num("0.67"))
        assertValue("round(-0.665, 2)", num("-0.67"))
        assertValue("round(2.5, 0)", num("3"))
        assertValue("roundHalfEven(0.665, 2)", num("0.66"))
        assertValue("roundHalfEven(2.5, 0)", num("2"))
        assertValue("roundDown(0.669, 2)", num("0.66"))
        assertValue("roundUp(0.661, 2)", num("0.67"))
        assertValue("floor(-1.5)", num("-2"))
        assertValue("ceil(1.2)", num("2"))
        assertValue("round(200 / 3, 2)", num("66.67"))
    }

    func testRoundPlacesMustBeAConstant() {
        guard case .compileError(let m, _) = run("round(x, n)", [("x", .decimal, num("1")), ("n", .integer, num("2"))]) else {
            return XCTFail("expected a load error")
        }
        XCTAssertTrue(m.contains("decimal places"), m)
    }

    // MARK: functions

    func testMinMaxAbsPresentCoalesce() {
        assertValue("max(0, 5 - 8)", num("0"))
        assertValue("min(3, 1.5, 2)", num("1.5"))
        assertValue("max([1, 4, 2])", num("4"))
        assertValue("abs(-2.5)", num("2.5"))
        assertValue("present(x)", .bool(false), [("x", .decimal, .null)])
        assertValue("present(x)", .bool(true), [("x", .decimal, num("0"))])
        assertValue("coalesce(x, 7)", num("7"), [("x", .decimal, .null)])
        assertValue("x = null", .bool(true), [("x", .decimal, .null)])
    }

    func testNullInArithmeticIsAnErrorNamingTheValue() {
        guard case .evalError(let code, let m) = run("x + 1", [("x", .decimal, .null)]) else { return XCTFail("expected an error") }
        XCTAssertEqual(code, .nullValue)
        XCTAssertTrue(m.contains("x"), m)
    }

    func testDates() {
        assertValue(#"addMonths(date("2018-01-31"), 1)"#, day("2018-02-28"))
        assertValue(#"addMonths(date("2020-01-31"), 1)"#, day("2020-02-29"))
        assertValue(#"addYears(date("2020-02-29"), 1)"#, day("2021-02-28"))
        assertValue(#"addDays(date("2020-02-28"), 1)"#, day("2020-02-29"))
        assertValue(#"addDays(date("2019-02-28"), 1)"#, day("2019-03-01"))
        assertValue(#"daysBetween(date("2020-01-01"), date("2021-01-01"))"#, num("366"))
        assertValue(#"daysBetween(date("2019-01-01"), date("2020-01-01"))"#, num("365"))
        assertValue(#"endOfMonth(date("2024-02-03"))"#, day("2024-02-29"))
        assertValue(#"year(date("2018-06-30")) * 100 + month(date("2018-06-30"))"#, num("201806"))
        assertValue(#"day(date("2018-06-30"))"#, num("30"))
        assertValue(#"date(2018, 2, 28)"#, day("2018-02-28"))
        assertValue(#"date("2018-03-01") > date("2018-02-28")"#, .bool(true))
        assertValue("asOf", day("2018-06-01"))
    }

    func testInvalidDateLiteralIsALoadError() {
        guard case .compileError(let m, let col) = run(#"x + daysBetween(date("2018-02-30"), asOf)"#, [("x", .integer, num("1"))]) else {
            return XCTFail("date(\"2018-02-30\") must be refused at load")
        }
        XCTAssertTrue(m.contains("valid ISO date"), m)
        XCTAssertEqual(col, 17, "points at the date call")
    }

    func testQuarters() {
        assertValue(#"quarterEnd(quarter("2018Q2"))"#, day("2018-06-30"))
        assertValue(#"quarterStart(quarter("2020Q1"))"#, day("2020-01-01"))
        assertValue(#"quarterOf(date("2018-08-15")) = quarter("2018Q3")"#, .bool(true))
    }

    func testDatetimes() {
        assertValue(#"hoursBetween(datetime("2018-05-01T09:00:00+08:00"), datetime("2018-05-01T01:00:00Z"))"#, num("0"))
        assertValue(#"hoursBetween(datetime("2018-05-01T09:00:00"), datetime("2018-05-01T21:30:00+08:00"))"#, num("12.5"))
        assertValue(#"toDate(datetime("2018-05-01T20:00:00Z"))"#, day("2018-05-02"))
    }

    func testListFunctions() {
        let xs: [(String, ValueType, Value)] = [("xs", .list(.decimal), .list([num("1"), num("2.5"), num("4"), num("2.5")]))]
        assertValue("count(xs)", num("4"), xs)
        assertValue("count(xs, x -> x > 2)", num("3"), xs)
        assertValue("sum(xs)", num("10"), xs)
        assertValue("sum(xs, x -> x * 2)", num("20"), xs)
        assertValue("exists(xs, x -> x > 3)", .bool(true), xs)
        assertValue("all(xs, x -> x > 1)", .bool(false), xs)
        assertValue("filter(xs, x -> x < 3)", .list([num("1"), num("2.5"), num("2.5")]), xs)
        assertValue("map(xs, x -> x + 1)", .list([num("2"), num("3.5"), num("5"), num("3.5")]), xs)
        assertValue("distinct(xs)", .list([num("1"), num("2.5"), num("4")]), xs)
        assertValue("contains(xs, 4)", .bool(true), xs)
        assertValue("2.50 in xs", .bool(true), xs)
        assertValue("3 in [1, 2]", .bool(false))
    }

    func testWorkingDaysInExpressions() {
        assertValue(#"addWorkingDays(date("2018-09-25"), 15)"#, day("2018-10-19"))
        assertValue(#"isWorkingDay(date("2018-09-29"))"#, .bool(true))
        assertValue(#"isWorkingDay(date("2018-10-01"))"#, .bool(false))
        guard case .evalError(let code, let m) = run(#"addWorkingDays(date("2030-01-02"), 1)"#) else { return XCTFail("expected an error") }
        XCTAssertEqual(code, .calendarRange)
        XCTAssertTrue(m.contains("2016–2026"), m)
    }

    // MARK: errors with positions

    func testParseErrorsCarryTheColumn() {
        XCTAssertEqual(run("1 + * 2"), .parseError("expected a value, found '*'", column: 5))
        XCTAssertEqual(run("(1 + 2"), .parseError("expected ')', found end of text", column: 7))
        XCTAssertEqual(run("if x then 1"), .parseError("expected 'else', found end of text", column: 12))
        guard case .parseError(let m, let col) = run("1 # 2") else { return XCTFail("expected a parse error") }
        XCTAssertTrue(m.contains("#"), m)
        XCTAssertEqual(col, 3)
        guard case .parseError(_, let col2) = run("\"open") else { return XCTFail("expected a parse error") }
        XCTAssertEqual(col2, 1)
    }

    func testTypeErrorsCarryTheColumn() {
        guard case .compileError(let m, let col) = run("1 + unknownName", [("x", .decimal, num("1"))]) else { return XCTFail() }
        XCTAssertTrue(m.contains("unknown name \"unknownName\""), m)
        XCTAssertTrue(m.contains("x"), "lists the known names: \(m)")
        XCTAssertEqual(col, 5)
        guard case .compileError(let m2, _) = run(#"1 + "a""#) else { return XCTFail() }
        XCTAssertTrue(m2.contains("needs numbers"), m2)
        guard case .compileError(let m3, _) = run("if 1 then 2 else 3") else { return XCTFail() }
        XCTAssertTrue(m3.contains("true or false"), m3)
        guard case .compileError(let m4, let col4) = run("max(1, 2) + round(1)") else { return XCTFail() }
        XCTAssertTrue(m4.contains("round takes 2"), m4)
        XCTAssertEqual(col4, 13)
        guard case .compileError(let m5, _) = run("noSuchFunction(1)") else { return XCTFail() }
        XCTAssertTrue(m5.contains("noSuchFunction"), m5)
    }

    func testMisspeltEnumCodeIsALoadError() {
        let def = EnumDef(name: "t.risk", cases: [.init(code: "high", label: LocalizedText(zh: "高", en: "high"), aliases: [], cite: [])], ordered: false)
        guard case .compileError(let m, _) = run(#"risk = "hgh""#, [("risk", .enumeration(def), .string("high"))]) else {
            return XCTFail("a comparison with a misspelt code must not load")
        }
        XCTAssertTrue(m.contains("hgh"), m)
    }

    func testExpressionErrorInARuleFileNamesFileExpressionAndColumn() {
        let d = RuleText.decision(inputs: #"[{"name":"x","type":"decimal"}]"#, outputs: #"[{"name":"r","type":"decimal"}]"#,
                                  steps: #"[{"set":"r","expr":"x * (2 +"}]"#)
        let errs = RuleText.loadErrors([("rules/t.json", RuleText.file([d]))])
        XCTAssertEqual(errs.count, 1)
        XCTAssertEqual(errs.first?.file, "rules/t.json")
        XCTAssertEqual(errs.first?.path, "$.decisions[0].versions[0].steps[0].expr")
        XCTAssertEqual(errs.first?.message.contains("column 9"), true, errs.description)
    }
}

final class AddHoursTests: XCTestCase {
    func testAddHoursKeepsTheOffsetAndCrossesMidnight() throws {
        let book = try Rulebook.load(sources: [("h.json", """
        {"document":{"number":"n","title":"t","issuer":"i","date":"2021-01-01","gazette":"g","seed":"s"},
         "citations":{"c":{"clause":"一","text":"x"}},
         "decisions":[{"id":"h.x","title":"t","source":"c","inputs":[{"name":"t","type":"datetime","required":true}],
           "outputs":[{"name":"due","type":"datetime"},{"name":"late","type":"boolean"}],
           "versions":[{"effective":{"from":"2020-01-01"},"steps":[
             {"set":"due","expr":"addHours(t, 12)"},
             {"set":"late","expr":"hoursBetween(t, due) > 12"}]}]}]}
        """)], today: Day("2021-06-01")!)
        let r = try book.evaluate("h.x", json: #"{"t":"2021-05-01T18:30:00+08:00"}"#).get()
        XCTAssertEqual(JSONWriter.value(r.output("due")!), "\"2021-05-02T06:30:00+08:00\"")
        XCTAssertEqual(r.output("late"), .bool(false))
        XCTAssertThrowsError(try Rulebook.load(sources: [("h.json", """
        {"document":{"number":"n","title":"t","issuer":"i","date":"2021-01-01","gazette":"g","seed":"s"},
         "citations":{"c":{"clause":"一","text":"x"}},
         "decisions":[{"id":"h.y","title":"t","source":"c","inputs":[{"name":"d","type":"date"}],
           "outputs":[{"name":"o","type":"datetime"}],
           "versions":[{"effective":{"from":"2020-01-01"},"steps":[{"set":"o","expr":"addHours(d, 1)"}]}]}]}
        """)])) { error in
            XCTAssertTrue(String(describing: error).contains("must be a datetime"), "\(error)")
        }
    }
}
