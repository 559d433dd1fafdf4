/// The per-decision analyses: tables, threshold wording, example coverage, unused inputs, version holes.
struct DecisionLint {
    let rulebook: Rulebook
    let compiled: CompiledDecision

    var decision: Decision { compiled.decision }

    func finding(_ level: LintFinding.Level, _ code: String, _ message: String, stub: String? = nil) -> LintFinding {
        LintFinding(level: level, file: decision.file, decision: decision.id, code: code, message: message, stub: stub)
    }

    func run() -> [LintFinding] {
        var out: [LintFinding] = []
        out += tables()
        out += wording()
        out += coverage()
        out += unusedInputs()
        out += versionHoles()
        return out
    }

    /// The first cited sentence of a row or the decision, for messages a reader can check.
    func quote(_ keys: [String]) -> String {
        guard let c = (keys + decision.source).lazy.compactMap({ self.decision.citations[$0] }).first else { return "" }
        let text = c.text.count > 60 ? String(c.text.prefix(60)) + "…" : c.text
        return " — \(c.document.number) \(c.clause)「\(text.replacingOccurrences(of: "\n", with: " / "))」"
    }

    /// A ready-to-paste example with the witness as input and the expected outputs left for the author;
    /// nil when the witness names no input (the "N more gaps" summary), since an empty case closes nothing.
    func stub(_ w: TableAnalysis.Witness, name: String) -> String? {
        let inputs = w.values.filter { v in decision.inputs.contains { $0.name == v.column } }
        if inputs.isEmpty { return nil }
        let fields = inputs.map { JSONWriter.quote($0.column) + ": " + JSONWriter.value($0.value) }
        return "{ \"name\": \(JSONWriter.quote(name)), \"input\": { \(fields.joined(separator: ", ")) }, \"expect\": { \"outputs\": { } } }"
    }

    func tables() -> [LintFinding] {
        var out: [LintFinding] = []
        for v in compiled.versions {
            for step in v.steps {
                guard case .table(let node) = step else { continue }
                let t = node.table
                let at = "table \(t.source.name) (version \(v.version.id))"
                for issue in TableAnalysis(table: t, decision: decision).run() {
                    switch issue {
                    case .gap(let w):
                        out.append(finding(.error, "TABLE_GAP", "\(at): no row matches \(w.text); add a row, a default, or declare the gap under \"gaps\" with the reason" + quote([]),
                                           stub: stub(w, name: "gap: \(w.text)")))
                    case .overlap(let rows, let w):
                        out.append(finding(.error, "TABLE_OVERLAP", "\(at): rows \(rows.0 + 1) and \(rows.1 + 1) both match \(w.text) under the \(t.source.hitPolicy.rawValue) hit policy" + quote(t.source.rows[rows.0].cite),
                                           stub: stub(w, name: "overlap of rows \(rows.0 + 1) and \(rows.1 + 1)")))
                    case .shadowed(let row, let by, let w):
                        out.append(finding(.warning, "TABLE_SHADOWED_ROW", "\(at): row \(row + 1) can never win: wherever it matches (e.g. \(w.text)) row \(by + 1) comes first"))
                    case .unsatisfiable(let row):
                        out.append(finding(.warning, "TABLE_DEAD_ROW", "\(at): the cells of row \(row + 1) can never be true together"))
                    case .nonMonotone(let column, let lo, let hi, let a, let b):
                        out.append(finding(.error, "TABLE_NOT_MONOTONE", "\(at): raising \(column) lowers the class: \(lo.text) gives \(a) but \(hi.text) gives \(b)",
                                           stub: stub(hi, name: "monotonicity: \(hi.text)")))
                    case .tooLarge(let n):
                        out.append(finding(.warning, "TABLE_TOO_LARGE", "\(at): \(n) input combinations; analysis skipped"))
                    case .notAnalysable:
                        break
                    }
                }
            }
        }
        return out
    }

    func wording() -> [LintFinding] {
        var out: [LintFinding] = []
        for v in decision.versions {
            for step in v.steps {
                switch step {
                case .table(let t):
                    for (r, row) in t.rows.enumerated() {
                        for (k, cell) in row.when.enumerated() {
                            guard let tag = cell.wording, let problem = Wording.check(cell: cell.test, tag: tag) else { continue }
                            out.append(finding(.error, "WORDING", "table \(t.name) row \(r + 1), column \(t.inputs[k].text), cell \"\(cell.text)\": \(problem)" + quote(row.cite)))
                        }
                    }
                case .set(let s):
                    if let tag = s.wording, let problem = Wording.check(expression: s.expr.ast, tag: tag) {
                        out.append(finding(.error, "WORDING", "\(s.name) = \(s.expr.text): \(problem)" + quote(s.cite)))
                    }
                case .finding(let f):
                    if let tag = f.wording, let problem = Wording.check(expression: f.when.ast, tag: tag) {
                        let cite = decision.findings.first { $0.code == f.code }?.cite ?? []
                        out.append(finding(.error, "WORDING", "finding \(f.code) when \(f.when.text): \(problem)" + quote(cite)))
                    }
                }
            }
        }
        return out.map { f in
            // Unknown words are warnings: the tag may be right and the vocabulary short.
            f.message.contains("unknown threshold word")
                ? LintFinding(level: .warning, file: f.file, decision: f.decision, code: "WORDING_UNKNOWN", message: f.message, stub: nil) : f
        }
    }

    func coverage() -> [LintFinding] {
        guard !decision.examples.isEmpty else { return [] }
        var out: [LintFinding] = []
        let cov = ExampleCoverage(rulebook: rulebook, decision: compiled)
        for v in compiled.versions {
            for step in v.steps {
                guard case .table(let node) = step else { continue }
                let t = node.table
                let hit = cov.rowsHit["\(v.version.id)/\(t.source.name)"] ?? []
                for r in t.source.rows.indices where !hit.contains(r) {
                    out.append(finding(.warning, "ROW_WITHOUT_EXAMPLE", "table \(t.source.name) (version \(v.version.id)): no example reaches row \(r + 1) (\(t.source.rows[r].when.map(\.text).joined(separator: "; ")))"))
                }
            }
        }
        for th in ExampleCoverage.thresholds(of: compiled) {
            let spec = decision.inputs.first { $0.name == th.name }
            let missing = cov.missingSides(th, spec: spec)
            guard !missing.isEmpty else { continue }
            let sides = missing.map { "\($0.side) (\($0.value))" }.joined(separator: ", ")
            let stubs: String? = spec == nil ? nil : missing.map { m in
                "{ \"name\": \(JSONWriter.quote("\(th.name) \(m.side) \(th.bound)")), \"input\": { \(JSONWriter.quote(th.name)): \(JSONWriter.value(m.value)) }, \"expect\": { \"outputs\": { } } }"
            }.joined(separator: ",\n      ")
            out.append(finding(.warning, "BOUND_WITHOUT_EXAMPLE", "threshold \(th.name) vs \(th.bound): no example \(sides)", stub: stubs))
        }
        return out
    }

    func unusedInputs() -> [LintFinding] {
        var texts: [String] = decision.constraints.map(\.when.text)
        if let a = decision.asOfInput { texts.append(a) }
        for v in decision.versions {
            for step in v.steps {
                switch step {
                case .set(let s):
                    texts.append(s.expr.text)
                    if let w = s.when { texts.append(w.text) }
                    texts += explainPlaceholders(s.explain)
                case .finding(let f):
                    texts.append(f.when.text)
                    texts += explainPlaceholders(f.explain)
                case .table(let t):
                    texts += t.inputs.map(\.text)
                    // A default's expression reads inputs as a row's does.
                    for (_, c) in t.rows.flatMap(\.then) + t.defaults { if case .expression(let e) = c { texts.append(e.text) } }
                    texts += explainPlaceholders(t.explain)
                }
            }
        }
        // Placeholders in messages and explanations read values too.
        for f in decision.findings { texts += placeholders(f.message.zh) + placeholders(f.message.en) }
        for c in decision.constraints { texts += placeholders(c.message.zh) + placeholders(c.message.en) }
        var names: Set<String> = []
        for t in texts {
            for l in (try? Lexer.tokenize(t)) ?? [] { if case .name(let n) = l.token { names.insert(n) } }
        }
        // A dependency reads its inputs from the same case.
        for (_, id) in decision.uses { for i in rulebook.compiled[id]?.decision.inputs ?? [] { names.insert(i.name) } }
        return decision.inputs.filter { !names.contains($0.name) }.map {
            finding(.warning, "UNUSED_INPUT", "input \($0.name) is declared but no step, table or constraint reads it")
        }
    }

    /// The placeholders of a step's explanation, in both languages.
    func explainPlaceholders(_ t: LocalizedText?) -> [String] {
        guard let t else { return [] }
        return placeholders(t.zh) + placeholders(t.en)
    }

    func placeholders(_ s: String) -> [String] { Template.placeholders(s) }

    func versionHoles() -> [LintFinding] {
        let sorted = decision.versions.sorted { $0.from < $1.from }
        var out: [LintFinding] = []
        for (a, b) in zip(sorted, sorted.dropFirst()) {
            if let end = a.until, end.adding(days: 1) < b.from {
                out.append(finding(.warning, "VERSION_HOLE", "no version is in force from \(end.adding(days: 1)) to \(b.from.adding(days: -1)) (between \(a.id) and \(b.id))"))
            }
        }
        return out
    }
}
