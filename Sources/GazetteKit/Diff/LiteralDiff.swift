/// Tells a moved threshold apart from a rewritten condition: two expressions (or cells) whose
/// shape is equal once every number is blanked differ only in their numbers.
enum LiteralDiff {
    /// The numbers of an expression in source order, and its shape with each number as `#`.
    static func split(_ e: Expr) -> (shape: String, numbers: [ExactDecimal]) {
        var numbers: [ExactDecimal] = []
        let shape = skeleton(e, &numbers)
        return (shape, numbers)
    }

    /// The numbers of a unary test, and the test with each number blanked.
    static func split(_ t: UnaryTest<CellLiteral>) -> (shape: UnaryTest<CellLiteral>, numbers: [ExactDecimal]) {
        var numbers: [ExactDecimal] = []
        let shape = t.map { lit -> CellLiteral in
            if case .number(let n) = lit {
                numbers.append(n)
                return .bare("#")
            }
            return lit
        }
        return (shape, numbers)
    }

    /// `0.6 → 0.52` for each position whose number differs; nil when the shapes differ.
    static func movedNumbers(old: Expr, new: Expr) -> [(ExactDecimal, ExactDecimal)]? {
        let a = split(old), b = split(new)
        guard a.shape == b.shape, a.numbers.count == b.numbers.count else { return nil }
        return zip(a.numbers, b.numbers).filter { $0 != $1 }
    }

    /// As above for table cells.
    static func movedNumbers(old: UnaryTest<CellLiteral>, new: UnaryTest<CellLiteral>) -> [(ExactDecimal, ExactDecimal)]? {
        let a = split(old), b = split(new)
        guard a.shape == b.shape, a.numbers.count == b.numbers.count else { return nil }
        return zip(a.numbers, b.numbers).filter { $0 != $1 }
    }

    private static func skeleton(_ e: Expr, _ numbers: inout [ExactDecimal]) -> String {
        switch e {
        case .number(let n, _):
            numbers.append(n)
            return "#"
        case .string(let s, _): return "\"\(s)\""
        case .bool(let b, _): return b ? "true" : "false"
        case .null: return "null"
        case .name(let n, _): return n
        case .member(let base, let name, _): return skeleton(base, &numbers) + "." + name
        case .call(let f, let args, _):
            var parts: [String] = []
            for a in args { parts.append(skeleton(a, &numbers)) }
            return f + "(" + parts.joined(separator: ",") + ")"
        case .lambda(let p, let body, _): return p + "->" + skeleton(body, &numbers)
        case .negate(let x, _): return "-(" + skeleton(x, &numbers) + ")"
        case .not(let x, _): return "not(" + skeleton(x, &numbers) + ")"
        case .binary(let op, let l, let r, _):
            let ls = skeleton(l, &numbers)
            let rs = skeleton(r, &numbers)
            return "(" + ls + " " + op.rawValue + " " + rs + ")"
        case .conditional(let c, let t, let f, _):
            let cs = skeleton(c, &numbers)
            let ts = skeleton(t, &numbers)
            let fs = skeleton(f, &numbers)
            return "if(" + cs + "," + ts + "," + fs + ")"
        case .list(let items, _):
            var parts: [String] = []
            for i in items { parts.append(skeleton(i, &numbers)) }
            return "[" + parts.joined(separator: ",") + "]"
        }
    }
}
