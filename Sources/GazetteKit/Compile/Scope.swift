/// Names visible to an expression, each bound to a frame slot and a static type.
final class Scope {
    struct Binding {
        let slot: Int
        let type: ValueType
    }

    private var layers: [[String: Binding]] = [[:]]
    private(set) var slotCount = 0

    /// Binds a new name in the current layer to a fresh slot.
    @discardableResult
    func declare(_ name: String, _ type: ValueType) -> Int {
        let slot = slotCount
        slotCount += 1
        layers[layers.count - 1][name] = Binding(slot: slot, type: type)
        return slot
    }

    /// Rebinds a name (a later step refining a value's type keeps its slot).
    func lookup(_ name: String) -> Binding? {
        for layer in layers.reversed() { if let b = layer[name] { return b } }
        return nil
    }

    /// The names of the outermost layer (inputs, built-ins, set values).
    var baseBindings: [String: Binding] { layers[0] }

    func push() { layers.append([:]) }
    func pop() { layers.removeLast() }

    /// Every name visible, for "did you mean" messages.
    var visibleNames: [String] { Array(Set(layers.flatMap(\.keys))).sorted() }
}

/// A type or name error in an expression, at a span of its text.
struct CompileError: Error {
    let message: String
    let span: SourceSpan?
}

/// One `present(name)` (or `not present(name)`) test of a conjunction.
struct PresenceTest {
    let slot: Int
    let present: Bool
}

/// A compiled expression with its static type and, when known at load, its constant value.
/// Expressions of a boolean, number or date type may also carry an unboxed evaluator (see
/// `TypedEvaluators.swift`), which conditions, comparisons and arithmetic call instead of `eval`.
struct CompiledExpr {
    let type: ValueType
    let eval: Evaluator
    let constant: Value?
    var bool: BoolEvaluator? = nil
    var number: NumberEvaluator? = nil
    var day: DayEvaluator? = nil
    /// For a plain name: its slot, so operators can read it without calling a closure.
    var slotIndex: Int? = nil
    /// For a conjunction of `present(name)` / `not present(name)` tests: each slot and whether it must
    /// be present. Such tests cannot fail, so an `and` chain of them is checked in one loop.
    var presenceTests: [PresenceTest]? = nil

    static func constant(_ v: Value, _ type: ValueType) -> CompiledExpr {
        var c = CompiledExpr(type: type, eval: { _ throws(EvaluationError) in v }, constant: v)
        switch v {
        case .bool(let b): c.bool = { _ throws(EvaluationError) in b }
        case .number(let n): c.number = { _ throws(EvaluationError) in n }
        case .date(let d): c.day = { _ throws(EvaluationError) in d }
        default: break
        }
        return c
    }
}
