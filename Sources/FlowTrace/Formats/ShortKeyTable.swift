/// Keys of one to eight bytes (the status symbols), matched by hashing the eight input bytes
/// masked to each length that a key starting with the first byte has, longest first: mostly one
/// probe, where a trie walks a node per byte. Answers as ``ByteTrie/longestMatch(_:from:to:wordBoundary:)``
/// without case folding or word boundaries, for input with eight bytes to read.
///
/// Raw storage like ``ByteTrie``; the owner frees it with ``deallocate()``.
struct ShortKeyTable: @unchecked Sendable {
    private struct Slot {
        /// The key's bytes, little-endian, zero past its length.
        var key: UInt64
        /// The key's length; 0 marks an empty slot.
        var length: Int32
        var value: Int32
    }

    private let slots: UnsafeMutablePointer<Slot>
    private let mask: Int
    /// Per first byte, one bit per length (1...8) of the keys starting with it.
    private let lengthsByFirstByte: UnsafeMutablePointer<UInt16>

    /// The table of `keys` (the first value of a repeated key wins, as in a trie), or nil when
    /// some key is empty or longer than eight bytes.
    init?(keys: [([UInt8], Int32)]) {
        guard keys.allSatisfy({ !$0.0.isEmpty && $0.0.count <= 8 }) else { return nil }
        var unique: [([UInt8], Int32)] = []
        for (key, value) in keys where !unique.contains(where: { $0.0 == key }) { unique.append((key, value)) }
        var capacity = 16
        while capacity < unique.count * 4 { capacity *= 2 }
        mask = capacity - 1
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: Slot(key: 0, length: 0, value: -1), count: capacity)
        lengthsByFirstByte = .allocate(capacity: 256)
        lengthsByFirstByte.initialize(repeating: 0, count: 256)
        for (key, value) in unique {
            lengthsByFirstByte[Int(key[0])] |= 1 << UInt16(key.count)
            let packed = key.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (UInt64($1.offset) << 3) }
            var index = ShortKeyTable.slot(packed, mask: mask)
            while slots[index].length != 0 { index = (index + 1) & mask }
            slots[index] = Slot(key: packed, length: Int32(key.count), value: value)
        }
    }

    func deallocate() {
        slots.deallocate()
        lengthsByFirstByte.deallocate()
    }

    /// The longest key that is a prefix of `base[start..<start + 8]` (all eight bytes readable).
    @inline(__always)
    func longestMatch(_ base: UnsafeRawPointer, at start: Int) -> ByteTrie.Match? {
        var lengths = lengthsByFirstByte[Int(base.load(fromByteOffset: start, as: UInt8.self))]
        guard lengths != 0 else { return nil }
        let word = base.loadUnaligned(fromByteOffset: start, as: UInt64.self)
        while lengths != 0 {
            let length = UInt16.bitWidth - 1 - lengths.leadingZeroBitCount
            lengths &= ~(1 << UInt16(length))
            let key = length == 8 ? word : word & ((1 << (UInt64(length) << 3)) &- 1)
            var index = ShortKeyTable.slot(key, mask: mask)
            while slots[index].length != 0 {
                if slots[index].key == key, Int(slots[index].length) == length {
                    return ByteTrie.Match(length: length, value: slots[index].value)
                }
                index = (index + 1) & mask
            }
        }
        return nil
    }

    @inline(__always)
    private static func slot(_ key: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }
}
