import Foundation
import GazetteKit

/// `gazette diff OLD NEW [--cases F]` or `gazette diff --decision ID --from D1 --to D2 [--cases F]`:
/// what changed between two rule versions, and which cases change outcome.
enum DiffCommand {
    static func run(_ args: Arguments) throws -> Int32 {
        try args.allow(["--rules", "--cases", "--decision", "--from", "--to", "--out", "--format"])
        let plan = try plan(args)
        var caseReport: (id: String, file: String, report: OutcomeDiff.Report)?
        if let file = args.options["--cases"] {
            guard let data = FileManager.default.contents(atPath: file) else { throw UsageError("cannot read --cases \(file)") }
            let jsonl = String(decoding: data, as: UTF8.self)
            let id = try caseDecision(args, plan: plan, jsonl: jsonl)
            caseReport = (id, file, OutcomeDiff(decisionId: id, old: plan.old, new: plan.new).run(jsonl: jsonl))
        }
        let flippedJSONL = caseReport.map { $0.report.flipped.map { OutcomeDiff.json($0) + "\n" }.joined() }
        if let out = args.options["--out"] {
            guard let flippedJSONL else { throw UsageError("--out writes the cases that change outcome: it needs --cases FILE") }
            do { try Data(flippedJSONL.utf8).write(to: URL(fileURLWithPath: out)) } catch {
                throw UsageError("cannot write \(out): \(error.localizedDescription)")
            }
        }
        let format = args.options["--format"] ?? (Console.stdoutIsTerminal ? "text" : "json")
        switch format {
        case "text":
            _ = Console.out(text(plan, caseReport))
        case "json":
            // With cases, the JSONL of the cases that flip; without, one line per structural change.
            _ = Console.out(flippedJSONL ?? plan.changes.map { json($0) + "\n" }.joined())
        default:
            throw UsageError("--format must be text or json, not \"\(format)\"")
        }
        return 0
    }

    /// The two sides being compared and the structural changes between them.
    struct Plan {
        let title: String
        let old: OutcomeDiff.Side
        let new: OutcomeDiff.Side
        let changes: [RuleChange]
        /// The decision the sides are about, when the comparison is of one decision's versions.
        let decision: String?
    }

    static func plan(_ args: Arguments) throws -> Plan {
        if args.positionals.isEmpty {
            guard let id = args.options["--decision"], let fromText = args.options["--from"], let toText = args.options["--to"] else {
                throw UsageError("diff needs OLD NEW (rule directories or files), or --decision ID --from DATE --to DATE")
            }
            guard let from = try Loading.day(fromText, option: "--from"), let to = try Loading.day(toText, option: "--to") else {
                throw UsageError("--from and --to need dates (YYYY-MM-DD)")
            }
            let book = try Loading.rulebook(args)
            guard let d = book.decisions.first(where: { $0.id == id }) else {
                throw UsageError("no decision \"\(id)\" is loaded; `gazette list` shows them")
            }
            let versions = d.versions.map { "\($0.id) (\($0.from) – \($0.until.map(\.description) ?? "open"))" }.joined(separator: ", ")
            guard let a = d.version(on: from) else { throw UsageError("no version of \(id) is in force on \(from); it has \(versions)") }
            guard let b = d.version(on: to) else { throw UsageError("no version of \(id) is in force on \(to); it has \(versions)") }
            let title = a.id == b.id ? "\(id): version \(a.id) is in force on both \(from) and \(to)"
                : "\(id): version \(a.id) (in force \(from)) → version \(b.id) (in force \(to))"
            return Plan(title: title,
                        old: .init(rulebook: book, asOf: from), new: .init(rulebook: book, asOf: to),
                        changes: RuleDiff.compare(d, from: a, to: b), decision: id)
        }
        guard args.positionals.count == 2 else { throw UsageError("diff takes two rule paths, OLD and NEW (got \(args.positionals.count))") }
        if args.options["--from"] != nil || args.options["--to"] != nil {
            throw UsageError("--from/--to compare versions of one decision in --rules; with OLD NEW give neither")
        }
        let old = try Rulebook.load(path: args.positionals[0]), new = try Rulebook.load(path: args.positionals[1])
        return Plan(title: "\(args.positionals[0]) → \(args.positionals[1])", old: .init(rulebook: old), new: .init(rulebook: new),
                    changes: RuleDiff.compare(old: old, new: new), decision: nil)
    }

    /// The decision the cases are judged by: `--decision`; else the one decision that changed; else,
    /// of the changed decisions, the one that judges the most cases without an error (a batch is
    /// written for one decision, and its cases are input errors for the others).
    static func caseDecision(_ args: Arguments, plan: Plan, jsonl: String) throws -> String {
        if let id = args.options["--decision"] ?? plan.decision { return id }
        var changed: [String] = []
        for c in plan.changes where !changed.contains(c.decision) { changed.append(c.decision) }
        if changed.count == 1 { return changed[0] }
        guard !changed.isEmpty else { throw UsageError("no decision changed; name the one the cases are for with --decision ID") }
        let judged = changed.map { id in
            (id, OutcomeDiff(decisionId: id, old: plan.old, new: plan.old).run(jsonl: jsonl).cases.filter {
                if case .success = $0.old { return true } else { return false }
            }.count)
        }
        let best = judged.map(\.1).max() ?? 0
        let winners = judged.filter { $0.1 == best }
        guard best > 0, winners.count == 1 else {
            throw UsageError("several decisions changed (\(changed.joined(separator: ", "))); name the one the cases are for with --decision ID")
        }
        return winners[0].0
    }

    static func text(_ plan: Plan, _ cases: (id: String, file: String, report: OutcomeDiff.Report)?) -> String {
        var o = "gazette diff: \(plan.title)\n"
        var decisions: [String] = []
        for c in plan.changes where !decisions.contains(c.decision) { decisions.append(c.decision) }
        if plan.changes.isEmpty { o += "\nno structural changes\n" }
        for d in decisions {
            o += "\n\(d)\n"
            for c in plan.changes where c.decision == d {
                o += "  " + c.kind.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0) + c.action.padding(toLength: 8, withPad: " ", startingAt: 0) + c.location + "\n"
                if let old = c.old { o += "      - " + old + "\n" }
                if let new = c.new { o += "      + " + new + "\n" }
            }
        }
        o += "\n\(plan.changes.count) change\(plan.changes.count == 1 ? "" : "s") in \(decisions.count) decision\(decisions.count == 1 ? "" : "s")\n"
        guard let cases else { return o }
        let flipped = cases.report.flipped
        o += "\nCases (\(cases.id), \(cases.file)): \(flipped.count) of \(cases.report.cases.count) change outcome\n"
        guard !flipped.isEmpty else { return o }
        var rows: [[String]] = [["line", "id", "what", "old", "new"]]
        for c in flipped {
            let id = c.caseId.map { if case .string(let s) = $0 { return s } else { return JSONWriter.json($0) } } ?? ""
            for (k, name) in c.changed.enumerated() {
                rows.append([k == 0 ? String(c.line) : "", k == 0 ? id : "", name, describe(c.old, name), describe(c.new, name)])
            }
        }
        let widths = (0..<5).map { col in min(40, rows.map { $0[col].count }.max() ?? 0) }
        for r in rows {
            o += "  " + r.enumerated().map { col, cell in col == 4 ? cell : cell.padding(toLength: widths[col], withPad: " ", startingAt: 0) }
                .joined(separator: "  ") + "\n"
        }
        return o
    }

    /// One side's value of what changed: an output, the finding codes, or the error.
    static func describe(_ r: Result<EvaluationResult, EvaluationError>, _ name: String) -> String {
        switch r {
        case .failure(let e): return "error \(e.code.rawValue)"
        case .success(let x):
            if name == "findings" { return "[" + x.findings.map(\.code).joined(separator: ", ") + "]" }
            if name == "error" { return "judged" }
            guard let o = x.outputs.first(where: { $0.spec.name == name }) else { return "—" }
            return JSONWriter.value(o.value, o.spec.type)
        }
    }

    static func json(_ c: RuleChange) -> String {
        var parts = ["\"decision\":" + JSONWriter.quote(c.decision), "\"kind\":" + JSONWriter.quote(c.kind.rawValue),
                     "\"action\":" + JSONWriter.quote(c.action), "\"location\":" + JSONWriter.quote(c.location)]
        if let o = c.old { parts.append("\"old\":" + JSONWriter.quote(o)) }
        if let n = c.new { parts.append("\"new\":" + JSONWriter.quote(n)) }
        return "{" + parts.joined(separator: ",") + "}"
    }
}
