import CByteScan

/// Finding short literals (` - `, ` | `, `"HTTP/`) in a line. The separators the layouts look
/// for are usually a few dozen bytes away, where calling `memchr` costs more than the search:
/// sixteen positions are screened at once by the literal's first two bytes.
extension LineParser {
    /// The offset of the first `literal` (not empty) in `base[start..<end]`.
    @inline(__always)
    static func find(_ base: UnsafeRawPointer, _ literal: StaticString, from start: Int, end: Int) -> Int? {
        let bytes = literal.utf8Start
        let pointer = base.assumingMemoryBound(to: UInt8.self)
        guard start < end else { return nil }
        guard literal.utf8CodeUnitCount > 1 else {
            let found = flowtrace_first_byte(pointer, start, end, bytes[0])
            return found < end ? found : nil
        }
        var position = start
        while true {
            position = flowtrace_find_pair(pointer, position, end, bytes[0], bytes[1])
            guard position < end else { return nil }
            if ByteClass.has(base, at: position, end: end, literal) { return position }
            position += 1
        }
    }
}
