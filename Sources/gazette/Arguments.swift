/// Command-line arguments: positionals, `--flag value` options and boolean switches.
struct Arguments {
    var positionals: [String] = []
    var options: [String: String] = [:]
    var switches: Set<String> = []

    /// Options that take a value; everything else starting with `--` is a switch.
    static let valued: Set<String> = ["--rules", "--input", "--file", "--as-of", "--format", "--lang", "--jobs",
                                      "--max-line-bytes", "--seeds", "--out", "--cases", "--count", "--seed", "--iterations", "--check",
                                      "--decision", "--from", "--to", "--profile-decision", "--write-cases"]

    init(_ args: [String]) throws(UsageError) {
        var i = 0
        while i < args.count {
            let a = args[i]
            if a.hasPrefix("--") {
                if let eq = a.firstIndex(of: "=") {
                    options[String(a[..<eq])] = String(a[a.index(after: eq)...])
                } else if Arguments.valued.contains(a) {
                    guard i + 1 < args.count else { throw UsageError("\(a) needs a value") }
                    options[a] = args[i + 1]
                    i += 1
                } else {
                    switches.insert(a)
                }
            } else {
                positionals.append(a)
            }
            i += 1
        }
    }

    /// A whole-number option, or a usage error naming the option, the value and the range allowed.
    func wholeNumber(_ name: String, default value: Int, in range: ClosedRange<Int>) throws(UsageError) -> Int {
        guard let text = options[name] else { return value }
        guard let n = Int(text), range.contains(n) else {
            throw UsageError("\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound), not \"\(text)\"")
        }
        return n
    }

    /// Refuses options the command does not know, so typos are not silently ignored.
    func allow(_ names: Set<String>) throws(UsageError) {
        for k in Set(options.keys).union(switches) where !names.contains(k) {
            throw UsageError("unknown option \(k) (this command takes: \(names.sorted().joined(separator: ", ")))")
        }
    }
}

/// A usage problem: exit code 2 with one readable sentence.
struct UsageError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
