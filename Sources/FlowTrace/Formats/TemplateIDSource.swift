import Foundation

/// Hands out message template ids (``Event/template``). A parser's ``MessageMemo`` gives each
/// analysis it remembers a new id, so two events with the same id have the same message but for
/// the digits of its stand-alone UUIDs (``UUIDSpans``), and a consumer may cache what it derives
/// from a message by that id (the rule engine caches which literals a message contains).
///
/// Ids are unique in the process: each source takes them in blocks from one shared counter, so
/// no two parsers ever hand out the same id. 0 means no template; a source whose process has used
/// all 2³⁰ ids hands out only 0. The top two bits are left for ``numbersMasked`` and ``uuidsMasked``.
struct TemplateIDSource {
    /// Set in the template of an analysis remembered with its stand-alone numbers masked: events
    /// with such a template have the same message but for the digits of their stand-alone UUIDs
    /// and numbers (``NumberSpans``).
    static let numbersMasked: UInt32 = 1 << 31
    /// Set in the template of a message that has stand-alone UUIDs (masked in every template).
    static let uuidsMasked: UInt32 = 1 << 30

    /// Whether the events of `template` have the very same message, byte for byte: it has an id,
    /// and neither UUIDs nor numbers were masked.
    @inline(__always)
    static func namesOneText(_ template: UInt32) -> Bool {
        template != 0 && template & (numbersMasked | uuidsMasked) == 0
    }

    /// Ids per block; block 0 is never handed out, so no id is 0.
    private static let blockSize = 1 << 16
    private static let lock = NSLock()
    nonisolated(unsafe) private static var nextBlock = 1

    private var next = 0
    private var end = 0

    /// A new id, or 0 when there are none left.
    mutating func take() -> UInt32 {
        if next == end {
            guard let block = TemplateIDSource.reserveBlock() else { return 0 }
            next = block * TemplateIDSource.blockSize
            end = next + TemplateIDSource.blockSize
        }
        defer { next += 1 }
        return UInt32(next)
    }

    /// The next unused block, or nil when the 32-bit ids are used up.
    private static func reserveBlock() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard nextBlock < Int(uuidsMasked) / blockSize else { return nil }
        defer { nextBlock += 1 }
        return nextBlock
    }
}
