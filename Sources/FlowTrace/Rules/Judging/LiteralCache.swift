/// Which scanned literals (``StepLiterals``) the messages of each template contain
/// (``Event/template``), so that a message whose template was seen lately is not scanned again:
/// most lines repeat a template. Direct-mapped by id; ids are handed out in sequence, so the
/// templates in use at one time seldom share a slot. Belongs to one engine, on one thread.
final class LiteralCache {
    private static let slotCount = 2048

    private struct Slot {
        var template: UInt32
        var found: UInt64
    }

    private let slots: UnsafeMutablePointer<Slot>

    init() {
        slots = .allocate(capacity: LiteralCache.slotCount)
        slots.initialize(repeating: Slot(template: 0, found: 0), count: LiteralCache.slotCount)
    }

    deinit {
        slots.deallocate()
    }

    /// The scanned literals of `literals` that `message` contains, where `message` is the message
    /// of an event of `template`: remembered from an earlier message of that template when the
    /// literals allow it (``StepLiterals/View/dependsOnTemplateOnly``).
    @inline(__always)
    func found(in message: UnsafeRawBufferPointer, template: UInt32, literals: StepLiterals.View) -> UInt64 {
        guard template != 0, literals.dependsOnTemplateOnly else { return literals.found(in: message) }
        let slot = slots + (Int(template) & (LiteralCache.slotCount - 1))
        if slot.pointee.template == template { return slot.pointee.found }
        let found = literals.found(in: message)
        slot.pointee = Slot(template: template, found: found)
        return found
    }
}
