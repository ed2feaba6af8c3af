/// A hash table of the keywords' first words (case-folded), so that the message walk settles most
/// words with one hash and one probe instead of a trie walk. An entry says whether the word is a
/// keyword by itself and whether longer phrases start with it (`credits found`, `HTTP Request:`),
/// in which case the caller goes on in the keyword trie from the node the word leads to.
///
/// Words are read eight bytes at a time (``WordBytes``): finding the end of a word yields its
/// folded head, which is hashed with two multiplications and compared as two 64-bit values.
///
/// Raw storage like ``ByteTrie``; the owner frees it with ``deallocate()``.
struct WordTable: @unchecked Sendable {
    struct Entry {
        /// The first sixteen folded bytes (``WordBytes/folded(_:count:)``), zero past the word.
        var head: (UInt64, UInt64)
        /// The word's length in bytes; 0 marks an empty slot.
        var length: Int32
        /// Where the folded bytes past the first sixteen are in the pool.
        var tailOffset: Int32
        /// The keyword value of the word alone, or -1.
        var value: Int32
        /// When longer keys start with this word, the keyword trie's node after it; else -1.
        var phraseNode: Int32
    }

    /// A word of the message: where it ends, and its entry when it is a keyword's first word.
    struct Lookup {
        var end: Int
        var entry: Entry?
    }

    private let slots: UnsafeMutablePointer<Entry>
    private let mask: Int
    /// `64 - log2(slot count)`: the hash's top bits pick the slot.
    private let shift: UInt64
    /// The longest first word: longer words are no keyword.
    private let maxLength: Int
    /// Per folded first byte, one bit per length (``lengthBit(_:)``) of the words starting with
    /// it: most other words are turned away before they are hashed.
    private let lengthsByFirstByte: UnsafeMutablePointer<UInt32>
    private let pool: UnsafeMutablePointer<UInt8>

    /// Builds the table from keys and their values, and the trie that holds them.
    init(keys: [([UInt8], Int32)], trie: ByteTrie) {
        var words: [[UInt8]: (value: Int32, phraseNode: Int32)] = [:]
        for (key, value) in keys {
            let first = Array(key.prefix { ByteClass.isWord($0) })
            guard !first.isEmpty else { continue }
            let folded = first.map { $0 | 0x20 }
            var entry = words[folded] ?? (-1, -1)
            if first.count == key.count {
                // The first value wins, as in the trie.
                if entry.value < 0 { entry.value = value }
            } else {
                entry.phraseNode = trie.node(after: first) ?? -1
            }
            words[folded] = entry
        }
        var capacity = 64
        while capacity < words.count * 4 { capacity *= 2 }
        mask = capacity - 1
        shift = UInt64(64 - capacity.trailingZeroBitCount)
        maxLength = words.keys.map(\.count).max() ?? 0
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: Entry(head: (0, 0), length: 0, tailOffset: 0, value: -1, phraseNode: -1),
                         count: capacity)
        lengthsByFirstByte = .allocate(capacity: 256)
        lengthsByFirstByte.initialize(repeating: 0, count: 256)
        for word in words.keys { lengthsByFirstByte[Int(word[0])] |= WordTable.lengthBit(word.count) }
        pool = .allocate(capacity: max(words.keys.reduce(0) { $0 + max($1.count - 16, 0) }, 1))
        var offset = 0
        for (word, entry) in words.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
            func packed(_ bytes: ArraySlice<UInt8>) -> UInt64 {
                bytes.prefix(8).enumerated().reduce(0) { $0 | UInt64($1.element) << (UInt64($1.offset) << 3) }
            }
            let head = (packed(word[...]), packed(word.dropFirst(8)))
            var index = slot(head: head, length: word.count)
            while slots[index].length != 0 { index = (index + 1) & mask }
            slots[index] = Entry(head: head, length: Int32(word.count), tailOffset: Int32(offset), value: entry.value,
                                 phraseNode: entry.phraseNode)
            for byte in word.dropFirst(16) {
                pool[offset] = byte
                offset += 1
            }
        }
    }

    func deallocate() {
        slots.deallocate()
        lengthsByFirstByte.deallocate()
        pool.deallocate()
    }

    /// The word-character run starting at `start` (a letter, digit or `_`) in `base[..<end]`.
    @inline(__always)
    func word(_ base: UnsafeRawPointer, at start: Int, end: Int) -> Lookup {
        let first = WordBytes.load(base, at: start, end: end)
        var length = WordBytes.wordLength(first)
        var second: UInt64 = 0
        if length == 8 {
            second = WordBytes.load(base, at: start + 8, end: end)
            let more = WordBytes.wordLength(second)
            second = WordBytes.folded(second, count: more)
            length += more
            if more == 8 {
                while start + length < end, ByteClass.isWord(ByteClass.byte(base, start + length)) { length += 1 }
            }
        }
        guard length <= maxLength,
              lengthsByFirstByte[Int(UInt8(truncatingIfNeeded: first) | 0x20)] & WordTable.lengthBit(length) != 0
        else { return Lookup(end: start + length, entry: nil) }
        let head = (WordBytes.folded(first, count: length), second)
        var index = slot(head: head, length: length)
        while true {
            let entry = slots[index]
            if entry.length == 0 { return Lookup(end: start + length, entry: nil) }
            if Int(entry.length) == length, entry.head == head, tailMatches(entry, base, from: start + 16) {
                return Lookup(end: start + length, entry: entry)
            }
            index = (index + 1) & mask
        }
    }

    /// The longest key of `trie` (the trie the table was built with) at `start`, a word character,
    /// that ends on a word boundary — `trie.longestMatch(…, wordBoundary: true)` for input that
    /// starts with a word — and where the word at `start` ends. The trie is only read for a
    /// phrase (an autoclosure, so that the common word does not load its fields).
    @inline(__always)
    func longestMatch(_ base: UnsafeRawPointer, at start: Int, end: Int, in trie: @autoclosure () -> ByteTrie)
        -> (wordEnd: Int, match: ByteTrie.Match?) {
        let found = word(base, at: start, end: end)
        guard let entry = found.entry else { return (found.end, nil) }
        if entry.phraseNode >= 0 {
            return (found.end, trie().longestMatch(base, from: start, to: end, wordBoundary: true,
                                                   resumingAt: entry.phraseNode, after: found.end))
        }
        return (found.end, entry.value >= 0 ? ByteTrie.Match(length: found.end - start, value: entry.value) : nil)
    }

    /// The bit of a word length in ``lengthsByFirstByte`` (lengths from 31 share the last one).
    @inline(__always)
    private static func lengthBit(_ length: Int) -> UInt32 { 1 << UInt32(min(length, 31)) }

    @inline(__always)
    private func slot(head: (UInt64, UInt64), length: Int) -> Int {
        let mixed = (head.0 ^ (head.1 &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(length)) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: mixed &>> shift)
    }

    /// Whether the word's bytes past the first sixteen (from `start`) match the entry's.
    private func tailMatches(_ entry: Entry, _ base: UnsafeRawPointer, from start: Int) -> Bool {
        for index in 0..<max(Int(entry.length) - 16, 0)
        where ByteClass.byte(base, start + index) | 0x20 != pool[Int(entry.tailOffset) + index] {
            return false
        }
        return true
    }
}
