import Foundation
import GazetteKit

/// `gazette coverage`: the ledger of encoded and unencoded clauses, per source document.
enum CoverageCommand {
    static func run(_ args: Arguments) throws -> Int32 {
        try args.allow(["--rules", "--seeds", "--out", "--check"])
        let rules = RulesLocator.rulesPath(args)
        let book = try Rulebook.load(path: rules)
        let report = CoverageReport(rulebook: book, seedsDirectory: RulesLocator.seedsPath(args, rules: rules)).markdown()
        if let check = args.options["--check"] {
            let current = FileManager.default.contents(atPath: check).map { String(decoding: $0, as: UTF8.self) }
            if current == report {
                _ = Console.out("\(check) is current\n")
                return 0
            }
            Console.err("gazette: \(check) is out of date; regenerate it with `gazette coverage --out \(check)`")
            return 1
        }
        if let out = args.options["--out"] {
            guard FileManager.default.createFile(atPath: out, contents: Data(report.utf8)) else {
                throw UsageError("cannot write \(out)")
            }
            return 0
        }
        _ = Console.out(report)
        return 0
    }
}
