/// The per-case activation: one slot per input, computed value and lambda parameter.
public final class Frame {
    /// Values by slot index, laid out at compile time. A raw buffer owned by the frame: slots are read
    /// and written on every step, and an array in a class property would pay a dynamic exclusivity
    /// check on each access.
    let slots: UnsafeMutablePointer<Value>
    /// How many slots are allocated and initialised.
    let capacity: Int
    /// The day the case is judged at.
    var asOf: Day
    let calendar: WorkingDayCalendar?
    /// Notes from functions such as `addWorkingDays`, collected only when tracing.
    var notes: [String]?

    init(slotCount: Int, asOf: Day, calendar: WorkingDayCalendar?, tracing: Bool) {
        capacity = max(1, slotCount)
        slots = UnsafeMutablePointer<Value>.allocate(capacity: capacity)
        slots.initialize(repeating: .null, count: capacity)
        self.asOf = asOf
        self.calendar = calendar
        notes = tracing ? [] : nil
    }

    deinit {
        slots.deinitialize(count: capacity)
        slots.deallocate()
    }

    /// Readies a used frame for the next case (the batch path keeps one per worker); the caller checks
    /// `capacity` first. Only `slots` are cleared: every other slot is written by its step before any
    /// expression can read it (names are defined in step order), but a finding's message may name a
    /// value set by a later step, and must then read null, as on a fresh frame.
    func reset(asOf: Day, slots cleared: [Int]) {
        for i in cleared { slots[i] = .null }
        self.asOf = asOf
    }
}

/// A compiled expression: evaluates against a frame.
typealias Evaluator = (Frame) throws(EvaluationError) -> Value
