/// Small HTML renderings shared by the rulebook's pages: values, fields, citation links, badges.
enum RulebookFormat {
    /// A value as a reader wants it: enum values by code and Chinese label, others as written.
    static func value(_ v: Value, _ type: ValueType?) -> String {
        switch (v, type) {
        case (.string(let code), .enumeration(let def)?):
            guard let i = def.index(ofCode: code) else { return "<code>\(HTML.text(code))</code>" }
            return "<code>\(HTML.text(code))</code> " + HTML.zh(def.cases[i].label.zh)
        case (.list(let items), .list(let inner)?):
            if items.isEmpty { return "<span class=\"en\">[]</span>" }
            return items.map { value($0, inner) }.joined(separator: "<br>")
        case (.null, _):
            return "<span class=\"en\">null</span>"
        default:
            return "<code>\(HTML.text(JSONWriter.value(v, type)))</code>"
        }
    }

    /// A literal output cell of a table, labelled when its output is a declared enum.
    static func literal(_ j: JSONValue, _ type: ValueType?) -> String {
        if case .string(let s) = j, case .enumeration(let def)? = type, let i = def.index(ofCode: s) {
            return "<code>\(HTML.text(s))</code> " + HTML.zh(def.cases[i].label.zh)
        }
        return "<code>\(HTML.text(JSONWriter.json(j)))</code>"
    }

    /// A table output cell: a literal or `=expression`.
    static func cell(_ c: OutputCell, _ type: ValueType?) -> String {
        switch c {
        case .literal(let j): return literal(j, type)
        case .expression(let e): return "<code>=\(HTML.text(e.text))</code>"
        }
    }

    /// Links to the decision's citation anchors; keys the file does not define stay plain text.
    static func citeLinks(_ keys: [String], in d: Decision) -> String {
        guard !keys.isEmpty else { return "" }
        return keys.map { k in
            d.citations[k] == nil ? "<code>\(HTML.text(k))</code>"
                : "<a class=\"cite-link\" href=\"#\(citeAnchor(k))\">[\(HTML.text(k))]</a>"
        }.joined(separator: " ")
    }

    /// The id of a citation's full text on a decision page.
    static func citeAnchor(_ key: String) -> String { "cite-" + HTML.anchor(key) }

    /// The id of a version's section on a decision page.
    static func versionAnchor(_ id: String) -> String { "v-" + HTML.anchor(id) }

    /// The type as a reader names it, with the enum's values spelled out.
    static func typeText(_ t: ValueType) -> String {
        switch t {
        case .enumeration(let e):
            return "enum<br>" + e.cases.map { c in
                "<code>\(HTML.text(c.code))</code> " + HTML.zh(c.label.zh) + " " + HTML.en(c.label.en)
            }.joined(separator: "<br>")
        case .list(let inner): return "list of " + typeText(inner)
        case .object(let o): return "object { " + o.fields.map { HTML.text($0.name) }.joined(separator: ", ") + " }"
        default: return HTML.text(t.name)
        }
    }

    /// A table of declared fields: name, label, type, unit, bounds, and for inputs required/default.
    static func fieldTable(_ fields: [FieldSpec], inputs: Bool, in d: Decision, nested: Bool = false) -> String {
        guard !fields.isEmpty else { return "<p class=\"en\">none</p>" }
        var h = "<table class=\"fields\"><thead><tr><th>名称 <span lang=\"en\" class=\"en\">name</span></th><th>含义 <span lang=\"en\" class=\"en\">label</span></th>"
        h += "<th>类型 <span lang=\"en\" class=\"en\">type</span></th><th>单位 <span lang=\"en\" class=\"en\">unit</span></th><th>范围 <span lang=\"en\" class=\"en\">bounds</span></th>"
        if inputs { h += "<th>必填/默认 <span lang=\"en\" class=\"en\">required / default</span></th>" }
        h += "<th>依据 <span lang=\"en\" class=\"en\">cites</span></th></tr></thead><tbody>"
        for f in fields {
            // Nested item fields get no id: their names may repeat a top-level field's.
            h += (nested ? "<tr>" : "<tr id=\"\(inputs ? "in" : "out")-\(HTML.anchor(f.name))\">") + "<td><code>\(HTML.text(f.name))</code></td>"
            h += "<td>" + (f.label.map { HTML.zh($0.zh) + "<br>" + HTML.en($0.en) } ?? "") + "</td>"
            h += "<td>\(typeText(f.type))"
            if let item = f.items, case .object = item.spec.type { h += "<br>" + fieldTable(objectFields(item.spec.type), inputs: inputs, in: d, nested: true) }
            if let m = f.maxItems { h += "<br><span class=\"en\">at most \(m) items</span>" }
            h += "</td><td>\(f.unit.map { HTML.zh($0) } ?? "")</td><td>\(HTML.text(f.bounds.phrase))</td>"
            if inputs {
                h += "<td>" + (f.required ? "必填 <span lang=\"en\" class=\"en\">required</span>"
                    : f.defaultValue.map { "默认 <span lang=\"en\" class=\"en\">default</span> " + value($0, f.type) } ?? "可选 <span lang=\"en\" class=\"en\">optional</span>") + "</td>"
            }
            h += "<td>\(citeLinks(f.cite, in: d))</td></tr>"
        }
        return h + "</tbody></table>"
    }

    static func objectFields(_ t: ValueType) -> [FieldSpec] {
        if case .object(let o) = t { return o.fields }
        return []
    }

    /// A coloured badge (`ok`, `warning`, `error`, `pass`, `fail`, severities).
    static func badge(_ text: String, _ tone: String) -> String {
        "<span class=\"badge \(HTML.attr(tone))\">\(HTML.text(text))</span>"
    }
}
