/// One decision's page: title in both languages, the cited sentences beside each step of the logic,
/// inputs and outputs with units and bounds, versions on a timeline, notes, lint status, worked cases.
struct RulebookDecisionPage {
    let book: Rulebook
    let decision: Decision
    let lint: RulebookLint

    func render() -> HTMLPage {
        let d = decision
        let file = book.files.first { $0.path == d.file }
        var h = "<p class=\"meta\"><a href=\"../index.html\">规则手册</a> › "
        if let file { h += "<a href=\"../index.html#\(RulebookIndexPage.documentAnchor(file))\">\(HTML.zh(d.document.number))</a>" } else { h += HTML.zh(d.document.number) }
        h += "</p><h1>\(HTML.zh(d.title.zh))<br>\(HTML.en(d.title.en))</h1>"
        h += "<p class=\"meta\"><code>\(HTML.text(d.id))</code> · \(HTML.zh(d.document.number)) \(HTML.zh(d.document.title)) · \(HTML.zh(d.document.issuer)) · \(HTML.text(d.document.date)) · \(HTML.zh(d.document.gazette)) · \(lint.badge(for: d))</p>"
        h += "<nav class=\"toc\">" + [("source", "依据 Source"), ("inputs", "输入 Inputs"), ("outputs", "输出 Outputs"), ("versions", "版本与逻辑 Versions"),
                                     ("findings", "发现 Findings"), ("notes", "解释说明 Notes"), ("lint", "Lint"), ("examples", "示例 Examples"), ("citations", "引文 Citations")]
            .map { "<a href=\"#\($0.0)\">\(HTML.text($0.1))</a>" }.joined() + "</nav>"
        h += "<section id=\"source\"><h2>依据 <span lang=\"en\" class=\"en\">Source</span></h2>"
        h += d.source.compactMap { d.citations[$0] }.map(quote).joined() + "</section>"
        h += "<section id=\"inputs\"><h2>输入 <span lang=\"en\" class=\"en\">Inputs</span></h2>\(RulebookFormat.fieldTable(d.inputs, inputs: true, in: d))"
        if let a = d.asOfInput { h += "<p>判定日期取自输入 <code>\(HTML.text(a))</code> <span lang=\"en\" class=\"en\">(the version in force on that day applies)</span></p>" }
        if !d.constraints.isEmpty {
            h += "<h3>输入约束 <span lang=\"en\" class=\"en\">Constraints</span></h3><ul>"
            for c in d.constraints { h += "<li>when <code>\(HTML.text(c.when.text))</code> → <code>\(HTML.text(c.path))</code>: \(HTML.zh(c.message.zh)) \(HTML.en(c.message.en))</li>" }
            h += "</ul>"
        }
        if !d.uses.isEmpty {
            h += "<p>使用 <span lang=\"en\" class=\"en\">uses</span>: " + d.uses.map { u in
                "<code>\(HTML.text(u.alias))</code> = " + (book.compiled[u.id] != nil ? "<a href=\"\(HTML.attr(u.id)).html\">\(HTML.text(u.id))</a>" : "<code>\(HTML.text(u.id))</code>")
            }.joined(separator: ", ") + "</p>"
        }
        h += "</section><section id=\"outputs\"><h2>输出 <span lang=\"en\" class=\"en\">Outputs</span></h2>\(RulebookFormat.fieldTable(d.outputs, inputs: false, in: d))</section>"
        h += versions()
        h += findings() + notes() + lintSection() + examples() + citations()
        return HTMLPage(path: HTMLRulebook.decisionPath(d.id), title: "\(d.title.zh) \(d.id) — Gazette", body: h)
    }

    /// A citation's sentence with its clause, document and seed line.
    func quote(_ c: Citation) -> String {
        "<div class=\"citation\"><div class=\"clause\">\(HTML.zh(c.document.number)) \(HTML.zh(c.clause))"
            + (c.line.map { " · <code>\(HTML.text(c.document.seed)):\($0)</code>" } ?? "")
            + " <a href=\"#\(RulebookFormat.citeAnchor(c.key))\">[\(HTML.text(c.key))]</a></div><blockquote class=\"cite\" lang=\"zh-Hans\">\(HTML.text(c.text))</blockquote></div>"
    }

    func versions() -> String {
        let d = decision
        var h = "<section id=\"versions\"><h2>版本与逻辑 <span lang=\"en\" class=\"en\">Versions and logic</span></h2>"
        h += RulebookTimeline.svg(d, today: book.today)
        for v in d.versions {
            let anchor = RulebookFormat.versionAnchor(v.id)
            h += "<section id=\"\(anchor)\" class=\"version\"><h3>版本 <span lang=\"en\" class=\"en\">Version</span> \(HTML.text(v.id)): "
            h += "\(v.from) – \(v.until.map(\.description) ?? "至今 <span lang=\"en\" class=\"en\">open</span>")</h3>"
            h += "<p class=\"meta\">此期间内的案件按本版本判定 <span lang=\"en\" class=\"en\">cases dated in this range are judged by this version</span>: <code>gazette eval \(HTML.text(d.id)) --as-of \(v.from)</code></p>"
            for (i, s) in v.steps.enumerated() { h += step(s, index: i, anchor: "\(anchor)-s\(i + 1)") }
            h += "</section>"
        }
        return h + "</section>"
    }

    /// A step with its cited sentences beside it.
    func step(_ s: Step, index: Int, anchor: String) -> String {
        let d = decision
        var logic = ""
        var keys: [String] = []
        var explain: LocalizedText?
        switch s {
        case .table(let t):
            logic = RulebookTableView(table: t, decision: d, anchor: anchor).render()
            keys = t.rows.flatMap(\.cite)
            explain = t.explain
        case .set(let v):
            logic = "<p id=\"\(anchor)\"><code>\(HTML.text(v.name))</code> = <code>\(HTML.text(v.expr.text))</code>"
            if let w = v.when { logic += " <span class=\"en\">when</span> <code>\(HTML.text(w.text))</code>" }
            if let w = v.wording { logic += "<span class=\"wording\" lang=\"zh-Hans\">「\(HTML.text(w))」</span>" }
            logic += " \(RulebookFormat.citeLinks(v.cite, in: d))</p>"
            keys = v.cite
            explain = v.explain
        case .finding(let f):
            let def = d.findings.first { $0.code == f.code }
            logic = "<p id=\"\(anchor)\">\(def.map { RulebookFormat.badge($0.severity.rawValue, $0.severity.rawValue) } ?? "") "
            logic += "<a href=\"#finding-\(HTML.anchor(f.code))\"><code>\(HTML.text(f.code))</code></a> <span class=\"en\">when</span> <code>\(HTML.text(f.when.text))</code>"
            if let w = f.wording { logic += "<span class=\"wording\" lang=\"zh-Hans\">「\(HTML.text(w))」</span>" }
            logic += "</p>"
            keys = def?.cite ?? []
            explain = f.explain
        }
        if let e = explain { logic += "<div class=\"explain\">\(HTML.zh(e.zh, tag: "div"))\(HTML.en(e.en, tag: "div"))</div>" }
        var seen: Set<String> = []
        let cites = keys.filter { seen.insert($0).inserted }.compactMap { d.citations[$0] }
        let aside = cites.map { c in
            "<div class=\"clause\">\(HTML.zh(c.clause)) <a href=\"#\(RulebookFormat.citeAnchor(c.key))\">[\(HTML.text(c.key))]</a></div><blockquote class=\"cite\" lang=\"zh-Hans\">\(HTML.text(c.text))</blockquote>"
        }.joined()
        return "<div class=\"step\"><div class=\"logic\">\(logic)</div><aside>\(aside.isEmpty ? "<span class=\"en\">(no citation on this step)</span>" : aside)</aside></div>"
    }

    func findings() -> String {
        let d = decision
        var h = "<section id=\"findings\"><h2>发现 <span lang=\"en\" class=\"en\">Findings it may report</span></h2>"
        guard !d.findings.isEmpty else { return h + "<p class=\"en\">none</p></section>" }
        h += "<table><thead><tr><th>code</th><th>severity</th><th>message</th><th>cites</th></tr></thead><tbody>"
        for f in d.findings {
            h += "<tr id=\"finding-\(HTML.anchor(f.code))\"><td><code>\(HTML.text(f.code))</code></td><td>\(RulebookFormat.badge(f.severity.rawValue, f.severity.rawValue))</td>"
            h += "<td>\(HTML.zh(f.message.zh, tag: "div"))\(HTML.en(f.message.en, tag: "div"))</td><td>\(RulebookFormat.citeLinks(f.cite, in: d))</td></tr>"
        }
        return h + "</tbody></table></section>"
    }

    func notes() -> String {
        var h = "<section id=\"notes\"><h2>解释说明 <span lang=\"en\" class=\"en\">Notes on interpretation</span></h2>"
        if decision.notes.isEmpty { return h + "<p class=\"en\">none</p></section>" }
        h += "<ol>" + decision.notes.map { "<li>\(HTML.zh($0.zh, tag: "div"))\(HTML.en($0.en, tag: "div"))</li>" }.joined() + "</ol>"
        if !decision.gaps.isEmpty {
            h += "<h3>声明的空白 <span lang=\"en\" class=\"en\">Declared gaps</span></h3><ul>"
            for g in decision.gaps {
                h += "<li>" + g.when.map { "<code>\(HTML.text($0.input)) \(HTML.text($0.test))</code>" }.joined(separator: ", ") + " — \(HTML.text(g.reason))</li>"
            }
            h += "</ul>"
        }
        return h + "</section>"
    }

    func lintSection() -> String {
        let mine = lint.findings(for: decision)
        var h = "<section id=\"lint\"><h2>Lint \(lint.badge(for: decision))</h2>"
        if mine.isEmpty { return h + "<p><code>gazette lint</code> reports nothing for this decision.</p></section>" }
        h += "<ul class=\"lint\">"
        for f in mine {
            h += "<li>\(RulebookFormat.badge(f.level.rawValue, f.level.rawValue)) <code>\(HTML.text(f.code))</code> \(HTML.text(f.message))"
            if let s = f.stub { h += "<pre>\(HTML.text(s))</pre>" }
            h += "</li>"
        }
        return h + "</ul></section>"
    }

    func examples() -> String {
        var h = "<section id=\"examples\"><h2>示例 <span lang=\"en\" class=\"en\">Worked cases</span> (\(decision.examples.count))</h2>"
        for (i, ex) in decision.examples.enumerated() {
            h += RulebookWorkedCase(book: book, decision: decision, index: i, example: ex).render()
        }
        return h + "</section>"
    }

    func citations() -> String {
        var h = "<section id=\"citations\"><h2>引文 <span lang=\"en\" class=\"en\">Citations</span></h2>"
        for k in decision.citedKeys {
            guard let c = decision.citations[k] else { continue }
            h += "<div class=\"citation\" id=\"\(RulebookFormat.citeAnchor(k))\"><div class=\"clause\">[\(HTML.text(k))] \(HTML.zh(c.document.number)) \(HTML.zh(c.clause))"
            h += c.line.map { " · <code>\(HTML.text(c.document.seed)):\($0)</code>" } ?? ""
            h += "</div><blockquote class=\"cite\" lang=\"zh-Hans\">\(HTML.text(c.text))</blockquote></div>"
        }
        return h + "</section>"
    }
}
