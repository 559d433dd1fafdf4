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
/// The slots a template reads are listed once (`captures`); a finding copies just those values when it
/// fires and renders the text only when someone reads it.
struct CompiledTemplate {
    enum Part {
        /// Literal text, with its JSON-escaped bytes for the batch writer.
        case text(String, escaped: [UInt8])
        /// The value of `captures[index]`, displayed as its type reads.
        case value(index: Int, type: ValueType)
    }

    let zh: [Part]
    let en: [Part]
    let source: LocalizedText
    /// The frame slots the template reads, each once, in first-use order.
    let captures: [Int]

    init(_ text: LocalizedText, names: [String: Scope.Binding]) {
        source = text
        var captures: [Int] = []
        zh = CompiledTemplate.split(text.zh, names, &captures)
        en = CompiledTemplate.split(text.en, names, &captures)
        self.captures = captures
    }

    static func split(_ s: String, _ names: [String: Scope.Binding], _ captures: inout [Int]) -> [Part] {
        var parts: [Part] = []
        var literal = ""
        func flush() {
            guard !literal.isEmpty else { return }
            var w = ByteWriter(capacity: literal.utf8.count)
            w.stringContent(literal)
            parts.append(.text(literal, escaped: w.bytes))
            literal = ""
        }
        for segment in Template.segments(s) {
            switch segment {
            case .text(let t):
                literal += t
            case .placeholder(let name):
                guard let b = names[name] else { literal += "{\(name)}"; continue }
                flush()
                let index = captures.firstIndex(of: b.slot) ?? captures.count
                if index == captures.count { captures.append(b.slot) }
                parts.append(.value(index: index, type: b.type))
            }
        }
        flush()
        return parts
    }

    /// The message with the case's values filled in.
    func render(_ frame: Frame) -> LocalizedText { render(captured: captures.map { frame.slots[$0] }[...]) }

    /// The message with captured values filled in.
    func render(captured: ArraySlice<Value>) -> LocalizedText {
        if captures.isEmpty { return source }
        return LocalizedText(zh: CompiledTemplate.join(zh, captured, .zh), en: CompiledTemplate.join(en, captured, .en))
    }

    static func join(_ parts: [Part], _ captured: ArraySlice<Value>, _ lang: Language) -> String {
        var out = ""
        for p in parts {
            switch p {
            case .text(let t, _): out += t
            case .value(let i, let type): out += Template.display(captured[captured.startIndex + i], type, lang)
            }
        }
        return out
    }

    /// Writes one language of the message as JSON string content (no quotes), straight to bytes.
    func write(_ lang: Language, _ captured: ArraySlice<Value>, into w: inout ByteWriter) {
        for p in lang == .zh ? zh : en {
            switch p {
            case .text(_, let escaped): w.raw(escaped)
            case .value(let i, let type):
                // Numbers and dates read the same in both languages: written as digits, no String made.
                switch captured[captured.startIndex + i] {
                case .number(let n): w.decimal(n)
                case .date(let d): w.day(d)
                case let v: w.stringContent(Template.display(v, type, lang))
                }
            }
        }
    }
}
