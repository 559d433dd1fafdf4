/// Reads one rule file's JSON into the rule model, checking its shape as it goes.
struct RuleFileParser {
    let file: String

    static let topKeys: Set<String> = ["$schema", "document", "citations", "decisions", "notEncoded", "notes"]
    static let decisionKeys: Set<String> = ["id", "title", "source", "asOf", "inputs", "outputs", "uses", "findings",
                                             "versions", "examples", "notes", "gaps", "constraints", "tags"]

    func parse(_ root: JSONValue) throws -> RuleFile {
        let node = JSONNode(value: root, path: "$", file: file)
        _ = try node.members(allowed: RuleFileParser.topKeys)
        let document = try parseDocument(try node.required("document"), fallback: nil)
        var citations: [String: Citation] = [:]
        if let c = node["citations"] {
            for (key, n) in try c.object() {
                citations[key] = try parseCitation(key: key, n, document: document)
            }
        }
        var decisions: [Decision] = []
        for d in try node.required("decisions").array() {
            decisions.append(try parseDecision(d, document: document, citations: citations))
        }
        var notEncoded: [NotEncodedClause] = []
        if let ne = node["notEncoded"] {
            for n in try ne.array() {
                _ = try n.members(allowed: ["clause", "line", "summary", "reason"])
                notEncoded.append(NotEncodedClause(
                    clause: try n.required("clause").string(), line: try n["line"]?.int(),
                    summary: try n.required("summary").string(), reason: try n.required("reason").string()))
            }
        }
        return RuleFile(path: file, document: document, citations: citations, decisions: decisions, notEncoded: notEncoded)
    }

    func parseDocument(_ n: JSONNode, fallback: DocumentInfo?) throws -> DocumentInfo {
        _ = try n.members(allowed: ["number", "title", "issuer", "date", "gazette", "seed"])
        func field(_ k: String, _ keyPath: KeyPath<DocumentInfo, String>) throws -> String {
            if let v = n[k] { return try v.string() }
            if let f = fallback { return f[keyPath: keyPath] }
            throw n.fail("missing required member \"\(k)\"")
        }
        return DocumentInfo(number: try field("number", \.number), title: try field("title", \.title),
                            issuer: try field("issuer", \.issuer), date: try field("date", \.date),
                            gazette: try field("gazette", \.gazette), seed: try field("seed", \.seed))
    }

    func parseCitation(key: String, _ n: JSONNode, document: DocumentInfo) throws -> Citation {
        _ = try n.members(allowed: ["clause", "text", "line", "document"])
        let doc = try n["document"].map { try parseDocument($0, fallback: document) } ?? document
        let text = try n.required("text").string()
        if text.trimmingSpaces.isEmpty { throw n.fail("citation text is empty") }
        return Citation(key: key, document: doc, clause: try n.required("clause").string(), text: text,
                        line: try n["line"]?.int())
    }

    func citeKeys(_ n: JSONNode?, _ citations: [String: Citation]) throws -> [String] {
        guard let n else { return [] }
        let keys = try n.strings()
        for k in keys where citations[k] == nil {
            throw n.fail("cites \"\(k)\", which is not among the file's citations (\(citations.keys.sorted().joined(separator: ", ")))")
        }
        return keys
    }

    func parseDecision(_ n: JSONNode, document: DocumentInfo, citations: [String: Citation]) throws -> Decision {
        _ = try n.members(allowed: RuleFileParser.decisionKeys)
        let id = try n.required("id").string()
        let idOK = !id.isEmpty && id.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "." || $0 == "-" }
        if !idOK { throw try n.required("id").fail("id \"\(id)\" must be ASCII lower-case words, digits, '.' and '-'") }
        let source = try citeKeys(try n.required("source"), citations)
        if source.isEmpty { throw try n.required("source").fail("a decision needs at least one source citation") }
        let inputs = try (n["inputs"]?.array() ?? []).map { try parseField($0, owner: id, isInput: true, citations) }
        let outputs = try n.required("outputs").array().map { try parseField($0, owner: id, isInput: false, citations) }
        try checkUnique(inputs.map(\.name), at: n["inputs"] ?? n, what: "input")
        try checkUnique(outputs.map(\.name), at: n.required("outputs"), what: "output")
        var uses: [(String, String)] = []
        if let u = n["uses"] { for (alias, t) in try u.object() { uses.append((alias, try t.string())) } }
        var findings: [FindingDef] = []
        for f in try n["findings"]?.array() ?? [] {
            _ = try f.members(allowed: ["code", "severity", "message", "cite"])
            let sevText = try f.required("severity").string()
            guard let sev = Severity(rawValue: sevText) else {
                throw try f.required("severity").fail("severity \"\(sevText)\" must be violation, warning or info")
            }
            findings.append(FindingDef(code: try f.required("code").string(), severity: sev,
                                       message: try f.required("message").localized(),
                                       cite: try citeKeys(f["cite"], citations)))
        }
        try checkUnique(findings.map(\.code), at: n["findings"] ?? n, what: "finding code")
        var constraints: [InputConstraint] = []
        for c in try n["constraints"]?.array() ?? [] {
            _ = try c.members(allowed: ["when", "path", "message"])
            constraints.append(InputConstraint(when: try c.required("when").expression(),
                                               path: try c.required("path").string(),
                                               message: try c.required("message").localized()))
        }
        let versionNodes = try n.required("versions").array()
        if versionNodes.isEmpty { throw try n.required("versions").fail("a decision needs at least one version") }
        let versions = try versionNodes.map { try parseVersion($0, citations) }
        let examples = try (n["examples"]?.array() ?? []).map { try parseExample($0) }
        let notes = try (n["notes"]?.array() ?? []).map { try $0.localized() }
        var gaps: [DeclaredGap] = []
        for g in try n["gaps"]?.array() ?? [] {
            _ = try g.members(allowed: ["when", "reason"])
            let when = try g.required("when").object().map { ($0.key, try $0.node.string()) }
            gaps.append(DeclaredGap(when: when, reason: try g.required("reason").string()))
        }
        return Decision(id: id, title: try n.required("title").localized(), file: file, document: document,
                        source: source, asOfInput: try n["asOf"]?.string(), inputs: inputs, outputs: outputs,
                        uses: uses, findings: findings, constraints: constraints, versions: versions,
                        examples: examples, notes: notes, gaps: gaps, citations: citations, path: n.path)
    }

    func checkUnique(_ names: [String], at n: JSONNode, what: String) throws {
        var seen: Set<String> = []
        for name in names where !seen.insert(name).inserted { throw n.fail("duplicate \(what) \"\(name)\"") }
    }

    static let fieldKeys: Set<String> = ["name", "type", "label", "unit", "min", "max", "exclusiveMin", "exclusiveMax",
                                         "required", "default", "values", "items", "fields", "maxItems", "ordered",
                                         "cite", "description"]

    func parseField(_ n: JSONNode, owner: String, isInput: Bool, _ citations: [String: Citation]) throws -> FieldSpec {
        _ = try n.members(allowed: RuleFileParser.fieldKeys)
        let name = try n["name"]?.string() ?? ""
        if n["name"] != nil, !(name.first?.isLetter ?? false) || !name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
            throw try n.required("name").fail("name \"\(name)\" must be ASCII letters and digits, starting with a letter")
        }
        let typeText = try n.required("type").string()
        var items: ItemSpec?
        let type: ValueType
        switch typeText {
        case "integer": type = .integer
        case "decimal": type = .decimal
        case "boolean": type = .boolean
        case "date": type = .date
        case "datetime": type = .datetime
        case "string": type = .string
        case "quarter": type = .quarter
        case "enum":
            var cases: [EnumDef.Case] = []
            for v in try n.required("values").array() {
                _ = try v.members(allowed: ["code", "zh", "en", "aliases", "cite"])
                let code = try v.required("code").string()
                cases.append(EnumDef.Case(code: code,
                                          label: LocalizedText(zh: try v["zh"]?.string() ?? code, en: try v["en"]?.string() ?? code),
                                          aliases: try v["aliases"]?.strings() ?? [],
                                          cite: try citeKeys(v["cite"], citations)))
            }
            if cases.isEmpty { throw try n.required("values").fail("an enum needs at least one value") }
            try checkUnique(cases.map(\.code), at: n.required("values"), what: "enum code")
            type = .enumeration(EnumDef(name: "\(owner).\(name)", cases: cases, ordered: try n["ordered"]?.bool() ?? false))
        case "list":
            let itemSpec = try parseField(try n.required("items"), owner: "\(owner).\(name)[]", isInput: isInput, citations)
            items = ItemSpec(itemSpec)
            type = .list(itemSpec.type)
        case "object":
            let fields = try n.required("fields").array().map { try parseField($0, owner: "\(owner).\(name)", isInput: isInput, citations) }
            try checkUnique(fields.map(\.name), at: n.required("fields"), what: "field")
            type = .object(ObjectDef(fields: fields))
        default:
            throw try n.required("type").fail("unknown type \"\(typeText)\" (expected integer, decimal, boolean, date, datetime, string, enum, quarter, list or object)")
        }
        if n["name"] == nil && !(n.path.hasSuffix(".items")) { throw n.fail("missing required member \"name\"") }
        var bounds = Bounds()
        for key in ["min", "max", "exclusiveMin", "exclusiveMax"] {
            guard let b = n[key] else { continue }
            let v = try ValueBinder.literal(b.value, as: type, at: b)
            switch key {
            case "min": bounds.min = v
            case "max": bounds.max = v
            case "exclusiveMin": bounds.exclusiveMin = v
            default: bounds.exclusiveMax = v
            }
        }
        let defaultValue = try n["default"].map { try ValueBinder.literal($0.value, as: type, at: $0) }
        return FieldSpec(name: name, label: try n["label"]?.localized(), unit: try n["unit"]?.string(), type: type,
                         bounds: bounds, required: try n["required"]?.bool() ?? false, defaultValue: defaultValue,
                         items: items, maxItems: try n["maxItems"]?.int(), cite: try citeKeys(n["cite"], citations))
    }

    func parseVersion(_ n: JSONNode, _ citations: [String: Citation]) throws -> Version {
        _ = try n.members(allowed: ["id", "effective", "steps", "notes"])
        let eff = try n.required("effective")
        _ = try eff.members(allowed: ["from", "until"])
        let from = try eff.required("from").day()
        var until: Day?
        if let u = eff["until"], u.value != .null { until = try u.day() }
        if let u = until, u < from { throw eff.fail("until \(u) is before from \(from)") }
        let steps = try n.required("steps").array().map { try parseStep($0, citations) }
        return Version(id: try n["id"]?.string() ?? from.description, from: from, until: until, steps: steps, path: n.path)
    }

    func parseStep(_ n: JSONNode, _ citations: [String: Citation]) throws -> Step {
        if let t = n["table"] {
            _ = try n.members(allowed: ["table"])
            return .table(try parseTable(t, citations))
        }
        if let s = n["set"] {
            _ = try n.members(allowed: ["set", "expr", "when", "cite", "wording", "explain"])
            return .set(SetStep(name: try s.string(), expr: try n.required("expr").expression(),
                                when: try n["when"]?.expression(), cite: try citeKeys(n["cite"], citations),
                                wording: try n["wording"]?.string(), explain: try n["explain"]?.localized(), path: n.path))
        }
        if let f = n["finding"] {
            _ = try n.members(allowed: ["finding", "when", "wording", "explain"])
            return .finding(FindingStep(code: try f.string(), when: try n.required("when").expression(),
                                        wording: try n["wording"]?.string(), explain: try n["explain"]?.localized(), path: n.path))
        }
        throw n.fail("a step must be one of {\"table\": …}, {\"set\": …}, {\"finding\": …}")
    }

    func parseTable(_ n: JSONNode, _ citations: [String: Citation]) throws -> DecisionTable {
        _ = try n.members(allowed: ["name", "hitPolicy", "aggregation", "inputs", "outputs", "rows", "default", "explain"])
        let policyText = try n.required("hitPolicy").string()
        guard let policy = HitPolicy(rawValue: policyText) else {
            throw try n.required("hitPolicy").fail("hit policy \"\(policyText)\" must be one of \(HitPolicy.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var aggregation: Aggregation?
        if let a = n["aggregation"] {
            let t = try a.string()
            guard let agg = Aggregation(rawValue: t) else { throw a.fail("aggregation \"\(t)\" must be sum, min, max or count") }
            guard policy == .collect else { throw a.fail("aggregation applies only to the collect hit policy") }
            aggregation = agg
        }
        let inputs = try n.required("inputs").array().map { try $0.expression() }
        let outputs = try n.required("outputs").array().map { try $0.string() }
        if outputs.isEmpty { throw try n.required("outputs").fail("a table needs at least one output") }
        var rows: [TableRow] = []
        for r in try n.required("rows").array() {
            _ = try r.members(allowed: ["when", "then", "cite", "annotation"])
            let whenNodes = try r.required("when").array()
            guard whenNodes.count == inputs.count else {
                throw try r.required("when").fail("row has \(whenNodes.count) cells but the table has \(inputs.count) inputs")
            }
            let cells = try whenNodes.map { try parseCell($0) }
            let then = try r.required("then").object().map { ($0.key, try parseOutputCell($0.node)) }
            for (name, _) in then where !outputs.contains(name) {
                throw try r.required("then").fail("\"\(name)\" is not among the table's outputs (\(outputs.joined(separator: ", ")))")
            }
            for o in outputs where !then.contains(where: { $0.0 == o }) {
                throw try r.required("then").fail("missing output \"\(o)\"")
            }
            rows.append(TableRow(when: cells, then: then, cite: try citeKeys(r["cite"], citations),
                                 annotation: try r["annotation"]?.string(), path: r.path))
        }
        if rows.isEmpty { throw try n.required("rows").fail("a table needs at least one row") }
        let defaults = try n["default"]?.object().map { ($0.key, try parseOutputCell($0.node)) } ?? []
        return DecisionTable(name: try n["name"]?.string() ?? "table", hitPolicy: policy, aggregation: aggregation,
                             inputs: inputs, outputs: outputs, rows: rows, defaults: defaults,
                             explain: try n["explain"]?.localized(), path: n.path)
    }

    func parseCell(_ n: JSONNode) throws -> TableCell {
        var text: String
        var wording: String?
        if case .object = n.value {
            _ = try n.members(allowed: ["test", "wording"])
            text = try n.required("test").string()
            wording = try n["wording"]?.string()
        } else if case .number(let t) = n.value {
            text = t
        } else if case .bool(let b) = n.value {
            text = b ? "true" : "false"
        } else {
            text = try n.string()
        }
        do {
            return TableCell(text: text, test: try UnaryTestParser.parse(text), wording: wording)
        } catch let e as ParseError {
            throw n.fail("cell \"\(text)\", column \(e.offset + 1): \(e.message)")
        }
    }

    func parseOutputCell(_ n: JSONNode) throws -> OutputCell {
        if case .string(let s) = n.value, s.hasPrefix("=") {
            return .expression(try JSONNode.expression(String(s.dropFirst()), at: n))
        }
        return .literal(n.value)
    }

    func parseExample(_ n: JSONNode) throws -> Example {
        _ = try n.members(allowed: ["name", "input", "asOf", "expect", "note"])
        let expect = try n.required("expect")
        _ = try expect.members(allowed: ["outputs", "findings", "error"])
        let outputs = try expect["outputs"]?.object().map { ($0.key, $0.node.value) } ?? []
        let findings = try expect["findings"].map { try $0.array().map { try $0.string() } }
        var error: (String, String?)?
        if let e = expect["error"] {
            _ = try e.members(allowed: ["code", "path", "message"])
            error = (try e.required("code").string(), try e["path"]?.string())
        }
        guard case .object = try n.required("input").value else { throw try n.required("input").fail("an example input must be an object") }
        return Example(name: try n.required("name").string(), input: try n.required("input").value,
                       asOf: try n["asOf"]?.day(), outputs: outputs, findings: findings, error: error, path: n.path)
    }
}
