/// The Chinese legal words for thresholds and the comparison each one means.
///
/// 以上 / 以下 / 以内 / 届满 include the number and 不满 / 超过 / 以外 exclude it (民法典 第一千二百五十九条);
/// 高于 / 低于 exclude it; 不低于 / 不高于 / 不超过 / 至少 / 最多 include it; `A—B` includes both ends.
enum Wording {
    /// What a word says about the number it governs.
    enum Meaning: Equatable {
        /// The comparison the word states (`>` for 超过).
        case op(CompareOp)
        /// `A—B`: a range closed at both ends.
        case closedRange
        /// A word with no direction (达标, a bare table value): nothing to check.
        case neutral
    }

    // Longest words first, so 不低于 is read before 低于 and 不超过 before 超过.
    static let vocabulary: [(String, Meaning)] = [
        ("不低于", .op(.ge)), ("不少于", .op(.ge)), ("不小于", .op(.ge)), ("不高于", .op(.le)), ("不超过", .op(.le)),
        ("不大于", .op(.le)), ("不多于", .op(.le)), ("不超", .op(.le)), ("不突破", .op(.le)), ("最高不超过", .op(.le)),
        ("达到", .op(.ge)), ("至少", .op(.ge)), ("年满", .op(.ge)), ("满", .op(.ge)), ("占到", .op(.ge)), ("以上", .op(.ge)), ("最低", .op(.ge)), ("起", .op(.ge)),
        ("最多", .op(.le)), ("最高", .op(.le)), ("以下", .op(.le)), ("以内", .op(.le)), ("届满", .op(.le)),
        ("之内", .op(.le)), ("内", .op(.le)), ("前", .op(.le)), ("底前", .op(.le)), ("为限", .op(.le)),
        ("高于", .op(.gt)), ("超过", .op(.gt)), ("大于", .op(.gt)), ("多于", .op(.gt)), ("突破", .op(.gt)), ("超", .op(.gt)),
        ("以外", .op(.gt)), ("之后", .op(.gt)), ("逾期", .op(.gt)),
        ("不减少", .op(.ge)), ("不降低", .op(.ge)), ("达", .op(.ge)), ("稳定在", .op(.ge)),
        ("不增加", .op(.le)), ("控制在", .op(.le)),
        ("低于", .op(.lt)), ("不满", .op(.lt)), ("不足", .op(.lt)), ("少于", .op(.lt)), ("小于", .op(.lt)), ("未达到", .op(.lt)), ("未满", .op(.lt)),
    ]

    /// Reads a tag: symbols (`>100 人`, `≥`), ranges (`30—100 人`), then words; nil when unknown.
    static func meaning(of tag: String) -> Meaning? {
        let t = tag.trimmingSpaces
        let symbols: [(String, CompareOp)] = [(">=", .ge), ("≥", .ge), ("<=", .le), ("≤", .le), (">", .gt), ("<", .lt), ("=", .eq)]
        for (s, op) in symbols where t.hasPrefix(s) { return .op(op) }
        // A range: digits on both sides of a dash (30—100, 3-5, 1至2).
        let chars = Array(t)
        for (i, c) in chars.enumerated() where "—–-~～至到".contains(c) && i > 0 && i + 1 < chars.count {
            if chars[i - 1].isNumber && chars[i + 1].isNumber { return .closedRange }
        }
        // The longest word the tag contains decides.
        var best: (Int, Meaning)?
        for (word, m) in vocabulary where t.contains(word) {
            if word.count > (best?.0 ?? 0) { best = (word.count, m) }
        }
        if let b = best { return b.1 }
        // A target verb before a bare number (新增 1 万家, 建成 30 个) reads as "at least", as the inventories do.
        let targetVerbs = ["新增", "建成", "建设", "培育", "实现", "形成", "引进", "集聚", "打造", "支持", "淘汰", "关停", "新建",
                           "累计", "组织", "开展", "完成", "提供", "设立", "配备", "开放", "实施", "落实", "明确", "选树", "选定", "布局", "增加"]
        if t.count <= 12, targetVerbs.contains(where: { t.contains($0) }) { return .op(.ge) }
        let neutral = ["全覆盖", "全面消除", "全部", "所有", "达标", "目标", "左右", "约", "为", "年目标值", "翻番", "不开设", "一律", "必须", "不得", "严禁"]
        if neutral.contains(where: { t.contains($0) }) { return .neutral }
        return nil
    }

    /// The comparison that fails exactly when `op` holds.
    static func complement(_ op: CompareOp) -> CompareOp {
        switch op {
        case .lt: return .ge
        case .le: return .gt
        case .gt: return .le
        case .ge: return .lt
        case .eq: return .ne
        case .ne: return .eq
        }
    }

    /// A comparison written either way round reads as its mirror (`0.6 < x` is `x > 0.6`).
    static func mirrored(_ op: CompareOp) -> CompareOp {
        switch op {
        case .lt: return .gt
        case .le: return .ge
        case .gt: return .lt
        case .ge: return .le
        default: return op
        }
    }

    /// Whether an operator honours the word: the requirement itself, or exactly its breach.
    static func consistent(_ op: CompareOp, with m: Meaning) -> Bool {
        switch m {
        case .neutral: return true
        case .closedRange: return op == .ge || op == .le || op == .lt || op == .gt
        case .op(let want):
            if want == .eq || want == .ne { return true }
            return op == want || op == complement(want)
        }
    }

    /// Checks a cell's unary test against its tag; a message when they disagree.
    static func check(cell test: UnaryTest<CellLiteral>, tag: String) -> String? {
        guard let m = meaning(of: tag) else {
            return "unknown threshold word 「\(tag)」: use a word the linter knows (高于, 不低于, 超过, 以上, 以下, 以内, 不满, A—B …)"
        }
        switch (test, m) {
        case (_, .neutral), (.any, _):
            return nil
        case (.range(_, let lc, _, let hc), .closedRange):
            return lc && hc ? nil : "「\(tag)」 is a range that includes both ends, but the cell leaves \(lc ? "its upper" : "its lower") end open"
        case (.range(_, let lc, _, let hc), .op(let want)):
            // A band cell: its lower end must honour a lower-bound word, its upper end an upper-bound word.
            switch want {
            case .ge: return lc ? nil : "「\(tag)」 includes the number, but the range's lower end is open"
            case .gt: return lc ? "「\(tag)」 excludes the number, but the range's lower end is closed" : nil
            case .le: return hc ? nil : "「\(tag)」 includes the number, but the range's upper end is open"
            case .lt: return hc ? "「\(tag)」 excludes the number, but the range's upper end is closed" : nil
            default: return nil
            }
        case (.compare(let op, _), _):
            if op == .eq || op == .ne { return nil }
            return consistent(op, with: m) ? nil : describe(op, m, tag)
        case (.anyOf(let ts), _), (.none(let ts), _):
            for t in ts { if let e = check(cell: t, tag: tag) { return e } }
            return nil
        }
    }

    static func describe(_ op: CompareOp, _ m: Meaning, _ tag: String) -> String {
        switch m {
        case .op(let want):
            return "operator \(op.rawValue) contradicts 「\(tag)」, which means \(want.rawValue) (or \(complement(want).rawValue) for its breach)"
        case .closedRange:
            return "operator \(op.rawValue) contradicts the inclusive range 「\(tag)」"
        case .neutral:
            return ""
        }
    }

    /// The comparisons against a literal in an expression, normalised so the variable stands on the left.
    /// Comparisons against numbers are the thresholds; dates count only where no number is compared.
    static func comparisons(in e: Expr) -> [CompareOp] {
        let numeric = comparisons(in: e) { if case .number = $0 { return true }; if case .negate(.number, _) = $0 { return true }; return false }
        if !numeric.isEmpty { return numeric }
        return comparisons(in: e) { if case .call("date", _, _) = $0 { return true }; return false }
    }

    static func comparisons(in e: Expr, literal isLiteral: (Expr) -> Bool) -> [CompareOp] {
        var out: [CompareOp] = []
        func walk(_ x: Expr) {
            switch x {
            case .binary(let op, let l, let r, _):
                if let c = CompareOp(rawValue: op.rawValue), op.isComparison {
                    if isLiteral(r) { out.append(c) } else if isLiteral(l) { out.append(mirrored(c)) }
                }
                walk(l)
                walk(r)
            case .not(let a, _), .negate(let a, _), .member(let a, _, _), .lambda(_, let a, _): walk(a)
            case .conditional(let a, let b, let c, _): walk(a); walk(b); walk(c)
            case .call(_, let args, _), .list(let args, _): args.forEach(walk)
            default: break
            }
        }
        walk(e)
        return out
    }

    /// Checks an expression step's tag; a message when no comparison in it honours the word.
    static func check(expression e: Expr, tag: String) -> String? {
        guard let m = meaning(of: tag) else {
            return "unknown threshold word 「\(tag)」: use a word the linter knows (高于, 不低于, 超过, 以上, 以下, 以内, 不满, A—B …)"
        }
        if m == .neutral { return nil }
        let ops = comparisons(in: e).filter { $0 != .eq && $0 != .ne }
        if ops.isEmpty { return nil }
        for op in ops where !consistent(op, with: m) { return describe(op, m, tag) }
        return nil
    }
}
