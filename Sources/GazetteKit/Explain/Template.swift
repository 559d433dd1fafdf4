/// Fills `{name}` placeholders in rule-file messages with the case's values.
enum Template {
    static func render(_ text: LocalizedText, frame: Frame, names: [String: Scope.Binding]) -> LocalizedText {
        LocalizedText(zh: fill(text.zh, frame, names, .zh), en: fill(text.en, frame, names, .en))
    }

    static func fill(_ s: String, _ frame: Frame, _ names: [String: Scope.Binding], _ lang: Language) -> String {
        guard s.contains("{") else { return s }
        var out = ""
        var rest = Substring(s)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            if let b = names[name] {
                out += display(frame.slots[b.slot], b.type, lang)
            } else {
                out += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return out
    }

    /// A value as a clerk reads it: enum values by label, numbers exactly.
    static func display(_ v: Value, _ type: ValueType, _ lang: Language) -> String {
        switch (v, type) {
        case (.string(let code), .enumeration(let def)):
            guard let i = def.index(ofCode: code) else { return code }
            return lang == .zh ? def.cases[i].label.zh : def.cases[i].label.en
        case (.list(let items), .list(let t)):
            // Labels may contain 、 and commas themselves, so items are set off with semicolons.
            if items.isEmpty { return lang == .zh ? "（无）" : "(none)" }
            return items.map { display($0, t, lang) }.joined(separator: lang == .zh ? "；" : "; ")
        case (.null, _):
            return lang == .zh ? "（无）" : "(none)"
        case (.bool(let b), _):
            return lang == .zh ? (b ? "是" : "否") : (b ? "yes" : "no")
        default:
            return v.description
        }
    }
}

/// A message template split once at load into text and value slots, so rendering is concatenation.
struct CompiledTemplate {
    enum Part {
        case text(String)
        case value(slot: Int, type: ValueType)
    }

    let zh: [Part]
    let en: [Part]
    let source: LocalizedText

    init(_ text: LocalizedText, names: [String: Scope.Binding]) {
        source = text
        zh = CompiledTemplate.split(text.zh, names)
        en = CompiledTemplate.split(text.en, names)
    }

    static func split(_ s: String, _ names: [String: Scope.Binding]) -> [Part] {
        var parts: [Part] = []
        var literal = ""
        var rest = Substring(s)
        while let open = rest.firstIndex(of: "{") {
            literal += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            if let b = names[name] {
                if !literal.isEmpty { parts.append(.text(literal)); literal = "" }
                parts.append(.value(slot: b.slot, type: b.type))
            } else {
                literal += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        literal += rest
        if !literal.isEmpty { parts.append(.text(literal)) }
        return parts
    }

    /// The message with the case's values filled in.
    func render(_ frame: Frame) -> LocalizedText {
        if zh.count <= 1 && en.count <= 1, case .text? = zh.first ?? .text(""), case .text? = en.first ?? .text("") {
            return source
        }
        return LocalizedText(zh: CompiledTemplate.join(zh, frame, .zh), en: CompiledTemplate.join(en, frame, .en))
    }

    static func join(_ parts: [Part], _ frame: Frame, _ lang: Language) -> String {
        var out = ""
        for p in parts {
            switch p {
            case .text(let t): out += t
            case .value(let slot, let type): out += Template.display(frame.slots[slot], type, lang)
            }
        }
        return out
    }
}
