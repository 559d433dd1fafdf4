import GazetteKit

/// Loads the rulebook a command asks for.
enum Loading {
    static func rulebook(_ args: Arguments) throws -> Rulebook {
        try Rulebook.load(path: RulesLocator.rulesPath(args))
    }

    static func day(_ text: String?, option: String) throws(UsageError) -> Day? {
        guard let text else { return nil }
        guard let d = Day(text) else { throw UsageError("\(option) \"\(text)\" is not a valid date (YYYY-MM-DD)") }
        return d
    }

    static func language(_ args: Arguments) throws(UsageError) -> Language {
        guard let l = args.options["--lang"] else { return .zh }
        guard let lang = Language(rawValue: l) else { throw UsageError("--lang must be zh or en, not \"\(l)\"") }
        return lang
    }
}
