import Foundation
import XCTest
@testable import GazetteKit

/// Keeps Rules/schema.json in step with the loader: CI has no JSON Schema validator, so these tests
/// compare the schema's member lists and enums with the parser's own (scripts/validate-schema.py does the rest).
final class SchemaSyncTests: XCTestCase {
    func schema() throws -> JSONValue {
        let path = PackagePaths.root.appendingPathComponent("Rules/schema.json").path
        let data = try XCTUnwrap(FileManager.default.contents(atPath: path), "cannot read \(path)")
        return try JSONParser.parse([UInt8](data))
    }

    func def(_ name: String) throws -> JSONValue {
        try XCTUnwrap(try schema()["$defs"]?[name], "schema has no $defs/\(name)")
    }

    func propertyNames(_ def: JSONValue, file: StaticString = #filePath, line: UInt = #line) throws -> Set<String> {
        guard case .object(let members) = try XCTUnwrap(def["properties"], file: file, line: line) else {
            XCTFail("properties is not an object", file: file, line: line)
            return []
        }
        return Set(members.map(\.key))
    }

    func strings(_ value: JSONValue?, file: StaticString = #filePath, line: UInt = #line) -> [String] {
        guard case .array(let items) = value else {
            XCTFail("expected an array of strings", file: file, line: line)
            return []
        }
        return items.compactMap { if case .string(let s) = $0 { return s } else { return nil } }
    }

    func testRuleFileMembersMatchTheParser() throws {
        XCTAssertEqual(try propertyNames(try def("ruleFile")), RuleFileParser.topKeys)
    }

    func testDecisionMembersMatchTheParser() throws {
        XCTAssertEqual(try propertyNames(try def("decision")), RuleFileParser.decisionKeys)
    }

    func testFieldMembersMatchTheParser() throws {
        XCTAssertEqual(try propertyNames(try def("fieldBody")), RuleFileParser.fieldKeys)
    }

    func testEnumsMatchTheModel() throws {
        let table = try def("table")["properties"]
        XCTAssertEqual(strings(table?["hitPolicy"]?["enum"]), HitPolicy.allCases.map(\.rawValue))
        XCTAssertEqual(strings(table?["aggregation"]?["enum"]), Aggregation.allCases.map(\.rawValue))
        XCTAssertEqual(strings(try def("findingDef")["properties"]?["severity"]?["enum"]), Severity.allCases.map(\.rawValue))
    }

    /// Every type the schema offers must load, so the enum cannot list a type the parser lacks.
    func testEveryFieldTypeInTheSchemaLoads() throws {
        let types = strings(try def("fieldBody")["properties"]?["type"]?["enum"])
        XCTAssertEqual(types.count, 10)
        let extras: [String: String] = [
            "enum": #","values":[{"code":"a"}]"#,
            "list": #","items":{"type":"integer"}"#,
            "object": #","fields":[{"name":"x","type":"integer"}]"#,
        ]
        let parser = RuleFileParser(file: "schema-sync")
        for type in types {
            let text = #"{"name":"f","type":"\#(type)"\#(extras[type] ?? "")}"#
            let node = JSONNode(value: try JSONParser.parse(text), path: "$", file: "schema-sync")
            XCTAssertNoThrow(try parser.parseField(node, owner: "t", isInput: true, [:]), "type \(type)")
        }
        let bad = JSONNode(value: try JSONParser.parse(#"{"name":"f","type":"float"}"#), path: "$", file: "schema-sync")
        XCTAssertThrowsError(try parser.parseField(bad, owner: "t", isInput: true, [:]))
    }
}
