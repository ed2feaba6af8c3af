/// Finding short literals (` - `, ` | `, `"HTTP/`) in a line. The separators the layouts look
/// for are usually a few dozen bytes away, where calling `memchr` costs more than the search:
/// eight positions are screened at once by the literal's first two bytes, in a 64-bit register.
extension LineParser {
    /// The offset of the first `literal` (not empty) in `base[start..<end]`.
    @inline(__always)
    static func find(_ base: UnsafeRawPointer, _ literal: StaticString, from start: Int, end: Int) -> Int? {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let bytes = literal.utf8Start
        let count = literal.utf8CodeUnitCount
        let first = UInt64(bytes[0]) &* ones
        let second = count > 1 ? UInt64(bytes[1]) &* ones : 0
        var position = start
        // Eight candidate positions whose first and second bytes can be read.
        while position + 9 <= end {
            var differences = base.loadUnaligned(fromByteOffset: position, as: UInt64.self) ^ first
            if count > 1 {
                differences |= base.loadUnaligned(fromByteOffset: position + 1, as: UInt64.self) ^ second
            }
            // A zero byte is a candidate; borrows may flag bytes after it, which the check turns away.
            var candidates = (differences &- ones) & ~differences & highs
            while candidates != 0 {
                let offset = position + candidates.trailingZeroBitCount >> 3
                if ByteClass.has(base, at: offset, end: end, literal) { return offset }
                candidates &= candidates &- 1
            }
            position += 8
        }
        while position < end {
            if ByteClass.byte(base, position) == bytes[0], ByteClass.has(base, at: position, end: end, literal) {
                return position
            }
            position += 1
        }
        return nil
    }
}
