#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Substring search on bytes, for the hot path.
public enum ByteSearch {
    /// The offset of the first occurrence of `needle` in `haystack`, if any.
    @inline(__always)
    public static func firstIndex(of needle: UnsafeRawBufferPointer, in haystack: UnsafeRawBufferPointer) -> Int? {
        guard !needle.isEmpty else { return 0 }
        guard haystack.count >= needle.count, let base = haystack.baseAddress, let needleBase = needle.baseAddress
        else { return nil }
        let first = Int32(needle[0])
        let lastStart = haystack.count - needle.count
        var offset = 0
        while offset <= lastStart {
            guard let hit = memchr(base + offset, first, lastStart - offset + 1) else { return nil }
            let position = base.distance(to: UnsafeRawPointer(hit))
            if memcmp(hit, needleBase, needle.count) == 0 { return position }
            offset = position + 1
        }
        return nil
    }

    /// The offset of the first `byte` in `base[start..<limit]`, or `limit`: eight bytes at a time
    /// in a register, for short runs where calling `memchr` costs more than the search.
    ///
    /// The parser uses `flowtrace_first_byte` (`CByteScan`, sixteen bytes at a time) instead. The
    /// correlator keeps this one: Swift's ARC optimiser cannot see through a C call and stops
    /// removing retain/release pairs around it, which cost that thread more (3,116 → 3,221
    /// instructions per line) than the faster search saved.
    @inline(__always)
    static func firstOffset(of byte: UInt8, in base: UnsafeRawPointer, from start: Int, to limit: Int) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        var position = start
        while position + 8 <= limit {
            // Bytes equal to `byte` become zero; the lowest flagged byte is the first zero (a
            // borrow can only flag bytes above a true zero).
            let word = base.loadUnaligned(fromByteOffset: position, as: UInt64.self) ^ (ones &* UInt64(byte))
            let zeros = (word &- ones) & ~word & (ones &* 0x80)
            if zeros != 0 { return position + zeros.trailingZeroBitCount >> 3 }
            position += 8
        }
        while position < limit, base.load(fromByteOffset: position, as: UInt8.self) != byte { position += 1 }
        return position
    }

    /// Whether `haystack` contains `needle`.
    @inline(__always)
    public static func contains(_ haystack: UnsafeRawBufferPointer, _ needle: UnsafeRawBufferPointer) -> Bool {
        firstIndex(of: needle, in: haystack) != nil
    }

    /// Whether `haystack` starts with `prefix`.
    @inline(__always)
    public static func hasPrefix(_ haystack: UnsafeRawBufferPointer, _ prefix: UnsafeRawBufferPointer) -> Bool {
        guard haystack.count >= prefix.count else { return false }
        guard let base = haystack.baseAddress, let prefixBase = prefix.baseAddress else { return prefix.isEmpty }
        return memcmp(base, prefixBase, prefix.count) == 0
    }
}
