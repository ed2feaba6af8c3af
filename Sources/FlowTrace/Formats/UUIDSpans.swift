import CByteScan

/// The canonical UUIDs of a message that stand alone (no letter, digit or `_` touches either
/// end), with their keys: what ``MessageMemo`` masks so that messages differing only in their
/// ids share one remembered analysis.
///
/// The message analysis treats such a UUID the same whatever its digits: it is one token, taken
/// as an id whose key is ``ByteClass/uuidKey(_:at:end:)`` of its bytes. Only which of them are
/// equal can change the analysis (an id already named is not named again), so the mask
/// records that too.
struct UUIDSpans {
    /// At most this many are found; a message with more is not remembered.
    static let capacity = 4
    static let length = 36
    /// Longer messages are not searched (and not remembered): a start must fit in a byte.
    static let maxMessageLength = 255

    /// Each span's key: written by C as two 64-bit halves, high first (``EntityKey``'s layout).
    private var keys = (UUIDSpans.noKey, UUIDSpans.noKey, UUIDSpans.noKey, UUIDSpans.noKey)
    private static let noKey = EntityKey(high: 0, low: 0)
    /// More than ``capacity`` stand-alone UUIDs were in the message, or it was too long.
    private(set) var overflowed = false
    /// Where the spans are, in one value: their count in the lowest byte, then each start, relative
    /// to the message. Equal signatures and equal masked bytes mean equal messages but for the
    /// spans' digits.
    private(set) var signature: UInt64 = 0

    /// How many were found.
    var count: Int { Int(signature & 0xFF) }

    /// The stand-alone UUIDs of `base[0..<count]`, in order. When there are some, `masked` (room
    /// for `count` bytes) holds the message with each one's bytes replaced: the first by 0x01, the
    /// others by 0x02 plus the index of the first span with the same key. One pass in C
    /// (``flowtrace_uuid_spans``): the search, the keys and the mask.
    static func find(in base: UnsafeRawPointer, count: Int, masking masked: UnsafeMutableRawPointer) -> UUIDSpans {
        precondition(MemoryLayout<EntityKey>.offset(of: \EntityKey.low) == 8 && MemoryLayout<EntityKey>.size == 16,
                     "C writes keys as high and low halves")
        var spans = UUIDSpans()
        guard count <= maxMessageLength else {
            spans.overflowed = true
            return spans
        }
        var starts: UInt32 = 0
        let found = withUnsafeMutableBytes(of: &spans.keys) { keys in
            withUnsafeMutableBytes(of: &starts) { starts in
                flowtrace_uuid_spans(base.assumingMemoryBound(to: UInt8.self), count,
                                     masked.assumingMemoryBound(to: UInt8.self),
                                     starts.baseAddress!.assumingMemoryBound(to: UInt8.self),
                                     keys.baseAddress!.assumingMemoryBound(to: UInt64.self))
            }
        }
        guard found >= 0 else {
            spans.overflowed = true
            return spans
        }
        // Byte i of `starts` is span i's start: byte i + 1 of the signature.
        spans.signature = UInt64(found) | UInt64(UInt32(littleEndian: starts)) << 8
        return spans
    }

    /// Where span `index` starts, relative to the message.
    @inline(__always)
    func start(_ index: Int) -> Int {
        Int(truncatingIfNeeded: signature >> (8 * UInt64(index + 1)) & 0xFF)
    }

    func key(_ index: Int) -> EntityKey {
        switch index {
        case 0: keys.0
        case 1: keys.1
        case 2: keys.2
        default: keys.3
        }
    }

    /// The index of the span starting at `start`, if one does.
    @inline(__always)
    func index(startingAt start: Int) -> Int? {
        for index in 0..<count where self.start(index) == start { return index }
        return nil
    }

    /// Whether `base[start..<end]` overlaps a span.
    func overlaps(start: Int, end: Int) -> Bool {
        (0..<count).contains { start < self.start($0) + UUIDSpans.length && self.start($0) < end }
    }

    /// Whether `literal` could occur overlapping a span: the bytes of such an occurrence inside the
    /// UUID are hex digits and hyphens that reach an end of the literal and border a non-word byte
    /// at their other end (the byte before or after the UUID), or they are the whole literal, or a
    /// whole UUID.
    static func mayOverlap(_ literal: [UInt8]) -> Bool {
        func isUUIDByte(_ byte: UInt8) -> Bool {
            byte == 0x2D || ByteClass.isDigit(byte) || (byte | 0x20) &- 0x61 < 6
        }
        func bordersNonWord(_ index: Int) -> Bool {
            !literal.indices.contains(index) || !ByteClass.isWord(literal[index])
        }
        let leading = literal.prefix(while: isUUIDByte).count
        let trailing = literal.reversed().prefix(while: isUUIDByte).count
        if (1..<leading + 1).contains(where: { bordersNonWord($0) }) { return true }
        if (1..<trailing + 1).contains(where: { bordersNonWord(literal.count - 1 - $0) }) { return true }
        var run = 0
        for byte in literal {
            run = isUUIDByte(byte) ? run + 1 : 0
            if run >= length { return true }
        }
        return false
    }
}
