/// The level words a parser read last, so that the next line's level is one 64-bit comparison
/// instead of a table lookup: a stream repeats a handful of levels (`INFO`, `DEBUG`).
///
/// A slot (chosen by the lowest bit of the word's first byte) keeps the word's bytes, as read,
/// with the non-word byte after them: eight input bytes that start the same way hold the same
/// whole word, which the vocabulary answered before. Only for level words without phrases
/// (``VocabularyTables/levelsAreWords``), whose match depends on nothing past the word.
struct LevelMemo {
    /// Per slot: the word and the byte after it (little-endian, zero past them), or 0.
    private var keys: (UInt64, UInt64) = (0, 0)
    /// Per slot: the bits of `keys` that count.
    private var masks: (UInt64, UInt64) = (0, 0)
    private var matches: (ByteTrie.Match, ByteTrie.Match) = (ByteTrie.Match(length: 0, value: -1),
                                                             ByteTrie.Match(length: 0, value: -1))

    /// The remembered match for the eight bytes `word` at the level's position, if any.
    @inline(__always)
    func match(_ word: UInt64) -> ByteTrie.Match? {
        if word & 1 == 0 {
            return masks.0 != 0 && word & masks.0 == keys.0 ? matches.0 : nil
        }
        return masks.1 != 0 && word & masks.1 == keys.1 ? matches.1 : nil
    }

    /// Remembers `match`, a whole level word at the start of the eight bytes `word`, followed by
    /// a non-word byte. Words of eight bytes or more are not remembered.
    @inline(__always)
    mutating func remember(_ word: UInt64, _ match: ByteTrie.Match) {
        guard match.length < 8 else { return }
        let mask: UInt64 = (1 << (UInt64(match.length + 1) << 3)) &- 1
        if word & 1 == 0 {
            (keys.0, masks.0, matches.0) = (word & mask, mask, match)
        } else {
            (keys.1, masks.1, matches.1) = (word & mask, mask, match)
        }
    }
}
