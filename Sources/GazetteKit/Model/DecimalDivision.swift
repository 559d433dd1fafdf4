/// Division and rounding of `ExactDecimal` with machine instructions where the numbers allow.
///
/// Swift's 128-bit `/` and `%` are library calls that cost dozens of cycles each, and stripping 28
/// trailing zeros one `% 10` at a time costs fifty of them. Case figures nearly always fit 64 bits,
/// so the quotient is formed by long division 19 digits at a time (`dividingFullWidth` is one `div`
/// instruction), and 128-bit values are divided by powers of ten in two 64-bit steps. Every function
/// here gives exactly what the plain 128-bit arithmetic gives; `DecimalDivisionTests` check that.
extension ExactDecimal {
    /// 10^0 … 10^19 as 64-bit words.
    static let powers64: [UInt64] = {
        var out: [UInt64] = [1]
        for _ in 1...19 { out.append(out[out.count - 1] * 10) }
        return out
    }()

    /// `m / 10^k` and `m % 10^k` for k in 0...38, with at most four machine divisions.
    static func divMod(_ m: UInt128, pow10 k: Int) -> (quotient: UInt128, remainder: UInt128) {
        if k <= 19 {
            let p = powers64[k]
            let hi = UInt64(truncatingIfNeeded: m >> 64), lo = UInt64(truncatingIfNeeded: m)
            let (q1, r1) = hi.quotientAndRemainder(dividingBy: p)
            let (q0, r0) = p.dividingFullWidth((r1, lo))
            return (UInt128(q1) << 64 | UInt128(q0), UInt128(r0))
        }
        let (qa, ra) = divMod(m, pow10: 19)
        let (qb, rb) = divMod(qa, pow10: k - 19)
        return (qb, rb * UInt128(powers64[19]) + ra)
    }

    /// `significand` and `scale` with trailing fractional zeros removed, in chunks of digits.
    static func stripZeros(_ significand: Int128, scale: Int) -> ExactDecimal {
        var k = scale
        var m = significand.magnitude
        for chunk in [16, 8, 4, 2, 1] {
            while k >= chunk {
                let (q, r) = divMod(m, pow10: chunk)
                guard r == 0 else { break }
                m = q
                k -= chunk
            }
        }
        // Two's complement from the magnitude, so 2^127 comes back as Int128.min rather than trapping.
        let s = significand < 0 ? Int128(truncatingIfNeeded: 0 &- m) : Int128(truncatingIfNeeded: m)
        return ExactDecimal(significand: s, scale: k)
    }

    /// The general path's quotient for operands whose significands fit 64 bits, or nil to use it.
    /// Same target scale, same half-even rounding, same normalisation.
    static func divideSmall(_ a: ExactDecimal, _ b: ExactDecimal) -> ExactDecimal? {
        guard let x = UInt64(exactly: a.significand.magnitude), let y = UInt64(exactly: b.significand.magnitude), y != 0 else {
            return nil
        }
        // The most fractional digits ≤ max(28, sa − sb) for which the scaled numerator fits Int128.
        var target = max(divisionScale, a.scale - b.scale)
        var k = target - a.scale + b.scale
        while target >= 0 {
            if k < 0 { return nil }
            if k <= 38, !Int128(x).multipliedReportingOverflow(by: powers[k]).overflow { break }
            target -= 1
            k -= 1
        }
        guard target >= 0 else { return nil }
        var q = UInt128(x / y)
        var r = x % y
        var remaining = k
        while remaining > 0 && r != 0 {
            let c = min(remaining, 19)
            let p = powers64[c]
            // r < y, so the high word of r·p is below y and the quotient fits one word.
            let (qc, rc) = y.dividingFullWidth(r.multipliedFullWidth(by: p))
            q = q * UInt128(p) + UInt128(qc)
            r = rc
            remaining -= c
        }
        let negative = (a.significand < 0) != (b.significand < 0)
        if r == 0 {
            // Exact: the digits not produced are zeros.
            let scale = target - remaining
            if scale < 0 {
                guard let p = pow10(-scale) else { return nil }
                let (m, o) = Int128(q).multipliedReportingOverflow(by: p)
                if o { return nil }
                return ExactDecimal(significand: negative ? -m : m, scale: 0)
            }
            return stripZeros(negative ? -Int128(q) : Int128(q), scale: scale)
        }
        // Half-even on the magnitude, as `roundQuotient` does: compare r with y − r, not 2r with y.
        if r > y - r || (r == y - r && q & 1 == 1) { q += 1 }
        guard q <= UInt128(Int128.max) else { return nil }
        return stripZeros(negative ? -Int128(q) : Int128(q), scale: target)
    }
}
