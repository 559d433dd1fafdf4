/// Why a rule file or calendar could not be loaded: the file, the JSON path and what is wrong.
public struct LoadError: Error, Sendable, CustomStringConvertible {
    public let file: String
    /// JSON path such as `$.decisions[0].inputs[1].type`.
    public let path: String
    public let message: String

    public init(file: String, path: String, message: String) {
        self.file = file
        self.path = path
        self.message = message
    }

    public var description: String { "\(file): \(path): \(message)" }
}

/// Several load errors, reported together.
public struct LoadErrors: Error, Sendable, CustomStringConvertible {
    public let errors: [LoadError]
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
