/// A growable byte buffer reused for every line, so that steady-state parsing never allocates.
/// It only grows (to the longest line seen) and is owned by one parser. Its state lives behind a
/// pointer, so that the hot path pays for neither reference counting nor exclusivity checks.
///
/// ``base`` and ``count`` describe the current text, which starts at the storage's start unless
/// earlier texts were kept before it with ``keep()``: a parser writes each line's event text right
/// after the previous one's, and ``handOver(to:)`` gives them all to a batch without copying.
final class TextBuffer {
    private struct State {
        var storage: UnsafeMutableRawPointer
        var capacity: Int
        /// Where the current text starts in the storage (the bytes before it are kept).
        var origin: Int
        /// The current text's length.
        var count: Int
    }

    private let state: UnsafeMutablePointer<State>

    init(capacity: Int = 4096) {
        state = .allocate(capacity: 1)
        state.initialize(to: State(storage: .allocate(byteCount: capacity, alignment: 8), capacity: capacity,
                                   origin: 0, count: 0))
    }

    deinit {
        state.pointee.storage.deallocate()
        state.deallocate()
    }

    /// The start of the current text.
    @inline(__always) var base: UnsafeMutableRawPointer { state.pointee.storage + state.pointee.origin }

    @inline(__always) var count: Int {
        get { state.pointee.count }
        set { state.pointee.count = newValue }
    }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    func reserve(_ extra: Int) {
        let needed = state.pointee.origin + state.pointee.count + extra
        if needed > state.pointee.capacity { grow(to: needed) }
    }

    private func grow(to needed: Int) {
        var newCapacity = state.pointee.capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newStorage = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 8)
        newStorage.copyMemory(from: state.pointee.storage, byteCount: state.pointee.origin + state.pointee.count)
        state.pointee.storage.deallocate()
        state.pointee.storage = newStorage
        state.pointee.capacity = newCapacity
    }

    /// Keeps the current text and starts an empty one after it; returns where the kept text
    /// starts in the storage (an offset into the buffer ``handOver(to:)`` fills).
    @inline(__always)
    func keep() -> Int {
        let start = state.pointee.origin
        state.pointee.origin = start + state.pointee.count
        state.pointee.count = 0
        return start
    }

    /// Gives every byte written (kept texts and the current one) to `receiver`, as its current
    /// text, and takes the receiver's storage in exchange, empty: no bytes are copied.
    func handOver(to receiver: TextBuffer) {
        swap(&state.pointee, &receiver.state.pointee)
        receiver.state.pointee.count += receiver.state.pointee.origin
        receiver.state.pointee.origin = 0
        state.pointee.origin = 0
        state.pointee.count = 0
    }

    /// Appends bytes; the caller has reserved room.
    @inline(__always)
    func appendUnchecked(_ source: UnsafeRawPointer, count length: Int) {
        (base + state.pointee.count).copyMemory(from: source, byteCount: length)
        state.pointee.count += length
    }

    @inline(__always)
    func append(_ source: UnsafeRawPointer, count length: Int) {
        reserve(length)
        appendUnchecked(source, count: length)
    }

    @inline(__always)
    func appendByte(_ byte: UInt8) {
        reserve(1)
        base.storeBytes(of: byte, toByteOffset: count, as: UInt8.self)
        count += 1
    }

    /// Appends a Unicode scalar as UTF-8.
    func appendScalar(_ value: UInt32) {
        reserve(4)
        switch value {
        case 0..<0x80:
            appendByte(UInt8(value))
        case 0x80..<0x800:
            appendByte(UInt8(0xC0 | value >> 6))
            appendByte(UInt8(0x80 | value & 0x3F))
        case 0x800..<0x10000:
            appendByte(UInt8(0xE0 | value >> 12))
            appendByte(UInt8(0x80 | value >> 6 & 0x3F))
            appendByte(UInt8(0x80 | value & 0x3F))
        default:
            appendByte(UInt8(0xF0 | value >> 18))
            appendByte(UInt8(0x80 | value >> 12 & 0x3F))
            appendByte(UInt8(0x80 | value >> 6 & 0x3F))
            appendByte(UInt8(0x80 | value & 0x3F))
        }
    }

    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }
}
