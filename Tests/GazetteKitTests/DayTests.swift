import XCTest
@testable import GazetteKit

final class DayTests: XCTestCase {
    func testStrictISOParsing() {
        XCTAssertEqual(Day("2018-02-28")?.description, "2018-02-28")
        XCTAssertNil(Day("2018-02-30"), "February has no 30th")
        XCTAssertNil(Day("2018-02-29"), "2018 is not a leap year")
        XCTAssertNotNil(Day("2020-02-29"))
        XCTAssertNil(Day("1900-02-29"), "1900 is not a leap year")
        XCTAssertNotNil(Day("2000-02-29"), "2000 is a leap year")
        XCTAssertNil(Day("2018-13-01"))
        XCTAssertNil(Day("2018-04-31"))
        XCTAssertNil(Day("2018-1-01"))
        XCTAssertNil(Day("2018/01/01"))
        XCTAssertNil(Day("2018-01-01T00:00"))
    }

    func testOrdinalRoundTrip() {
        XCTAssertEqual(Day("1970-01-01")?.ordinal, 0)
        XCTAssertEqual(Day("1970-01-02")?.ordinal, 1)
        let d = Day("2024-02-29")!
        XCTAssertEqual(Day(ordinal: d.ordinal).description, "2024-02-29")
        XCTAssertEqual(d.components.year, 2024)
        XCTAssertEqual(d.components.month, 2)
        XCTAssertEqual(d.components.day, 29)
    }

    func testWeekday() {
        XCTAssertEqual(Day("1970-01-01")?.weekday, 4, "a Thursday")
        XCTAssertEqual(Day("2018-10-01")?.weekday, 1, "a Monday")
        XCTAssertEqual(Day("2018-09-29")?.isWeekend, true)
        XCTAssertEqual(Day("2018-09-28")?.isWeekend, false)
    }

    func testAddMonthsClampsToMonthEnd() {
        XCTAssertEqual(Day("2018-01-31")!.adding(months: 1)?.description, "2018-02-28")
        XCTAssertEqual(Day("2020-01-31")!.adding(months: 1)?.description, "2020-02-29")
        XCTAssertEqual(Day("2018-03-31")!.adding(months: -1)?.description, "2018-02-28")
        XCTAssertEqual(Day("2018-12-15")!.adding(months: 1)?.description, "2019-01-15")
        XCTAssertEqual(Day("2018-01-15")!.adding(months: -1)?.description, "2017-12-15")
        XCTAssertEqual(Day("2020-02-29")!.adding(months: 12)?.description, "2021-02-28")
    }

    func testAddDaysAcrossLeapDay() {
        XCTAssertEqual(Day("2020-02-28")!.adding(days: 1).description, "2020-02-29")
        XCTAssertEqual(Day("2019-02-28")!.adding(days: 1).description, "2019-03-01")
        XCTAssertEqual(Day("2020-12-31")!.ordinal - Day("2020-01-01")!.ordinal, 365)
    }

    func testEndOfMonth() {
        XCTAssertEqual(Day("2020-02-10")!.endOfMonth.description, "2020-02-29")
        XCTAssertEqual(Day("2018-02-10")!.endOfMonth.description, "2018-02-28")
        XCTAssertEqual(Day("2018-06-01")!.endOfMonth.description, "2018-06-30")
    }

    func testQuarter() {
        XCTAssertEqual(Quarter("2018Q2")?.firstDay.description, "2018-04-01")
        XCTAssertEqual(Quarter("2018Q2")?.lastDay.description, "2018-06-30")
        XCTAssertEqual(Quarter("2020Q1")?.lastDay.description, "2020-03-31")
        XCTAssertNil(Quarter("2018Q5"))
        XCTAssertNil(Quarter("2018Q0"))
        XCTAssertNil(Quarter("2018-Q2"))
        XCTAssertEqual(Quarter(of: Day("2018-08-15")!).description, "2018Q3")
    }

    func testInstantWithoutOffsetIsShanghai() {
        let a = Instant(iso: "2018-05-01T09:00:00"[...])
        let b = Instant(iso: "2018-05-01T01:00:00Z"[...])
        XCTAssertNotNil(a)
        XCTAssertEqual(a?.epochSeconds, b?.epochSeconds)
        XCTAssertNil(Instant(iso: "2018-02-30T09:00:00+08:00"[...]))
        XCTAssertNil(Instant(iso: "2018-05-01T24:00:00+08:00"[...]))
    }
}
