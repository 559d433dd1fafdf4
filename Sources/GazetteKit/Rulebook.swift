import Foundation

/// Every decision loaded from a rule directory, compiled and ready to evaluate.
public struct Rulebook: Sendable {
    /// The rule files, in path order.
    public let files: [RuleFile]
    /// Compiled decisions by id.
    public let compiled: [String: CompiledDecision]
    /// Decision ids in file order.
    public let ids: [String]
    /// The working-day calendar, if `calendars/` has one.
    public let calendar: WorkingDayCalendar?
    /// The date used when neither `--as-of` nor the case gives one.
    public var today: Day

    /// The decisions, in file order.
    public var decisions: [Decision] { ids.compactMap { compiled[$0]?.decision } }

    /// Loads every rule file under `path` (a directory or one file); all problems are reported together.
    public static func load(path: String, today: Day = Rulebook.currentDay()) throws(LoadErrors) -> Rulebook {
        let loader = RuleLoader()
        return try loader.load(path: path, today: today)
    }

    /// Builds a rulebook from JSON texts already in memory (file name → contents).
    public static func load(sources: [(name: String, text: String)], today: Day = Rulebook.currentDay()) throws(LoadErrors) -> Rulebook {
        try RuleLoader().load(sources: sources.map { ($0.name, Array($0.text.utf8)) }, today: today)
    }

    init(files: [RuleFile], compiled: [String: CompiledDecision], ids: [String], calendar: WorkingDayCalendar?, today: Day) {
        self.files = files
        self.compiled = compiled
        self.ids = ids
        self.calendar = calendar
        self.today = today
    }

    /// Today in Asia/Shanghai.
    public static func currentDay() -> Day {
        let seconds = Int(Date().timeIntervalSince1970) + Instant.shanghaiOffset
        return Day(ordinal: seconds / 86400)
    }

    /// Evaluates one case (a JSON object) against a decision.
    public func evaluate(_ id: String, case input: JSONValue, asOf: Day? = nil, explain: Bool = true) -> Result<EvaluationResult, EvaluationError> {
        guard let d = compiled[id] else {
            return .failure(EvaluationError(.unknownDecision, "no decision \"\(id)\" is loaded; `gazette list` shows them"))
        }
        do {
            return .success(try DecisionEvaluator(rulebook: self, tracing: explain).evaluate(d, caseObject: input, asOf: asOf))
        } catch {
            return .failure(error)
        }
    }

    /// Parses a case from JSON text and evaluates it.
    public func evaluate(_ id: String, json: String, asOf: Day? = nil, explain: Bool = true) -> Result<EvaluationResult, EvaluationError> {
        do {
            return evaluate(id, case: try JSONParser.parse(json), asOf: asOf, explain: explain)
        } catch {
            return .failure(EvaluationError(.malformedJSON, "the case is not valid JSON: \(error.description)"))
        }
    }
}
