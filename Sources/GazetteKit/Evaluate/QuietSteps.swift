/// The steps of a version run without a trace: the batch path's loop, kept apart from the explaining
/// one so it carries no tracing code.
///
/// Steps are reached through `StepRef`s, plain words holding unretained references (the version keeps
/// its nodes alive for as long as it can be judged), and each node is used through
/// `_withUnsafeGuaranteedRef`, so walking the steps costs no reference counting.
enum QuietSteps {
    /// The outcome of one step, so the guaranteed-reference closures need not throw.
    private enum Flow {
        case next
        case failed(EvaluationError)
    }

    static func run(_ cv: CompiledVersion, _ d: CompiledDecision, frame: Frame, values: inout [Value],
                    raised: inout [EvaluationResult.RaisedFinding]) throws(EvaluationError) {
        for ref in cv.stepRefs {
            let flow: Flow
            switch ref {
            case .set(let u):
                flow = u._withUnsafeGuaranteedRef { node in
                    do throws(EvaluationError) {
                        if try node.when?.holds(frame) == false {
                            frame.slots[node.slot] = .null
                        } else if let b = node.bool {
                            frame.slots[node.slot] = try b(frame).map(Value.bool) ?? .null
                        } else if let n = node.number {
                            frame.slots[node.slot] = try n(frame).map(Value.number) ?? .null
                        } else if let d = node.day {
                            frame.slots[node.slot] = try d(frame).map(Value.date) ?? .null
                        } else {
                            frame.slots[node.slot] = try node.eval(frame)
                        }
                        return .next
                    } catch {
                        return .failed(error)
                    }
                }
            case .finding(let u):
                flow = u._withUnsafeGuaranteedRef { node in
                    do throws(EvaluationError) {
                        guard try node.when.holds(frame) else { return .next }
                    } catch {
                        return .failed(error)
                    }
                    cv.raise(node, frame: frame, values: &values, raised: &raised)
                    return .next
                }
            case .table(let u):
                flow = u._withUnsafeGuaranteedRef { node in
                    do throws(EvaluationError) {
                        if try TableEvaluator.runIndexed(node.table, frame: frame) { return .next }
                        _ = try TableEvaluator.run(node.table, frame: frame, decision: d.decision)
                        return .next
                    } catch {
                        return .failed(error)
                    }
                }
            }
            if case .failed(let e) = flow { throw e }
        }
    }
}

extension CompiledVersion {
    /// Records a finding that fired: the step, and the values its message names, copied after the
    /// outputs (which are written at the end) in the result's one values array.
    @inline(__always)
    func raise(_ node: FindingNode, frame: Frame, values: inout [Value], raised: inout [EvaluationResult.RaisedFinding]) {
        if values.isEmpty {
            values.reserveCapacity(resultCapacity)
            for _ in 0..<outputSlots.count { values.append(.null) }
        }
        if raised.isEmpty { raised.reserveCapacity(findingSteps) }
        raised.append(EvaluationResult.RaisedFinding(node: node, offset: values.count))
        for slot in node.message.captures { values.append(frame.slots[slot]) }
    }
}

/// A step as an unretained reference to its node (see `QuietSteps`).
enum StepRef {
    case set(Unmanaged<SetNode>)
    case finding(Unmanaged<FindingNode>)
    case table(Unmanaged<TableNode>)

    init(_ step: CompiledStep) {
        switch step {
        case .set(let n): self = .set(.passUnretained(n))
        case .finding(let n): self = .finding(.passUnretained(n))
        case .table(let n): self = .table(.passUnretained(n))
        }
    }
}
