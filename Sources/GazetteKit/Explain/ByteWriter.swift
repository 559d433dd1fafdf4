/// Appends JSON to a byte buffer: the batch path's writer, no intermediate Strings.
struct ByteWriter {
    var bytes: [UInt8] = []

    init(capacity: Int = 512) { bytes.reserveCapacity(capacity) }

    mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func raw(_ s: String) {
        var s = s
        s.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func raw(_ b: ArraySlice<UInt8>) { bytes.append(contentsOf: b) }
    mutating func raw(_ b: [UInt8]) { bytes.append(contentsOf: b) }

    mutating func int(_ n: Int) {
        if n < 0 { bytes.append(UInt8(ascii: "-")) }
        var m = n.magnitude
        var digits: [UInt8] = []
        repeat { digits.append(UInt8(48 + m % 10)); m /= 10 } while m > 0
        bytes.append(contentsOf: digits.reversed())
    }

    /// A JSON string: copied as is unless it needs escapes.
    mutating func string(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        stringContent(s)
        bytes.append(UInt8(ascii: "\""))
    }

    /// The inside of a JSON string, escaped, without the quotes.
    mutating func stringContent(_ s: String) {
        var s = s
        s.withUTF8 { u in
            if !u.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
                bytes.append(contentsOf: u)
                return
            }
            for c in u {
                switch c {
                case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
                case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                case ..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 48, 48, hex[Int(c >> 4)], hex[Int(c & 15)]])
                default: bytes.append(c)
                }
            }
        }
    }

    /// A number as `ExactDecimal.description` spells it, without making a String.
    mutating func decimal(_ value: ExactDecimal) { value.appendDigits(to: &bytes) }

    /// A day as `YYYY-MM-DD` (no quotes), without making a String.
    mutating func day(_ d: Day) { d.appendISO(to: &bytes) }

    /// A typed value (objects need their type for field names).
    mutating func value(_ v: Value, _ type: ValueType?) {
        switch v {
        case .null: raw("null")
        case .bool(let b): if b { raw("true") } else { raw("false") }
        case .number(let n): decimal(n)
        case .string(let s): string(s)
        case .date(let d):
            bytes.append(UInt8(ascii: "\""))
            day(d)
            bytes.append(UInt8(ascii: "\""))
        case .datetime(let t): string(t.description)
        case .quarter(let q): string(q.description)
        case .list(let items):
            var itemType: ValueType?
            if case .list(let t)? = type { itemType = t }
            bytes.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { bytes.append(UInt8(ascii: ",")) }
                value(item, itemType)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let fields):
            guard case .object(let def)? = type else {
                value(.list(fields), nil)
                return
            }
            bytes.append(UInt8(ascii: "{"))
            for (i, (f, v)) in zip(def.fields, fields).enumerated() {
                if i > 0 { bytes.append(UInt8(ascii: ",")) }
                string(f.name)
                bytes.append(UInt8(ascii: ":"))
                value(v, f.type)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }
}
