import CMemoryHints

/// Parsed events with their text, handed from the parsing thread to the correlating one.
///
/// The storage is allocated once, for ``capacity`` events, and reused: the parser writes each
/// event straight into its slot, and the event texts, which it keeps one after another in its
/// text buffer, become the batch's with ``takeText(from:)`` when the batch is full; so filling a
/// batch neither allocates, copies text, nor counts references. A batch belongs to one thread at
/// a time.
final class EventBatch {
    /// How many events the batch holds at most.
    let capacity: Int
    private let events: UnsafeMutablePointer<Event>
    /// Where each event's text starts in ``text`` (in the parser's text until ``takeText(from:)``).
    private let textStarts: UnsafeMutablePointer<Int>
    private let text = TextBuffer()
    private(set) var count = 0
    /// Set on a batch that marks a stall of a live input instead of carrying events.
    var marksIdle = false

    init(capacity: Int) {
        precondition(capacity > 0, "a batch must hold at least one event")
        self.capacity = capacity
        events = .allocate(capacity: capacity)
        textStarts = .allocate(capacity: capacity)
    }

    deinit {
        events.deinitialize(count: count)
        events.deallocate()
        textStarts.deallocate()
    }

    var isEmpty: Bool { count == 0 }
    var isFull: Bool { count == capacity }

    /// Parses `line` into the next slot; the parser keeps the event text its ranges refer to.
    /// The parser must fill only this batch until ``takeText(from:)``.
    @inline(__always)
    func append(parsing line: RawLine, with parser: inout LineParser) {
        precondition(count < capacity, "the batch is full")
        let slot = events + count
        slot.initialize(to: Event())
        parser.parse(line, into: &slot.pointee)
        textStarts[count] = parser.text.keep()
        count += 1
    }

    /// Takes the event texts `parser` kept for this batch's events (before handing it on); the
    /// parser goes on in this batch's old, empty text storage.
    func takeText(from parser: LineParser) {
        parser.text.handOver(to: text)
    }

    /// Calls `body` with each event and its text, in order.
    func forEach(_ body: (Event, UnsafeRawBufferPointer) throws -> Void) rethrows {
        let all = UnsafeRawPointer(text.base)
        for index in 0..<count {
            if index + EventPrefetch.distance < count { prefetch(index + EventPrefetch.distance) }
            let end = index + 1 < count ? textStarts[index + 1] : text.count
            try body(events[index], UnsafeRawBufferPointer(start: all + textStarts[index], count: end - textStarts[index]))
        }
    }

    /// Starts loading event `index` and the first lines of its text (``EventPrefetch``): the
    /// parsing thread wrote them on the other core.
    @inline(__always)
    private func prefetch(_ index: Int) {
        EventPrefetch.event(events + index)
        let start = textStarts[index]
        let end = index + 1 < count ? textStarts[index + 1] : text.count
        let eventText = UnsafeRawPointer(text.base) + start
        for offset in stride(from: 0, to: min(end - start, 256), by: 64) { flowtrace_prefetch(eventText + offset) }
    }

    /// Empties the batch, keeping its memory for the next use.
    func reset() {
        events.deinitialize(count: count)
        count = 0
        text.count = 0
        marksIdle = false
    }
}
