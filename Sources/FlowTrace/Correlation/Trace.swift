import CMemoryHints

/// One request's lines, gathered by the ``Correlator``: the events, a copy of their text, and
/// what identifies the request.
public final class Trace {
    /// Sequence number within its stream, from 1.
    public private(set) var number: Int
    // Correlation state, declared first: the correlator's walks over the recently active traces
    // (``ActivityList``) read these fields of each trace they pass, and a class's stored properties
    // are laid out in declaration order, so they share the object's first cache lines.
    var lastLine = 0
    /// Neighbours in the correlator's ``ActivityList``, which unlinks a trace before it closes
    /// (the correlator's `open` table owns the traces).
    var newer: Unmanaged<Trace>?
    var older: Unmanaged<Trace>?
    /// The step key (``CallLearning``) of its last line: what it may be awaiting. Hashed from the
    /// stored text when first asked for (``noteLastStep(tagKey:event:text:)``): most never are.
    var lastStepKey: UInt64 {
        if let step = unhashedStep {
            unhashedStep = nil
            knownStepKey = text.withBytes { text in
                let line = UnsafeRawBufferPointer(rebasing: text[..<step.lineEnd])
                return CallLearning.stepKey(tagKey: step.tagKey, wordFrom: step.wordStart, in: line)
            }
        }
        return knownStepKey
    }
    private var knownStepKey: UInt64 = 0
    /// The flow's end step was seen; the trace closes when the run moves on.
    var hasEnded = false
    /// The database operation the request announced and is presumably awaiting (`select` on `users`).
    var pendingOperation: (table: EntityKey?, operation: Operation)?
    /// The last line's step, not hashed yet: its first tag's key and where in `text` the word
    /// after the tag may start and the line ends.
    private var unhashedStep: (tagKey: UInt64, wordStart: Int, lineEnd: Int)?
    var lastActivityNanoseconds: UInt64 = 0
    var pendingSinceLine = 0
    /// The stable name reports use (`t12`).
    public var id: String { Trace.id(number: number) }
    /// The index of its flow in the correlation configuration, once known.
    public internal(set) var flowIndex: Int?
    public internal(set) var user: EntityKey?
    public internal(set) var request: EntityKey?
    /// The generations the trace names; usually one.
    public internal(set) var generations: [EntityKey] = []
    /// The first credit amount its lines named: a request names one (what it costs or grants).
    var amount: Int64?
    /// The entities' text as the lines wrote them: the user, request and first generation.
    public var userText: String? { userEntityText?.string }
    public var requestText: String? { requestEntityText?.string }
    public var generationText: String? { generationEntityText?.string }
    var userEntityText: EntityText?
    var requestEntityText: EntityText?
    var generationEntityText: EntityText?
    /// The trace this one continues (background work that names a closed trace's generation).
    public var linkedTo: String? { linkedNumber.map { Trace.id(number: $0) } }
    /// The number of the trace it continues.
    var linkedNumber: Int?

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
    public var worstLine: TraceStatus { max(headOutcome.worstLine, bodyOutcome.worstLine) }
    /// The HTTP status of the request's own response (request-end or access line), when logged.
    public var responseStatus: UInt16? { bodyOutcome.responseStatus ?? headOutcome.responseStatus }
    public var firstTime: LogTime? { headOutcome.firstTime ?? bodyOutcome.firstTime }
    public var lastTime: LogTime? { bodyOutcome.lastTime ?? headOutcome.lastTime }
    /// What its head (see `Trace+Head.swift`; all events while `headCount` is nil) and its body
    /// say, kept apart so that exchanging heads need not read the body again.
    private var headOutcome = OutcomeSummary()
    private var bodyOutcome = OutcomeSummary()
    public internal(set) var closeReason: TraceCloseReason?

    /// The events' text; each stored event's ranges point into it. Lines are appended in order, but
    /// a head moved in from another trace is appended after them (see ``installHead(_:replacing:)``).
    private var text = ByteStore(capacity: 16_384)
    /// Where each event's own text is in `text` (empty when it was not kept).
    private var textSpans: [TextRange] = []
    /// A trace whose text would grow beyond this many bytes is reported in parts first
    /// (``wouldOverflowText(adding:)``): a bound on one trace's memory. A head moved in from another
    /// trace beyond it loses its text (``eventsWithoutText``).
    static let maxTextBytes = 4 << 20
    /// How many of its events were kept without their text, past ``maxTextBytes``: rules and
    /// reports saw no message for them.
    public internal(set) var eventsWithoutText = 0

    // The rest of the correlation state.
    /// The method and path of the request, from its request-tracking line.
    var endpoint: RequestEndpoint?
    /// Its request-tracking start line came, and its end line has not yet.
    var awaitsRequestEnd = false
    /// Its request's end line came while its body was still at work (a wrongly guessed head):
    /// it stays open for the rest of that body.
    var busyAtEnd = false
    /// Opened by a request-tracking start line, before any flow start named the flow.
    var awaitsFlowStart = false
    /// How many of its first events are its head (see `Trace+Head.swift`), once it got its first response.
    private(set) var headCount: Int?
    /// The other new requests this trace's first response could have continued, when that was a guess.
    var headRivals: [Int] = []
    /// Its head was once a guess among rivals (or named among a guess's rivals).
    var headWasGuessed = false
    /// The traces whose guessed head names this one among its rivals (some may no longer).
    var namedAsRivalBy: [Int] = []

    /// The name of the trace numbered `number` in reports.
    static func id(number: Int) -> String { "t\(number)" }

    /// Room for this many events at first: a typical request logs a few dozen lines of about 130
    /// bytes (a 64-line request needs more than 8 KiB of text: `text` starts with 16 KiB).
    static let initialEvents = 64

    init(number: Int, reserving capacity: Int = Trace.initialEvents) {
        self.number = number
        events.reserveCapacity(capacity)
        textSpans.reserveCapacity(capacity)
    }

    /// More events than this and the trace is judged and reported in parts
    /// (``splitOffEvents(as:)``): a bound on one trace's memory, about 5 MB of events and text.
    static let maxEvents = 16_384

    /// The bytes its storage holds: events, their text and its spans.
    var footprint: Int {
        events.capacity * MemoryLayout<Event>.stride + textSpans.capacity * MemoryLayout<TextRange>.stride
            + text.capacity
    }

    /// Moves its events and text into a new closed trace numbered `number`, which names the same
    /// request, user, generations and flow and links to this one (its continuation); this one
    /// stays open, empty, with all its correlation state.
    func splitOffEvents(as number: Int) -> Trace {
        if unhashedStep != nil { _ = lastStepKey }  // hashed from the text before it moves
        let part = Trace(number: number, reserving: 0)
        swap(&part.events, &events)
        swap(&part.textSpans, &textSpans)
        swap(&part.text, &text)
        part.headOutcome = headOutcome
        part.bodyOutcome = bodyOutcome
        part.flowIndex = flowIndex
        part.user = user
        part.request = request
        part.generations = generations
        part.amount = amount
        part.userEntityText = userEntityText
        part.requestEntityText = requestEntityText
        part.generationEntityText = generationEntityText
        part.linkedNumber = self.number
        part.lastLine = lastLine
        part.eventsWithoutText = eventsWithoutText
        eventsWithoutText = 0
        events.reserveCapacity(Trace.initialEvents)
        textSpans.reserveCapacity(Trace.initialEvents)
        headOutcome = OutcomeSummary()
        bodyOutcome = OutcomeSummary()
        // Its head went with the part: what follows is body.
        if headCount != nil { headCount = 0 }
        return part
    }

    /// Whether its storage is small enough to keep for another request (``TracePool``): a trace
    /// that grew large gives its memory back. The bounds keep a full pool under about 17 MB.
    var isWorthReusing: Bool {
        events.capacity <= 128 && text.capacity <= 32 << 10
    }

    /// Makes it a new, empty trace numbered `number` that keeps its storage: every property as
    /// ``init(number:)`` sets it.
    func reuse(as number: Int) {
        self.number = number
        flowIndex = nil
        user = nil
        request = nil
        generations.removeAll(keepingCapacity: true)
        amount = nil
        userEntityText = nil
        requestEntityText = nil
        generationEntityText = nil
        linkedNumber = nil
        events.removeAll(keepingCapacity: true)
        eventsWithoutText = 0
        headOutcome = OutcomeSummary()
        bodyOutcome = OutcomeSummary()
        closeReason = nil
        text.removeAll()
        textSpans.removeAll(keepingCapacity: true)
        lastLine = 0
        lastActivityNanoseconds = 0
        newer = nil
        older = nil
        knownStepKey = 0
        unhashedStep = nil
        pendingOperation = nil
        pendingSinceLine = 0
        hasEnded = false
        endpoint = nil
        awaitsRequestEnd = false
        busyAtEnd = false
        awaitsFlowStart = false
        headCount = nil
        headRivals.removeAll(keepingCapacity: true)
        headWasGuessed = false
        namedAsRivalBy.removeAll(keepingCapacity: true)
    }

    /// Whether its last line is an HTTP response (read in place: `events.last` would copy the event).
    var endsWithResponse: Bool {
        !events.isEmpty && events[events.count - 1].kind == .httpCall
    }

    /// The line numbers of its events, in order.
    public var lineNumbers: [Int] { events.map(\.lineNumber) }

    /// Calls `body` with the text the ranges of `events[index]` refer to.
    public func withText<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try text.withBytes(body)
    }

    /// Copies the first `count` events with their text into `head` (ranges relative to that text),
    /// replacing what it held; its buffers are reused.
    func detachHead(_ count: Int, into head: inout DetachedEvents) {
        head.events.removeAll(keepingCapacity: true)
        head.spans.removeAll(keepingCapacity: true)
        head.text.removeAll(keepingCapacity: true)
        text.withBytes { text in
            events.withUnsafeBufferPointer { events in
                for index in 0..<count {
                    let span = textSpans[index]
                    var event = events[index]
                    if span.isEmpty {
                        event.dropText()
                        head.spans.append(.empty)
                    } else {
                        event.rebase(by: head.text.count - Int(span.start))
                        head.spans.append(TextRange(start: head.text.count, count: Int(span.count)))
                        head.text.append(contentsOf: UnsafeRawBufferPointer(rebasing: text[Int(span.start)..<span.end]))
                    }
                    head.events.append(event)
                }
            }
        }
        head.outcome = count == (headCount ?? events.count) ? headOutcome : OutcomeSummary(of: head.events)
    }

    /// Replaces the first `count` events with `head`. The head's text is appended after the text
    /// there is: the body's events and text stay where they are, and the replaced head's text stays
    /// unused. The head's lines must all come before the remaining events'.
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
                if !textSpans[index].isEmpty { eventsWithoutText += 1 }
                events[index].dropText()
                textSpans[index] = .empty
            }
        }
        if keepsText { head.text.withUnsafeBytes { text.append($0) } }
        headOutcome = head.outcome
    }

    /// Moves the events at `indices` (ascending) out, with their own text, into `moved` (emptied
    /// first). The other events keep their places and text; the moved text stays, unused.
    func removeEvents(at indices: [Int], into moved: inout DetachedEvents) {
        moved.events.removeAll(keepingCapacity: true)
        moved.spans.removeAll(keepingCapacity: true)
        moved.text.removeAll(keepingCapacity: true)
        text.withBytes { text in
            for index in indices {
                var event = events[index]
                let span = textSpans[index]
                if span.isEmpty {
                    event.dropText()
                    moved.spans.append(.empty)
                } else {
                    event.rebase(by: moved.text.count - Int(span.start))
                    moved.spans.append(TextRange(start: moved.text.count, count: Int(span.count)))
                    moved.text.append(contentsOf: UnsafeRawBufferPointer(rebasing: text[Int(span.start)..<span.end]))
                }
                moved.events.append(event)
            }
        }
        for index in indices.reversed() {
            events.remove(at: index)
            textSpans.remove(at: index)
        }
    }

    /// Puts `moved`'s events (each in line order) among its own in line order, their text
    /// appended after its text. The caller sums head and body up again (``setHeadCount(_:recounting:)``).
    func insertEvents(_ moved: DetachedEvents) {
        var position = events.count
        for index in moved.events.indices.reversed() {
            var event = moved.events[index]
            while position > 0, events[position - 1].lineNumber > event.lineNumber { position -= 1 }
            var span = moved.spans[index]
            if !span.isEmpty {
                if wouldOverflowText(adding: Int(span.count)) {
                    event.dropText()
                    span = .empty
                    eventsWithoutText += 1
                } else {
                    let start = text.count
                    moved.text.withUnsafeBytes { text.append(UnsafeRawBufferPointer(rebasing: $0[Int(span.start)..<span.end])) }
                    event.rebase(by: start - Int(span.start))
                    span = TextRange(start: start, count: Int(span.count))
                }
            }
            events.insert(event, at: position)
            textSpans.insert(span, at: position)
        }
    }

    /// Makes the events so far its head: its first response comes next.
    func endHead() {
        headCount = events.count
    }

    /// Sets how many of its first events are its head, and sums head and body up again unless
    /// the caller already made the outcomes match (`recounting: false`).
    func setHeadCount(_ count: Int?, recounting: Bool = true) {
        headCount = count
        if recounting { recountOutcome() }
    }

    /// Sums up head and body again, after the head's length changed (`headCount`).
    private func recountOutcome() {
        let split = headCount ?? events.count
        headOutcome = OutcomeSummary(of: events[..<split])
        bodyOutcome = OutcomeSummary(of: events[split...])
    }

    /// A text field of one of its events, as a String (for reports).
    public func string(_ range: TextRange) -> String {
        withText { range.string(in: $0) }
    }

    /// Whether adding `count` bytes of text would take it past ``maxTextBytes``: then the
    /// correlator reports what it holds as a part (``splitOffEvents(as:)``) before the line joins.
    /// A first line is always kept whole, however long (the line cap bounds it).
    @inline(__always)
    func wouldOverflowText(adding count: Int) -> Bool {
        text.count != 0 && text.count + count > Trace.maxTextBytes
    }

    /// Adds an event whose ranges refer to `eventText`, copying the text it needs (not past
    /// ``maxTextBytes`` unless it is the first text: see ``wouldOverflowText(adding:)``).
    func append(_ event: Event, text eventText: UnsafeRawBufferPointer) {
        let keepsText = !wouldOverflowText(adding: eventText.count)
        let shift = text.count
        if keepsText {
            textSpans.append(TextRange(start: shift, count: eventText.count))
            text.append(eventText)
        } else {
            textSpans.append(.empty)
            eventsWithoutText += 1
        }
        // Copied once, then adjusted and read in place.
        events.append(event)
        events.withUnsafeMutableBufferPointer { events in
            let stored = events.baseAddress! + (events.count - 1)
            if keepsText { stored.pointee.rebase(by: shift) } else { stored.pointee.dropText() }
            if headCount == nil { headOutcome.note(stored) } else { bodyOutcome.note(stored) }
        }
        lastLine = event.lineNumber
        prepareNextAppend()
    }

    /// Notes the step of the last appended event, `event` as given to ``append(_:text:)`` with
    /// `text`; `tagKey` is its first tag's key, nil when its step is none (an HTTP response, or no tag).
    func noteLastStep(tagKey: UInt64?, event: Event, text eventText: UnsafeRawBufferPointer) {
        unhashedStep = nil
        guard let tagKey else {
            knownStepKey = 0
            return
        }
        let wordStart = event.tags.range(at: 0).end + 1
        let span = textSpans[textSpans.count - 1]
        if span.isEmpty {
            knownStepKey = CallLearning.stepKey(tagKey: tagKey, wordFrom: wordStart, in: eventText)
        } else {
            unhashedStep = (tagKey, Int(span.start) + wordStart, span.end)
        }
    }

    /// Starts fetching, for writing, the memory the next event and its text will go to: that is
    /// lines later, and by then the write need not wait for it.
    @inline(__always)
    private func prepareNextAppend() {
        if events.count < events.capacity {
            events.withUnsafeMutableBufferPointer { stored in
                let next = UnsafeMutableRawPointer(stored.baseAddress! + stored.count)
                for offset in stride(from: 0, to: MemoryLayout<Event>.stride, by: 64) {
                    flowtrace_prefetch_for_write(next + offset)
                }
            }
        }
        text.prefetchEnd()
    }
}

/// Events moved out of a trace with their own text (see ``Trace/detachHead(_:into:)``).
struct DetachedEvents {
    var events: [Event] = []
    /// Where each event's text is in ``text`` (empty when it was not kept).
    var spans: [TextRange] = []
    var text: [UInt8] = []
    /// What the events say (see ``OutcomeSummary``).
    var outcome = OutcomeSummary()
}
