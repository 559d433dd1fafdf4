/// An exact base-10 number: `significand × 10^-scale`, never a binary float.
///
/// Legal thresholds are decimals: `0.6` must mean 0.6. A 128-bit significand keeps 38 digits,
/// far beyond any figure in the gazettes; arithmetic that would need more is an error, not a
/// silent approximation. Division is exact whenever the quotient terminates.
public struct ExactDecimal: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The integer digits.
    public let significand: Int128
    /// How many of those digits are fractional.
    public let scale: Int

    /// Fractional digits kept by a non-terminating division.
    public static let divisionScale = 28
    static let maxScale = 38

    /// Builds `significand × 10^-scale`.
    public init(significand: Int128, scale: Int = 0) {
        self.significand = significand
        self.scale = scale
    }

    /// An integer value.
    public init(_ value: Int) {
        self.init(significand: Int128(value), scale: 0)
    }

    /// The number 0.
    public static let zero = ExactDecimal(0)
    /// The number 1.
    public static let one = ExactDecimal(1)

    /// Why a decimal could not be formed or computed.
    public enum Failure: Error, Sendable, Equatable {
        case syntax
        case tooManyDigits
        case outOfRange
        case divisionByZero
        case overflow
    }

    /// Parses JSON/FEEL number text (`-12.50`, `1e3`) exactly.
    public init(parsing text: Substring) throws(Failure) {
        self = try ExactDecimal.parse(Array(text.utf8)[...])
    }

    /// Parses number text given as UTF-8 bytes, exactly (the batch reader's path: no String made).
    public static func parse(_ utf8: ArraySlice<UInt8>) throws(Failure) -> ExactDecimal {
        var negative = false
        var index = utf8.startIndex
        if index < utf8.endIndex && utf8[index] == UInt8(ascii: "-") { negative = true; index += 1 }
        else if index < utf8.endIndex && utf8[index] == UInt8(ascii: "+") { index += 1 }
        var digits: Int128 = 0
        var significant = 0
        var scale = 0
        var sawDigit = false
        var sawPoint = false
        var exponent = 0
        while index < utf8.endIndex {
            let c = utf8[index]
            if c >= 48 && c <= 57 {
                sawDigit = true
                if digits != 0 || c != 48 { significant += 1 }
                if significant > 38 { throw .tooManyDigits }
                digits = digits * 10 + Int128(c - 48)
                if sawPoint { scale += 1 }
            } else if c == UInt8(ascii: ".") {
                if sawPoint { throw .syntax }
                sawPoint = true
            } else if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                var k = index + 1
                var expNegative = false
                if k < utf8.endIndex && (utf8[k] == UInt8(ascii: "-") || utf8[k] == UInt8(ascii: "+")) {
                    expNegative = utf8[k] == UInt8(ascii: "-")
                    k += 1
                }
                guard k < utf8.endIndex, utf8.endIndex - k <= 6 else { throw .syntax }
                var e = 0
                while k < utf8.endIndex {
                    let d = utf8[k]
                    guard d >= 48 && d <= 57 else { throw .syntax }
                    e = e * 10 + Int(d - 48)
                    k += 1
                }
                exponent = expNegative ? -e : e
                break
            } else {
                throw .syntax
            }
            index += 1
        }
        guard sawDigit else { throw .syntax }
        scale -= exponent
        if scale < 0 {
            for _ in 0..<(-scale) {
                let (m, o) = digits.multipliedReportingOverflow(by: 10)
                if o || (digits != 0 && m / 10 != digits) { throw .outOfRange }
                digits = m
                if digits != 0 && ExactDecimal.digitCount(digits) > 38 { throw .outOfRange }
            }
            scale = 0
        }
        if scale > ExactDecimal.maxScale {
            if digits == 0 { scale = 0 } else { throw .outOfRange }
        }
        return ExactDecimal(significand: negative ? -digits : digits, scale: scale).normalized
    }

    /// Parses a string; nil when it is not a number.
    public init?(_ text: String) {
        guard let value = try? ExactDecimal(parsing: text[...]) else { return nil }
        self = value
    }

    static func digitCount(_ value: Int128) -> Int {
        var v = value.magnitude
        var n = 1
        while v >= 10 { v /= 10; n += 1 }
        return n
    }

    /// 10^0 … 10^38, computed once: rescaling and rounding need them on every arithmetic step.
    static let powers: [Int128] = {
        var out: [Int128] = [1]
        for _ in 1...38 { out.append(out[out.count - 1] * 10) }
        return out
    }()

    static func pow10(_ n: Int) -> Int128? {
        guard n >= 0, n <= 38 else { return nil }
        return powers[n]
    }

    /// The same value without trailing fractional zeros (`1.50` → `1.5`).
    public var normalized: ExactDecimal {
        if scale == 0 { return self }
        if significand == 0 { return ExactDecimal(significand: 0, scale: 0) }
        var k = scale
        // Most figures fit 64 bits, where division is a machine instruction, not a library call.
        if let small = Int64(exactly: significand) {
            var s = small
            while k > 0 && s % 10 == 0 { s /= 10; k -= 1 }
            return ExactDecimal(significand: Int128(s), scale: k)
        }
        return ExactDecimal.stripZeros(significand, scale: k)
    }

    /// True when the value has no fractional part.
    public var isInteger: Bool { normalized.scale == 0 }

    /// The value as an Int when it is integral and fits.
    public var intValue: Int? {
        let n = normalized
        guard n.scale == 0, n.significand >= Int128(Int.min), n.significand <= Int128(Int.max) else { return nil }
        return Int(n.significand)
    }

    /// Whether the value is below zero.
    public var isNegative: Bool { significand < 0 }
    /// Whether the value is zero, at any scale.
    public var isZero: Bool { significand == 0 }

    /// Rescales to `target` fractional digits (only upwards); nil on overflow.
    func rescaled(to target: Int) -> Int128? {
        if target == scale { return significand }
        guard target > scale, let p = ExactDecimal.pow10(target - scale) else { return nil }
        let (m, o) = significand.multipliedReportingOverflow(by: p)
        return o ? nil : m
    }

    /// Equal in value, whatever the scale: `1.50` = `1.5`.
    public static func == (a: ExactDecimal, b: ExactDecimal) -> Bool { compare(a, b) == 0 }

    /// Hashes the normalized form, so equal values at different scales hash alike.
    public func hash(into hasher: inout Hasher) {
        let n = normalized
        hasher.combine(n.significand)
        hasher.combine(n.scale)
    }

    /// Ordered by value, exactly.
    public static func < (a: ExactDecimal, b: ExactDecimal) -> Bool { compare(a, b) < 0 }

    /// -1, 0 or 1, exactly.
    public static func compare(_ a: ExactDecimal, _ b: ExactDecimal) -> Int {
        if a.scale == b.scale { return a.significand < b.significand ? -1 : (a.significand == b.significand ? 0 : 1) }
        let target = max(a.scale, b.scale)
        let x = a.rescaled(to: target)
        let y = b.rescaled(to: target)
        switch (x, y) {
        case let (x?, y?): return x < y ? -1 : (x == y ? 0 : 1)
        // The side that overflowed when scaled up is larger in magnitude than the other.
        case (nil, _): return a.significand < 0 ? -1 : 1
        case (_, nil): return b.significand < 0 ? 1 : -1
        }
    }

    /// Exact sum.
    public func adding(_ other: ExactDecimal) throws(Failure) -> ExactDecimal {
        let target = max(scale, other.scale)
        guard let x = rescaled(to: target), let y = other.rescaled(to: target) else { throw .overflow }
        let (s, o) = x.addingReportingOverflow(y)
        if o { throw .overflow }
        return ExactDecimal(significand: s, scale: target)
    }

    /// Exact difference.
    public func subtracting(_ other: ExactDecimal) throws(Failure) -> ExactDecimal {
        try adding(other.negated())
    }

    /// The value with its sign flipped.
    public func negated() -> ExactDecimal { ExactDecimal(significand: -significand, scale: scale) }

    /// The absolute value.
    public var magnitude: ExactDecimal { significand < 0 ? negated() : self }

    /// Exact product.
    public func multiplying(_ other: ExactDecimal) throws(Failure) -> ExactDecimal {
        let a = normalized, b = other.normalized
        let (p, o) = a.significand.multipliedReportingOverflow(by: b.significand)
        if o { throw .overflow }
        let result = ExactDecimal(significand: p, scale: a.scale + b.scale)
        if result.scale > ExactDecimal.maxScale {
            return result.rounded(to: ExactDecimal.maxScale, mode: .halfEven)
        }
        return result
    }

    /// Quotient: exact when it terminates, else `divisionScale` digits rounded half-even.
    public func dividing(by other: ExactDecimal) throws(Failure) -> ExactDecimal {
        if other.significand == 0 { throw .divisionByZero }
        let a = normalized, b = other.normalized
        if a.significand == 0 { return .zero }
        if let q = ExactDecimal.divideSmall(a, b) { return q }
        return try a.dividingWide(by: b)
    }

    /// The quotient with 128-bit arithmetic throughout: the reference `divideSmall` must agree with,
    /// and the path for significands beyond 64 bits.
    func dividingWide(by other: ExactDecimal) throws(Failure) -> ExactDecimal {
        if other.significand == 0 { throw .divisionByZero }
        let a = normalized, b = other.normalized
        if a.significand == 0 { return .zero }
        var target = max(ExactDecimal.divisionScale, a.scale - b.scale)
        // Numerator scaled by 10^k so that the integer quotient has `target` fractional digits.
        while target >= 0 {
            let k = target - a.scale + b.scale
            if k >= 0, let p = ExactDecimal.pow10(k) {
                let (n, o) = a.significand.multipliedReportingOverflow(by: p)
                if !o {
                    let q = n / b.significand
                    let r = n % b.significand
                    let rounded = ExactDecimal.roundQuotient(q, remainder: r, divisor: b.significand)
                    return ExactDecimal(significand: rounded, scale: target).normalized
                }
            } else if k < 0 {
                break
            }
            target -= 1
        }
        throw .overflow
    }

    static func roundQuotient(_ q: Int128, remainder r: Int128, divisor d: Int128) -> Int128 {
        if r == 0 { return q }
        let twice = r.magnitude * 2
        let dm = d.magnitude
        let negative = (r < 0) != (d < 0)
        if twice > dm || (twice == dm && q % 2 != 0) { return negative ? q - 1 : q + 1 }
        return q
    }

    /// Rounding modes named in the expression language.
    public enum Rounding: String, Sendable, CaseIterable {
        case halfUp, halfEven, down, up, floor, ceiling
    }

    /// The value rounded to `places` fractional digits.
    public func rounded(to places: Int, mode: Rounding) -> ExactDecimal {
        if scale <= places { return self }
        let drop = scale - places
        guard let p = ExactDecimal.pow10(drop) else {
            return ExactDecimal(significand: 0, scale: 0)
        }
        // On magnitudes, with machine divisions: the same digits as `significand / p` and `% p`.
        let (qm, r) = ExactDecimal.divMod(significand.magnitude, pow10: drop)
        let negative = significand < 0
        let q = negative ? -Int128(qm) : Int128(qm)
        if r == 0 { return ExactDecimal(significand: q, scale: places).normalized }
        let twice = r * 2
        let half = p.magnitude
        var up: Bool
        switch mode {
        case .halfUp: up = twice >= half
        case .halfEven: up = twice > half || (twice == half && q % 2 != 0)
        case .down: up = false
        case .up: up = true
        case .floor: up = negative
        case .ceiling: up = !negative
        }
        let result = up ? (negative ? q - 1 : q + 1) : q
        return ExactDecimal(significand: result, scale: places).normalized
    }

    /// Plain decimal notation without trailing zeros: `0.6`, `-12`, `66.67`.
    public var description: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        appendDigits(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `description`'s characters as UTF-8 (the batch writer's path: no String made). Digits
    /// go in least significant first and the run is reversed in place.
    func appendDigits(to bytes: inout [UInt8]) {
        let n = normalized
        let start = bytes.count
        var m = n.significand.magnitude
        var fraction = n.scale
        func digit() {
            if let small = UInt64(exactly: m) {
                bytes.append(UInt8(48 + small % 10))
                m = UInt128(small / 10)
            } else {
                bytes.append(UInt8(48 + UInt64(m % 10)))
                m /= 10
            }
        }
        if fraction > 0 {
            while fraction > 0 { digit(); fraction -= 1 }
            bytes.append(UInt8(ascii: "."))
        }
        repeat { digit() } while m > 0
        if n.significand < 0 { bytes.append(UInt8(ascii: "-")) }
        bytes[start...].reverse()
    }
}
