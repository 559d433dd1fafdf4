import XCTest
@testable import GazetteKit

/// Numbers and dates are spelled by appending bytes (both `description` and the batch writer use it);
/// the spelling must match the plain String-built reference below, the way it has always read.
final class ByteWriterTests: XCTestCase {
    /// `ExactDecimal.description` as first written: digits of the normalized significand, a point
    /// inserted `scale` places from the right (zero-padded), a minus sign in front.
    static func referenceSpelling(_ value: ExactDecimal) -> String {
        let n = value.normalized
        var digits = String(n.significand.magnitude)
        if n.scale > 0 {
            if digits.count <= n.scale { digits = String(repeating: "0", count: n.scale - digits.count + 1) + digits }
            let cut = digits.index(digits.endIndex, offsetBy: -n.scale)
            digits = digits[..<cut] + "." + digits[cut...]
        }
        return n.significand < 0 ? "-" + digits : digits
    }

    /// `Day.description` as first written.
    static func referenceSpelling(_ d: Day) -> String {
        let c = d.components
        func pad(_ v: Int, _ w: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))"
    }

    func testDecimalsAreSpelledAsBefore() {
        var r = CaseGenerator.Random(seed: 11)
        var samples: [ExactDecimal] = [.zero, .one, ExactDecimal(significand: -5, scale: 3), ExactDecimal(significand: 600, scale: 3),
                                       ExactDecimal(significand: Int128.max, scale: 38), ExactDecimal(significand: Int128.min, scale: 6),
                                       ExactDecimal(significand: -Int128.max, scale: 0), ExactDecimal(significand: 1, scale: 28)]
        for _ in 0..<20_000 {
            let hi = Int128(Int64(bitPattern: r.next())), lo = Int128(r.next() >> 1)
            let sig = r.int(0...1) == 0 ? Int128(Int64(bitPattern: r.next())) >> r.int(0...60) : (hi << 62) ^ lo
            samples.append(ExactDecimal(significand: sig, scale: r.int(0...38)))
        }
        for n in samples {
            var w = ByteWriter()
            w.decimal(n)
            XCTAssertEqual(String(decoding: w.bytes, as: UTF8.self), Self.referenceSpelling(n), "\(n.significand) scale \(n.scale)")
            XCTAssertEqual(n.description, Self.referenceSpelling(n))
        }
    }

    func testDaysAreSpelledAsBefore() {
        // From well before year 1 (reachable with addDays) to 9999-12-31.
        for ordinal in stride(from: -900_000, through: 2_932_896, by: 997) {
            let d = Day(ordinal: ordinal)
            var w = ByteWriter()
            w.day(d)
            XCTAssertEqual(String(decoding: w.bytes, as: UTF8.self), Self.referenceSpelling(d))
            XCTAssertEqual(d.description, Self.referenceSpelling(d))
        }
    }
}
