/// A calendar quarter such as `2018Q2`.
public struct Quarter: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    /// 1…4.
    public let number: Int

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

    public var firstDay: Day { Day(ordinal: Day.ordinal(year: year, month: (number - 1) * 3 + 1, day: 1)) }
    public var lastDay: Day {
        let m = number * 3
        return Day(ordinal: Day.ordinal(year: year, month: m, day: Day.daysInMonth(year: year, month: m)))
    }

    public static func < (a: Quarter, b: Quarter) -> Bool { (a.year, a.number) < (b.year, b.number) }

    public var description: String { "\(year)Q\(number)" }
}
