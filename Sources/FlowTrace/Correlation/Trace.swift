/// One request's lines, gathered by the ``Correlator``: the events, a copy of their text, and
/// what identifies the request.
public final class Trace {
    /// Sequence number within its stream, from 1.
    public let number: Int
    /// The stable name reports use (`t12`).
    public var id: String { "t\(number)" }
    /// The index of its flow in the correlation configuration, once known.
    public internal(set) var flowIndex: Int?
    public internal(set) var user: EntityKey?
    public internal(set) var request: EntityKey?
    /// The generations the trace names; usually one.
    public internal(set) var generations: [EntityKey] = []
    public internal(set) var userText: String?
    public internal(set) var requestText: String?
    public internal(set) var generationText: String?
    /// The trace this one continues (background work that names a closed trace's generation).
    public internal(set) var linkedTo: String?

    public private(set) var events: [Event] = []
    /// The request's outcome: `error` when its response was an error (or, with no response
    /// logged, when a line was), `warning` when it succeeded but logged errors or warnings on the
    /// way (a fallback, a retry), `ok` otherwise.
    public var status: TraceStatus {
        guard let response = responseStatus else { return worstLine }
        if response >= 400 { return .error }
        return worstLine == .ok ? .ok : .warning
    }
    /// The worst status of any of its lines.
    public private(set) var worstLine: TraceStatus = .ok
    /// The HTTP status of the request's own response (request-end or access line), when logged.
    public private(set) var responseStatus: UInt16?
    public private(set) var firstTime: LogTime?
    public private(set) var lastTime: LogTime?
    public internal(set) var closeReason: TraceCloseReason?

    /// The events' text; each stored event's ranges point into it. Lines are appended in order, but
    /// a head moved in from another trace is appended after them (see ``installHead(_:replacing:)``).
    private var text: [UInt8] = []
    /// Where each event's own text is in `text` (empty when it was not kept).
    private var textSpans: [TextRange] = []
    /// Text beyond this many bytes is not kept (the events are): a bound on one trace's memory.
    static let maxTextBytes = 4 << 20

    // Correlation state.
    var lastLine = 0
    var lastActivityNanoseconds: UInt64 = 0
    /// Neighbours in the correlator's ``ActivityList``, which unlinks a trace before it closes
    /// (the correlator's `open` table owns the traces).
    var newer: Unmanaged<Trace>?
    var older: Unmanaged<Trace>?
    /// The step key (``CallLearning``) of its last line: what it may be awaiting.
    var lastStepKey: UInt64 = 0
    /// The database operation the request announced and is presumably awaiting (`select` on `users`).
    var pendingOperation: (table: EntityKey?, operation: Operation)?
    var pendingSinceLine = 0
    /// The flow's end step was seen; the trace closes when the run moves on.
    var hasEnded = false
    /// The method and path of the request, from its request-tracking line.
    var endpoint: RequestEndpoint?
    /// Its request's end line came while its body was still at work (a wrongly guessed head):
    /// it stays open for the rest of that body.
    var busyAtEnd = false
    /// Opened by a request-tracking start line, before any flow start named the flow.
    var awaitsFlowStart = false
    /// How many of its first events are its head (see `Trace+Head.swift`), once it got its first response.
    var headCount: Int?
    /// The other new requests this trace's first response could have continued, when that was a guess.
    var headRivals: [Int] = []

    init(number: Int) {
        self.number = number
        // A typical request logs a few dozen lines: start with room for them rather than grow.
        events.reserveCapacity(32)
        textSpans.reserveCapacity(32)
        text.reserveCapacity(4096)
    }

    /// Whether its last line is an HTTP response (read in place: `events.last` would copy the event).
    var endsWithResponse: Bool {
        !events.isEmpty && events[events.count - 1].kind == .httpCall
    }

    /// The line numbers of its events, in order.
    public var lineNumbers: [Int] { events.map(\.lineNumber) }

    /// Calls `body` with the text the ranges of `events[index]` refer to.
    public func withText<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try text.withUnsafeBytes(body)
    }

    /// The event at `index` with its own text (ranges relative to that text), as it was appended.
    func detachedEvent(at index: Int) -> (Event, [UInt8]) {
        let span = textSpans[index]
        var event = events[index]
        guard !span.isEmpty else {
            event.dropText()
            return (event, [])
        }
        event.rebase(by: -Int(span.start))
        return (event, Array(text[Int(span.start)..<span.end]))
    }

    /// The first `count` events with their text, copied out (ranges relative to that text).
    func detachedHead(_ count: Int) -> DetachedEvents {
        var head = DetachedEvents()
        head.events.reserveCapacity(count)
        head.spans.reserveCapacity(count)
        for index in 0..<count {
            let span = textSpans[index]
            var event = events[index]
            if span.isEmpty {
                event.dropText()
                head.spans.append(.empty)
            } else {
                event.rebase(by: head.text.count - Int(span.start))
                head.spans.append(TextRange(start: head.text.count, count: Int(span.count)))
                head.text.append(contentsOf: text[Int(span.start)..<span.end])
            }
            head.events.append(event)
        }
        return head
    }

    /// Replaces the first `count` events with `head`, whose lines must all come before the
    /// remaining events'. The head's text is appended after the text there is: the body's events
    /// and text stay where they are, and the replaced head's text stays unused.
    func installHead(_ head: DetachedEvents, replacing count: Int) {
        let keepsText = text.count + head.text.count <= Trace.maxTextBytes
        let base = text.count
        events.replaceSubrange(0..<count, with: head.events)
        textSpans.replaceSubrange(0..<count, with: head.spans)
        for index in head.events.indices {
            if keepsText, !textSpans[index].isEmpty {
                events[index].rebase(by: base)
                textSpans[index].start += Int32(base)
            } else {
                events[index].dropText()
                textSpans[index] = .empty
            }
        }
        if keepsText { text.append(contentsOf: head.text) }
        worstLine = .ok
        responseStatus = nil
        firstTime = nil
        lastTime = nil
        events.withUnsafeBufferPointer { stored in
            for index in stored.indices { noteOutcomeAndTime(of: stored[index]) }
        }
    }

    /// Forgets every event (to rebuild the trace in another order).
    func removeAllEvents() {
        events.removeAll(keepingCapacity: true)
        textSpans.removeAll(keepingCapacity: true)
        text.removeAll(keepingCapacity: true)
        worstLine = .ok
        responseStatus = nil
        firstTime = nil
        lastTime = nil
    }

    /// A text field of one of its events, as a String (for reports).
    public func string(_ range: TextRange) -> String {
        withText { range.string(in: $0) }
    }

    /// Adds an event whose ranges refer to `eventText`, copying the text it needs.
    func append(_ event: Event, text eventText: UnsafeRawBufferPointer) {
        // Adjusted before it is stored: reading an event back right after copying it in stalls.
        var stored = event
        if text.count + eventText.count <= Trace.maxTextBytes {
            textSpans.append(TextRange(start: text.count, count: eventText.count))
            stored.rebase(by: text.count)
            text.append(contentsOf: eventText)
        } else {
            textSpans.append(.empty)
            stored.dropText()
        }
        events.append(stored)
        noteOutcomeAndTime(of: event)
        lastLine = event.lineNumber
    }

    private func noteOutcomeAndTime(of event: Event) {
        worstLine = max(worstLine, TraceStatus(of: event))
        if (event.kind == .requestEnd || event.kind == .access), event.httpStatus > 0 {
            responseStatus = event.httpStatus
        }
        if let time = event.time {
            if firstTime == nil { firstTime = time }
            lastTime = time
        }
    }
}

/// Events moved out of a trace with their own text (see ``Trace/detachedHead(_:)``).
struct DetachedEvents {
    var events: [Event] = []
    /// Where each event's text is in ``text`` (empty when it was not kept).
    var spans: [TextRange] = []
    var text: [UInt8] = []
}
