import Foundation
import GazetteKit

// A closed pipe (`gazette … | head -3`) must end output quietly, not kill the process.
signal(SIGPIPE, SIG_IGN)

let usage = """
usage: gazette <command> [options]
  list  [--rules DIR]                                  decisions with id, title, source, versions
  show  ID [--rules DIR] [--lang zh|en]                one decision: inputs, logic, source text, notes
  eval  ID [--input JSON | --file F] [--as-of DATE] [--format json|text] [--lang zh|en]
  eval  ID --batch [--jobs N] [--explain] [--max-line-bytes N] < cases.jsonl > results.jsonl
  test  [--rules DIR] [ID…]                            runs every rule file's examples
  lint  [--rules DIR] [--seeds DIR] [--strict] [--format text|json]
  bench [ID…] [--count N] [--jobs N] [--json] [--decimal]       speed figures against a same-run baseline
  bench ID --profile-decision ROUNDS | --write-cases F.jsonl [--count N]   the decision loop alone (for perf) / the cases
  coverage [--out FILE | --check FILE]                 ledger of encoded / unencoded clauses per document
  doc   --out DIR [--rules DIR] [--seeds DIR]          the browsable HTML rulebook (internal links checked)
  diff  OLD NEW [--cases F.jsonl [--decision ID]] [--out F] [--format text|json]   rule changes, cases that flip
  diff  --decision ID --from DATE --to DATE [--cases F.jsonl]                      two versions of one decision
Rules default to the package's Rules/ (override with --rules or GAZETTE_RULES).
Exit codes: 0 evaluated, 1 test/lint failures, 2 usage or input error.
"""

var argv = Array(CommandLine.arguments.dropFirst())
guard let command = argv.first else {
    Console.err(usage)
    exit(2)
}
argv.removeFirst()

do {
    let args = try Arguments(argv)
    let code: Int32
    switch command {
    case "list": code = try ListCommand.run(args)
    case "show": code = try ShowCommand.run(args)
    case "eval": code = try EvalCommand.run(args)
    case "test": code = try TestCommand.run(args)
    case "lint": code = try LintCommand.run(args)
    case "coverage": code = try CoverageCommand.run(args)
    case "doc": code = try DocCommand.run(args)
    case "diff": code = try DiffCommand.run(args)
    case "bench": code = try BenchCommand.run(args)
    case "help", "--help", "-h":
        _ = Console.out(usage + "\n")
        code = 0
    default:
        throw UsageError("unknown command \"\(command)\"\n\(usage)")
    }
    exit(code)
} catch let e as UsageError {
    Console.err("gazette: " + e.message)
    exit(2)
} catch let e as LoadErrors {
    Console.err("gazette: the rules could not be loaded:\n" + e.description)
    exit(2)
} catch {
    Console.err("gazette: \(error)")
    exit(2)
}
