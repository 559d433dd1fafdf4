/// A calendar day (proleptic Gregorian), stored as days since 1970-01-01.
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public let ordinal: Int

    /// The day with this ordinal.
    public init(ordinal: Int) { self.ordinal = ordinal }

    /// A validated day; nil for `2018-02-30` and other impossible dates.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= Day.daysInMonth(year: year, month: month) else { return nil }
        ordinal = Day.ordinal(year: year, month: month, day: day)
    }

    /// Parses strict ISO `YYYY-MM-DD`.
    public init?(iso text: Substring) {
        self.init(isoBytes: Array(text.utf8)[...])
    }

    /// Parses strict ISO `YYYY-MM-DD` from UTF-8 bytes.
    public init?(isoBytes b: ArraySlice<UInt8>) {
        let b = b.count == 10 ? Array(b) : []
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
              let y = Day.number(b[0..<4]), let m = Day.number(b[5..<7]), let d = Day.number(b[8..<10])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Parses strict ISO `YYYY-MM-DD`.
    public init?(_ text: String) { self.init(iso: text[...]) }

    static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        var n = 0
        for c in bytes {
            guard c >= 48 && c <= 57 else { return nil }
            n = n * 10 + Int(c - 48)
        }
        return n
    }

    /// Whether a year is a Gregorian leap year.
    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    /// How many days a month of a year has.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's days_from_civil.
    static func ordinal(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// Year, month and day.
    public var components: (year: Int, month: Int, day: Int) {
        let z = ordinal + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// The calendar year.
    public var year: Int { components.year }
    /// The month, 1…12.
    public var month: Int { components.month }
    /// The day of the month, 1…31.
    public var day: Int { components.day }

    /// 1 = Monday … 7 = Sunday.
    public var weekday: Int {
        let w = (ordinal + 3) % 7  // 1970-01-01 was a Thursday
        return (w < 0 ? w + 7 : w) + 1
    }

    /// Whether the day is a Saturday or Sunday.
    public var isWeekend: Bool { weekday >= 6 }

    /// The day `n` days later (earlier when negative).
    public func adding(days n: Int) -> Day { Day(ordinal: ordinal + n) }

    /// Adds calendar months; a day past the end of the target month clamps to its last day.
    public func adding(months n: Int) -> Day? {
        let c = components
        let total = c.year * 12 + (c.month - 1) + n
        let y = total / 12, m = total % 12 + 1
        guard (1...9999).contains(y) else { return nil }
        return Day(year: y, month: m, day: min(c.day, Day.daysInMonth(year: y, month: m)))
    }

    /// The last day of this day's month.
    public var endOfMonth: Day {
        let c = components
        return Day(ordinal: Day.ordinal(year: c.year, month: c.month, day: Day.daysInMonth(year: c.year, month: c.month)))
    }

    /// Earlier days order first.
    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }

    /// ISO `YYYY-MM-DD`.
    public var description: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(10)
        appendISO(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `description`'s characters as UTF-8 (the batch writer's path: no String made).
    func appendISO(to bytes: inout [UInt8]) {
        let c = components
        // `String(v)` left-padded with zeros to `width` (a sign, for years before 1, counts as a character).
        func pad(_ v: Int, _ width: Int) {
            let start = bytes.count
            var x = v.magnitude
            repeat { bytes.append(UInt8(48 + x % 10)); x /= 10 } while x > 0
            if v < 0 { bytes.append(UInt8(ascii: "-")) }
            while bytes.count - start < width { bytes.append(48) }
            bytes[start...].reverse()
        }
        pad(c.year, 4)
        bytes.append(UInt8(ascii: "-"))
        pad(c.month, 2)
        bytes.append(UInt8(ascii: "-"))
        pad(c.day, 2)
    }
}
