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

    /// How many were found.
    private(set) var count = 0
    /// Where each starts, relative to the message.
    private var starts: (Int, Int, Int, Int) = (0, 0, 0, 0)
    private var keys: (EntityKey, EntityKey, EntityKey, EntityKey)
    /// More than ``capacity`` stand-alone UUIDs were in the message.
    private(set) var overflowed = false
    /// Where the spans are, in one value (messages of at most 255 bytes): their count in the
    /// lowest byte, then each start. Equal signatures and equal masked bytes mean equal messages
    /// but for the spans' digits.
    private(set) var signature: UInt64 = 0

    private init() {
        let none = EntityKey(high: 0, low: 0)
        keys = (none, none, none, none)
    }

    /// The stand-alone UUIDs of `base[0..<count]`, in order.
    static func find(in base: UnsafeRawPointer, count: Int) -> UUIDSpans {
        var spans = UUIDSpans()
        // A UUID's first `-` is its ninth byte.
        var position = 8
        while position + 28 <= count {
            let hyphen = ByteSearch.firstOffset(of: 0x2D, in: base, from: position, to: count - 27)
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

    private mutating func append(start: Int, key: EntityKey) {
        switch count {
        case 0: (starts.0, keys.0) = (start, key)
        case 1: (starts.1, keys.1) = (start, key)
        case 2: (starts.2, keys.2) = (start, key)
        default: (starts.3, keys.3) = (start, key)
        }
        count += 1
        let placed = UInt64(truncatingIfNeeded: start & 0xFF) << (8 * UInt64(count))
        signature = (signature & ~0xFF | UInt64(count)) | placed
    }

    func start(_ index: Int) -> Int {
        switch index {
        case 0: starts.0
        case 1: starts.1
        case 2: starts.2
        default: starts.3
        }
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
        if count > 0, starts.0 == start { return 0 }
        if count > 1, starts.1 == start { return 1 }
        if count > 2, starts.2 == start { return 2 }
        if count > 3, starts.3 == start { return 3 }
        return nil
    }

    /// Whether `base[start..<end]` overlaps a span.
    func overlaps(start: Int, end: Int) -> Bool {
        (0..<count).contains { start < self.start($0) + UUIDSpans.length && self.start($0) < end }
    }

    /// Writes the message `base[0..<count]` into `masked` with each span's bytes replaced: the
    /// first by 0x01, the others by 0x02 plus the index of the first span with the same key.
    func mask(_ base: UnsafeRawPointer, count: Int, into masked: UnsafeMutableRawPointer) {
        masked.copyMemory(from: base, byteCount: count)
        for index in 0..<self.count {
            let first = (0...index).first { key($0) == key(index) }!
            let span = masked + start(index)
            span.initializeMemory(as: UInt8.self, repeating: 0x02 &+ UInt8(first), count: UUIDSpans.length)
            span.storeBytes(of: 0x01, as: UInt8.self)
        }
    }
}
