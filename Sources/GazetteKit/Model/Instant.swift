/// A moment in time with the UTC offset it was written in (ISO 8601 with offset).
public struct Instant: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z.
    public let epochSeconds: Int
    /// The offset from UTC the value was written in, in seconds.
    public let offsetSeconds: Int

    /// Asia/Shanghai has kept +08:00 without daylight saving since 1991.
    public static let shanghaiOffset = 8 * 3600

    /// An instant from seconds since the epoch and the UTC offset to write it in.
    public init(epochSeconds: Int, offsetSeconds: Int) {
        self.epochSeconds = epochSeconds
        self.offsetSeconds = offsetSeconds
    }

    /// Parses `YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM]`; no offset means Asia/Shanghai.
    public init?(iso text: Substring) {
        let b = Array(text.utf8)
        guard b.count >= 16, b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: " "),
              let day = Day(iso: text.prefix(10)[...]),
              b[13] == UInt8(ascii: ":"),
              let hh = Day.number(b[11..<13]), let mm = Day.number(b[14..<16]), hh < 24, mm < 60
        else { return nil }
        var i = 16
        var ss = 0
        if i < b.count, b[i] == UInt8(ascii: ":") {
            guard b.count >= 19, let s = Day.number(b[17..<19]), s < 60 else { return nil }
            ss = s
            i = 19
        }
        var offset = Instant.shanghaiOffset
        if i < b.count {
            if b[i] == UInt8(ascii: "Z") && i + 1 == b.count {
                offset = 0
            } else if (b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-")) && b.count == i + 6 && b[i + 3] == UInt8(ascii: ":"),
                      let oh = Day.number(b[(i + 1)..<(i + 3)]), let om = Day.number(b[(i + 4)..<(i + 6)]), oh <= 14, om < 60 {
                offset = (oh * 3600 + om * 60) * (b[i] == UInt8(ascii: "-") ? -1 : 1)
            } else {
                return nil
            }
        }
        epochSeconds = day.ordinal * 86400 + hh * 3600 + mm * 60 + ss - offset
        offsetSeconds = offset
    }

    /// The calendar day in Asia/Shanghai.
    public var shanghaiDay: Day {
        let local = epochSeconds + Instant.shanghaiOffset
        return Day(ordinal: local >= 0 ? local / 86400 : (local - 86399) / 86400)
    }

    /// Earlier moments order first, whatever their offsets.
    public static func < (a: Instant, b: Instant) -> Bool { a.epochSeconds < b.epochSeconds }
    /// The same moment is equal, whatever the offset it was written in.
    public static func == (a: Instant, b: Instant) -> Bool { a.epochSeconds == b.epochSeconds }
    /// Hashes the moment only, consistently with `==`.
    public func hash(into hasher: inout Hasher) { hasher.combine(epochSeconds) }

    /// ISO 8601 in the offset it was written in.
    public var description: String {
        let local = epochSeconds + offsetSeconds
        let dayOrdinal = local >= 0 ? local / 86400 : (local - 86399) / 86400
        let secs = local - dayOrdinal * 86400
        func pad(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let off: String
        if offsetSeconds == 0 { off = "Z" } else {
            let a = abs(offsetSeconds)
            off = (offsetSeconds < 0 ? "-" : "+") + pad(a / 3600) + ":" + pad(a % 3600 / 60)
        }
        return "\(Day(ordinal: dayOrdinal))T\(pad(secs / 3600)):\(pad(secs % 3600 / 60)):\(pad(secs % 60))\(off)"
    }
}
