import XCTest
@testable import GazetteKit

final class WorkingDayCalendarTests: XCTestCase {
    func calendar() throws -> WorkingDayCalendar { try ShippedRules.calendar.get() }

    func add(_ start: String, _ n: Int) throws -> (Day, skipped: [Day], counted: [Day]) {
        var skipped: [(Day, WorkingDayCalendar.Kind)] = [], counted: [(Day, WorkingDayCalendar.Kind)] = []
        let d = try calendar().addWorkingDays(Day(start)!, n, skipped: &skipped, counted: &counted)
        return (d, skipped.map(\.0), counted.map(\.0))
    }

    func days(_ xs: [String]) -> [Day] { xs.map { Day($0)! } }

    func testCoversElevenYearsEachWithItsNotice() throws {
        let c = try calendar()
        XCTAssertEqual(c.coverage, "2016–2026")
        XCTAssertEqual(c.years.map(\.year), Array(2016...2026))
        XCTAssertEqual(c.years.first { $0.year == 2018 }?.number, "国办发明电〔2017〕12号")
    }

    func testNationalDay2018WithMakeUpDays() throws {
        let (d, skipped, counted) = try add("2018-09-25", 15)
        XCTAssertEqual(d.description, "2018-10-19")
        XCTAssertEqual(counted, days(["2018-09-29", "2018-09-30"]), "the weekend made working days count")
        XCTAssertEqual(skipped, days(["2018-10-01", "2018-10-02", "2018-10-03", "2018-10-04", "2018-10-05", "2018-10-06",
                                      "2018-10-07", "2018-10-13", "2018-10-14"]))
        // Without the make-up days the count would land two working days later.
        XCTAssertEqual(try add("2018-09-25", 13).0.description, "2018-10-17")
    }

    func testDayKinds() throws {
        let c = try calendar()
        XCTAssertEqual(try c.kind(of: Day("2018-09-29")!), .makeUpWorkday)
        XCTAssertEqual(try c.kind(of: Day("2018-10-01")!), .holiday)
        XCTAssertEqual(try c.kind(of: Day("2018-10-13")!), .weekend)
        XCTAssertEqual(try c.kind(of: Day("2018-10-08")!), .workday)
        XCTAssertTrue(try c.isWorkingDay(Day("2018-09-30")!))
        XCTAssertFalse(try c.isWorkingDay(Day("2018-10-07")!))
    }

    func testSpringFestival2018() throws {
        // 2018-02-11 (Sunday) is a make-up working day; 02-15…02-21 are the holiday.
        XCTAssertEqual(try add("2018-02-09", 5).0.description, "2018-02-22")
        XCTAssertEqual(try add("2018-02-14", 1).0.description, "2018-02-22")
        XCTAssertEqual(try add("2018-02-22", 2).0.description, "2018-02-24", "Saturday 02-24 is a make-up working day")
    }

    func testSpringFestival2019() throws {
        // 2019-02-02 and 02-03 (a weekend) are working days; 02-04…02-10 are the holiday.
        let (d, skipped, counted) = try add("2019-02-01", 3)
        XCTAssertEqual(d.description, "2019-02-11")
        XCTAssertEqual(counted, days(["2019-02-02", "2019-02-03"]))
        XCTAssertEqual(skipped.count, 7)
    }

    func testWorkingDaysBetweenCountsTheHalfOpenInterval() throws {
        let c = try calendar()
        XCTAssertEqual(try c.workingDays(from: Day("2018-09-28")!, to: Day("2018-10-08")!), 3)
        XCTAssertEqual(try c.workingDays(from: Day("2018-10-08")!, to: Day("2018-09-28")!), -3)
        XCTAssertEqual(try c.workingDays(from: Day("2018-09-25")!, to: Day("2018-10-19")!), 15)
        XCTAssertEqual(try c.workingDays(from: Day("2018-09-25")!, to: Day("2018-09-25")!), 0)
    }

    func testYearsOutsideTheCalendarAreAnError() throws {
        let c = try calendar()
        for outside in ["2015-12-31", "2027-01-01"] {
            XCTAssertThrowsError(try c.isWorkingDay(Day(outside)!)) { error in
                let e = error as? EvaluationError
                XCTAssertEqual(e?.code, .calendarRange)
                XCTAssertEqual(e?.message.contains(outside), true)
                XCTAssertEqual(e?.message.contains("2016–2026"), true)
            }
        }
        XCTAssertNoThrow(try c.isWorkingDay(Day("2016-01-01")!))
        XCTAssertNoThrow(try c.isWorkingDay(Day("2026-12-31")!))
        XCTAssertThrowsError(try add("2026-12-25", 10), "a count running past 2026 is not guessed")
    }

    func testShippedRectificationDeadline() throws {
        let book = try ShippedRules.book()
        let r = try book.evaluate("website.rectification-report", json: #"{"noticeDate":"2018-09-25","reportedOn":"2018-10-19"}"#).value()
        XCTAssertEqual(r.output("deadline"), day("2018-10-19"))
        XCTAssertEqual(r.findings.map(\.code), [], "reported on the deadline is in time")
        let late = try book.evaluate("website.rectification-report", json: #"{"noticeDate":"2018-09-25","reportedOn":"2018-10-22"}"#).value()
        XCTAssertEqual(late.findings.map(\.code), ["RECTIFICATION_REPORT_LATE"])
        let e = book.evaluate("website.rectification-report", json: #"{"noticeDate":"2027-03-01"}"#).error()
        XCTAssertEqual(e?.code, .calendarRange)
    }
}
