/// Parsed events with their text, handed from the parsing thread to the correlating one.
final class EventBatch {
    private(set) var events: [Event] = []
    private var textStarts: [Int] = []
    private var text: [UInt8] = []
    /// Set on a batch that marks a stall of a live input instead of carrying events.
    var marksIdle = false

    var isEmpty: Bool { events.isEmpty }
    var count: Int { events.count }

    /// Adds an event and a copy of the text its ranges refer to.
    func append(_ event: Event, text eventText: UnsafeRawBufferPointer) {
        textStarts.append(text.count)
        text.append(contentsOf: eventText)
        events.append(event)
    }

    /// Calls `body` with each event and its text, in order.
    func forEach(_ body: (Event, UnsafeRawBufferPointer) throws -> Void) rethrows {
        try text.withUnsafeBytes { all in
            for index in events.indices {
                let end = index + 1 < textStarts.count ? textStarts[index + 1] : all.count
                try body(events[index], UnsafeRawBufferPointer(rebasing: all[textStarts[index]..<end]))
            }
        }
    }

    /// Empties the batch, keeping its memory for the next use.
    func reset() {
        events.removeAll(keepingCapacity: true)
        textStarts.removeAll(keepingCapacity: true)
        text.removeAll(keepingCapacity: true)
        marksIdle = false
    }
}
