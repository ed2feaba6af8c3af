/// A hash table of the keywords' first words (case-folded), so that the message walk settles most
/// words with one hash and one probe instead of a trie walk. An entry says whether the word is a
/// keyword by itself and whether longer phrases start with it (`credits found`, `HTTP Request:`),
/// in which case the caller consults the trie.
///
/// Raw storage like ``ByteTrie``; the owner frees it with ``deallocate()``.
struct WordTable: @unchecked Sendable {
    struct Entry {
        var hash: UInt32
        var length: Int32
        var offset: Int32
        /// The keyword value of the word alone, or -1.
        var value: Int32
        /// Whether some longer key starts with this word.
        var startsPhrase: Bool
    }

    private let slots: UnsafeMutablePointer<Entry>
    private let mask: Int
    private let pool: UnsafeMutablePointer<UInt8>

    /// Builds the table from (folded) keys and their values.
    init(keys: [([UInt8], Int32)]) {
        var words: [[UInt8]: (value: Int32, startsPhrase: Bool)] = [:]
        for (key, value) in keys {
            let folded = key.map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }
            let first = Array(folded.prefix { ByteClass.isWord($0) })
            guard !first.isEmpty else { continue }
            var entry = words[first] ?? (-1, false)
            if first.count == folded.count { entry.value = value } else { entry.startsPhrase = true }
            words[first] = entry
        }
        var capacity = 64
        while capacity < words.count * 4 { capacity *= 2 }
        mask = capacity - 1
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: Entry(hash: 0, length: 0, offset: 0, value: -1, startsPhrase: false), count: capacity)
        pool = .allocate(capacity: max(words.keys.reduce(0) { $0 + $1.count }, 1))
        var offset = 0
        for (word, entry) in words.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
            let hash = word.withUnsafeBytes { WordTable.hash($0.baseAddress!, from: 0, to: word.count) }
            var index = Int(hash) & mask
            while slots[index].hash != 0 { index = (index + 1) & mask }
            slots[index] = Entry(hash: hash, length: Int32(word.count), offset: Int32(offset), value: entry.value,
                                 startsPhrase: entry.startsPhrase)
            for byte in word {
                pool[offset] = byte
                offset += 1
            }
        }
    }

    func deallocate() {
        slots.deallocate()
        pool.deallocate()
    }

    /// The case-folded FNV-1a hash of `base[start..<end]`, never 0.
    @inline(__always)
    static func hash(_ base: UnsafeRawPointer, from start: Int, to end: Int) -> UInt32 {
        var hash: UInt32 = 0x811C_9DC5
        for position in start..<end {
            let byte = ByteClass.byte(base, position)
            hash = (hash ^ UInt32(byte &- 0x41 < 26 ? byte | 0x20 : byte)) &* 0x0100_0193
        }
        return hash | 1
    }

    /// The entry of the word `base[start..<end]` whose hash is `hash`, if it is a first word.
    @inline(__always)
    func find(hash: UInt32, _ base: UnsafeRawPointer, from start: Int, to end: Int) -> Entry? {
        var index = Int(hash) & mask
        while true {
            let entry = slots[index]
            if entry.hash == 0 { return nil }
            if entry.hash == hash, Int(entry.length) == end - start, matches(entry, base, from: start) { return entry }
            index = (index + 1) & mask
        }
    }

    private func matches(_ entry: Entry, _ base: UnsafeRawPointer, from start: Int) -> Bool {
        for index in 0..<Int(entry.length) {
            let byte = ByteClass.byte(base, start + index)
            if (byte &- 0x41 < 26 ? byte | 0x20 : byte) != pool[Int(entry.offset) + index] { return false }
        }
        return true
    }
}
