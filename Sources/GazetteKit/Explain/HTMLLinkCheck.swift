/// Checks a generated site for broken internal links: every `href`/`src` must name a page of the
/// site and, with a fragment, an `id` on that page; nothing may point outside (the site is self-contained).
public enum HTMLLinkCheck {
    /// One link that does not resolve.
    public struct Broken: Sendable, Equatable, CustomStringConvertible {
        /// The page holding the link.
        public let page: String
        /// The link as written.
        public let target: String
        /// Why it does not resolve.
        public let reason: String
        /// `page: target (reason)`.
        public var description: String { "\(page): \(target) (\(reason))" }
    }

    /// Every link in `pages` that does not resolve, plus ids defined twice on one page.
    public static func broken(in pages: [RulebookPage]) -> [Broken] {
        var ids: [String: Set<String>] = [:]
        var out: [Broken] = []
        for p in pages where p.path.hasSuffix(".html") {
            var seen: Set<String> = []
            for id in attributeValues("id", in: p.contents) where !seen.insert(id).inserted {
                out.append(Broken(page: p.path, target: "#" + id, reason: "id defined more than once"))
            }
            ids[p.path] = seen
        }
        let files = Set(pages.map(\.path))
        for p in pages where p.path.hasSuffix(".html") {
            for link in attributeValues("href", in: p.contents) + attributeValues("src", in: p.contents) {
                if let reason = problem(link, from: p.path, files: files, ids: ids) {
                    out.append(Broken(page: p.path, target: link, reason: reason))
                }
            }
        }
        return out
    }

    /// Every link target (`href`, `src`) on a page, as written.
    public static func links(in html: String) -> [String] {
        attributeValues("href", in: html) + attributeValues("src", in: html)
    }

    static func problem(_ link: String, from page: String, files: Set<String>, ids: [String: Set<String>]) -> String? {
        if link.contains(":") { return "points outside the site" }
        let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let pathPart = String(parts[0])
        let fragment = parts.count > 1 ? String(parts[1]) : nil
        let target = pathPart.isEmpty ? page : resolve(pathPart, from: page)
        guard files.contains(target) else { return "no such page" }
        if let fragment, !fragment.isEmpty {
            guard ids[target]?.contains(fragment) == true else { return "no id \"\(fragment)\" on \(target)" }
        }
        return nil
    }

    /// A relative path resolved against the directory of `page`, `..` and `.` applied.
    static func resolve(_ relative: String, from page: String) -> String {
        var parts = page.split(separator: "/").map(String.init)
        parts.removeLast()
        for piece in relative.split(separator: "/") {
            switch piece {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(String(piece))
            }
        }
        return parts.joined(separator: "/")
    }

    /// Values of `name="…"` attributes (the generator always double-quotes them).
    static func attributeValues(_ name: String, in html: String) -> [String] {
        var out: [String] = []
        let needle = " \(name)=\""
        var rest = Substring(html)
        while let r = rest.firstRange(of: needle) {
            let after = rest[r.upperBound...]
            guard let close = after.firstIndex(of: "\"") else { break }
            out.append(unescape(String(after[..<close])))
            rest = after[after.index(after: close)...]
        }
        return out
    }

    static func unescape(_ s: String) -> String {
        guard s.contains("&") else { return s }
        return s.replacing("&quot;", with: "\"").replacing("&#39;", with: "'").replacing("&lt;", with: "<")
            .replacing("&gt;", with: ">").replacing("&amp;", with: "&")
    }
}
