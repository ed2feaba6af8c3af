/// What a run of a trace's events says about the request, in order: the worst status of a line,
/// the status of the last response line (request-end or access), the first and last time.
struct OutcomeSummary {
    var worstLine: TraceStatus = .ok
    var responseStatus: UInt16?
    var firstTime: LogTime?
    var lastTime: LogTime?

    init() {}

    /// The summary of `events`, in order.
    init(of events: some Collection<Event>) {
        for event in events {
            var event = event
            note(&event)
        }
    }

    /// Adds the event at `event` (read in place: passing 300 bytes by value to a call copies them).
    mutating func note(_ event: UnsafePointer<Event>) {
        worstLine = max(worstLine, TraceStatus(of: event))
        let kind = event.pointee.kind
        if (kind == .requestEnd || kind == .access), event.pointee.httpStatus > 0 {
            responseStatus = event.pointee.httpStatus
        }
        if let time = event.pointee.time {
            if firstTime == nil { firstTime = time }
            lastTime = time
        }
    }
}
