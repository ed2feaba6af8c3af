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

    private var keys: (EntityKey, EntityKey, EntityKey, EntityKey)
    /// More than ``capacity`` stand-alone UUIDs were in the message, or it was too long.
    private(set) var overflowed = false
    /// Where the spans are, in one value: their count in the lowest byte, then each start, relative
    /// to the message. Equal signatures and equal masked bytes mean equal messages but for the
    /// spans' digits.
    private(set) var signature: UInt64 = 0

    /// How many were found.
    var count: Int { Int(signature & 0xFF) }

    private init() {
        let none = EntityKey(high: 0, low: 0)
        keys = (none, none, none, none)
    }

    /// The stand-alone UUIDs of `base[0..<count]`, in order.
    static func find(in base: UnsafeRawPointer, count: Int) -> UUIDSpans {
        var spans = UUIDSpans()
        guard count <= maxMessageLength else {
            spans.overflowed = true
            return spans
        }
        // A UUID's first `-` is its ninth byte.
        var position = 8
        while position + 28 <= count {
            // The SSE2 search, not `ByteSearch.firstOffset` (see there why both exist).
            let hyphen = flowtrace_first_byte(base.assumingMemoryBound(to: UInt8.self), position, count - 27, 0x2D)
            guard hyphen < count - 27 else { break }
            let start = hyphen - 8
            if start == 0 || !ByteClass.isWord(ByteClass.byte(base, start - 1)),
               start + length == count || !ByteClass.isWord(ByteClass.byte(base, start + length)),
               let key = ByteClass.uuidKey(base, at: start, end: count) {
                guard spans.count < capacity else {
                    spans.overflowed = true
                    return spans
                }
                spans.append(start: start, key: key)
                position = start + length + 8
            } else {
                position = hyphen + 1
            }
        }
        return spans
    }

    @inline(__always)
    private mutating func append(start: Int, key: EntityKey) {
        let index = count
        switch index {
        case 0: keys.0 = key
        case 1: keys.1 = key
        case 2: keys.2 = key
        default: keys.3 = key
        }
        signature = (signature & ~0xFF | UInt64(index + 1)) | UInt64(start) << (8 * UInt64(index + 1))
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

    /// Replaces each span's bytes in `masked` (a copy of the message): the first by 0x01, the
    /// others by 0x02 plus the index of the first span with the same key.
    func mask(_ masked: UnsafeMutableRawPointer) {
        for index in 0..<self.count {
            let first = (0...index).first { key($0) == key(index) }!
            let span = masked + start(index)
            span.initializeMemory(as: UInt8.self, repeating: 0x02 &+ UInt8(first), count: UUIDSpans.length)
            span.storeBytes(of: 0x01, as: UInt8.self)
        }
    }
}
