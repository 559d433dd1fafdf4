/// Reads a working-day calendar file (`Rules/calendars/*.json`).
enum CalendarParser {
    static func parse(_ root: JSONValue, file: String) throws -> WorkingDayCalendar {
        let node = JSONNode(value: root, path: "$", file: file)
        _ = try node.members(allowed: ["$schema", "calendar", "title", "years", "note", "source", "examples"])
        var notices: [WorkingDayCalendar.YearNotice] = []
        var holidays: [Int: String] = [:], workdays: [Int: String] = [:]
        var seenYears: Set<Int> = []
        for y in try node.required("years").array() {
            _ = try y.members(allowed: ["year", "notice", "holidays", "workdays", "note", "verified"])
            let year = try y.required("year").int()
            if !seenYears.insert(year).inserted { throw y.fail("year \(year) is listed twice") }
            let n = try y.required("notice")
            _ = try n.members(allowed: ["number", "date", "title"])
            notices.append(WorkingDayCalendar.YearNotice(year: year, number: try n.required("number").string(),
                                                         date: try n.required("date").string(), title: try n["title"]?.string() ?? ""))
            for d in try y.required("holidays").array() {
                let day = try d.day()
                if holidays[day.ordinal] != nil { throw d.fail("\(day) is listed twice as a holiday") }
                holidays[day.ordinal] = d.path
            }
            for d in try y.required("workdays").array() {
                let day = try d.day()
                if !day.isWeekend { throw d.fail("\(day) is a weekday; only weekend days can be made working days") }
                if let h = holidays[day.ordinal] { throw d.fail("\(day) is listed both as a working day and as a holiday (\(h))") }
                workdays[day.ordinal] = d.path
            }
        }
        for (ordinal, path) in holidays where workdays[ordinal] != nil {
            throw LoadError(file: file, path: path, message: "\(Day(ordinal: ordinal)) is listed both as a holiday and as a working day")
        }
        var examples: [WorkingDayCalendar.Example] = []
        for e in try node["examples"]?.array() ?? [] {
            _ = try e.members(allowed: ["name", "addWorkingDays", "isWorkingDay", "expect"])
            let question: WorkingDayCalendar.Example.Question
            let expect: Value
            if let a = e["addWorkingDays"] {
                _ = try a.members(allowed: ["from", "days"])
                question = .addWorkingDays(from: try a.required("from").day(), days: try a.required("days").int())
                expect = .date(try e.required("expect").day())
            } else if let d = e["isWorkingDay"] {
                question = .isWorkingDay(try d.day())
                expect = .bool(try e.required("expect").bool())
            } else {
                throw e.fail("a calendar example asks either addWorkingDays or isWorkingDay")
            }
            examples.append(WorkingDayCalendar.Example(name: try e.required("name").string(), question: question,
                                                       expect: expect, path: e.path))
        }
        return WorkingDayCalendar(name: try node.required("calendar").string(), years: notices,
                                  holidays: Set(holidays.keys), workdays: Set(workdays.keys), examples: examples, file: file)
    }
}
