/// Eight bytes at a time for the message walk: loading the bytes of a word without reading past
/// the text, finding where a word ends, and folding its letters, all in a 64-bit register.
/// Bytes are little-endian: the byte at the load offset is the lowest.
enum WordBytes {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The (up to) eight bytes of `base[position..<end]`, zero past `end`. Reads nothing outside
    /// `base[0..<end]`.
    @inline(__always)
    static func load(_ base: UnsafeRawPointer, at position: Int, end: Int) -> UInt64 {
        if position + 8 <= end { return base.loadUnaligned(fromByteOffset: position, as: UInt64.self) }
        if end >= 8 {
            // The last eight bytes of the text, shifted so that `position` comes first.
            return base.loadUnaligned(fromByteOffset: end - 8, as: UInt64.self) >> (UInt64(position + 8 - end) << 3)
        }
        var word: UInt64 = 0
        for index in position..<end {
            word |= UInt64(ByteClass.byte(base, index)) << (UInt64(index - position) << 3)
        }
        return word
    }

    /// How many of the eight bytes, from the first, are word characters (``ByteClass/isWord(_:)``).
    @inline(__always)
    static func wordLength(_ word: UInt64) -> Int {
        let ascii = word & ~highs
        let lowered = ascii | 0x2020_2020_2020_2020
        let isWord = (inRange(ascii, 0x30, 0x39) | inRange(lowered, 0x61, 0x7A) | inRange(ascii, 0x5F, 0x5F)) & ~word
        return (~isWord & highs).trailingZeroBitCount >> 3
    }

    /// The first `count` (0...8) bytes of a word's bytes, folded so that letters compare without case:
    /// `0x20` is set in every byte, which lowers letters and maps the other word characters
    /// one-to-one (digits keep it, `_` becomes 0x7F). The other bytes are zero.
    @inline(__always)
    static func folded(_ word: UInt64, count: Int) -> UInt64 {
        let kept: UInt64 = count >= 8 ? ~0 : (1 << (UInt64(count) << 3)) &- 1
        return (word | 0x2020_2020_2020_2020) & kept
    }

    /// Per byte of `ascii` (all below 0x80): 0x80 when the byte is within `low...high`, else 0.
    @inline(__always)
    private static func inRange(_ ascii: UInt64, _ low: UInt8, _ high: UInt8) -> UInt64 {
        let atLeastLow = ascii &+ (0x80 - UInt64(low)) &* ones
        let aboveHigh = ascii &+ (0x7F - UInt64(high)) &* ones
        return atLeastLow & ~aboveHigh & highs
    }
}
