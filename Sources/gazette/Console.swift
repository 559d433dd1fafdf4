import Foundation

/// Standard streams, written as bytes; a closed stdout ends output quietly.
enum Console {
    static func out(_ s: String) -> Bool { out(Array(s.utf8)) }

    /// Writes bytes to stdout; false once the reader has gone (a closed pipe).
    static func out(_ bytes: [UInt8]) -> Bool {
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { buf -> Int in
                guard let base = buf.baseAddress else { return 0 }
                return Foundation.write(1, base + written, buf.count - written)
            }
            if n <= 0 { return false }
            written += n
        }
        return true
    }

    static func err(_ s: String) {
        FileHandle.standardError.write(Data((s.hasSuffix("\n") ? s : s + "\n").utf8))
    }

    static var stdoutIsTerminal: Bool { isatty(1) != 0 }

    /// Reads standard input in 1 MiB blocks; empty at the end.
    static func readBlock() -> [UInt8] {
        var buf = [UInt8](repeating: 0, count: 1 << 20)
        let n = buf.withUnsafeMutableBytes { Foundation.read(0, $0.baseAddress, $0.count) }
        if n <= 0 { return [] }
        buf.removeSubrange(n...)
        return buf
    }
}
