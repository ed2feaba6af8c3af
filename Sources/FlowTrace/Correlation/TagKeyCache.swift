/// The tag keys (``TagList/keys(in:)``) of recent message templates (``Event/template``): the
/// events of one template have the same tags byte for byte (``MessageMemo`` remembers no message
/// with a tag that holds one of the UUIDs or numbers it masks), so their keys are hashed once per
/// template rather than once per line. Direct-mapped by template id (ids are handed out in sequence).
/// Belongs to one correlator.
final class TagKeyCache {
    /// Slots (a power of two).
    static let slotCount = 1024

    private struct Slot {
        var template: UInt32
        var keys: TagKeys
    }

    private let slots: UnsafeMutablePointer<Slot>

    init() {
        slots = .allocate(capacity: TagKeyCache.slotCount)
        let none = TagList().keys(in: UnsafeRawBufferPointer(start: nil, count: 0))
        slots.initialize(repeating: Slot(template: 0, keys: none), count: TagKeyCache.slotCount)
    }

    deinit {
        slots.deallocate()
    }

    /// The keys of `event`'s stored tags (`text` is its text): remembered from an earlier event of
    /// its template, if it has one.
    @inline(__always)
    func keys(of event: Event, text: UnsafeRawBufferPointer) -> TagKeys {
        let template = event.template
        guard template != 0 else { return event.tags.keys(in: text) }
        let slot = slots + Int(template) & (TagKeyCache.slotCount - 1)
        if slot.pointee.template == template { return slot.pointee.keys }
        let keys = event.tags.keys(in: text)
        slot.pointee = Slot(template: template, keys: keys)
        return keys
    }
}
