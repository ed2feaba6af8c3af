import CMemoryHints

/// A growable run of bytes that only ever appends: a trace's copy of its lines' text.
///
/// An `[UInt8]` costs a uniqueness check and a generic `append(contentsOf:)` per line; this is a
/// capacity test and a `memcpy`. Noncopyable, so that exactly one owner frees the storage.
struct ByteStore: ~Copyable {
    private var base: UnsafeMutableRawPointer
    private(set) var count = 0
    private(set) var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(byteCount: self.capacity, alignment: 16)
    }

    deinit {
        base.deallocate()
    }

    /// Appends a copy of `bytes`.
    @inline(__always)
    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        if count + bytes.count > capacity { grow(toHold: count + bytes.count) }
        (base + count).copyMemory(from: source, byteCount: bytes.count)
        count += bytes.count
    }

    /// Forgets the bytes, keeping the storage.
    mutating func removeAll() {
        count = 0
    }

    /// Calls `body` with the bytes stored so far.
    @inline(__always)
    func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }

    /// Starts fetching, for writing, the memory the next line's text will go to.
    @inline(__always)
    func prefetchEnd() {
        if count + 192 <= capacity {
            flowtrace_prefetch_for_write(base + count + 64)
            flowtrace_prefetch_for_write(base + count + 128)
        }
    }

    private mutating func grow(toHold needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let grown = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 16)
        grown.copyMemory(from: base, byteCount: count)
        base.deallocate()
        base = grown
        capacity = newCapacity
    }
}
