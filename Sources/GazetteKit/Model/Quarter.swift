/// A calendar quarter such as `2018Q2`.
public struct Quarter: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The calendar year.
    public let year: Int
    /// 1…4.
    public let number: Int

    /// A quarter of a year; nil when the year or quarter number is out of range.
    public init?(year: Int, number: Int) {
        guard (1...9999).contains(year), (1...4).contains(number) else { return nil }
        self.year = year
        self.number = number
    }

    /// Parses `YYYYQn`.
    public init?(_ text: String) {
        let b = Array(text.utf8)
        guard b.count == 6, b[4] == UInt8(ascii: "Q") || b[4] == UInt8(ascii: "q"),
              let y = Day.number(b[0..<4]), let q = Day.number(b[5..<6]) else { return nil }
        self.init(year: y, number: q)
    }

    /// The quarter a day falls in.
    public init(of day: Day) {
        year = day.year
        number = (day.month - 1) / 3 + 1
    }

    /// The first day of the quarter.
    public var firstDay: Day { Day(ordinal: Day.ordinal(year: year, month: (number - 1) * 3 + 1, day: 1)) }
    /// The last day of the quarter.
    public var lastDay: Day {
        let m = number * 3
        return Day(ordinal: Day.ordinal(year: year, month: m, day: Day.daysInMonth(year: year, month: m)))
    }

    /// Earlier quarters order first.
    public static func < (a: Quarter, b: Quarter) -> Bool { (a.year, a.number) < (b.year, b.number) }

    /// `YYYYQn`, as parsed.
    public var description: String { "\(year)Q\(number)" }
}
