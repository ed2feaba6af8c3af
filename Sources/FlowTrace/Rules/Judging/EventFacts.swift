/// What the steps' screens ask of one event, worked out once per event: the literals of its
/// message at once, its outcome only when a screen gets that far.
struct EventFacts {
    /// The scanned prefilter literals its message contains (see ``StepLiterals``).
    let foundLiterals: UInt64
    private var outcome: TraceStatus?

    @inline(__always)
    init(_ event: borrowing Event, text: UnsafeRawBufferPointer, literals: StepLiterals.View) {
        foundLiterals = literals.found(in: event.message.slice(text))
    }

    /// What the line says about its request's outcome.
    @inline(__always)
    mutating func outcome(of event: borrowing Event) -> TraceStatus {
        if let outcome { return outcome }
        let status = TraceStatus(of: event)
        outcome = status
        return status
    }
}
