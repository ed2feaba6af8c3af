/// Which scanned literals (``StepLiterals``) the messages of each template contain
/// (``Event/template``), so that a message whose template was seen lately is not scanned again:
/// most lines repeat a template. Two-way set-associative by id: ids are handed out in sequence,
/// and a template remembered early (a message every request logs) would otherwise share its slot
/// with every 2,048th id after it. Belongs to one engine, on one thread.
final class LiteralCache {
    /// Sets of two slots (a power of two).
    private static let setCount = 2048

    private struct Slot {
        var template: UInt32
        var found: UInt64
    }

    private let slots: UnsafeMutablePointer<Slot>

    init() {
        slots = .allocate(capacity: 2 * LiteralCache.setCount)
        slots.initialize(repeating: Slot(template: 0, found: 0), count: 2 * LiteralCache.setCount)
    }

    deinit {
        slots.deallocate()
    }

    /// The scanned literals of `literals` that `message` contains, where `message` is the message
    /// of an event of `template`: remembered from an earlier message of that template when the
    /// literals allow it (``StepLiterals/View/templateUse``).
    @inline(__always)
    func found(in message: UnsafeRawBufferPointer, template: UInt32, literals: StepLiterals.View) -> UInt64 {
        let template = literals.templateUse.key(template)
        guard template != 0 else { return literals.found(in: message) }
        let set = slots + 2 * (Int(template) & (LiteralCache.setCount - 1))
        if set[0].template == template { return set[0].found }
        // The first slot holds the set's more recently used template.
        if set[1].template == template {
            swap(&set[0], &set[1])
            return set[0].found
        }
        let found = literals.found(in: message)
        set[1] = set[0]
        set[0] = Slot(template: template, found: found)
        return found
    }
}
