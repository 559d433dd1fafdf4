import XCTest
@testable import GazetteKit

/// The batch writer spells numbers and dates itself; it must spell them exactly as `description` does.
final class ByteWriterTests: XCTestCase {
    func testDecimalsAreWrittenAsTheirDescription() {
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
            XCTAssertEqual(String(decoding: w.bytes, as: UTF8.self), n.description, "\(n.significand) scale \(n.scale)")
        }
    }

    func testDaysAreWrittenAsTheirDescription() {
        for ordinal in stride(from: -719_162, through: 2_932_896, by: 997) {
            let d = Day(ordinal: ordinal)
            var w = ByteWriter()
            w.day(d)
            XCTAssertEqual(String(decoding: w.bytes, as: UTF8.self), d.description)
        }
    }
}
