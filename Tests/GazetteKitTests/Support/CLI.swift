import Foundation
import XCTest

/// Runs the built `gazette` executable, as a user would.
enum CLI {
    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
        var lines: [String] { stdout.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) }
    }

    /// The binary built beside the test bundle (same configuration), else `.build/debug/gazette`.
    static let binary: URL? = {
        var candidates: [URL] = []
        let bundle = Bundle(for: Marker.self).bundleURL
        candidates.append(bundle.deletingLastPathComponent().appendingPathComponent("gazette"))
        candidates.append(bundle.appendingPathComponent("gazette"))
        candidates.append(PackagePaths.root.appendingPathComponent(".build/debug/gazette"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    private final class Marker {}

    static func requireBinary() throws -> URL {
        guard let b = binary else {
            XCTFail("the gazette executable was not found beside the test bundle or in .build/debug; run `swift build` first")
            throw XCTSkip("no gazette binary")
        }
        return b
    }

    /// Runs `gazette args…` in `directory` (default: the package root) with `stdin` bytes; output goes through files so large outputs cannot block.
    static func run(_ args: [String], stdin: [UInt8]? = nil, directory: URL? = nil, environment: [String: String] = [:]) throws -> Run {
        try runProcess(try requireBinary(), args, stdin: stdin, directory: directory, environment: environment)
    }

    /// Runs a shell command line with `$GAZETTE` set to the binary.
    static func shell(_ script: String) throws -> Run {
        try runProcess(URL(fileURLWithPath: "/bin/bash"), ["-c", script], stdin: nil, directory: nil,
                       environment: ["GAZETTE": try requireBinary().path])
    }

    private static func runProcess(_ exe: URL, _ args: [String], stdin: [UInt8]?, directory: URL?, environment: [String: String]) throws -> Run {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tmp) }
        let inURL = tmp.appendingPathComponent("in"), outURL = tmp.appendingPathComponent("out"), errURL = tmp.appendingPathComponent("err")
        try Data(stdin ?? []).write(to: inURL)
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let p = Process()
        p.executableURL = exe
        p.arguments = args
        p.currentDirectoryURL = directory ?? PackagePaths.root
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "GAZETTE_RULES")
        for (k, v) in environment { env[k] = v }
        p.environment = env
        let inH = try FileHandle(forReadingFrom: inURL), outH = try FileHandle(forWritingTo: outURL), errH = try FileHandle(forWritingTo: errURL)
        p.standardInput = inH
        p.standardOutput = outH
        p.standardError = errH
        try p.run()
        p.waitUntilExit()
        try? inH.close(); try? outH.close(); try? errH.close()
        return Run(status: p.terminationStatus,
                   stdout: String(decoding: (try? Data(contentsOf: outURL)) ?? Data(), as: UTF8.self),
                   stderr: String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self))
    }
}
