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
