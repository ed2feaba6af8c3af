import CMemoryHints

/// Software prefetch for loops over events that another thread (on the other core) wrote: the
/// correlator's over a parsed batch, the judge's over a trace. Without it, the first touch of each
/// event waits for its cache lines to come over.
enum EventPrefetch {
    /// How many events ahead the event itself is asked for; its text is asked for one event later,
    /// once its ranges can be read without a wait.
    static let distance = 3

    /// Asks for event `index + distance` of `events` and the message of event `index + 1`.
    @inline(__always)
    static func ahead(of index: Int, in events: UnsafeBufferPointer<Event>, text: UnsafeRawBufferPointer) {
        if index + distance < events.count { event(events.baseAddress! + index + distance) }
        if index + 1 < events.count, let base = text.baseAddress {
            let message = events[index + 1].message
            let start = base + Int(message.start)
            flowtrace_prefetch(start)
            if message.count > 64 { flowtrace_prefetch(start + 64) }
        }
    }

    /// Asks for the cache lines of the event at `event`.
    @inline(__always)
    static func event(_ event: UnsafePointer<Event>) {
        let raw = UnsafeRawPointer(event)
        for offset in stride(from: 0, to: MemoryLayout<Event>.stride, by: 64) { flowtrace_prefetch(raw + offset) }
    }
}
