/// What the steps' screens ask of one event, worked out once per event: the literals of its
/// message at once, its outcome only when a screen gets that far.
struct EventFacts {
    /// The scanned prefilter literals its message contains (see ``StepLiterals``).
    let foundLiterals: UInt64
    private var outcome: TraceStatus?

    /// An event whose message contains the scanned literals `foundLiterals`.
    @inline(__always)
    init(foundLiterals: UInt64) {
        self.foundLiterals = foundLiterals
    }

    /// What the line says about its request's outcome.
    @inline(__always)
    mutating func outcome(of event: UnsafePointer<Event>) -> TraceStatus {
        if let outcome { return outcome }
        let status = TraceStatus(of: event.pointee)
        outcome = status
        return status
    }
}
