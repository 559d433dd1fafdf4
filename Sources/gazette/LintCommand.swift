import GazetteKit

/// `gazette lint`: load checks, quotes against the seeds, and the table analyses.
enum LintCommand {
    static func run(_ args: Arguments) throws -> Int32 {
        try args.allow(["--rules", "--seeds", "--strict", "--format"])
        let rules = RulesLocator.rulesPath(args)
        let book: Rulebook
        do {
            book = try Rulebook.load(path: rules)
        } catch {
            _ = Console.out(error.description + "\n\(error.errors.count) errors, 0 warnings\n")
            return 1
        }
        let seeds = RulesLocator.seedsPath(args, rules: rules).map { SeedIndex(directory: $0) }
        let findings = Linter(rulebook: book, seeds: seeds).run()
        let json = args.options["--format"] == "json"
        var out = ""
        for f in findings {
            if json {
                out += "{\"level\":\(JSONWriter.quote(f.level.rawValue)),\"code\":\(JSONWriter.quote(f.code)),\"file\":\(JSONWriter.quote(f.file))"
                if let d = f.decision { out += ",\"decision\":\(JSONWriter.quote(d))" }
                out += ",\"message\":\(JSONWriter.quote(f.message))"
                if let s = f.stub { out += ",\"stub\":\(JSONWriter.quote(s))" }
                out += "}\n"
            } else {
                out += "\(f.level.rawValue): \(f.file)\(f.decision.map { " \($0)" } ?? ""): [\(f.code)] \(f.message)\n"
                if let s = f.stub { out += "    add this example: \(s)\n" }
            }
        }
        let errors = findings.filter { $0.level == .error }.count
        let warnings = findings.count - errors
        if !json {
            if seeds == nil { out += "note: no seed texts found (--seeds DIR or GAZETTE_SEEDS); quotes were not checked\n" }
            out += "gazette lint: \(book.decisions.count) decisions in \(book.files.count) files: \(errors) errors, \(warnings) warnings\n"
        }
        _ = Console.out(out)
        if errors > 0 || (args.switches.contains("--strict") && warnings > 0) { return 1 }
        return 0
    }
}
