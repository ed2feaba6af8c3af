/// Byte classification and small scanners shared by the layout and message parsers.
enum ByteClass {
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

    /// Whether a canonical UUID (`8-4-4-4-12` hex digits) starts at `start`.
    @inline(__always)
    static func isUUID(_ base: UnsafeRawPointer, at start: Int, end: Int) -> Bool {
        guard end - start >= 36 else { return false }
        for index in 0..<36 {
            let byte = base.load(fromByteOffset: start + index, as: UInt8.self)
            if index == 8 || index == 13 || index == 18 || index == 23 {
                if byte != 0x2D { return false }
            } else if !isHex(byte) {
                return false
            }
        }
        return true
    }

    /// The key of the canonical UUID at `start` (equal to ``EntityKey/init(uuid:)`` of its bytes),
    /// validated and converted in one pass; `nil` when there is no UUID there.
    @inline(__always)
    static func uuidKey(_ base: UnsafeRawPointer, at start: Int, end: Int) -> EntityKey? {
        guard end - start >= 36,
              byte(base, start + 8) == 0x2D, byte(base, start + 13) == 0x2D,
              byte(base, start + 18) == 0x2D, byte(base, start + 23) == 0x2D
        else { return nil }
        var high: UInt64 = 0
        var low: UInt64 = 0
        var invalid: UInt8 = 0
        for offset in 0..<36 where offset != 8 && offset != 13 && offset != 18 && offset != 23 {
            let value = byte(base, start + offset)
            var nibble = value &- 0x30
            if nibble > 9 {
                nibble = (value | 0x20) &- 0x57
                invalid |= (nibble &- 10) > 5 ? 1 : 0
            }
            if offset < 19 {
                high = high << 4 | UInt64(nibble & 0x0F)
            } else {
                low = low << 4 | UInt64(nibble & 0x0F)
            }
        }
        return invalid == 0 ? EntityKey(high: high, low: low) : nil
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
