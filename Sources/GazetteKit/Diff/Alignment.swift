/// Pairs up two sequences the way a reader would: equal items anchor (longest common subsequence),
/// items left between two anchors pair by position as "changed", and the rest were added or removed.
/// So inserting one note at the top reads as one added note, not as every note changed.
enum Alignment {
    /// One step of the alignment, by index into the old and the new sequence.
    enum Pair: Equatable {
        case same(Int, Int)
        case changed(Int, Int)
        case added(Int)
        case removed(Int)
    }

    /// The alignment of `old` and `new`; `pairChanged` false leaves unequal items as removed + added.
    static func align(_ old: [String], _ new: [String], pairChanged: Bool = true) -> [Pair] {
        let anchors = lcs(old, new) + [(old.count, new.count)]
        var out: [Pair] = []
        var i = 0, j = 0
        for (ai, bj) in anchors {
            let olds = Array(i..<ai), news = Array(j..<bj)
            let paired = pairChanged ? min(olds.count, news.count) : 0
            for k in 0..<paired { out.append(.changed(olds[k], news[k])) }
            for k in news.dropFirst(paired) { out.append(.added(k)) }
            for k in olds.dropFirst(paired) { out.append(.removed(k)) }
            if ai < old.count, bj < new.count { out.append(.same(ai, bj)) }
            i = ai + 1
            j = bj + 1
        }
        return out
    }

    /// Index pairs of a longest common subsequence, in order.
    static func lcs(_ a: [String], _ b: [String]) -> [(Int, Int)] {
        let n = a.count, m = b.count
        guard n > 0, m > 0 else { return [] }
        var len = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                len[i][j] = a[i] == b[j] ? len[i + 1][j + 1] + 1 : max(len[i + 1][j], len[i][j + 1])
            }
        }
        var out: [(Int, Int)] = []
        var i = 0, j = 0
        while i < n, j < m {
            if a[i] == b[j] {
                out.append((i, j))
                i += 1
                j += 1
            } else if len[i + 1][j] >= len[i][j + 1] {
                i += 1
            } else {
                j += 1
            }
        }
        return out
    }
}
