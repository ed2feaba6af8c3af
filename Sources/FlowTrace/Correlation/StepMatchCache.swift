/// What ``StepIndex/firstMatch(_:tagKeys:text:in:)`` found for recent message templates
/// (``Event/template``), by template and flow: the events of one template have the same tags,
/// kind, status and message but for the digits of their stand-alone UUIDs, so when no needle of
/// the index can overlap such a UUID they match the same step. Direct-mapped; belongs to one index
/// of one correlator.
final class StepMatchCache {
    /// Slots (a power of two).
    static let slotCount = 1024

    private struct Slot {
        var template: UInt32
        /// The flow the search was limited to, -1 for none.
        var flow: Int32
        /// The flow found, -1 for none.
        var found: Int32
    }

    private let slots: UnsafeMutablePointer<Slot>

    init() {
        slots = .allocate(capacity: StepMatchCache.slotCount)
        slots.initialize(repeating: Slot(template: 0, flow: -1, found: -1), count: StepMatchCache.slotCount)
    }

    deinit {
        slots.deallocate()
    }

    /// The result for events of `template` (not 0) searched within `flow`: remembered, or `search()`.
    @inline(__always)
    func firstMatch(template: UInt32, flow: Int?, search: () -> Int?) -> Int? {
        let limit = Int32(truncatingIfNeeded: flow ?? -1)
        let index = Int(truncatingIfNeeded: template &+ UInt32(bitPattern: limit) &* 0x9E37_79B9) & (StepMatchCache.slotCount - 1)
        let slot = slots + index
        if slot.pointee.template == template, slot.pointee.flow == limit {
            return slot.pointee.found < 0 ? nil : Int(slot.pointee.found)
        }
        let found = search()
        slot.pointee = Slot(template: template, flow: limit, found: Int32(truncatingIfNeeded: found ?? -1))
        return found
    }
}
