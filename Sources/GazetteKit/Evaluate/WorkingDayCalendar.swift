/// The mainland-China working-day calendar: official holidays and weekend days made working days.
public struct WorkingDayCalendar: Sendable {
    /// The notice that fixes one year's schedule.
    public struct YearNotice: Sendable {
        /// The year it fixes.
        public let year: Int
        /// The notice's document number.
        public let number: String
        /// The date it was issued.
        public let date: String
        /// The notice's title; empty when the calendar file gives none.
        public let title: String
    }

    /// A worked date the calendar file carries; `gazette test` checks it.
    public struct Example: Sendable {
        /// What is asked of the calendar.
        public enum Question: Sendable {
            /// The date `days` working days after `from` (not counted).
            case addWorkingDays(from: Day, days: Int)
            /// Whether a day is a working day.
            case isWorkingDay(Day)
        }
        /// What the example proves.
        public let name: String
        /// What is asked.
        public let question: Question
        /// The date reached, or true/false.
        public let expect: Value
        /// JSON path in the calendar file.
        public let path: String
    }

    /// The calendar's name, as in its file.
    public let name: String
    /// The notice behind each year covered, in year order.
    public let years: [YearNotice]
    /// Worked dates from the calendar file.
    public let examples: [Example]
    /// The file the calendar was read from.
    public let file: String
    let holidays: Set<Int>
    let workdays: Set<Int>
    let firstYear: Int
    let lastYear: Int

    init(name: String, years: [YearNotice], holidays: Set<Int>, workdays: Set<Int>, examples: [Example] = [], file: String = "") {
        self.name = name
        self.examples = examples
        self.file = file
        self.years = years.sorted { $0.year < $1.year }
        self.holidays = holidays
        self.workdays = workdays
        firstYear = self.years.first?.year ?? 0
        lastYear = self.years.last?.year ?? -1
    }

    /// What the calendar answers to an example's question (or the error it gives).
    public func answer(_ q: Example.Question) -> Result<Value, EvaluationError> {
        do throws(EvaluationError) {
            switch q {
            case .addWorkingDays(let from, let days):
                var skipped: [(Day, Kind)] = [], counted: [(Day, Kind)] = []
                return .success(.date(try addWorkingDays(from, days, skipped: &skipped, counted: &counted)))
            case .isWorkingDay(let day):
                return .success(.bool(try isWorkingDay(day)))
            }
        } catch {
            return .failure(error)
        }
    }

    /// The years covered, as text for messages.
    public var coverage: String { "\(firstYear)–\(lastYear)" }

    func check(_ day: Day) throws(EvaluationError) {
        let y = day.year
        guard y >= firstYear && y <= lastYear else {
            throw EvaluationError(.calendarRange, "\(day) is outside the \(name) working-day calendar, which covers \(coverage); no working day is guessed outside it")
        }
    }

    /// Why a day is or is not a working day.
    public enum Kind: Sendable { case workday, weekend, holiday, makeUpWorkday }

    /// The kind of a day (throws outside the covered years).
    public func kind(of day: Day) throws(EvaluationError) -> Kind {
        try check(day)
        if holidays.contains(day.ordinal) { return .holiday }
        if workdays.contains(day.ordinal) { return .makeUpWorkday }
        return day.isWeekend ? .weekend : .workday
    }

    /// Whether a day is a working day.
    public func isWorkingDay(_ day: Day) throws(EvaluationError) -> Bool {
        switch try kind(of: day) {
        case .workday, .makeUpWorkday: return true
        case .weekend, .holiday: return false
        }
    }

    /// The `n`th working day after `start` (start not counted); `skipped` collects non-working days passed.
    public func addWorkingDays(_ start: Day, _ n: Int, skipped: inout [(Day, Kind)], counted: inout [(Day, Kind)]) throws(EvaluationError) -> Day {
        var day = start
        var left = n
        let step = n >= 0 ? 1 : -1
        left = abs(left)
        while left > 0 {
            day = day.adding(days: step)
            let k = try kind(of: day)
            switch k {
            case .workday, .makeUpWorkday:
                left -= 1
                if k == .makeUpWorkday { counted.append((day, k)) }
            case .weekend, .holiday:
                skipped.append((day, k))
            }
        }
        return day
    }

    /// Working days in `(a, b]` (negative when b < a).
    public func workingDays(from a: Day, to b: Day) throws(EvaluationError) -> Int {
        if a == b { return 0 }
        let (lo, hi, sign) = a < b ? (a, b, 1) : (b, a, -1)
        var n = 0
        var d = lo
        while d < hi {
            d = d.adding(days: 1)
            if try isWorkingDay(d) { n += 1 }
        }
        return n * sign
    }
}
