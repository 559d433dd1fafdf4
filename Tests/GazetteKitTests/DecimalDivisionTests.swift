/// Differential tests for the machine-word fast paths in `DecimalDivision.swift`.
///
/// `divMod`, `stripZeros`, `divideSmall` and the rewritten `rounded(to:mode:)` exist only for speed:
/// each must give exactly what plain 128-bit `/` and `%` give — the same significand *and* scale,
/// not merely an equal value. Every test here compares them, over seeded random inputs, with a
/// reference built from plain Int128/UInt128 arithmetic (or with `dividingWide`, the 128-bit
/// division the fast path replaced), so a failure is reproducible from its seed.
import XCTest
@testable import GazetteKit

final class DecimalDivisionTests: XCTestCase {
    /// `Int128.min` has magnitude 2^127, one more than Int128.max: normalising it once trapped.
    func testInt128MinNormalisesWithoutTrapping() throws {
        let a = try XCTUnwrap(ExactDecimal("-18446744073709551.616"))
        let b = try XCTUnwrap(ExactDecimal("9223372036854775.808"))
        let p = try a.multiplying(b)
        XCTAssertEqual(p.significand, Int128.min)
        XCTAssertEqual(p.description, "-170141183460469231731687303715884.105728")
        XCTAssertEqual(ExactDecimal.stripZeros(Int128.min, scale: 6).significand, Int128.min)
        XCTAssertEqual(ExactDecimal(significand: Int128.min, scale: 3).normalized, ExactDecimal(significand: Int128.min, scale: 3))
    }

    typealias Rounding = ExactDecimal.Rounding
    typealias Failure = ExactDecimal.Failure

    // MARK: - divMod

    func testDivModMatchesPlainUInt128Arithmetic() {
        var rng = SplitMix64(seed: 0xD1F_0D)
        var report = Mismatches()
        var values: [UInt128] = [0, 1, 9, 10, UInt128(UInt64.max), UInt128(UInt64.max) + 1, UInt128.max, UInt128.max - 1]
        values += Self.tenTo.flatMap { p -> [UInt128] in [UInt128(p) - 1, UInt128(p), UInt128(p) + 1] }
        for _ in 0..<3_000 { values.append(rng.unsignedMagnitude()) }
        for m in values {
            for k in 0...38 {
                let p = UInt128(Self.tenTo[k])
                let got = ExactDecimal.divMod(m, pow10: k)
                if got.quotient != m / p || got.remainder != m % p {
                    report.add("divMod(\(m), pow10: \(k)) = (\(got.quotient), \(got.remainder)), expected (\(m / p), \(m % p))")
                }
            }
        }
        report.assertNone(checked: values.count * 39)
    }

    // MARK: - stripZeros and normalized

    func testStripZerosMatchesDigitByDigitLoop() {
        var rng = SplitMix64(seed: 0x5_7819)
        var report = Mismatches()
        var cases: [(Int128, Int)] = [(0, 0), (0, 5), (0, 38), (Int128.max, 7), (-Int128.max, 38), (Self.tenTo[38], 38), (-Self.tenTo[38], 38)]
        for _ in 0..<40_000 {
            cases.append((rng.signedSignificandWithZeros(), rng.int(in: 0...38)))
        }
        for (s, k) in cases {
            let expected = Self.naiveNormalized(s, scale: k)
            let stripped = ExactDecimal.stripZeros(s, scale: k)
            if stripped.significand != expected.significand || stripped.scale != expected.scale {
                report.add("stripZeros(\(s), scale: \(k)) = \(stripped.significand)e-\(stripped.scale), expected \(expected.significand)e-\(expected.scale)")
            }
            let normalized = ExactDecimal(significand: s, scale: k).normalized
            if normalized.significand != expected.significand || normalized.scale != expected.scale {
                report.add("(\(s)e-\(k)).normalized = \(normalized.significand)e-\(normalized.scale), expected \(expected.significand)e-\(expected.scale)")
            }
        }
        report.assertNone(checked: cases.count * 2)
    }

    // MARK: - Division

    func testDividingMatchesDividingWide() {
        var rng = SplitMix64(seed: 0xD1_1DE)
        var report = Mismatches()
        var pairs: [(ExactDecimal, ExactDecimal)] = []
        for _ in 0..<60_000 { pairs.append(rng.divisionPair()) }
        var smallPathTaken = 0
        for (a, b) in pairs {
            let fast = Outcome { () throws(Failure) in try a.dividing(by: b) }
            let wide = Outcome { () throws(Failure) in try a.dividingWide(by: b) }
            if fast != wide {
                report.add("\(Self.show(a)) / \(Self.show(b)): dividing = \(fast), dividingWide = \(wide)")
            }
            guard b.significand != 0 else { continue }
            let an = a.normalized, bn = b.normalized
            let fits = an.significand.magnitude <= UInt128(UInt64.max) && bn.significand.magnitude <= UInt128(UInt64.max)
            let small = ExactDecimal.divideSmall(an, bn)
            if let small {
                smallPathTaken += 1
                if !fits {
                    report.add("divideSmall(\(Self.show(an)), \(Self.show(bn))) = \(Self.show(small)) for a significand beyond 64 bits; expected nil")
                } else if Outcome.value(small.significand, small.scale) != wide {
                    report.add("divideSmall(\(Self.show(an)), \(Self.show(bn))) = \(Self.show(small)), dividingWide = \(wide)")
                }
            }
        }
        report.assertNone(checked: pairs.count)
        // The generator must exercise the fast path, not only the fallback.
        XCTAssertGreaterThan(smallPathTaken, pairs.count / 3)
    }

    func testDivideSmallDeclinesSignificandsBeyond64Bits() {
        var rng = SplitMix64(seed: 0x6_4B17)
        var report = Mismatches()
        let count = 5_000
        for i in 0..<count {
            let wide = Int128(rng.bits(rng.int(in: 65...127)) | UInt128(1) << 64)
            let narrow = Int128(rng.bits(rng.int(in: 1...64)) | 1)
            let w = ExactDecimal(significand: rng.chance(50) ? -wide : wide, scale: rng.int(in: 0...38)).normalized
            let n = ExactDecimal(significand: rng.chance(50) ? -narrow : narrow, scale: rng.int(in: 0...20)).normalized
            let (a, b) = i.isMultiple(of: 2) ? (w, n) : (n, w)
            guard a.significand.magnitude > UInt128(UInt64.max) || b.significand.magnitude > UInt128(UInt64.max) else { continue }
            if let q = ExactDecimal.divideSmall(a, b) {
                report.add("divideSmall(\(Self.show(a)), \(Self.show(b))) = \(Self.show(q)); expected nil")
            }
        }
        report.assertNone(checked: count)
    }

    // MARK: - rounded(to:mode:)

    func testRoundedMatchesPlainInt128Reference() {
        var rng = SplitMix64(seed: 0x20_0DED)
        var report = Mismatches()
        var values: [ExactDecimal] = [
            ExactDecimal(significand: Int128.max, scale: 38), ExactDecimal(significand: Int128.min, scale: 38),
            ExactDecimal(significand: Int128.min, scale: 7), ExactDecimal(significand: -Int128.max, scale: 1),
            ExactDecimal(significand: 5, scale: 1), ExactDecimal(significand: -5, scale: 1),
            ExactDecimal(significand: 25, scale: 1), ExactDecimal(significand: -25, scale: 1),
            ExactDecimal(significand: 0, scale: 9), ExactDecimal(significand: 123, scale: 40),
        ]
        for _ in 0..<5_000 { values.append(rng.roundingInput()) }
        for x in values {
            for mode in Rounding.allCases {
                for places in 0...6 {
                    let got = x.rounded(to: places, mode: mode)
                    let expected = Self.referenceRounded(x, to: places, mode: mode)
                    if got.significand != expected.significand || got.scale != expected.scale {
                        report.add("(\(x.significand)e-\(x.scale)).rounded(to: \(places), mode: .\(mode)) = \(Self.show(got)), expected \(expected.significand)e-\(expected.scale)")
                    }
                }
            }
        }
        report.assertNone(checked: values.count * Rounding.allCases.count * 7)
    }

    // MARK: - Literal expectations

    func testKnownQuotients() throws {
        func d(_ text: String) throws -> ExactDecimal { try XCTUnwrap(ExactDecimal(text)) }
        func check(_ a: String, _ b: String, _ significand: Int128, _ scale: Int, line: UInt = #line) throws {
            let x = try d(a), y = try d(b)
            let q = try x.dividing(by: y)
            XCTAssertEqual(q.significand, significand, "\(a) / \(b)", line: line)
            XCTAssertEqual(q.scale, scale, "\(a) / \(b)", line: line)
            let w = try x.dividingWide(by: y)
            XCTAssertEqual(w.significand, significand, "\(a) / \(b) (wide)", line: line)
            XCTAssertEqual(w.scale, scale, "\(a) / \(b) (wide)", line: line)
        }
        let threes = String(repeating: "3", count: 28)
        XCTAssertEqual(try d("1").dividing(by: d("3")).description, "0." + threes)
        try check("1", "3", try XCTUnwrap(Int128(threes)), 28)
        try check("2", "3", try XCTUnwrap(Int128(String(repeating: "6", count: 27) + "7")), 28)
        try check("1", "7", 1_428_571_428_571_428_571_428_571_429, 28)
        try check("150", "1.5", 100, 0)
        try check("1", "8", 125, 3)
        try check("10", "4", 25, 1)
        try check("600", "1000", 6, 1)
        try check("-7", "2", -35, 1)
        try check("7", "-2", -35, 1)
        try check("0.00", "-3", 0, 0)
        // 10^18 · 10^28 does not fit 128 bits: the quotient keeps the 20 fractional digits that do.
        try check("1000000000000000000", "3", try XCTUnwrap(Int128(String(repeating: "3", count: 38))), 20)
        XCTAssertEqual(try d("1000000000000000000").dividing(by: d("3")).description,
                       String(repeating: "3", count: 18) + "." + String(repeating: "3", count: 20))
        // Exact ties at the 29th digit round half-even.
        try check("0.0000000000000000000000000003", "2", 2, 28)   // 1.5e-28 → 2e-28
        try check("0.0000000000000000000000000005", "2", 2, 28)   // 2.5e-28 → 2e-28
        try check("-0.0000000000000000000000000007", "2", -4, 28) // -3.5e-28 → -4e-28
        try check("0.0000000000000000000000000001", "2", 0, 0)    // 0.5e-28 → 0
        XCTAssertThrowsError(try d("1").dividing(by: d("0.000"))) { XCTAssertEqual($0 as? Failure, .divisionByZero) }

        XCTAssertEqual(ExactDecimal.powers, Self.tenTo)
        let top = ExactDecimal.divMod(UInt128.max, pow10: 38)
        XCTAssertEqual(top.quotient, 3)
        XCTAssertEqual(top.remainder, UInt128.max - 3 * UInt128(Self.tenTo[38]))
    }

    // MARK: - References

    /// 10^0 … 10^38 by repeated multiplication, independent of `ExactDecimal.powers`.
    static let tenTo: [Int128] = {
        var out: [Int128] = [1]
        while out.count < 39 { out.append(out[out.count - 1] * 10) }
        return out
    }()

    /// The original `normalized`: one `% 10` per digit; zero gets scale 0.
    static func naiveNormalized(_ significand: Int128, scale: Int) -> (significand: Int128, scale: Int) {
        var s = significand, k = scale
        while k > 0 && s % 10 == 0 { s /= 10; k -= 1 }
        if s == 0 { k = 0 }
        return (s, k)
    }

    /// The original `rounded(to:mode:)`, with signed, truncating Int128 `/` and `%`.
    static func referenceRounded(_ x: ExactDecimal, to places: Int, mode: Rounding) -> (significand: Int128, scale: Int) {
        if x.scale <= places { return (x.significand, x.scale) }
        let drop = x.scale - places
        guard drop <= 38 else { return (0, 0) }
        let p = tenTo[drop]
        let q = x.significand / p
        let r = x.significand % p
        if r == 0 { return naiveNormalized(q, scale: places) }
        let negative = x.significand < 0
        let twice = r.magnitude * 2
        let up: Bool
        switch mode {
        case .halfUp: up = twice >= p.magnitude
        case .halfEven: up = twice > p.magnitude || (twice == p.magnitude && q % 2 != 0)
        case .down: up = false
        case .up: up = true
        case .floor: up = negative
        case .ceiling: up = !negative
        }
        return naiveNormalized(up ? (negative ? q - 1 : q + 1) : q, scale: places)
    }

    static func show(_ x: ExactDecimal) -> String { "\(x.significand)e-\(x.scale)" }

    /// A division's result, compared by significand and scale (not by value).
    enum Outcome: Equatable, CustomStringConvertible {
        case value(Int128, Int)
        case failure(Failure)

        init(_ body: () throws(Failure) -> ExactDecimal) {
            do {
                let q = try body()
                self = .value(q.significand, q.scale)
            } catch {
                self = .failure(error)
            }
        }

        var description: String {
            switch self {
            case let .value(s, k): return "\(s)e-\(k)"
            case let .failure(f): return "throws .\(f)"
            }
        }
    }

    /// Collects mismatches so a run makes one assertion, not hundreds of thousands.
    struct Mismatches {
        private(set) var count = 0
        private var first: [String] = []

        mutating func add(_ message: String) {
            count += 1
            if first.count < 5 { first.append(message) }
        }

        func assertNone(checked: Int, file: StaticString = #filePath, line: UInt = #line) {
            XCTAssertEqual(count, 0, "\(count) of \(checked) cases differ; first:\n" + first.joined(separator: "\n"), file: file, line: line)
        }
    }
}

/// SplitMix64 (Steele, Lea & Flood): a tiny seeded generator, so every run checks the same cases.
private struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform enough for test data (the modulo bias is irrelevant here).
    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }

    mutating func chance(_ percent: Int) -> Bool { int(in: 0...99) < percent }

    mutating func pick<T>(_ options: [T]) -> T { options[int(in: 0...(options.count - 1))] }

    /// A random value below 2^width, width in 0...128.
    mutating func bits(_ width: Int) -> UInt128 {
        guard width > 0 else { return 0 }
        let full = UInt128(next()) << 64 | UInt128(next())
        return full >> (128 - width)
    }

    /// `value × 10^zeros`, with fewer zeros if the product would pass `limit`.
    mutating func plantZeros(_ value: UInt128, _ zeros: Int, limit: UInt128) -> UInt128 {
        var z = zeros
        while z > 0 {
            let (m, o) = value.multipliedReportingOverflow(by: UInt128(DecimalDivisionTests.tenTo[z]))
            if !o && m <= limit { return m }
            z -= 1
        }
        return value
    }

    /// A magnitude: small, 64-bit, full 128-bit, or next to a power of ten or a word boundary.
    mutating func unsignedMagnitude() -> UInt128 {
        switch int(in: 0...99) {
        case 0..<20: return bits(int(in: 0...20))
        case 20..<45: return bits(int(in: 21...64))
        case 45..<80: return bits(int(in: 65...128))
        case 80..<90:
            let p = UInt128(DecimalDivisionTests.tenTo[int(in: 0...38)])
            return p &+ UInt128(bitPattern: Int128(int(in: -3...3)))
        default:
            return plantZeros(bits(int(in: 1...100)), int(in: 1...38), limit: .max)
        }
    }

    /// A signed significand, possibly with trailing zeros (`Int128.min` has its own test).
    mutating func signedSignificandWithZeros() -> Int128 {
        let limit = UInt128(Int128.max)
        let base: UInt128
        switch int(in: 0...99) {
        case 0..<5: base = 0
        case 5..<35: base = bits(int(in: 1...20))
        case 35..<65: base = bits(int(in: 21...64))
        default: base = bits(int(in: 65...127))
        }
        let m = Int128(plantZeros(base, chance(75) ? int(in: 0...38) : 0, limit: limit))
        return chance(50) ? -m : m
    }

    /// A division operand, weighted towards figures the fast path takes.
    mutating func operand() -> ExactDecimal {
        let magnitude: UInt128
        var scale = int(in: 0...20)
        switch int(in: 0...99) {
        case 0..<10:
            magnitude = UInt128(int(in: 1...20))
            scale = int(in: 0...6)
        case 10..<40:
            magnitude = bits(int(in: 1...63))
        case 40..<50:
            magnitude = UInt128(bitPattern: DecimalDivisionTests.tenTo[18] + Int128(int(in: -1_000...1_000)))
        case 50..<60:
            // Either side of the 63- and 64-bit boundaries.
            let edge = pick([UInt128(1) << 63, UInt128(1) << 64])
            magnitude = edge &+ UInt128(bitPattern: Int128(int(in: -5...5)))
        case 60..<70:
            let zeros = int(in: 1...18)
            magnitude = plantZeros(bits(int(in: 1...40)) | 1, zeros, limit: UInt128(UInt64.max))
            scale = int(in: 0...(20 + zeros))
        case 70..<85:
            magnitude = bits(int(in: 65...127))
            scale = int(in: 0...38)
        default:
            magnitude = bits(int(in: 1...127))
            scale = int(in: 0...38)
        }
        let s = Int128(magnitude)
        return ExactDecimal(significand: chance(50) ? -s : s, scale: scale)
    }

    /// A dividend and divisor: random, exactly divisible, repeating, tied at the 29th digit, or
    /// divided by a power of ten; now and then by zero.
    mutating func divisionPair() -> (ExactDecimal, ExactDecimal) {
        func signed(_ m: Int128) -> Int128 { chance(50) ? -m : m }
        switch int(in: 0...99) {
        case 0..<45:
            return (operand(), operand())
        case 45..<60:
            // a = b × c with c = 2^i · 5^j · m terminating, so the quotient is exact.
            let b = Int128(bits(int(in: 1...40)) | 1)
            var c = Int128(int(in: 1...999))
            for _ in 0..<int(in: 0...12) { c *= pick([2, 5]) }
            let (a, o) = b.multipliedReportingOverflow(by: c)
            let sb = int(in: 0...10), sc = int(in: 0...12)
            if o { return (ExactDecimal(150), ExactDecimal(significand: 15, scale: 1)) }
            return (ExactDecimal(significand: signed(a), scale: sb + sc), ExactDecimal(significand: signed(b), scale: sb))
        case 60..<72:
            let b = Int128(pick([3, 6, 7, 9, 11, 12, 13, 17, 19, 21, 23, 27, 81, 97, 7_919, 999_999_937]))
            let a = Int128(bits(int(in: 1...62)))
            return (ExactDecimal(significand: signed(a), scale: int(in: 0...20)),
                    ExactDecimal(significand: signed(b), scale: int(in: 0...20)))
        case 72..<87:
            // Quotient (10n + 5) · 10^-29: a tie at the 28th digit. b = 2^i · odd (odd not a
            // multiple of 5) so a's significand ends in zero and normalizes to at most 28 + sb digits.
            var odd = Int128(bits(int(in: 1...20)) | 1)
            if odd % 5 == 0 { odd += 2 }
            let b = odd << int(in: 1...10)
            let q = Int128(bits(int(in: 0...30))) * 10 + 5
            let sb = int(in: 0...9)
            let (a, o) = q.multipliedReportingOverflow(by: b)
            if o { return (ExactDecimal(significand: 3, scale: 28), ExactDecimal(2)) }
            return (ExactDecimal(significand: signed(a), scale: 29 + sb), ExactDecimal(significand: signed(b), scale: sb))
        case 87..<97:
            let p = DecimalDivisionTests.tenTo[int(in: 0...18)]
            return (operand(), ExactDecimal(significand: signed(p), scale: int(in: 0...38)))
        default:
            return (operand(), ExactDecimal(significand: 0, scale: int(in: 0...5)))
        }
    }

    /// A value to round: any signed significand (128-bit ones included) at scale 0...38.
    mutating func roundingInput() -> ExactDecimal {
        if chance(20) {
            // A remainder of exactly half when rounding to some place in 0...6: the tie rules.
            let drop = int(in: 1...12)
            let head = Int128(bits(int(in: 0...60)))
            let s = head * DecimalDivisionTests.tenTo[drop] + 5 * DecimalDivisionTests.tenTo[drop - 1]
            return ExactDecimal(significand: chance(50) ? -s : s, scale: drop + int(in: 0...6))
        }
        // Shifting by one bit or none: all 128 bits reinterpreted as Int128 give negatives and Int128.min too.
        let s = Int128(truncatingIfNeeded: unsignedMagnitude() >> int(in: 0...1))
        return ExactDecimal(significand: s == Int128.min || chance(50) ? s : -s, scale: int(in: 0...38))
    }
}
