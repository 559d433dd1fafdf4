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
            return items.map { display($0, t, lang) }.joined(separator: lang == .zh ? "、" : ", ")
        case (.null, _):
            return lang == .zh ? "（无）" : "(none)"
        default:
            return v.description
        }
    }
}
