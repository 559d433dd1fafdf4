import XCTest
@testable import GazetteKit

/// The calendar file's own worked dates run with `gazette test` and fail when the data is wrong.
final class CalendarExampleTests: XCTestCase {
    static let rule = """
    {"document":{"number":"n","title":"t","issuer":"i","date":"2021-01-01","gazette":"g","seed":"s"},
     "citations":{"c":{"clause":"一","text":"x"}},
     "decisions":[{"id":"c.x","title":"t","source":"c","inputs":[{"name":"d","type":"date","required":true}],
       "outputs":[{"name":"due","type":"date"}],
       "versions":[{"effective":{"from":"2018-01-01"},"steps":[{"set":"due","expr":"addWorkingDays(d, 15)"}]}],
       "examples":[{"name":"through National Day","input":{"d":"2018-09-25"},"expect":{"outputs":{"due":"2018-10-19"}}}]}]}
    """

    static func calendar(expect: String) -> String {
        """
        {"calendar":"test","years":[{"year":2018,"notice":{"number":"国办发明电〔2017〕12号","date":"2017-11-30"},
          "holidays":["2018-10-01","2018-10-02","2018-10-03","2018-10-04","2018-10-05","2018-10-06","2018-10-07"],
          "workdays":["2018-09-29","2018-09-30"]}],
         "examples":[{"name":"15 working days from 2018-09-25","addWorkingDays":{"from":"2018-09-25","days":15},"expect":"\(expect)"},
                     {"name":"make-up Saturday","isWorkingDay":"2018-09-29","expect":true}]}
        """
    }

    func testCalendarExamplesPassWhenTheDataIsRight() throws {
        let book = try Rulebook.load(sources: [("r.json", Self.rule), ("cal.json", Self.calendar(expect: "2018-10-19"))])
        let report = ExampleRunner(rulebook: book).run()
        XCTAssertEqual(report.passed, 3)
        XCTAssertEqual(report.failed, 0)
    }

    func testAWrongCalendarExampleIsReported() throws {
        let book = try Rulebook.load(sources: [("r.json", Self.rule), ("cal.json", Self.calendar(expect: "2018-10-18"))])
        let report = ExampleRunner(rulebook: book).run()
        XCTAssertEqual(report.failed, 1)
        XCTAssertEqual(report.failures.first?.decisionId, "calendar test")
        XCTAssertEqual(report.failures.first?.problems, ["expected 2018-10-18, got 2018-10-19"])
    }

    func testACalendarExampleMustAskSomething() {
        let bad = #"{"calendar":"t","years":[],"examples":[{"name":"n","expect":true}]}"#
        XCTAssertThrowsError(try Rulebook.load(sources: [("r.json", Self.rule), ("cal.json", bad)])) { error in
            XCTAssertTrue(String(describing: error).contains("addWorkingDays or isWorkingDay"), "\(error)")
        }
    }
}
