/// The bracketed tags of a line (`[GENERATION]`, `[CREDIT-SERVICE]`), in order, without brackets.
/// Holds up to four inline, so that recording tags never allocates; `count` counts all of them.
/// Which are kept does not depend on anything but the line: the first four, in the order they
/// appear; a fifth and later are counted and dropped, so no flow step, rule or key sees them.
/// (Level words in brackets, `[ERROR]`, are no tags and take no place.)
///
/// A tag's key is hashed from its bytes where it is used (``key(at:in:)``), not stored: four
/// stored 64-bit keys took 32 of an event's bytes, and every event is copied several times on the
/// way to its trace.
public struct TagList: Sendable, Equatable {
    fileprivate var ranges: (TextRange, TextRange, TextRange, TextRange) = (.empty, .empty, .empty, .empty)
    /// How many tags were recorded. 32 bits suffice: a tag takes at least three bytes (`[x]`) of a
    /// text that ``TextRange``'s 32-bit offsets address.
    private var total: UInt32 = 0

    public static let capacity = 4

    public init() {}

    /// How many tags the line has, stored or not.
    public var count: Int { Int(total) }

    public var isEmpty: Bool { total == 0 }

    /// How many tags are stored (at most ``capacity``).
    public var storedCount: Int { min(count, TagList.capacity) }

    /// Records a tag found at `range` of the event's text: stored when fewer than four are, else
    /// only counted.
    public mutating func append(_ range: TextRange) {
        switch count {
        case 0: ranges.0 = range
        case 1: ranges.1 = range
        case 2: ranges.2 = range
        case 3: ranges.3 = range
        default: break
        }
        total += 1
    }

    /// Where the tag at `index` (below ``storedCount``) is in the event's text.
    public func range(at index: Int) -> TextRange {
        switch index {
        case 0: ranges.0
        case 1: ranges.1
        case 2: ranges.2
        default: ranges.3
        }
    }

    /// The key of the tag at `index` (below ``storedCount``): `TagList.key(of:)` of its bytes in
    /// `text`, the event's text.
    @inline(__always)
    public func key(at index: Int, in text: UnsafeRawBufferPointer) -> UInt64 {
        TagList.key(of: range(at: index).slice(text))
    }

    /// The keys of the stored tags, hashed once, for code that looks them up more than once.
    func keys(in text: UnsafeRawBufferPointer) -> TagKeys {
        var keys = SIMD4<UInt64>()
        for index in 0..<storedCount { keys[index] = key(at: index, in: text) }
        return TagKeys(count: storedCount, keys: keys)
    }

    /// Whether a tag with this key is stored (`text` is the event's text).
    public func contains(key: UInt64, in text: UnsafeRawBufferPointer) -> Bool {
        for index in 0..<storedCount where self.key(at: index, in: text) == key { return true }
        return false
    }

    /// A 64-bit key for a tag's bytes (``ByteHash``), to compare tags without Strings.
    @inline(__always)
    public static func key(of bytes: UnsafeRawBufferPointer) -> UInt64 {
        ByteHash.key(bytes)
    }

    /// The key of a tag given as a String (configuration and tests).
    public static func key(of tag: String) -> UInt64 {
        var copy = tag
        return copy.withUTF8 { key(of: UnsafeRawBufferPointer($0)) }
    }

    public static func == (lhs: TagList, rhs: TagList) -> Bool {
        guard lhs.total == rhs.total else { return false }
        for index in 0..<lhs.storedCount where lhs.range(at: index) != rhs.range(at: index) { return false }
        return true
    }
}

/// The keys of a ``TagList``'s stored tags (``TagList/keys(in:)``), in order.
struct TagKeys: Sendable {
    /// How many keys: the list's ``TagList/storedCount``.
    let count: Int
    /// The keys, 0 past `count` (a vector only for its indexed access).
    fileprivate let keys: SIMD4<UInt64>

    var isEmpty: Bool { count == 0 }

    /// The key at `index` (below ``count``).
    subscript(index: Int) -> UInt64 { keys[index] }
}

extension TagList {
    /// Moves the stored ranges by `shift` bytes (the text they refer to was copied at an offset).
    mutating func rebase(by shift: Int32) {
        func moved(_ range: TextRange) -> TextRange {
            TextRange(start: Int(range.start + shift), count: Int(range.count))
        }
        ranges = (moved(ranges.0), moved(ranges.1), moved(ranges.2), moved(ranges.3))
    }

    /// The list with its stored ranges moved by `shift` (unused slots stay empty), as if its tags
    /// had been recorded `shift` bytes further on.
    func movingStoredRanges(by shift: Int32) -> TagList {
        var copy = self
        func moved(_ range: TextRange) -> TextRange {
            TextRange(start: Int(range.start &+ shift), count: Int(range.count))
        }
        let stored = storedCount
        if stored > 0 { copy.ranges.0 = moved(ranges.0) }
        if stored > 1 { copy.ranges.1 = moved(ranges.1) }
        if stored > 2 { copy.ranges.2 = moved(ranges.2) }
        if stored > 3 { copy.ranges.3 = moved(ranges.3) }
        return copy
    }
}
