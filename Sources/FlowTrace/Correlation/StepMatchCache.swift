/// What ``StepIndex/firstMatch(_:tagKeys:text:in:)`` found for recent message templates
/// (``Event/template``), by template and flow: the events of one template have the same tags,
/// kind, status and message but for the digits of their stand-alone UUIDs (and numbers), so when
/// no needle of the index can overlap those (``TemplateUse``) they match the same step.
/// Direct-mapped; belongs to one index of one correlator.
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

    /// What was found for events of `template` (not 0) searched within `flow` (-1 for all flows),
    /// if it is remembered: the flow, or -1 for none.
    @inline(__always)
    func found(template: UInt32, flow: Int32) -> Int32? {
        let slot = slots + StepMatchCache.index(template, flow)
        guard slot.pointee.template == template, slot.pointee.flow == flow else { return nil }
        return slot.pointee.found
    }

    /// Remembers what was found (`found`, -1 for none) for events of `template` within `flow`.
    @inline(__always)
    func remember(_ found: Int32, template: UInt32, flow: Int32) {
        slots[StepMatchCache.index(template, flow)] = Slot(template: template, flow: flow, found: found)
    }

    @inline(__always)
    private static func index(_ template: UInt32, _ flow: Int32) -> Int {
        Int(truncatingIfNeeded: template &+ UInt32(bitPattern: flow) &* 0x9E37_79B9) & (slotCount - 1)
    }
}
