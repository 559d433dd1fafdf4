import Foundation
import XCTest
@testable import GazetteKit

/// Seeded randomized tests: hostile and mutated input never crashes, never loses a line, and the fast
/// batch path always agrees with the general one. (Issue 6, part 5.)
final class RobustnessTests: XCTestCase {
    static let book: Rulebook = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        do {
            return try Rulebook.load(path: root.appendingPathComponent("Rules").path, today: Day("2021-08-01")!)
        } catch {
            fatalError("the shipped rules must load: \(error)")
        }
    }()

    /// Mutates a valid case line: byte flips, truncations, duplications, hostile numbers and structures.
    static func mutate(_ line: [UInt8], _ r: inout CaseGenerator.Random) -> [UInt8] {
        var b = line
        let hostile: [String] = ["NaN", "1e999", "-0", "1234567890123456789012345678901234567890", "0.0000000000000000000000000000000000000001",
                                 "\"\\ud800\"", "[[[[[[", "{\"a\":{\"b\":{}}}", "\u{FEFF}", "\r", "null", "true", "\"高\"", "-1", "1e-7",
                                 ",", "}", "{", "\"", "\\", "\u{0}", "\u{7F}", "9999999999999999999"]
        for _ in 0..<r.int(1...3) {
            switch r.int(0...5) {
            case 0 where !b.isEmpty:
                b[r.int(0...(b.count - 1))] = UInt8(truncatingIfNeeded: r.next())
            case 1 where !b.isEmpty:
                b.removeSubrange(r.int(0...(b.count - 1))...)
            case 2:
                let h = Array(hostile[r.int(0...(hostile.count - 1))].utf8)
                b.insert(contentsOf: h, at: r.int(0...b.count))
            case 3 where b.count > 2:
                let i = r.int(0...(b.count - 2))
                b.insert(contentsOf: b[i...(i + 1)], at: i)
            case 4:
                if let colon = b.firstIndex(of: UInt8(ascii: ":")) {
                    let h = Array(hostile[r.int(0...(hostile.count - 1))].utf8)
                    let end = b[colon...].firstIndex(of: UInt8(ascii: ",")) ?? b.count - 1
                    b.replaceSubrange((colon + 1)..<max(colon + 1, end), with: h)
                }
            default:
                b = Array(String(decoding: b, as: UTF8.self).replacingOccurrences(of: "\"id\"", with: "\"asOf\"").utf8)
            }
        }
        return b.filter { $0 != 0x0A }
    }

    func testHundredThousandMutatedCasesNeverCrashAndFastPathAgrees() {
        let ids = ["geohazard.prevention-zone", "energy.use-rights", "land.reward-quota", "website.quarterly-inspection"]
        var r = CaseGenerator.Random(seed: 20210720)
        var total = 0
        for id in ids {
            guard let d = Self.book.compiled[id] else { return XCTFail("\(id) is not loaded") }
            var gen = CaseGenerator(decision: d, seed: 7)
            let fast = BatchRunner(rulebook: Self.book, decisionId: id, jobs: 1)
            for n in 1...25_000 {
                let line = Self.mutate(Array(gen.nextLine(id: n).utf8), &r)
                let a = fast.judgeLine(line, number: n)
                let b = fast.generalLine(.bytes(line[...]), number: n) + "\n"
                total += 1
                if a != b {
                    return XCTFail("fast and general paths disagree on \(String(decoding: line, as: UTF8.self))\nfast:    \(a)general: \(b)")
                }
                guard let obj = try? JSONParser.parse(Array(a.utf8)), case .number(let l)? = obj["line"], l == String(n) else {
                    return XCTFail("line \(n) did not give one result line with its number: \(a)")
                }
            }
        }
        XCTAssertEqual(total, 100_000)
    }

    func testBatchKeepsOneResultPerLineUnderMutation() {
        var r = CaseGenerator.Random(seed: 99)
        guard let d = Self.book.compiled["geohazard.prevention-zone"] else { return XCTFail("geohazard not loaded") }
        var gen = CaseGenerator(decision: d, seed: 1)
        var input: [UInt8] = []
        let count = 5_000
        for n in 1...count { input += Self.mutate(Array(gen.nextLine(id: n).utf8), &r) + [0x0A] }
        for jobs in [1, 2] {
            var out: [UInt8] = []
            var offset = 0
            BatchRunner(rulebook: Self.book, decisionId: "geohazard.prevention-zone", jobs: jobs, chunkLines: 333).run(read: {
                guard offset < input.count else { return [] }
                let end = min(input.count, offset + 4093)
                defer { offset = end }
                return Array(input[offset..<end])
            }, write: { out += $0; return true })
            let lines = out.split(separator: 0x0A)
            XCTAssertEqual(lines.count, count, "jobs \(jobs)")
            for (k, l) in lines.enumerated() {
                guard case .number(let n)? = (try? JSONParser.parse(Array(l)))?["line"] else { return XCTFail("unparsable result \(k + 1)") }
                XCTAssertEqual(n, String(k + 1))
            }
        }
    }

    func testExpressionParserSurvivesMutatedExpressions() {
        let seeds = ["round(reclaimedArea / 1.5, 2)", "if a > 0.6 then \"paid\" else \"free\"", "addWorkingDays(date(\"2018-09-25\"), 15)",
                     "count(xs, x -> x.n >= 3) = 0 and not present(y)", "min(1, 2, max(3, 4)) + -5 * (6 - 7) / 8",
                     "filter(quartersOfYear(2018), q -> not exists(xs, i -> quarterOf(i.date) = q))"]
        var r = CaseGenerator.Random(seed: 5)
        let tokens = ["(", ")", "->", ",", ".", "\"", "if", "then", "else", "and", "not", "1e5", "..", "-", "[", "]", "date(", "≥", "（"]
        for n in 0..<20_000 {
            var s = Array(seeds[n % seeds.count])
            for _ in 0..<r.int(1...3) {
                switch r.int(0...2) {
                case 0 where !s.isEmpty: s.remove(at: r.int(0...(s.count - 1)))
                case 1: s.insert(contentsOf: Array(tokens[r.int(0...(tokens.count - 1))]), at: r.int(0...s.count))
                default: if !s.isEmpty { s = Array(s[..<r.int(0...(s.count - 1))]) }
                }
            }
            // Either a tree or a positioned error; never a crash.
            do {
                _ = try ExpressionParser.parse(String(s))
            } catch {
                XCTAssertGreaterThanOrEqual(error.offset, 0)
                XCTAssertLessThanOrEqual(error.offset, s.count)
            }
            _ = try? UnaryTestParser.parse(String(s))
        }
    }

    /// The strict reader accepts exactly what Foundation's JSONSerialization accepts, on random documents.
    func testJSONParserAgreesWithJSONSerialization() {
        var r = CaseGenerator.Random(seed: 8259)
        let pieces = ["{", "}", "[", "]", ",", ":", "\"a\"", "\"b\"", "1", "-0", "0.5", "1e3", "01", "1.", ".5", "true", "false", "null",
                      "\"\\u00e9\"", "\"\\x\"", " ", "\"高\"", "tru", "\"\\ud83d\\ude00\"", "-", "+1", "1E-2", "\"\t\""]
        var agree = 0
        for _ in 0..<20_000 {
            var s = ""
            if r.int(0...1) == 0 {
                // Mostly-valid documents: a small random object.
                s = "{\"k\":" + pieces[r.int(0...(pieces.count - 1))] + ",\"v\":[" + pieces[r.int(0...(pieces.count - 1))] + "]}"
            } else {
                for _ in 0..<r.int(1...8) { s += pieces[r.int(0...(pieces.count - 1))] }
            }
            let ours = (try? JSONParser.parse(s)) != nil
            let foundation = (try? JSONSerialization.jsonObject(with: Data(s.utf8), options: [.fragmentsAllowed])) != nil
            // Foundation tolerates duplicate keys; we refuse them on purpose (design: an error, not a silent pick).
            if ours != foundation && !(foundation && hasDuplicateKeys(s)) {
                return XCTFail("disagree on \(s): ours \(ours), JSONSerialization \(foundation)")
            }
            agree += 1
        }
        XCTAssertEqual(agree, 20_000)
    }

    func hasDuplicateKeys(_ s: String) -> Bool {
        do {
            _ = try JSONParser.parse(s)
            return false
        } catch {
            return error.message.hasPrefix("duplicate key")
        }
    }
}

/// The table index (row bitsets per column piece) must match exactly the rows the cell closures match.
final class TableIndexAgreementTests: XCTestCase {
    func testIndexAgreesWithCellClosuresOnEveryShippedTable() {
        var r = CaseGenerator.Random(seed: 64)
        var checked = 0
        for id in RobustnessTests.book.ids {
            guard let d = RobustnessTests.book.compiled[id] else { continue }
            for v in d.versions {
                for case .table(let node) in v.steps {
                    let t = node.table
                    guard let index = t.index else { continue }
                    let cells = TableAnalysis(table: t, decision: d.decision).resolvedCells()
                    let pieces = t.columnTypes.enumerated().map { k, type in
                        (DomainPartition.pieces(type: type, cells: cells[k], bounds: nil) ?? []).map(\.witness) + [.null]
                    }
                    for _ in 0..<200 {
                        let values: [Value] = pieces.map { p in
                            if p.isEmpty { return .null }
                            let w = p[r.int(0...(p.count - 1))]
                            // Jitter numbers so values between the witnesses are tried too.
                            if case .number(let n) = w, r.int(0...2) == 0 {
                                return .number((try? n.adding(ExactDecimal(significand: Int128(r.int(-5...5)), scale: 1))) ?? n)
                            }
                            return w
                        }
                        XCTAssertEqual(index.matches(values), t.matches(values), "\(id) table \(t.source.name) on \(values)")
                        checked += 1
                    }
                }
            }
        }
        XCTAssertGreaterThan(checked, 10_000)
    }
}

/// A number or date column whose cells are all "-" has no bounds; it is still indexed by its type.
final class TableIndexEmptyColumnTests: XCTestCase {
    func testDateColumnOfDashesMatchesEveryDate() throws {
        let book = try RuleText.load(RuleText.decision(
            inputs: #"[{"name":"d","type":"date","required":true},{"name":"n","type":"integer","required":true}]"#,
            outputs: #"[{"name":"big","type":"boolean"}]"#,
            steps: #"[{"table":{"name":"t","hitPolicy":"unique","inputs":["d","n"],"outputs":["big"],"rows":[{"when":["-","> 10"],"then":{"big":true}},{"when":["-","<= 10"],"then":{"big":false}}]}}]"#))
        for (line, big) in [(#"{"d":"2024-05-01","n":11}"#, true), (#"{"d":"1999-12-31","n":10}"#, false)] {
            let r = try book.evaluate("t.case", json: line, explain: false).get()
            XCTAssertEqual(r.output("big"), .bool(big), line)
            let batch = BatchRunner(rulebook: book, decisionId: "t.case").judgeLine(Array(line.utf8), number: 1)
            XCTAssertTrue(batch.contains(#""big":\#(big)"#), batch)
        }
    }
}
