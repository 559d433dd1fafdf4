/// Why a rule file or calendar could not be loaded: the file, the JSON path and what is wrong.
public struct LoadError: Error, Sendable, CustomStringConvertible {
    /// The file that failed to load.
    public let file: String
    /// JSON path such as `$.decisions[0].inputs[1].type`.
    public let path: String
    /// What is wrong, in a sentence.
    public let message: String

    /// An error at a JSON path of a file.
    public init(file: String, path: String, message: String) {
        self.file = file
        self.path = path
        self.message = message
    }

    /// `file: path: message`.
    public var description: String { "\(file): \(path): \(message)" }
}

/// Several load errors, reported together.
public struct LoadErrors: Error, Sendable, CustomStringConvertible {
    /// The errors, in the order found.
    public let errors: [LoadError]
    /// One error per line.
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
