/// Byte classification and small scanners shared by the layout and message parsers.
enum ByteClass {
    /// Classes of bytes for the message walk (see ``makeTable()``); word characters are `& 3 != 0`.
    static let other: UInt8 = 0
    static let wordClass: UInt8 = 1
    static let digitClass: UInt8 = 2
    static let bracketClass: UInt8 = 4
    static let clauseBreakClass: UInt8 = 8
    static let periodClass: UInt8 = 16

    /// A 256-entry table of the classes above, allocated once per vocabulary and never freed
    /// before it (owned by ``VocabularyTables``).
    static func makeTable() -> UnsafeMutablePointer<UInt8> {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        for value in 0..<256 {
            let byte = UInt8(value)
            table[value] = isDigit(byte) ? digitClass
                : isLetter(byte) || byte == 0x5F ? wordClass
                : byte == 0x5B ? bracketClass
                : byte == 0x3B || byte == 0x7C || byte == 0x21 || byte == 0x3F ? clauseBreakClass
                : byte == 0x2E ? periodClass : other
        }
        return table
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    @inline(__always)
    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }

    @inline(__always)
    static func isUpper(_ byte: UInt8) -> Bool { byte &- 0x41 < 26 }

    /// Letters, digits and `_`: the characters of identifiers and keywords.
    @inline(__always)
    static func isWord(_ byte: UInt8) -> Bool { isLetter(byte) || isDigit(byte) || byte == 0x5F }

    @inline(__always)
    static func isHex(_ byte: UInt8) -> Bool { isDigit(byte) || (byte | 0x20) &- 0x61 < 6 }

    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    /// The key of the canonical UUID at `start` (equal to ``EntityKey/init(uuid:)`` of its bytes),
    /// validated and converted eight hex digits at a time; `nil` when there is no UUID there.
    @inline(__always)
    static func uuidKey(_ base: UnsafeRawPointer, at start: Int, end: Int) -> EntityKey? {
        guard end - start >= 36,
              byte(base, start + 8) == 0x2D, byte(base, start + 13) == 0x2D,
              byte(base, start + 18) == 0x2D, byte(base, start + 23) == 0x2D
        else { return nil }
        func halves(_ first: Int, _ second: Int) -> UInt64 {
            UInt64(base.loadUnaligned(fromByteOffset: start + first, as: UInt32.self))
                | UInt64(base.loadUnaligned(fromByteOffset: start + second, as: UInt32.self)) << 32
        }
        let first = hex8(base.loadUnaligned(fromByteOffset: start, as: UInt64.self))
        let second = hex8(halves(9, 14))
        let third = hex8(halves(19, 24))
        let fourth = hex8(base.loadUnaligned(fromByteOffset: start + 28, as: UInt64.self))
        guard first.valid, second.valid, third.valid, fourth.valid else { return nil }
        return EntityKey(high: UInt64(first.value) << 32 | UInt64(second.value),
                         low: UInt64(third.value) << 32 | UInt64(fourth.value))
    }

    /// Eight ASCII hex digits (first digit in the lowest byte) as a 32-bit value.
    @inline(__always)
    static func hex8(_ word: UInt64) -> (value: UInt32, valid: Bool) {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        guard word & highs == 0 else { return (0, false) }
        let lower = word | 0x2020_2020_2020_2020
        // Per byte: the high bit is set when the byte is at least the bound (no carries below 0x80).
        let digit = (word &+ (0x80 - 0x30) &* ones) & ~(word &+ (0x80 - 0x3A) &* ones) & highs
        let letter = (lower &+ (0x80 - 0x61) &* ones) & ~(lower &+ (0x80 - 0x67) &* ones) & highs
        guard digit | letter == highs else { return (0, false) }
        var nibbles = (lower & 0x0F0F_0F0F_0F0F_0F0F) &+ (letter >> 7) &* 9
        nibbles = (nibbles & 0x0F00_0F00_0F00_0F00) >> 8 | (nibbles & 0x000F_000F_000F_000F) << 4
        nibbles = (nibbles & 0x00FF_0000_00FF_0000) >> 16 | (nibbles & 0x0000_00FF_0000_00FF) << 8
        nibbles = (nibbles & 0x0000_FFFF_0000_0000) >> 32 | (nibbles & 0x0000_0000_0000_FFFF) << 16
        return (UInt32(truncatingIfNeeded: nibbles), true)
    }

    /// Reads the decimal digits at `position`, advancing past them; `nil` when there are none.
    @inline(__always)
    static func readInteger(_ base: UnsafeRawPointer, _ position: inout Int, end: Int, maxDigits: Int = 18) -> Int64? {
        var value: Int64 = 0
        var digits = 0
        while position < end, digits < maxDigits {
            let byte = base.load(fromByteOffset: position, as: UInt8.self)
            guard isDigit(byte) else { break }
            value = value * 10 + Int64(byte - 0x30)
            digits += 1
            position += 1
        }
        return digits == 0 ? nil : value
    }

    /// Reads exactly `count` digits at `position`.
    @inline(__always)
    static func fixedDigits(_ base: UnsafeRawPointer, at position: Int, count: Int, end: Int) -> Int64? {
        guard position + count <= end else { return nil }
        var value: Int64 = 0
        for index in 0..<count {
            let byte = base.load(fromByteOffset: position + index, as: UInt8.self)
            guard isDigit(byte) else { return nil }
            value = value * 10 + Int64(byte - 0x30)
        }
        return value
    }

    @inline(__always)
    static func byte(_ base: UnsafeRawPointer, _ position: Int) -> UInt8 {
        base.load(fromByteOffset: position, as: UInt8.self)
    }

    /// Whether `literal` is at `position` (exact bytes).
    @inline(__always)
    static func has(_ base: UnsafeRawPointer, at position: Int, end: Int, _ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard position + count <= end else { return false }
        let bytes = literal.utf8Start
        for index in 0..<count where base.load(fromByteOffset: position + index, as: UInt8.self) != bytes[index] {
            return false
        }
        return true
    }

    @inline(__always)
    static func skipSpaces(_ base: UnsafeRawPointer, _ position: inout Int, end: Int) {
        while position < end, isSpace(base.load(fromByteOffset: position, as: UInt8.self)) { position += 1 }
    }
}
