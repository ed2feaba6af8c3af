import CChecksum

/// Reads one gzip member header (RFC 1952) fed in pieces of any size: the fixed ten bytes, then
/// the extra field, file name, comment and header CRC that its flags announce, all skipped
/// (FTEXT and the fixed part's time, extra flags and OS mean nothing to a decoder).
///
/// Rejects what zlib rejects, with zlib's messages, at the offset of the field at fault: a wrong
/// magic, a method other than deflate, reserved flag bits, a header CRC that does not match.
struct GzipHeaderParser {
    private enum Field {
        case fixed, extraLength, extra, name, comment, headerCRC
    }

    private static let fixedLength = 10
    private static let headerCRCFlag: UInt8 = 0x02
    private static let extraFlag: UInt8 = 0x04
    private static let nameFlag: UInt8 = 0x08
    private static let commentFlag: UInt8 = 0x10
    private static let reservedFlags: UInt8 = 0xE0

    private var field = Field.fixed
    /// Bytes of `field` read so far.
    private var position = 0
    private var flags: UInt8 = 0
    /// A little-endian field's value as its bytes arrive: the extra length, or the header CRC.
    private var value = 0
    /// CRC-32 of the header bytes before the header CRC field.
    private var crc: UInt32 = 0

    /// Reads header bytes from the start of `bytes`, whose first byte lies at compressed offset
    /// `offset`; returns how many of them belong to the header and whether it is complete.
    mutating func consume(
        _ bytes: UnsafeRawBufferPointer, at offset: Int64
    ) throws(InputFailure) -> (count: Int, isComplete: Bool) {
        var index = 0
        while index < bytes.count {
            let start = index
            let isCovered = field != .headerCRC
            let isComplete = try step(bytes, from: &index, at: offset)
            if isCovered, index > start {
                crc = flowtrace_crc32(crc, bytes.baseAddress! + start, index - start)
            }
            if isComplete { return (index, true) }
        }
        return (index, false)
    }

    /// Reads what `bytes` from `index` on hold of the current field; true when the header ended.
    private mutating func step(
        _ bytes: UnsafeRawBufferPointer, from index: inout Int, at offset: Int64
    ) throws(InputFailure) -> Bool {
        switch field {
        case .fixed:
            while position < Self.fixedLength, index < bytes.count {
                try check(fixedByte: bytes[index], at: offset + Int64(index))
                position += 1
                index += 1
            }
            return position == Self.fixedLength && advance(after: .fixed)
        case .extraLength, .headerCRC:
            while position < 2, index < bytes.count {
                value |= Int(bytes[index]) << (8 * position)
                position += 1
                index += 1
            }
            guard position == 2 else { return false }
            if field == .headerCRC {
                guard UInt32(value) == crc & 0xFFFF else {
                    throw .corruptGzip("header crc mismatch", at: offset + Int64(index - 2))
                }
                return true
            }
            field = .extra
            position = 0
            return value == 0 && advance(after: .extra)
        case .extra:
            let skipped = min(value - position, bytes.count - index)
            position += skipped
            index += skipped
            return position == value && advance(after: .extra)
        case .name, .comment:
            let rest = UnsafeRawBufferPointer(rebasing: bytes[index...])
            guard let end = rest.firstIndex(of: 0) else {
                index = bytes.count
                return false
            }
            index += end - rest.startIndex + 1
            return advance(after: field)
        }
    }

    /// Checks byte `position` of the fixed part: magic `1f 8b`, method 8 (deflate), flags.
    private mutating func check(fixedByte byte: UInt8, at byteOffset: Int64) throws(InputFailure) {
        switch position {
        case 0, 1:
            guard byte == (position == 0 ? 0x1F : 0x8B) else {
                throw .corruptGzip("incorrect header check", at: byteOffset - Int64(position))
            }
        case 2:
            guard byte == 8 else { throw .corruptGzip("unknown compression method", at: byteOffset) }
        case 3:
            guard byte & Self.reservedFlags == 0 else {
                throw .corruptGzip("unknown header flags set", at: byteOffset)
            }
            flags = byte
        default:
            break
        }
    }

    /// Moves to the first field after `done` that the flags announce; true when none is left.
    private mutating func advance(after done: Field) -> Bool {
        var candidate = done
        while let next = Self.field(after: candidate) {
            if flags & Self.flag(announcing: next) != 0 {
                field = next
                position = 0
                value = 0
                return false
            }
            candidate = next
        }
        return true
    }

    /// The optional fields in the order they come.
    private static func field(after field: Field) -> Field? {
        switch field {
        case .fixed: .extraLength
        case .extraLength, .extra: .name
        case .name: .comment
        case .comment: .headerCRC
        case .headerCRC: nil
        }
    }

    private static func flag(announcing field: Field) -> UInt8 {
        switch field {
        case .extraLength, .extra: extraFlag
        case .name: nameFlag
        case .comment: commentFlag
        case .headerCRC: headerCRCFlag
        case .fixed: 0
        }
    }
}
