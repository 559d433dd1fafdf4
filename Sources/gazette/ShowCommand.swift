import GazetteKit

/// `gazette show ID`: one decision with its inputs, logic, source text and notes.
enum ShowCommand {
    static func run(_ args: Arguments) throws -> Int32 {
        try args.allow(["--rules", "--lang"])
        guard let id = args.positionals.first else { throw UsageError("show needs a decision id (see `gazette list`)") }
        let book = try Loading.rulebook(args)
        let lang = try Loading.language(args)
        guard let d = book.decisions.first(where: { $0.id == id }) else {
            throw UsageError("no decision \"\(id)\" is loaded; `gazette list` shows them")
        }
        _ = Console.out(DecisionDescription.render(d, lang))
        for t in book.compiled[id]?.pieceTables ?? [] {
            _ = Console.out(lang == .zh
                ? "版本 \(t.version) 在载入时按输入分段的 \(t.combinations) 种组合预先判定（--explain 时仍逐步计算）。\n"
                : "Version \(t.version) is judged at load for each of its \(t.combinations) combinations of input pieces (--explain still runs the steps).\n")
        }
        return 0
    }
}
