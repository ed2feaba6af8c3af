/// Lines of a run whose request is not known yet: an HTTP response line that several awaiting
/// traces could own, and the id-less lines after it. The run is resolved when a line names an
/// entity, or when the next run begins.
struct PendingRun {
    /// The traces that could own the run, best guess first (the one that has waited longest).
    var candidates: [Int] = []
    /// A user the run named that no open trace had, while several candidates had no user yet.
    var heldUser: EntityKey?
    /// The call of the response that began the run (``CallLearning/callKey(of:text:)``).
    private(set) var call: UInt64 = 0
    private var events: [Event] = []
    private var textStarts: [Int] = []
    private var text: [UInt8] = []

    var isActive: Bool { !events.isEmpty }

    mutating func begin(candidates: [Int], call: UInt64) {
        // Copied into the run's own storage: `candidates` may be a scratch buffer's.
        self.candidates.removeAll(keepingCapacity: true)
        self.candidates.append(contentsOf: candidates)
        self.call = call
    }

    mutating func append(_ event: Event, text eventText: UnsafeRawBufferPointer) {
        textStarts.append(text.count)
        text.append(contentsOf: eventText)
        events.append(event)
    }

    /// Hands every buffered event, with its own text, to `body`, then empties the run.
    mutating func drain(_ body: (Event, UnsafeRawBufferPointer) -> Void) {
        text.withUnsafeBytes { all in
            for index in events.indices {
                let start = textStarts[index]
                let end = index + 1 < events.count ? textStarts[index + 1] : all.count
                body(events[index], UnsafeRawBufferPointer(rebasing: all[start..<end]))
            }
        }
        events.removeAll(keepingCapacity: true)
        textStarts.removeAll(keepingCapacity: true)
        text.removeAll(keepingCapacity: true)
        candidates.removeAll(keepingCapacity: true)
        heldUser = nil
    }

    mutating func removeCandidate(_ number: Int) {
        candidates.removeAll { $0 == number }
    }
}
