#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small, allocation-free JSON scanner over bytes: it walks one object's members, reports
/// where each string or number value is, and skips everything else. It validates as it goes,
/// so a malformed line is detected, but never builds values.
struct JSONScanner {
    let base: UnsafeRawPointer
    let end: Int
    var position: Int

    /// A scalar value's bytes: a string's content (between the quotes) or a number's digits.
    struct Value {
        var start: Int
        var end: Int
        var isString: Bool
        var hasEscapes: Bool
        /// Whether the value was found one level down (top-level values take precedence).
        var isNested = false
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while position < end {
            let byte = ByteClass.byte(base, position)
            guard byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D else { return }
            position += 1
        }
    }

    @inline(__always)
    mutating func consume(_ byte: UInt8) -> Bool {
        skipWhitespace()
        guard position < end, ByteClass.byte(base, position) == byte else { return false }
        position += 1
        return true
    }

    var current: UInt8? { position < end ? ByteClass.byte(base, position) : nil }

    /// A string starting at the current `"`; leaves `position` after the closing quote.
    mutating func string() -> Value? {
        guard current == 0x22 else { return nil }
        position += 1
        let start = position
        var escaped = false
        while position < end {
            position = JSONScanner.nextSpecial(base, from: position, end: end)
            guard position < end else { break }
            let byte = ByteClass.byte(base, position)
            if byte == 0x22 {
                position += 1
                return Value(start: start, end: position - 1, isString: true, hasEscapes: escaped)
            }
            if byte == 0x5C {
                escaped = true
                position += 2
                continue
            }
            if byte < 0x20 { return nil }
            position += 1
        }
        return nil
    }

    /// The offset of the first `"`, `\\` or control byte at or after `start`, eight bytes at a time.
    @inline(__always)
    static func nextSpecial(_ base: UnsafeRawPointer, from start: Int, end: Int) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var position = start
        while position + 8 <= end {
            let word = base.loadUnaligned(fromByteOffset: position, as: UInt64.self)
            let quote = word ^ (0x22 &* ones)
            let backslash = word ^ (0x5C &* ones)
            let special = ((quote &- ones) & ~quote | (backslash &- ones) & ~backslash | (word &- 0x20 &* ones) & ~word) & highs
            if special != 0 { return position + special.trailingZeroBitCount / 8 }
            position += 8
        }
        while position < end {
            let byte = ByteClass.byte(base, position)
            if byte == 0x22 || byte == 0x5C || byte < 0x20 { return position }
            position += 1
        }
        return end
    }

    /// A number at the current position.
    mutating func number() -> Value? {
        let start = position
        while position < end {
            let byte = ByteClass.byte(base, position)
            guard ByteClass.isDigit(byte) || byte == 0x2D || byte == 0x2B || byte == 0x2E || byte == 0x65 || byte == 0x45
            else { break }
            position += 1
        }
        return position > start ? Value(start: start, end: position, isString: false, hasEscapes: false) : nil
    }

    /// Skips any value (nested objects and arrays included); false when it is malformed.
    mutating func skipValue(depth: Int = 0) -> Bool {
        skipWhitespace()
        guard depth < 64, let byte = current else { return false }
        switch byte {
        case 0x22:
            return string() != nil
        case 0x7B:
            position += 1
            if consume(0x7D) { return true }
            repeat {
                skipWhitespace()
                guard string() != nil, consume(0x3A), skipValue(depth: depth + 1) else { return false }
            } while consume(0x2C)
            return consume(0x7D)
        case 0x5B:
            position += 1
            if consume(0x5D) { return true }
            repeat {
                guard skipValue(depth: depth + 1) else { return false }
            } while consume(0x2C)
            return consume(0x5D)
        case 0x74: return literal("true")
        case 0x66: return literal("false")
        case 0x6E: return literal("null")
        default: return number() != nil
        }
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        guard ByteClass.has(base, at: position, end: end, word) else { return false }
        position += word.utf8CodeUnitCount
        return true
    }

    /// Appends a string value's decoded text (all escapes, `\uXXXX` surrogate pairs included) to `output`.
    static func decode(_ base: UnsafeRawPointer, _ value: Value, into output: TextBuffer) {
        guard value.hasEscapes else {
            output.append(base + value.start, count: value.end - value.start)
            return
        }
        var position = value.start
        var runStart = position
        while position < value.end {
            guard let hit = memchr(base + position, 0x5C, value.end - position) else { break }
            position = UnsafeRawPointer(hit) - base
            guard position + 1 < value.end else { break }
            output.append(base + runStart, count: position - runStart)
            let escape = ByteClass.byte(base, position + 1)
            position += 2
            switch escape {
            case 0x6E: output.appendByte(0x0A)
            case 0x74: output.appendByte(0x09)
            case 0x72: output.appendByte(0x0D)
            case 0x62: output.appendByte(0x08)
            case 0x66: output.appendByte(0x0C)
            case 0x75:
                guard var scalar = hex4(base, at: position, end: value.end) else { output.appendByte(0x3F); break }
                position += 4
                if scalar >= 0xD800, scalar < 0xDC00, ByteClass.has(base, at: position, end: value.end, "\\u"),
                   let low = hex4(base, at: position + 2, end: value.end), low >= 0xDC00, low < 0xE000 {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    position += 6
                }
                output.appendScalar(scalar >= 0xD800 && scalar < 0xE000 ? 0xFFFD : scalar)
            default: output.appendByte(escape)
            }
            runStart = position
        }
        output.append(base + runStart, count: value.end - runStart)
    }

    private static func hex4(_ base: UnsafeRawPointer, at position: Int, end: Int) -> UInt32? {
        guard position + 4 <= end else { return nil }
        var value: UInt32 = 0
        for index in 0..<4 {
            guard let nibble = EntityKey.hexValue(ByteClass.byte(base, position + index)) else { return nil }
            value = value << 4 | UInt32(nibble)
        }
        return value
    }
}
