/// What every step's screen asks of one event, worked out once per event.
struct EventFacts {
    /// What the line says about its request's outcome.
    let outcome: TraceStatus
    /// The scanned prefilter literals its message contains (see ``StepLiterals``).
    let foundLiterals: UInt64

    @inline(__always)
    init(_ event: borrowing Event, text: UnsafeRawBufferPointer, literals: StepLiterals.View) {
        outcome = TraceStatus(of: event)
        foundLiterals = literals.found(in: event.message.slice(text))
    }
}
