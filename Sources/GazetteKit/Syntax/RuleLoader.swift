import Foundation

/// Finds rule files and calendars, parses them and compiles every decision in dependency order.
struct RuleLoader {
    func load(path: String, today: Day) throws(LoadErrors) -> Rulebook {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw LoadErrors(errors: [LoadError(file: path, path: "", message: "no such file or directory")])
        }
        var paths: [String] = []
        if isDir.boolValue {
            let base = URL(fileURLWithPath: path)
            if let e = FileManager.default.enumerator(atPath: path) {
                for case let rel as String in e where rel.hasSuffix(".json") && !rel.hasSuffix("schema.json") {
                    paths.append(base.appendingPathComponent(rel).path)
                }
            }
            paths.sort()
        } else {
            paths = [path]
        }
        var sources: [(String, [UInt8])] = []
        var errors: [LoadError] = []
        for p in paths {
            guard let data = FileManager.default.contents(atPath: p) else {
                errors.append(LoadError(file: p, path: "", message: "cannot read the file"))
                continue
            }
            sources.append((p, [UInt8](data)))
        }
        // A single rule file still needs the calendar that sits beside the rules.
        if !isDir.boolValue {
            let dir = URL(fileURLWithPath: path).deletingLastPathComponent()
            for candidate in [dir.appendingPathComponent("calendars"), dir.deletingLastPathComponent().appendingPathComponent("calendars")] {
                let cal = candidate.appendingPathComponent("cn-mainland.json").path
                if cal != path, let data = FileManager.default.contents(atPath: cal) {
                    sources.append((cal, [UInt8](data)))
                    break
                }
            }
        }
        if !errors.isEmpty { throw LoadErrors(errors: errors) }
        return try load(sources: sources, today: today)
    }

    func load(sources: [(String, [UInt8])], today: Day) throws(LoadErrors) -> Rulebook {
        var errors: [LoadError] = []
        var files: [RuleFile] = []
        var calendar: WorkingDayCalendar?
        for (name, bytes) in sources {
            let root: JSONValue
            do {
                root = try JSONParser.parse(bytes)
            } catch {
                errors.append(LoadError(file: name, path: "line \(error.line), column \(error.column)", message: error.message))
                continue
            }
            do {
                if root["calendar"] != nil {
                    calendar = try CalendarParser.parse(root, file: name)
                } else {
                    files.append(try RuleFileParser(file: name).parse(root))
                }
            } catch let e as LoadError {
                errors.append(e)
            } catch {
                errors.append(LoadError(file: name, path: "$", message: "\(error)"))
            }
        }
        var byId: [String: Decision] = [:]
        var ids: [String] = []
        for f in files {
            for d in f.decisions {
                if let other = byId[d.id] {
                    errors.append(LoadError(file: f.path, path: d.path + ".id", message: "duplicate decision id \"\(d.id)\" (also in \(other.file))"))
                    continue
                }
                byId[d.id] = d
                ids.append(d.id)
            }
        }
        var compiled: [String: CompiledDecision] = [:]
        var state: [String: Int] = [:]  // 1 = in progress, 2 = done
        func visit(_ id: String, chain: [String]) {
            guard let d = byId[id], state[id] != 2 else { return }
            if state[id] == 1 {
                errors.append(LoadError(file: d.file, path: d.path + ".uses", message: "cycle in the decision graph: \((chain + [id]).joined(separator: " → "))"))
                return
            }
            state[id] = 1
            for u in d.uses { visit(u.id, chain: chain + [id]) }
            var outs: [String: [FieldSpec]] = [:]
            for u in d.uses { if let c = compiled[u.id] { outs[u.id] = c.decision.outputs } }
            do {
                compiled[id] = try DecisionCompiler(decision: d, dependencyOutputs: outs).compile()
            } catch let e as LoadError {
                errors.append(e)
            } catch {
                errors.append(LoadError(file: d.file, path: d.path, message: "\(error)"))
            }
            state[id] = 2
        }
        for id in ids { visit(id, chain: []) }
        if !errors.isEmpty { throw LoadErrors(errors: errors) }
        let book = Rulebook(files: files, compiled: compiled, ids: ids, calendar: calendar, today: today)
        PiecewisePlan.attach(to: book)
        return book
    }
}
