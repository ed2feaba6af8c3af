/// Reads the eight-byte trailer of a gzip member, fed in pieces of any size, and checks it
/// against the member's decoded bytes: their CRC-32, then their count modulo 2^32 (ISIZE).
///
/// A mismatch fails with zlib's message at the offset of the field at fault.
struct GzipTrailerReader {
    private static let length = 8
    /// Bytes read so far.
    private var position = 0
    /// The trailer's little-endian fields as their bytes arrive.
    private var value: UInt64 = 0

    /// Reads trailer bytes from the start of `bytes`, whose first byte lies at compressed offset
    /// `offset`, and checks each field once complete; returns how many bytes belong to the
    /// trailer and whether it is complete.
    mutating func consume(
        _ bytes: UnsafeRawBufferPointer, at offset: Int64, crc: UInt32, size: UInt32
    ) throws(InputFailure) -> (count: Int, isComplete: Bool) {
        var index = 0
        while position < Self.length, index < bytes.count {
            value |= UInt64(bytes[index]) << (8 * position)
            position += 1
            index += 1
            if position == 4, UInt32(truncatingIfNeeded: value) != crc {
                throw .corruptGzip("incorrect data check", at: offset + Int64(index - 4))
            }
            if position == 8, UInt32(truncatingIfNeeded: value >> 32) != size {
                throw .corruptGzip("incorrect length check", at: offset + Int64(index - 4))
            }
        }
        return (index, position == Self.length)
    }
}
