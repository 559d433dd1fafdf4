import Foundation

/// Finds the rule directory: `--rules`, `GAZETTE_RULES`, `./Rules`, or the package's `Rules/` beside the binary.
enum RulesLocator {
    static func rulesPath(_ args: Arguments) -> String {
        if let r = args.options["--rules"] { return r }
        if let r = ProcessInfo.processInfo.environment["GAZETTE_RULES"], !r.isEmpty { return r }
        if FileManager.default.fileExists(atPath: "Rules") { return "Rules" }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = dir.appendingPathComponent("Rules")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("schema.json").path) { return candidate.path }
            dir = dir.deletingLastPathComponent()
        }
        return "Rules"
    }

    /// The seed texts: `--seeds`, `GAZETTE_SEEDS`, else `../shared/seeds` beside the checkout.
    static func seedsPath(_ args: Arguments, rules: String) -> String? {
        if let s = args.options["--seeds"] { return s }
        if let s = ProcessInfo.processInfo.environment["GAZETTE_SEEDS"], !s.isEmpty { return s }
        // Walk up from the rules: Rules/ → checkout → its parent, where shared/ sits beside the clone.
        var dir = URL(fileURLWithPath: rules).standardizedFileURL.deletingLastPathComponent()
        for _ in 0..<5 {
            let candidate = dir.appendingPathComponent("shared/seeds")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate.path }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }
}
