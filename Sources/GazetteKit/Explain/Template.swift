/// Placeholders in rule-file messages, and how values read in them.
enum Template {
    /// The `{name}` placeholders of a message, in order.
    static func placeholders(_ s: String) -> [String] {
        segments(s).compactMap { if case .placeholder(let n) = $0 { return n } else { return nil } }
    }

    enum Segment {
        case text(Substring)
        case placeholder(String)
    }

    /// A message cut into literal text and `{name}` placeholders (an unclosed `{` stays text).
    static func segments(_ s: String) -> [Segment] {
        var out: [Segment] = []
        var rest = Substring(s)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            if open > rest.startIndex { out.append(.text(rest[..<open])) }
            out.append(.placeholder(String(rest[rest.index(after: open)..<close])))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { out.append(.text(rest)) }
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
        for segment in Template.segments(s) {
            switch segment {
            case .text(let t):
                literal += t
            case .placeholder(let name):
                guard let b = names[name] else { literal += "{\(name)}"; continue }
                if !literal.isEmpty { parts.append(.text(literal)); literal = "" }
                parts.append(.value(slot: b.slot, type: b.type))
            }
        }
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
