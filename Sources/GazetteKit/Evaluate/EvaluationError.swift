/// Why a case could not be judged: a code, the field it concerns and a readable sentence.
public struct EvaluationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Stable error codes that appear in result JSON.
    public enum Code: String, Sendable {
        case inputMissing = "INPUT_MISSING"
        case inputType = "INPUT_TYPE"
        case inputBounds = "INPUT_BOUNDS"
        case inputEnum = "INPUT_ENUM"
        case inputFormat = "INPUT_FORMAT"
        case inputConstraint = "INPUT_CONSTRAINT"
        case malformedJSON = "MALFORMED_JSON"
        case notAnObject = "NOT_AN_OBJECT"
        case lineTooLong = "LINE_TOO_LONG"
        case unknownDecision = "UNKNOWN_DECISION"
        case noVersion = "NO_VERSION"
        case noMatch = "NO_MATCH"
        case multipleMatch = "MULTIPLE_MATCH"
        case conflictingMatch = "CONFLICTING_MATCH"
        case nullValue = "NULL_VALUE"
        case divisionByZero = "DIVISION_BY_ZERO"
        case arithmetic = "ARITHMETIC"
        case calendarRange = "CALENDAR_RANGE"
    }

    /// What kind of error it is.
    public let code: Code
    /// The input field concerned (`affectedPeople`, `inspections[2].date`), if any.
    public let path: String?
    /// What is wrong, in a readable sentence.
    public let message: String

    /// An error with its code, the field concerned if any, and a sentence.
    public init(_ code: Code, path: String? = nil, _ message: String) {
        self.code = code
        self.path = path
        self.message = message
    }

    /// `CODE at path: message`, or `CODE: message` when no field is concerned.
    public var description: String { path.map { "\(code.rawValue) at \($0): \(message)" } ?? "\(code.rawValue): \(message)" }
}
