/// A growable byte buffer reused for every line, so that steady-state parsing never allocates.
/// It only grows (to the longest line seen) and is owned by one parser. Its state lives behind a
/// pointer, so that the hot path pays for neither reference counting nor exclusivity checks.
final class TextBuffer {
    private struct State {
        var base: UnsafeMutableRawPointer
        var capacity: Int
        var count: Int
    }

    private let state: UnsafeMutablePointer<State>

    init(capacity: Int = 4096) {
        state = .allocate(capacity: 1)
        state.initialize(to: State(base: .allocate(byteCount: capacity, alignment: 8), capacity: capacity, count: 0))
    }

    deinit {
        state.pointee.base.deallocate()
        state.deallocate()
    }

    @inline(__always) var base: UnsafeMutableRawPointer { state.pointee.base }

    @inline(__always) var count: Int {
        get { state.pointee.count }
        set { state.pointee.count = newValue }
    }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    func reserve(_ extra: Int) {
        if state.pointee.count + extra > state.pointee.capacity { grow(to: state.pointee.count + extra) }
    }

    private func grow(to needed: Int) {
        var newCapacity = state.pointee.capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newBase = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 8)
        newBase.copyMemory(from: state.pointee.base, byteCount: state.pointee.count)
        state.pointee.base.deallocate()
        state.pointee.base = newBase
        state.pointee.capacity = newCapacity
    }

    /// Appends bytes; the caller has reserved room.
    @inline(__always)
    func appendUnchecked(_ source: UnsafeRawPointer, count length: Int) {
        (state.pointee.base + state.pointee.count).copyMemory(from: source, byteCount: length)
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
