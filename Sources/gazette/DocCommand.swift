import Foundation
import GazetteKit

/// `gazette doc --out DIR`: writes the browsable HTML rulebook and checks its internal links.
enum DocCommand {
    static func run(_ args: Arguments) throws -> Int32 {
        try args.allow(["--rules", "--seeds", "--out"])
        guard let out = args.options["--out"] else { throw UsageError("doc needs --out DIR (the directory to write the site into)") }
        let rules = RulesLocator.rulesPath(args)
        let book = try Rulebook.load(path: rules)
        let seeds = RulesLocator.seedsPath(args, rules: rules).map { SeedIndex(directory: $0) }
        let pages = HTMLRulebook(rulebook: book, lint: Linter(rulebook: book, seeds: seeds).run()).pages()
        let root = URL(fileURLWithPath: out)
        do {
            for p in pages {
                let file = root.appendingPathComponent(p.path)
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(p.contents.utf8).write(to: file)
            }
        } catch {
            throw UsageError("cannot write the site into \(out): \(error.localizedDescription)")
        }
        let broken = HTMLLinkCheck.broken(in: pages)
        for b in broken { Console.err("broken link: \(b)") }
        _ = Console.out("gazette doc: wrote \(pages.count) files (\(book.decisions.count) decision pages) to \(out); \(broken.count) broken links\n")
        return broken.isEmpty ? 0 : 1
    }
}
