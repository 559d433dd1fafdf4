import GazetteKit

/// `gazette list`: every decision with its title, source and versions.
enum ListCommand {
    static func run(_ args: Arguments) throws -> Int32 {
        try args.allow(["--rules", "--lang"])
        let book = try Loading.rulebook(args)
        let lang = try Loading.language(args)
        var out = ""
        for d in book.decisions {
            let versions = d.versions.map { "\($0.id) (\($0.from)–\($0.until.map(\.description) ?? ""))" }.joined(separator: ", ")
            let clauses = d.source.compactMap { d.citations[$0]?.clause }.joined(separator: "; ")
            out += "\(d.id)\t\(d.title.text(lang))\t\(d.document.number) \(clauses)\t\(versions)\n"
        }
        out += "\(book.decisions.count) decisions in \(book.files.count) rule files\n"
        _ = Console.out(out)
        return 0
    }
}
