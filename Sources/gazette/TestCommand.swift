import GazetteKit

/// `gazette test`: runs every decision's examples and prints failures with expected vs actual.
enum TestCommand {
    static func run(_ args: Arguments) throws -> Int32 {
        try args.allow(["--rules", "--verbose"])
        let book = try Loading.rulebook(args)
        let ids = args.positionals.isEmpty ? nil : args.positionals
        if let ids { for id in ids where book.compiled[id] == nil { throw UsageError("no decision \"\(id)\" is loaded") } }
        let report = ExampleRunner(rulebook: book).run(ids: ids)
        var out = ""
        for f in report.failures {
            out += "FAIL \(f.decisionId): \(f.example)\n     \(f.file) \(f.path)\n"
            for p in f.problems { out += "     - \(p)\n" }
        }
        let decisions = ids?.count ?? book.decisions.count
        out += "gazette test: \(decisions) decisions, \(report.passed + report.failed) examples\n"
        out += "\(report.passed) passed, \(report.failed) failed\n"
        _ = Console.out(out)
        return report.failed == 0 ? 0 : 1
    }
}
