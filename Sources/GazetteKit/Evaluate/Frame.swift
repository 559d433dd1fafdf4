/// The per-case activation: one slot per input, computed value and lambda parameter.
public final class Frame {
    /// Values by slot index, laid out at compile time.
    var slots: [Value]
    /// The day the case is judged at.
    var asOf: Day
    let calendar: WorkingDayCalendar?
    /// Notes from functions such as `addWorkingDays`, collected only when tracing.
    var notes: [String]?

    init(slotCount: Int, asOf: Day, calendar: WorkingDayCalendar?, tracing: Bool) {
        slots = Array(repeating: .null, count: slotCount)
        self.asOf = asOf
        self.calendar = calendar
        notes = tracing ? [] : nil
    }

    /// Readies a used frame for the next case (the batch path keeps one per worker).
    func reset(slotCount: Int, asOf: Day) {
        if slots.count == slotCount {
            for i in slots.indices { slots[i] = .null }
        } else {
            slots = Array(repeating: .null, count: slotCount)
        }
        self.asOf = asOf
    }
}

/// A compiled expression: evaluates against a frame.
typealias Evaluator = (Frame) throws(EvaluationError) -> Value
