/// Reads a bracket in a message (`[CREDIT-SERVICE]`, `[<uuid>]`) in one pass, eight bytes at a
/// time: where it closes and whether its content is a tag, instead of finding the `]` first and
/// then checking the content byte by byte.
enum TagBracket {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080
    private static let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// For the `[` at `open` in `base[..<end]`: the offset of its `]` when it is within 80 bytes
    /// and nothing before it is a space or `[`, and whether the content is not empty and a tag
    /// (upper-case letters, digits, `_` and `-`, with a letter); nil when it does not close so.
    @inline(__always)
    static func scan(_ base: UnsafeRawPointer, open: Int, end: Int) -> (close: Int, isTag: Bool)? {
        let limit = min(end, open + 80)
        var position = open + 1
        var allValid = true
        var hasLetter = false
        while position + 8 <= limit {
            let word = base.loadUnaligned(fromByteOffset: position, as: UInt64.self)
            let ascii = word & ~highs
            let upper = inRange(ascii, 0x41, 0x5A) & ~word
            let valid = upper | (inRange(ascii, 0x30, 0x39) & ~word) | zero(word ^ (0x5F &* ones))
                | zero(word ^ (0x2D &* ones))
            let stops = zero(word ^ (0x5D &* ones)) | zero(word ^ (0x20 &* ones)) | zero(word ^ (0x5B &* ones))
            if stops != 0 {
                let index = stops.trailingZeroBitCount >> 3
                guard ByteClass.byte(base, position + index) == 0x5D else { return nil }
                let close = position + index
                guard close > open + 1 else { return nil }
                let before: UInt64 = index == 0 ? 0 : highs >> (UInt64(8 - index) << 3)
                allValid = allValid && valid & before == before
                hasLetter = hasLetter || upper & before != 0
                return (close, allValid && hasLetter)
            }
            allValid = allValid && valid == highs
            hasLetter = hasLetter || upper != 0
            position += 8
        }
        while position < limit {
            let byte = ByteClass.byte(base, position)
            if byte == 0x5D {
                guard position > open + 1 else { return nil }
                return (position, allValid && hasLetter)
            }
            if byte == 0x20 || byte == 0x5B { return nil }
            if ByteClass.isUpper(byte) {
                hasLetter = true
            } else if !(ByteClass.isDigit(byte) || byte == 0x5F || byte == 0x2D) {
                allValid = false
            }
            position += 1
        }
        return nil
    }

    /// Per byte, exactly: 0x80 when the byte is zero, else 0.
    @inline(__always)
    private static func zero(_ word: UInt64) -> UInt64 {
        ~(((word & lows) &+ lows) | word) & highs
    }

    /// Per byte of `ascii` (all below 0x80): 0x80 when the byte is within `low...high`, else 0.
    @inline(__always)
    private static func inRange(_ ascii: UInt64, _ low: UInt8, _ high: UInt8) -> UInt64 {
        let atLeastLow = ascii &+ (0x80 - UInt64(low)) &* ones
        let aboveHigh = ascii &+ (0x7F - UInt64(high)) &* ones
        return atLeastLow & ~aboveHigh & highs
    }
}
