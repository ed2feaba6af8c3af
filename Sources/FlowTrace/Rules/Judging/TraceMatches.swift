/// The step matches of the trace being judged, by step slot (see ``StepTable``), with the regex
/// groups they captured. The engine keeps one and reuses it from trace to trace, so that judging
/// a trace where few steps match allocates next to nothing; strings are made only for evidence.
struct TraceMatches {
    /// One event a step matched.
    struct Hit {
        /// The event's index in the trace.
        var event: Int32
        /// Where its captured groups are in ``captures``.
        var firstCapture: Int32
        var captureCount: Int32
        var lineNumber: Int
    }

    /// A regex group one hit captured: the rule field it fills and its range in the event's message.
    struct Capture {
        var field: Int32
        var range: TextRange
    }

    /// One hit, by its step slot and its place among that slot's hits.
    struct Reference {
        var slot: Int32
        var index: Int32
    }

    private(set) var hits: [[Hit]]
    private(set) var captures: [Capture] = []
    /// The bit (see ``bit(ofSlot:)``) of each slot with at least one hit.
    private(set) var matchedSlots: UInt64 = 0

    init(slots: Int) {
        hits = Array(repeating: [], count: slots)
    }

    /// Forgets the last trace's matches, keeping the memory.
    mutating func removeAll() {
        // Most traces match no step: nothing to forget.
        guard matchedSlots != 0 else { return }
        if matchedSlots & Self.bit(ofSlot: 63) == 0 {
            var slots = matchedSlots
            while slots != 0 {
                hits[slots.trailingZeroBitCount].removeAll(keepingCapacity: true)
                slots &= slots &- 1
            }
        } else {
            for slot in hits.indices where !hits[slot].isEmpty { hits[slot].removeAll(keepingCapacity: true) }
        }
        captures.removeAll(keepingCapacity: true)
        matchedSlots = 0
    }

    /// A slot's bit in a mask of slots: slots from 63 on share bit 63, which then means "maybe".
    @inline(__always)
    static func bit(ofSlot slot: Int) -> UInt64 {
        UInt64(1) << UInt64(min(slot, 63))
    }

    /// Records that the step in `slot` matched the event at `index`, with the groups captured
    /// since `firstCapture` (see ``capture(_:)``).
    mutating func record(slot: Int, event index: Int, lineNumber: Int, capturesFrom firstCapture: Int) {
        hits[slot].append(Hit(event: Int32(truncatingIfNeeded: index), firstCapture: Int32(truncatingIfNeeded: firstCapture),
                              captureCount: Int32(truncatingIfNeeded: captures.count - firstCapture),
                              lineNumber: lineNumber))
        matchedSlots |= Self.bit(ofSlot: slot)
    }

    /// Whether the step in `slot` already matched the event at `index`, the latest one tried.
    @inline(__always)
    func hasHit(slot: Int, event index: Int) -> Bool {
        hits[slot].last?.event == Int32(truncatingIfNeeded: index)
    }

    /// Keeps a group the next recorded hit captured.
    mutating func capture(_ capture: Capture) {
        captures.append(capture)
    }

    /// Every hit of the step in `slot`, as references (made as they are read).
    func references(_ slot: Int) -> LazyMapSequence<Range<Int>, Reference> {
        hits[slot].indices.lazy.map { Reference(slot: Int32(slot), index: Int32($0)) }
    }

    func hit(_ reference: Reference) -> Hit {
        hits[Int(reference.slot)][Int(reference.index)]
    }
}
