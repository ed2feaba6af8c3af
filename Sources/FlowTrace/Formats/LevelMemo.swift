/// The level words a parser read last, so that the next line's level is one 64-bit comparison
/// instead of a table lookup: a stream repeats a handful of levels (`INFO`, `DEBUG`).
///
/// A slot (chosen by the lowest bit of the word's first byte) keeps the word's bytes, as read,
/// with the non-word byte after them: eight input bytes that start the same way hold the same
/// whole word, which the vocabulary answered before. Only for level words without phrases
/// (``VocabularyTables/levelsAreWords``), whose match depends on nothing past the word.
///
/// Owned by one parser; its state lives behind a pointer (like ``TextBuffer``), so that the
/// parser stays small and the hot path neither copies it nor counts references.
final class LevelMemo {
    private struct Slot {
        /// The word and the byte after it (little-endian, zero past them).
        var key: UInt64
        /// The bits of `key` that count; 0 for an empty slot.
        var mask: UInt64
        var match: ByteTrie.Match
    }

    private let slots: UnsafeMutablePointer<Slot>

    init() {
        slots = .allocate(capacity: 2)
        slots.initialize(repeating: Slot(key: 0, mask: 0, match: ByteTrie.Match(length: 0, value: -1)), count: 2)
    }

    deinit { slots.deallocate() }

    /// The remembered match for the eight bytes `word` at the level's position, if any.
    @inline(__always)
    func match(_ word: UInt64) -> ByteTrie.Match? {
        let slot = slots[Int(word & 1)]
        return slot.mask != 0 && word & slot.mask == slot.key ? slot.match : nil
    }

    /// Remembers `match`, a whole level word at the start of the eight bytes `word`, followed by
    /// a non-word byte. Words of eight bytes or more are not remembered.
    @inline(__always)
    func remember(_ word: UInt64, _ match: ByteTrie.Match) {
        guard match.length < 8 else { return }
        let mask: UInt64 = (1 << (UInt64(match.length + 1) << 3)) &- 1
        slots[Int(word & 1)] = Slot(key: word & mask, mask: mask, match: match)
    }
}
