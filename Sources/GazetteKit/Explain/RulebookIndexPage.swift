/// The rulebook's front page: every source document, grouped by gazette issue and ordered by date,
/// with its decisions and their lint status.
struct RulebookIndexPage {
    let book: Rulebook
    let lint: RulebookLint

    /// The anchor of a rule file's entry (`doc-zzbf-2018-84`).
    static func documentAnchor(_ file: RuleFile) -> String {
        var name = Substring(file.path.split(separator: "/").last ?? Substring(file.path))
        if name.hasSuffix(".json") { name = name.dropLast(5) }
        return "doc-" + HTML.anchor(String(name))
    }

    func render() -> HTMLPage {
        var groups: [String: [RuleFile]] = [:]
        for f in book.files { groups[f.document.gazette, default: []].append(f) }
        let ordered = groups.map { (issue: $0.key, files: $0.value.sorted { ($0.document.date, $0.document.number) < ($1.document.date, $1.document.number) }) }
            .sorted { ($0.files.first?.document.date ?? "", $0.issue) < ($1.files.first?.document.date ?? "", $1.issue) }
        let decisions = book.decisions.count
        var h = "<h1>浙江省人民政府公报 规则手册 <span lang=\"en\" class=\"en\">Rulebook of the Zhejiang provincial gazette</span></h1>"
        h += "<p class=\"meta\">\(book.files.count) 份文件 <span lang=\"en\" class=\"en\">documents</span> · \(decisions) 项决策 <span lang=\"en\" class=\"en\">decisions</span> · "
        h += "lint: \(RulebookFormat.badge("\(lint.errors) errors", lint.errors == 0 ? "ok" : "error")) \(RulebookFormat.badge("\(lint.warnings) warnings", lint.warnings == 0 ? "ok" : "warning"))"
        h += " · <a href=\"timeline.html\">版本时间线 <span lang=\"en\" class=\"en\">timeline</span></a></p>"
        h += "<nav class=\"toc\">" + ordered.enumerated().map { i, g in "<a href=\"#issue-\(i + 1)\">\(HTML.zh(g.issue))</a>" }.joined() + "</nav>"
        for (i, g) in ordered.enumerated() {
            h += "<section id=\"issue-\(i + 1)\"><h2>\(HTML.zh(g.issue))</h2>"
            for f in g.files { h += document(f) }
            h += "</section>"
        }
        return HTMLPage(path: "index.html", title: "规则手册 Rulebook — Gazette", body: h)
    }

    func document(_ f: RuleFile) -> String {
        var h = "<div class=\"doc\" id=\"\(RulebookIndexPage.documentAnchor(f))\"><h3>\(HTML.zh(f.document.number))</h3>"
        h += "<p>\(HTML.zh(f.document.title))</p>"
        h += "<p class=\"meta\">\(HTML.zh(f.document.issuer)) · \(HTML.text(f.document.date)) · <code>\(HTML.text(f.document.seed))</code></p>"
        if f.decisions.isEmpty {
            h += "<p class=\"meta\">无可机读判定的条款 <span lang=\"en\" class=\"en\">no machine-checkable clause</span></p>"
        } else {
            h += "<ul>"
            for d in f.decisions {
                h += "<li><a href=\"\(HTMLRulebook.decisionPath(d.id))\">\(HTML.zh(d.title.zh))</a> \(HTML.en(d.title.en)) <code>\(HTML.text(d.id))</code> "
                h += "· \(d.versions.count) version\(d.versions.count == 1 ? "" : "s") · \(d.examples.count) examples \(lint.badge(for: d))</li>"
            }
            h += "</ul>"
        }
        if !f.notEncoded.isEmpty {
            h += "<details><summary>\(f.notEncoded.count) 条未编码条款 <span lang=\"en\" class=\"en\">clauses not encoded</span></summary><ul>"
            for c in f.notEncoded {
                h += "<li>\(HTML.zh(c.clause)) \(HTML.zh(c.summary)) — \(HTML.en(c.reason))</li>"
            }
            h += "</ul></details>"
        }
        return h + "</div>"
    }
}

/// Lint findings by decision, for badges and the per-decision lint section.
struct RulebookLint {
    let findings: [LintFinding]

    var errors: Int { findings.filter { $0.level == .error }.count }
    var warnings: Int { findings.filter { $0.level == .warning }.count }

    /// The findings about a decision, and those about its file as a whole (quotes, seeds).
    func findings(for d: Decision) -> [LintFinding] {
        findings.filter { $0.decision == d.id || ($0.decision == nil && $0.file == d.file) }
    }

    func badge(for d: Decision) -> String {
        let mine = findings(for: d)
        let e = mine.filter { $0.level == .error }.count
        let w = mine.count - e
        if e > 0 { return RulebookFormat.badge("lint: \(e) error\(e == 1 ? "" : "s")", "error") }
        if w > 0 { return RulebookFormat.badge("lint: \(w) warning\(w == 1 ? "" : "s")", "warning") }
        return RulebookFormat.badge("lint clean", "ok")
    }
}
