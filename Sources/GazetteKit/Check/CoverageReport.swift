import Foundation

/// The coverage ledger (`gazette coverage`): per source document, what is encoded and what is not, and why.
public struct CoverageReport {
    /// The rulebook whose coverage is reported.
    public let rulebook: Rulebook
    /// Directory of the seed texts, to find documents that have no rule file.
    public let seedsDirectory: String?

    /// A report over a rulebook, with the seed texts if there are any.
    public init(rulebook: Rulebook, seedsDirectory: String?) {
        self.rulebook = rulebook
        self.seedsDirectory = seedsDirectory
    }

    /// Document numbers printed on their own line in a seed (the heading of each document).
    public static func documentNumbers(inSeed text: String) -> [String] {
        var out: [String] = []
        for raw in text.split(separator: "\n") {
            let line = normalizeNumber(String(raw))
            guard line.count <= 20, line.hasSuffix("号"), line.contains("〔"), line.contains("〕"),
                  line.hasPrefix("浙") else { continue }
            if !out.contains(line) { out.append(line) }
        }
        return out
    }

    /// Full-width digits to ASCII and spaces removed: `浙政办发〔２０１８〕８４ 号` → `浙政办发〔2018〕84号`.
    public static func normalizeNumber(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars where !CharacterSet.whitespaces.contains(u) {
            if (0xFF10...0xFF19).contains(u.value), let a = Unicode.Scalar(u.value - 0xFF10 + 48) { out.unicodeScalars.append(a) } else { out.unicodeScalars.append(u) }
        }
        return out
    }

    /// The ledger as Markdown.
    public func markdown() -> String {
        let files = rulebook.files.sorted { ($0.document.date, $0.document.number) < ($1.document.date, $1.document.number) }
        var encodedClauses = 0, notEncoded = 0
        var body: [String] = []
        var byIssue: [String: [RuleFile]] = [:]
        for f in files { byIssue[f.document.gazette, default: []].append(f) }
        for issue in byIssue.keys.sorted(by: { (byIssue[$0]?.first?.document.date ?? "") < (byIssue[$1]?.first?.document.date ?? "") }) {
            body.append("## \(issue)")
            body.append("")
            for f in byIssue[issue] ?? [] {
                let d = f.document
                body.append("### \(d.number) \(d.title)")
                body.append("")
                body.append("\(d.issuer), \(d.date) · seed `\(d.seed)` · rule file `\(relative(f.path))`")
                body.append("")
                // Clause → decisions that cite it.
                var clauses: [(clause: String, line: Int?, ids: [String])] = []
                for dec in f.decisions {
                    var keys = Set(dec.source)
                    for v in dec.versions {
                        for s in v.steps {
                            switch s {
                            case .set(let x): keys.formUnion(x.cite)
                            case .table(let t): for r in t.rows { keys.formUnion(r.cite) }
                            case .finding: break
                            }
                        }
                    }
                    for fd in dec.findings { keys.formUnion(fd.cite) }
                    // Fields and enum values cite clauses too (the obligations a zone class carries).
                    for field in dec.inputs + dec.outputs { keys.formUnion(CoverageReport.cites(of: field)) }
                    // Sorted, and the earliest line per clause kept, so the ledger is the same on every run.
                    for k in keys.sorted() {
                        guard let c = f.citations[k] ?? dec.citations[k], c.document.number == d.number else { continue }
                        if let i = clauses.firstIndex(where: { $0.clause == c.clause }) {
                            if !clauses[i].ids.contains(dec.id) { clauses[i].ids.append(dec.id) }
                            if let l = c.line, l < (clauses[i].line ?? Int.max) { clauses[i].line = l }
                        } else {
                            clauses.append((c.clause, c.line, [dec.id]))
                        }
                    }
                }
                clauses.sort { ($0.line ?? 0, $0.clause) < ($1.line ?? 0, $1.clause) }
                if !clauses.isEmpty {
                    body.append("| clause | line | encoded by |")
                    body.append("|---|---|---|")
                    for c in clauses {
                        body.append("| \(cell(c.clause)) | \(c.line.map(String.init) ?? "") | \(c.ids.sorted().map { "`\($0)`" }.joined(separator: ", ")) |")
                    }
                    body.append("")
                }
                encodedClauses += clauses.count
                if !f.notEncoded.isEmpty {
                    body.append("Not encoded:")
                    body.append("")
                    body.append("| clause | line | what | why |")
                    body.append("|---|---|---|---|")
                    for n in f.notEncoded.sorted(by: { ($0.line ?? 0) < ($1.line ?? 0) }) {
                        body.append("| \(cell(n.clause)) | \(n.line.map(String.init) ?? "") | \(cell(n.summary)) | \(cell(n.reason)) |")
                    }
                    body.append("")
                }
                notEncoded += f.notEncoded.count
            }
        }
        var head: [String] = []
        head.append("# Coverage of the seed gazettes")
        head.append("")
        head.append("Generated by `gazette coverage --out docs/coverage.md`; CI checks it is current (`gazette coverage --check docs/coverage.md`).")
        head.append("")
        head.append("- documents with a rule file: \(files.count)")
        head.append("- decisions: \(rulebook.decisions.count)")
        head.append("- clauses encoded: \(encodedClauses)")
        head.append("- clauses not encoded, with the reason: \(notEncoded)")
        let missing = missingDocuments(files)
        head.append("- documents in the seeds without a rule file: \(missing.count)")
        for m in missing { head.append("  - \(m)") }
        head.append("")
        return (head + body).joined(separator: "\n") + "\n"
    }

    /// The citation keys of a field, its enum values and its list items.
    static func cites(of field: FieldSpec) -> [String] {
        var keys = field.cite
        var type = field.type
        if let items = field.items { keys += cites(of: items.spec); type = items.spec.type }
        if case .enumeration(let def) = type { for c in def.cases { keys += c.cite } }
        return keys
    }

    func missingDocuments(_ files: [RuleFile]) -> [String] {
        guard let dir = seedsDirectory,
              let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return [] }
        let have = Set(files.map { CoverageReport.normalizeNumber($0.document.number) })
        var out: [String] = []
        for name in names.sorted() where name.hasSuffix(".txt") {
            guard let data = FileManager.default.contents(atPath: dir + "/" + name) else { continue }
            for n in CoverageReport.documentNumbers(inSeed: String(decoding: data, as: UTF8.self)) where !have.contains(n) {
                out.append("\(n) (\(name))")
            }
        }
        return out
    }

    func relative(_ path: String) -> String {
        if let r = path.range(of: "Rules/") { return String(path[r.lowerBound...]) }
        return path
    }

    func cell(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
