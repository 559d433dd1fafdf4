// libFuzzer entry points over the reader, the expression parser and the evaluator.
// Build for fuzzing: see docs/fuzzing.md. Built normally, it replays inputs given as files.
import Foundation
import GazetteKit

let rulebook: Rulebook? = {
    let path = ProcessInfo.processInfo.environment["GAZETTE_RULES"] ?? "Rules"
    return try? Rulebook.load(path: path, today: Day("2021-08-01") ?? Rulebook.currentDay())
}()

/// One input: split by its first byte into a JSON case, an expression, or a table cell.
func fuzzOne(_ bytes: [UInt8]) {
    guard let first = bytes.first else { return }
    let rest = Array(bytes.dropFirst())
    switch first % 3 {
    case 0:
        guard let book = rulebook else { return }
        let ids = ["geohazard.prevention-zone", "energy.use-rights", "land.reward-quota", "website.quarterly-inspection"]
        let runner = BatchRunner(rulebook: book, decisionId: ids[Int(first / 3) % ids.count], jobs: 1)
        let line = runner.judgeLine(rest, number: 1)
        precondition(line.hasSuffix("\n") && line.dropLast().firstIndex(of: "\n") == nil, "one result line per case")
    case 1:
        _ = try? Rulebook.load(sources: [("fuzz.json", """
        {"document":{"number":"n","title":"t","issuer":"i","date":"2021-01-01","gazette":"g","seed":"s"},
         "citations":{"c":{"clause":"一","text":"x"}},
         "decisions":[{"id":"f.x","title":"t","source":"c","inputs":[{"name":"a","type":"decimal"}],
           "outputs":[{"name":"o","type":"decimal"}],
           "versions":[{"effective":{"from":"2020-01-01"},"steps":[{"set":"o","expr":\(JSONWriter.quote(String(decoding: rest, as: UTF8.self)))}]}]}]}
        """)])
    default:
        _ = try? JSONParser.parse(rest)
    }
}

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    fuzzOne(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

// SwiftPM links an executable's entry point as `<module>_main`; hand control to libFuzzer's driver.
@_cdecl("GazetteFuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var args = argv
    return LLVMFuzzerRunDriver(&count, &args) { data, size in LLVMFuzzerTestOneInput(data, size) }
}
#else
/// Replays saved inputs (crash reproducers, a corpus) without libFuzzer.
@main
struct Replay {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            fuzzOne([UInt8](data))
            print("ok: \(path)")
        }
    }
}
#endif
