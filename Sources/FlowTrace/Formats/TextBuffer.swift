/// A growable byte buffer reused for every line, so that steady-state parsing never allocates.
/// It only grows (to the longest line seen) and is owned by one parser.
final class TextBuffer {
    private(set) var base: UnsafeMutableRawPointer
    private(set) var capacity: Int
    var count = 0

    init(capacity: Int = 4096) {
        self.capacity = capacity
        base = .allocate(byteCount: capacity, alignment: 8)
    }

    deinit { base.deallocate() }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    private func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newBase = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 8)
        newBase.copyMemory(from: base, byteCount: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    /// Appends bytes; the caller has reserved room.
    @inline(__always)
    func appendUnchecked(_ source: UnsafeRawPointer, count length: Int) {
        (base + count).copyMemory(from: source, byteCount: length)
        count += length
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
