import Dispatch

/// Streams JSONL cases through a decision: one result line per input line, in input order.
public struct BatchRunner: Sendable {
    /// The rulebook the decision comes from.
    public let rulebook: Rulebook
    /// The decision every line is judged by.
    public let decisionId: String
    /// The judging date for every case (`--as-of`); nil leaves it to each case.
    public let asOf: Day?
    /// Whether result lines carry the trace and citations.
    public let explain: Bool
    /// How many workers judge chunks in parallel (at least 1).
    public let jobs: Int
    /// Lines longer than this are refused with an error record (the rest of the line is skipped).
    public let maxLineBytes: Int
    /// Lines judged together; bounds memory whatever the input length.
    public let chunkLines: Int
    /// The fast reader for flat cases; nil when the decision needs the general path (uses, explain).
    let flatReader: FlatCaseReader?
    /// The fixed parts of a result line, encoded once.
    let resultBytes: ResultBytes?
    /// The decision and evaluator the fast path uses, looked up once rather than per line.
    let fastDecision: CompiledDecision?
    let fastEvaluator: DecisionEvaluator

    /// A runner for one decision; `jobs` below 1 counts as 1.
    public init(rulebook: Rulebook, decisionId: String, asOf: Day? = nil, explain: Bool = false, jobs: Int = 1,
                maxLineBytes: Int = 1 << 20, chunkLines: Int = 8192) {
        self.rulebook = rulebook
        self.decisionId = decisionId
        self.asOf = asOf
        self.explain = explain
        self.jobs = max(1, jobs)
        self.maxLineBytes = maxLineBytes
        self.chunkLines = chunkLines
        if !explain, let d = rulebook.compiled[decisionId], d.useSlots.isEmpty {
            flatReader = FlatCaseReader(decision: d.decision)
            resultBytes = ResultBytes(decision: d.decision)
            fastDecision = d
        } else {
            flatReader = nil
            resultBytes = nil
            fastDecision = nil
        }
        fastEvaluator = DecisionEvaluator(rulebook: rulebook, tracing: false)
    }

    /// A line cut from the input: its bytes, or the fact that it was too long.
    enum Line {
        /// The line's bytes: a slice of the block read, so splitting copies nothing.
        case bytes(ArraySlice<UInt8>)
        case tooLong(Int)
    }

    /// Reads blocks with `read` (empty = end), writes result lines with `write` (false = stop, e.g. a closed pipe).
    /// Returns the number of lines judged.
    @discardableResult
    public func run(read: () -> [UInt8], write: ([UInt8]) -> Bool) -> Int {
        var pending: [UInt8] = []
        var overflow = 0  // bytes of a too-long line being skipped
        var lines: [Line] = []
        var lineNumber = 0
        var stopped = false
        // One chunk is judged on a worker while this thread writes the previous one and reads the next:
        // at most one chunk is judged at a time (so `--jobs 1` means one judge), and at most two are held.
        var inFlight: ChunkResult?

        func finishInFlight() {
            guard let previous = inFlight else { return }
            previous.done.wait()
            inFlight = nil
            for part in previous.parts where !stopped { if !write(part) { stopped = true } }
        }

        func flush() {
            guard !lines.isEmpty, !stopped else { return }
            let start = lineNumber + 1
            let chunk = lines
            lineNumber += chunk.count
            lines.removeAll(keepingCapacity: true)
            let result = ChunkResult()
            let previous = inFlight
            previous?.done.wait()
            DispatchQueue.global().async {
                result.parts = self.judge(chunk, firstLine: start)
                result.done.signal()
            }
            inFlight = result
            for part in previous?.parts ?? [] where !stopped { if !write(part) { stopped = true } }
        }

        while !stopped {
            let block = read()
            if block.isEmpty { break }
            var i = 0
            while i < block.count {
                guard let nl = block[i...].firstIndex(of: 0x0A) else {
                    if overflow > 0 {
                        overflow += block.count - i
                    } else {
                        pending.append(contentsOf: block[i...])
                        if pending.count > maxLineBytes {
                            overflow = pending.count
                            pending.removeAll()
                        }
                    }
                    break
                }
                if overflow > 0 {
                    lines.append(.tooLong(overflow + nl - i))
                    overflow = 0
                } else if pending.isEmpty {
                    if nl - i > maxLineBytes { lines.append(.tooLong(nl - i)) } else { lines.append(.bytes(block[i..<nl])) }
                } else {
                    pending.append(contentsOf: block[i..<nl])
                    if pending.count > maxLineBytes { lines.append(.tooLong(pending.count)) } else { lines.append(.bytes(pending[...])) }
                    pending.removeAll(keepingCapacity: true)
                }
                i = nl + 1
                if lines.count >= chunkLines { flush() }
            }
        }
        if overflow > 0 { lines.append(.tooLong(overflow)) } else if !pending.isEmpty { lines.append(.bytes(pending[...])) }
        flush()
        finishInFlight()
        return lineNumber
    }

    /// Judges a chunk, in parallel when `jobs` > 1, and joins the result lines in order.
    /// The result bytes of a chunk, as the workers' parts in order (written one after another, never joined).
    func judge(_ lines: [Line], firstLine: Int) -> [[UInt8]] {
        if jobs == 1 || lines.count < 64 {
            var out = ByteWriter(capacity: lines.count * 256)
            var writer = resultBytes
            let frame = workerFrame()
            for (k, line) in lines.enumerated() { judgeLine(line, number: firstLine + k, into: &out, writer: &writer, frame: frame) }
            return [out.bytes]
        }
        let parts = min(jobs, lines.count)
        let results = ResultSlots(count: parts)
        DispatchQueue.concurrentPerform(iterations: parts) { p in
            let lo = lines.count * p / parts, hi = lines.count * (p + 1) / parts
            var out = ByteWriter(capacity: (hi - lo) * 256)
            var writer = resultBytes
            let frame = workerFrame()
            for k in lo..<hi { judgeLine(lines[k], number: firstLine + k, into: &out, writer: &writer, frame: frame) }
            results.set(p, out.bytes)
        }
        return results.parts()
    }

    /// A frame large enough for every version of the decision, reused by one worker across its lines.
    func workerFrame() -> Frame {
        let slots = fastDecision?.versions.map(\.slotCount).max() ?? 0
        return Frame(slotCount: slots, asOf: Day(ordinal: 0), calendar: rulebook.calendar, tracing: false)
    }

    /// One result line (with its newline) for one input line.
    public func judgeLine(_ bytes: [UInt8], number: Int) -> String {
        var out = ByteWriter()
        var writer = resultBytes
        judgeLine(.bytes(bytes[...]), number: number, into: &out, writer: &writer, frame: nil)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    func judgeLine(_ line: Line, number: Int, into out: inout ByteWriter, writer: inout ResultBytes?, frame: Frame?) {
        if case .bytes(let b) = line, let reader = flatReader, writer != nil, let d = fastDecision,
           let (inputs, id) = reader.read(b) {
            do {
                let r = try fastEvaluator.judge(d, inputs: inputs, unknown: [], asOf: asOf, reuse: frame) { dep throws(EvaluationError) in
                    throw EvaluationError(.unknownDecision, "\(dep.decision.id) needs the general path")
                }
                writer?.success(r, line: number, id: id.map { b[$0] }, into: &out)
                return
            } catch {
                // Judged but refused (a constraint, no version in force …): the same record the general path writes.
                writer?.failure(error, line: number, id: id.map { b[$0] }, into: &out)
                return
            }
        }
        out.raw(generalLine(line, number: number))
        out.bytes.append(0x0A)
    }

    func generalLine(_ line: Line, number: Int) -> String {
        let outcome: Outcome
        switch line {
        case .tooLong(let n):
            outcome = Outcome(caseId: nil, decisionId: decisionId, result: .failure(EvaluationError(
                .lineTooLong, "line \(number) is \(n) bytes, over the --max-line-bytes limit of \(maxLineBytes); it was skipped")))
        case .bytes(var b):
            if b.last == 0x0D { b.removeLast() }
            if b.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                outcome = Outcome(caseId: nil, decisionId: decisionId, result: .failure(EvaluationError(.malformedJSON, "line \(number) is empty")))
            } else {
                do {
                    let json = try JSONParser.parse(Array(b))
                    let id = json["id"]
                    outcome = Outcome(caseId: id, decisionId: decisionId, result: rulebook.evaluate(decisionId, case: json, asOf: asOf, explain: explain))
                } catch {
                    outcome = Outcome(caseId: nil, decisionId: decisionId, result: .failure(EvaluationError(
                        .malformedJSON, "line \(number) is not valid JSON: \(error.message) at column \(error.column)")))
                }
            }
        }
        return ResultJSON.render(outcome, line: number, explain: explain)
    }
}

/// The bytes of one judged chunk, handed from the worker that judged it to the thread that writes it.
private final class ChunkResult: @unchecked Sendable {
    var parts: [[UInt8]] = []
    let done = DispatchSemaphore(value: 0)
}

/// Per-worker output buffers filled concurrently, each index by exactly one worker.
private final class ResultSlots: @unchecked Sendable {
    private var slots: [[UInt8]]
    private let lock = NSLockish()

    init(count: Int) { slots = Array(repeating: [], count: count) }

    func set(_ i: Int, _ s: [UInt8]) {
        lock.withLock { slots[i] = s }
    }

    func parts() -> [[UInt8]] { lock.withLock { slots } }
}

/// A tiny mutex on Dispatch, so the library needs nothing beyond the toolchain.
private final class NSLockish: @unchecked Sendable {
    private let semaphore = DispatchSemaphore(value: 1)
    func withLock<T>(_ body: () -> T) -> T {
        semaphore.wait()
        defer { semaphore.signal() }
        return body()
    }
}
