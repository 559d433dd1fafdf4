import Foundation
import GazetteKit

/// `gazette eval ID`: judge one case, or a JSONL batch from stdin.
enum EvalCommand {
    static func run(_ args: Arguments) throws -> Int32 {
        try args.allow(["--rules", "--input", "--file", "--as-of", "--format", "--lang", "--batch", "--jobs",
                        "--explain", "--max-line-bytes"])
        guard let id = args.positionals.first else { throw UsageError("eval needs a decision id (see `gazette list`)") }
        let asOf = try Loading.day(args.options["--as-of"], option: "--as-of")
        let book = try Loading.rulebook(args)
        guard book.compiled[id] != nil else { throw UsageError("no decision \"\(id)\" is loaded; `gazette list` shows them") }
        if args.switches.contains("--batch") { return try batch(args, book: book, id: id, asOf: asOf) }

        let text: String
        if let input = args.options["--input"] {
            text = input
        } else if let file = args.options["--file"] {
            guard let data = FileManager.default.contents(atPath: file) else { throw UsageError("cannot read --file \(file)") }
            text = String(decoding: data, as: UTF8.self)
        } else {
            throw UsageError("eval needs --input JSON, --file F, or --batch with cases on stdin")
        }
        let format = args.options["--format"] ?? (Console.stdoutIsTerminal ? "text" : "json")
        guard format == "json" || format == "text" else { throw UsageError("--format must be json or text, not \"\(format)\"") }
        let lang = try Loading.language(args)
        var caseId: JSONValue?
        let result: Result<EvaluationResult, EvaluationError>
        do {
            let json = try JSONParser.parse(text)
            caseId = json["id"]
            result = book.evaluate(id, case: json, asOf: asOf, explain: true)
        } catch {
            result = .failure(EvaluationError(.malformedJSON, "the case is not valid JSON: \(error.description)"))
        }
        let outcome = Outcome(caseId: caseId, decisionId: id, result: result)
        if format == "json" {
            _ = Console.out(ResultJSON.render(outcome, line: nil, explain: true) + "\n")
        } else {
            _ = Console.out(TextReport.render(outcome, decision: book.compiled[id]?.decision, language: lang))
        }
        if case .failure(let e) = result {
            Console.err("gazette: \(id): " + (e.path.map { "\($0): " } ?? "") + e.message)
            return 2
        }
        return 0
    }

    static func batch(_ args: Arguments, book: Rulebook, id: String, asOf: Day?) throws -> Int32 {
        let jobs = try args.wholeNumber("--jobs", default: ProcessInfo.processInfo.activeProcessorCount, in: 1...256)
        let maxLine = try args.wholeNumber("--max-line-bytes", default: 1 << 20, in: 16...(1 << 30))
        let runner = BatchRunner(rulebook: book, decisionId: id, asOf: asOf, explain: args.switches.contains("--explain"),
                                 jobs: jobs, maxLineBytes: maxLine)
        runner.run(read: Console.readBlock, write: { Console.out($0) })
        return 0
    }
}
