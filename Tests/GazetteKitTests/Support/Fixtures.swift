import Foundation
import XCTest
@testable import GazetteKit

/// Where the package lives, found from this source file, so tests can read `Rules/`, `Samples/` and the built CLI.
enum PackagePaths {
    /// The package root (the directory holding Package.swift).
    static let root: URL = {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        for _ in 0..<6 {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) { return dir }
            dir = dir.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    static var rules: String { root.appendingPathComponent("Rules").path }
    static var calendarFile: String { root.appendingPathComponent("Rules/calendars/cn-mainland.json").path }

    static func sample(_ relative: String) -> String { root.appendingPathComponent("Samples").appendingPathComponent(relative).path }
}

/// The shipped rules, loaded once for every test that needs them (loading takes a few hundred ms).
enum ShippedRules {
    static let result: Result<Rulebook, LoadErrors> = {
        do throws(LoadErrors) { return .success(try Rulebook.load(path: PackagePaths.rules)) } catch { return .failure(error) }
    }()

    static func book() throws -> Rulebook {
        switch result {
        case .success(let b): return b
        case .failure(let e): throw e
        }
    }

    /// The shipped working-day calendar on its own.
    static let calendar: Result<WorkingDayCalendar, Error> = {
        do {
            guard let data = FileManager.default.contents(atPath: PackagePaths.calendarFile) else {
                throw LoadError(file: PackagePaths.calendarFile, path: "", message: "cannot read")
            }
            return .success(try CalendarParser.parse(try JSONParser.parse([UInt8](data)), file: PackagePaths.calendarFile))
        } catch { return .failure(error) }
    }()
}

/// Builds small rule files in memory, so each test states exactly the rule it exercises.
enum RuleText {
    static let document = #"{"number":"测试〔2024〕1号","title":"测试文件","issuer":"测试","date":"2024-01-01","gazette":"测试公报","seed":"test.txt"}"#

    /// A whole rule file around the given decisions (JSON objects as text).
    static func file(_ decisions: [String], citations: String = #"{"c":{"clause":"一","text":"测试条文。","line":1}}"#) -> String {
        #"{"document":\#(document),"citations":\#(citations),"decisions":[\#(decisions.joined(separator: ","))]}"#
    }

    /// One decision `t.case` (or `id`) with the given inputs, outputs and steps, in force from 2020-01-01.
    static func decision(id: String = "t.case", inputs: String, outputs: String, steps: String,
                         versions: String? = nil, extra: String = "") -> String {
        let v = versions ?? #"[{"id":"v1","effective":{"from":"2020-01-01"},"steps":\#(steps)}]"#
        return #"{"id":"\#(id)","title":{"zh":"测试","en":"test"},"source":"c","inputs":\#(inputs),"outputs":\#(outputs),"versions":\#(v)\#(extra)}"#
    }

    /// Loads rule files from text (name → contents).
    static func load(_ files: [(String, String)], today: Day? = nil) throws(LoadErrors) -> Rulebook {
        try Rulebook.load(sources: files.map { (name: $0.0, text: $0.1) }, today: today ?? Day(ordinal: 19000))
    }

    /// Loads one decision in one file named `t.json`.
    static func load(_ decision: String) throws(LoadErrors) -> Rulebook {
        try load([("t.json", file([decision]))])
    }

    /// The load errors a rule file produces; fails the test when it loads.
    static func loadErrors(_ files: [(String, String)], file: StaticString = #filePath, line: UInt = #line) -> [LoadError] {
        do {
            _ = try load(files)
            XCTFail("expected the rules to be refused", file: file, line: line)
            return []
        } catch {
            return error.errors
        }
    }
}

extension Result where Success == EvaluationResult, Failure == EvaluationError {
    /// The result, or a test failure naming the error.
    func value(file: StaticString = #filePath, line: UInt = #line) throws -> EvaluationResult {
        switch self {
        case .success(let r): return r
        case .failure(let e):
            XCTFail("unexpected evaluation error: \(e)", file: file, line: line)
            throw e
        }
    }

    /// The error, or a test failure when the case was judged.
    func error(file: StaticString = #filePath, line: UInt = #line) -> EvaluationError? {
        switch self {
        case .success(let r):
            XCTFail("expected an error, got outputs \(r.outputs.map { "\($0.spec.name)=\($0.value)" })", file: file, line: line)
            return nil
        case .failure(let e): return e
        }
    }
}

/// Shorthands for values in assertions.
func num(_ text: String) -> Value { .number(ExactDecimal(text)!) }
func day(_ text: String) -> Value { .date(Day(text)!) }
