/// A 128-bit identity for an id or a name found in a line, comparable without allocating.
///
/// UUIDs are stored as their 128 bits, so `22CB3917-…` and `22cb3917-…` are the same key; any other
/// value (a short request id, a table name) is keyed by a 128-bit hash of its bytes.
public struct EntityKey: Sendable, Hashable {
    public var high: UInt64
    public var low: UInt64

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// The key of `bytes`: the UUID's bits when `bytes` is a UUID, otherwise a hash of the bytes.
    public init(bytes: UnsafeRawBufferPointer) {
        if let uuid = EntityKey(uuid: bytes) {
            self = uuid
        } else {
            self = EntityKey(hashing: bytes)
        }
    }

    /// Parses a canonical 36-character UUID (`8-4-4-4-12` hex digits, any case).
    public init?(uuid bytes: UnsafeRawBufferPointer) {
        guard bytes.count == 36 else { return nil }
        var high: UInt64 = 0
        var low: UInt64 = 0
        var digits = 0
        for index in 0..<36 {
            let byte = bytes[index]
            if index == 8 || index == 13 || index == 18 || index == 23 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard let nibble = EntityKey.hexValue(byte) else { return nil }
            if digits < 16 {
                high = high << 4 | UInt64(nibble)
            } else {
                low = low << 4 | UInt64(nibble)
            }
            digits += 1
        }
        self.high = high
        self.low = low
    }

    /// A hash key for a non-UUID value; the top bit of `high` is set so it never equals a UUID key
    /// of version-4 layout by accident.
    public init(hashing bytes: UnsafeRawBufferPointer) {
        self.init(hashing: bytes, foldingCase: false)
    }

    /// The hash key of `bytes` (``ByteHash``); with `foldingCase`, of the bytes with ASCII letters lowered.
    @inline(__always)
    init(hashing bytes: UnsafeRawBufferPointer, foldingCase: Bool) {
        let (first, second) = ByteHash.lanes(bytes, foldingCase: foldingCase)
        self.high = first | (1 << 63)
        self.low = second
    }

    /// The key of a Swift string (for configuration and tests, not the hot path).
    public init(_ string: String) {
        var copy = string
        self = copy.withUTF8 { EntityKey(bytes: UnsafeRawBufferPointer($0)) }
    }

    @inline(__always)
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x61...0x66: byte - 0x61 + 10
        case 0x41...0x46: byte - 0x41 + 10
        default: nil
        }
    }
}
