/// Hashes short byte strings (tags, ids, table names) eight bytes at a time, into two independent
/// 64-bit lanes. Keys only live for one run: the function may change, nothing persists its values.
enum ByteHash {
    /// The two lanes of `bytes`. With `foldingCase`, ASCII upper-case letters hash as their
    /// lower-case forms. Reads nothing outside the bytes.
    @inline(__always)
    static func lanes(_ bytes: UnsafeRawBufferPointer, foldingCase: Bool = false) -> (UInt64, UInt64) {
        let count = bytes.count
        var first: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(truncatingIfNeeded: count)
        var second: UInt64 = 0x8422_2325_cbf2_9ce4 &+ UInt64(truncatingIfNeeded: count)
        var position = 0
        while position < count, let base = bytes.baseAddress {
            var word = load(base, at: position, count: count)
            if foldingCase { word = lowered(word) }
            first = (first ^ word) &* 0x9E37_79B9_7F4A_7C15
            first ^= first >> 29
            second = (second &+ word) &* 0xC2B2_AE3D_27D4_EB4F
            second ^= second >> 31
            position += 8
        }
        return (mixed(first), mixed(second))
    }

    /// One 64-bit key of `bytes`, for keys that are usually short (tags, words): up to sixteen
    /// bytes take two overlapping loads and one mix, longer ones ``lanes(_:foldingCase:)``.
    /// Reads nothing outside the bytes.
    @inline(__always)
    static func key(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let count = bytes.count
        guard count <= 16, let base = bytes.baseAddress else { return lanes(bytes).0 }
        // Given `count`, the loaded values determine the bytes: the loads overlap at fixed offsets.
        let first: UInt64
        var second: UInt64 = 0
        if count >= 8 {
            first = base.loadUnaligned(as: UInt64.self)
            second = base.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        } else if count >= 4 {
            first = UInt64(base.loadUnaligned(as: UInt32.self))
                | UInt64(base.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)) << 32
        } else if count > 0 {
            first = UInt64(base.load(as: UInt8.self))
                | UInt64(base.load(fromByteOffset: count >> 1, as: UInt8.self)) << 8
                | UInt64(base.load(fromByteOffset: count - 1, as: UInt8.self)) << 16
        } else {
            first = 0
        }
        let lengthSeed = 0xCBF2_9CE4_8422_2325 ^ UInt64(count)
        return mixed((first &* 0x9E37_79B9_7F4A_7C15) ^ (second &* 0xC2B2_AE3D_27D4_EB4F) ^ lengthSeed)
    }

    /// The (up to) eight bytes of `base[position..<count]`, zero past `count`.
    @inline(__always)
    private static func load(_ base: UnsafeRawPointer, at position: Int, count: Int) -> UInt64 {
        let remaining = count - position
        if remaining >= 8 { return base.loadUnaligned(fromByteOffset: position, as: UInt64.self) }
        if count >= 8 {
            return base.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self) >> (UInt64(8 - remaining) << 3)
        }
        if remaining >= 4 {
            // Two overlapping 32-bit loads; the bytes they share are equal, so OR keeps them.
            let low = UInt64(base.loadUnaligned(fromByteOffset: position, as: UInt32.self))
            let high = UInt64(base.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
            return low | high << (UInt64(remaining - 4) << 3)
        }
        var word: UInt64 = 0
        for index in 0..<remaining {
            word |= UInt64(base.load(fromByteOffset: position + index, as: UInt8.self)) << (UInt64(index) << 3)
        }
        return word
    }

    /// `word` with each ASCII upper-case letter byte lowered.
    @inline(__always)
    private static func lowered(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let ascii = word & ~highs
        // Per byte: 0x80 when the byte is in `A...Z` (and below 0x80).
        let upper = (ascii &+ (0x80 - 0x41) &* ones) & ~(ascii &+ (0x80 - 0x5B) &* ones) & ~word & highs
        return word | upper >> 2
    }

    /// A final avalanche, so that every input bit reaches every output bit.
    @inline(__always)
    private static func mixed(_ value: UInt64) -> UInt64 {
        var hash = value
        hash ^= hash >> 33
        hash = hash &* 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        hash = hash &* 0xC4CE_B9FE_1A85_EC53
        hash ^= hash >> 33
        return hash
    }
}
