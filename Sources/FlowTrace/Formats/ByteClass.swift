import CByteScan

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
    /// validated and converted sixteen hex digits at a time; `nil` when there is no UUID there.
    @inline(__always)
    static func uuidKey(_ base: UnsafeRawPointer, at start: Int, end: Int) -> EntityKey? {
        guard end - start >= 36 else { return nil }
        var key = EntityKey(high: 0, low: 0)
        guard flowtrace_uuid_bits((base + start).assumingMemoryBound(to: UInt8.self), &key.high, &key.low) != 0
        else { return nil }
        return key
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

    /// Whether `literal` is at `position` (exact bytes). A three-byte separator (` - `, ` | `),
    /// the layouts' usual, is compared in two loads.
    @inline(__always)
    static func has(_ base: UnsafeRawPointer, at position: Int, end: Int, _ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard position + count <= end else { return false }
        let bytes = UnsafeRawPointer(literal.utf8Start)
        if count == 3 {
            return base.loadUnaligned(fromByteOffset: position, as: UInt16.self) == bytes.loadUnaligned(as: UInt16.self)
                && base.load(fromByteOffset: position + 2, as: UInt8.self) == bytes.load(fromByteOffset: 2, as: UInt8.self)
        }
        for index in 0..<count
        where base.load(fromByteOffset: position + index, as: UInt8.self) != bytes.load(fromByteOffset: index, as: UInt8.self) {
            return false
        }
        return true
    }

    @inline(__always)
    static func skipSpaces(_ base: UnsafeRawPointer, _ position: inout Int, end: Int) {
        while position < end, isSpace(base.load(fromByteOffset: position, as: UInt8.self)) { position += 1 }
    }
}
