/// Escaping for the static HTML rulebook: everything from a rule file passes through here.
enum HTML {
    /// Text content: `&`, `<`, `>` escaped.
    static func text(_ s: String) -> String { escape(s, quotes: false) }

    /// A double-quoted attribute value: text escaping plus `"` and `'`.
    static func attr(_ s: String) -> String { escape(s, quotes: true) }

    private static func escape(_ s: String, quotes: Bool) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            case "'" where quotes: out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }

    /// A fragment identifier usable in both `id` and `href`: ASCII letters, digits, `.`, `-` and `_`
    /// stay; any other character becomes `_` and its hex code, so distinct keys stay distinct.
    static func anchor(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "a"..."z", "A"..."Z", "0"..."9", ".", "-": out.unicodeScalars.append(u)
            default: out += "_" + String(u.value, radix: 16) + "_"
            }
        }
        return out
    }

    /// Chinese text marked as such, so the browser picks a CJK font and line breaking.
    static func zh(_ s: String, tag: String = "span") -> String {
        "<\(tag) lang=\"zh-Hans\">\(text(s))</\(tag)>"
    }

    /// English text marked as such.
    static func en(_ s: String, tag: String = "span") -> String {
        "<\(tag) lang=\"en\" class=\"en\">\(text(s))</\(tag)>"
    }
}
