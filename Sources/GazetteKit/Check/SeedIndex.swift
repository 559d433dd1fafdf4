import Foundation

/// The seed gazette texts, joined without white space or page furniture, for checking quotes.
public struct SeedIndex: Sendable {
    private let texts: [String: String]

    /// Reads every `*.txt` in a directory.
    public init(directory: String) {
        var texts: [String: String] = [:]
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for name in names where name.hasSuffix(".txt") {
            guard let data = FileManager.default.contents(atPath: directory + "/" + name),
                  let raw = String(data: data, encoding: .utf8) else { continue }
            texts[name] = SeedIndex.normalize(raw, dropFurniture: true)
        }
        self.texts = texts
    }

    /// Whether a seed of that name was read.
    public func has(_ seed: String) -> Bool { texts[seed] != nil }

    /// Whether no seed was read (quotes then go unchecked).
    public var isEmpty: Bool { texts.isEmpty }

    /// Whether the quote occurs in the seed, ignoring white space, page numbers and running heads.
    public func contains(_ quote: String, in seed: String) -> Bool {
        guard let t = texts[seed] else { return false }
        let q = SeedIndex.normalize(quote, dropFurniture: false)
        return !q.isEmpty && t.contains(q)
    }

    /// Drops page numbers (`—２３—`) and running heads on their own lines, then all white space.
    static func normalize(_ s: String, dropFurniture: Bool) -> String {
        var out = ""
        for line in s.split(separator: "\n", omittingEmptySubsequences: false) {
            let t = line.trimmingCharacters(in: .whitespaces)
            if dropFurniture {
                if t.hasPrefix("—") && t.hasSuffix("—") && t.count <= 8 { continue }
                if t.hasPrefix("浙江省人民政府公报") && t.hasSuffix("期") && t.count <= 30 { continue }
            }
            for ch in line where !ch.isWhitespace { out.append(ch) }
        }
        return out
    }
}
