/// One of a decision's examples as a worked case: the input, what the rule file expects, and what
/// the engine answers today, with the verdict of `gazette test`.
struct RulebookWorkedCase {
    let book: Rulebook
    let decision: Decision
    let index: Int
    let example: Example

    static func anchor(_ index: Int) -> String { "ex-\(index + 1)" }

    func render() -> String {
        let problems = ExampleRunner(rulebook: book).check(example, of: decision)
        let asOf = ExampleRunner.asOf(example, of: decision)
        let result = book.evaluate(decision.id, case: example.input, asOf: asOf, explain: false)
        var h = "<article class=\"example\" id=\"\(RulebookWorkedCase.anchor(index))\">"
        h += "<h3>例 \(index + 1) <span lang=\"en\" class=\"en\">Example</span>: \(HTML.text(example.name)) "
        h += problems.isEmpty ? RulebookFormat.badge("pass", "pass") : RulebookFormat.badge("fail", "fail")
        h += "</h3>"
        if let a = asOf { h += "<p class=\"meta\">判定日期 <span lang=\"en\" class=\"en\">judged as of</span> \(a)</p>" }
        h += "<div class=\"cols\"><div><h4>输入 <span lang=\"en\" class=\"en\">Input</span></h4>\(inputTable())</div>"
        h += "<div><h4>预期 <span lang=\"en\" class=\"en\">Expected</span></h4>\(expected())</div>"
        h += "<div><h4>结果 <span lang=\"en\" class=\"en\">Result</span></h4>\(actual(result))</div></div>"
        if !problems.isEmpty {
            h += "<ul class=\"lint\">" + problems.map { "<li>\(RulebookFormat.badge("fail", "fail")) \(HTML.text($0))</li>" }.joined() + "</ul>"
        }
        return h + "</article>"
    }

    func inputTable() -> String {
        guard case .object(let members) = example.input, !members.isEmpty else {
            return "<pre>\(HTML.text(JSONWriter.json(example.input)))</pre>"
        }
        var h = "<table>"
        for m in members {
            let label = decision.inputs.first { $0.name == m.key }?.label
            h += "<tr><th><code>\(HTML.text(m.key))</code>\(label.map { "<br>" + HTML.zh($0.zh) } ?? "")</th>"
            h += "<td><code>\(HTML.text(JSONWriter.json(m.value)))</code></td></tr>"
        }
        return h + "</table>"
    }

    func expected() -> String {
        if let e = example.error {
            return "error <code>\(HTML.text(e.code))</code>" + (e.path.map { " at <code>\(HTML.text($0))</code>" } ?? "")
        }
        var h = "<table>"
        for o in example.outputs {
            h += "<tr><th><code>\(HTML.text(o.name))</code></th><td><code>\(HTML.text(JSONWriter.json(o.value)))</code></td></tr>"
        }
        h += "</table>"
        if let f = example.findings {
            h += "<p>findings: " + (f.isEmpty ? "none" : f.map { "<code>\(HTML.text($0))</code>" }.joined(separator: ", ")) + "</p>"
        }
        return h
    }

    func actual(_ r: Result<EvaluationResult, EvaluationError>) -> String {
        switch r {
        case .failure(let e):
            return "error <code>\(HTML.text(e.code.rawValue))</code>" + (e.path.map { " at <code>\(HTML.text($0))</code>" } ?? "")
                + "<br>\(HTML.text(e.message))"
        case .success(let x):
            let checked = Set(example.outputs.map(\.name))
            var h = "<p class=\"meta\">version <a href=\"#\(RulebookFormat.versionAnchor(x.version))\">\(HTML.text(x.version))</a></p><table>"
            for o in x.outputs {
                h += "<tr\(checked.contains(o.spec.name) ? " class=\"changed\"" : "")><th><code>\(HTML.text(o.spec.name))</code></th>"
                h += "<td>\(RulebookFormat.value(o.value, o.spec.type))</td></tr>"
            }
            h += "</table>"
            for f in x.findings {
                h += "<p>\(RulebookFormat.badge(f.severity.rawValue, f.severity.rawValue)) <code>\(HTML.text(f.code))</code><br>"
                h += HTML.zh(f.message.zh) + "<br>" + HTML.en(f.message.en) + "</p>"
            }
            return h
        }
    }
}
