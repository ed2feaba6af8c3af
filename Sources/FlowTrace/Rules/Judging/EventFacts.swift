/// What every step's screen asks of one event, worked out once per event.
struct EventFacts {
    /// What the line says about its request's outcome.
    let outcome: TraceStatus
    /// The bytes of its message.
    let messageBytes: BytePresence

    init(_ event: Event, text: UnsafeRawBufferPointer, literals: StepLiterals.View) {
        outcome = TraceStatus(of: event)
        messageBytes = literals.presence(in: event.message.slice(text))
    }
}
