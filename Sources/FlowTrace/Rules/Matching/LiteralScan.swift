/// Finds which of up to 64 literals occur in a text, all in one pass: the text's 4-byte windows
/// are hashed every ``stride`` bytes, and a window whose hash one of the literals has is compared
/// with that literal in full.
///
/// A literal of at least ``minimumLength`` bytes spans at least ``stride`` consecutive windows, so
/// wherever it occurs one of them starts at a sampled offset: each literal is kept under ``stride``
/// consecutive windows of its own, chosen where its bytes are rarest in logs. The hash ignores the
/// 0x20 bit of every byte (ASCII case), so case-insensitive literals are found the same way.
struct LiteralScan {
    /// Shorter literals cannot be found this way.
    static let minimumLength = 7
    /// At most this many literals; each has a bit in what ``View/found(in:)`` returns.
    static let capacity = 64
    /// How far apart sampled windows are: a literal spans `minimumLength - 3` windows.
    static let stride = minimumLength - 3
    private static let hashBits = 12

    fileprivate struct Literal {
        let bytes: Range<Int>
        let caseInsensitive: Bool
    }

    /// One window of a literal: its bytes (as ``View/found(in:)`` reads them, with `fold` ORed
    /// in), the literal's bit, where the window starts in it, and the next entry with the same
    /// hash (0: none; else its index + 1).
    fileprivate struct Entry {
        let word: UInt32
        /// 0x20 in each byte when the literal ignores case, else 0.
        let fold: UInt32
        let literal: UInt8
        let offset: UInt8
        let next: UInt16
    }

    private var bytes: [UInt8] = []
    /// Which templates (``Event/template``) tell which literals a message contains.
    private(set) var templateUse = TemplateUse()
    private var literals: [Literal] = []
    private var entries: [Entry] = []
    /// By hash: the first entry with that hash (index + 1), or 0.
    private var firstEntry = [UInt16](repeating: 0, count: 1 << hashBits)

    /// Adds a literal (ASCII lower-cased when `caseInsensitive`) and returns its bit, or nil when it
    /// is too short or there is no room left. A literal added before keeps its bit.
    mutating func add(_ literal: [UInt8], caseInsensitive: Bool) -> Int? {
        if let known = literals.firstIndex(where: { $0.caseInsensitive == caseInsensitive && bytes[$0.bytes].elementsEqual(literal) }) {
            return known
        }
        guard literal.count >= Self.minimumLength, literals.count < Self.capacity else { return nil }
        let bit = literals.count
        templateUse.add(literal)
        literals.append(Literal(bytes: bytes.count..<bytes.count + literal.count, caseInsensitive: caseInsensitive))
        bytes += literal
        let first = Self.rarestWindows(of: literal)
        for offset in first..<first + Self.stride {
            let word = Self.word(literal, at: offset)
            let hash = Self.hash(word)
            let fold: UInt32 = caseInsensitive ? 0x2020_2020 : 0
            entries.append(Entry(word: word | fold, fold: fold, literal: UInt8(bit), offset: UInt8(offset), next: firstEntry[hash]))
            firstEntry[hash] = UInt16(entries.count)
        }
        return bit
    }

    /// Where the ``stride`` windows of `literal` whose bytes are rarest in logs start.
    private static func rarestWindows(of literal: [UInt8]) -> Int {
        let span = stride + 3
        return (0...literal.count - span).min { first, second in
            literal[first..<first + span].map(ByteFrequency.rank).reduce(0, +)
                < literal[second..<second + span].map(ByteFrequency.rank).reduce(0, +)
        }!
    }

    private static func word(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        (0..<4).reduce(0) { $0 | UInt32(bytes[offset + $1]) << (8 * $1) }
    }

    @inline(__always)
    fileprivate static func hash(_ word: UInt32) -> Int {
        Int(((word | 0x2020_2020) &* 0x9E37_79B1) >> (32 - hashBits))
    }

    /// Calls `body` with the literals as plain pointers.
    func withView<R>(_ body: (View) throws -> R) rethrows -> R {
        try bytes.withUnsafeBytes { bytes in
            try literals.withUnsafeBufferPointer { literals in
                try entries.withUnsafeBufferPointer { entries in
                    try firstEntry.withUnsafeBufferPointer { firstEntry in
                        try body(View(bytes: bytes, literals: literals, entries: entries, firstEntry: firstEntry,
                                      templateUse: templateUse))
                    }
                }
            }
        }
    }

    /// The literals, valid within ``withView(_:)``.
    struct View {
        fileprivate let bytes: UnsafeRawBufferPointer
        fileprivate let literals: UnsafeBufferPointer<Literal>
        fileprivate let entries: UnsafeBufferPointer<Entry>
        fileprivate let firstEntry: UnsafeBufferPointer<UInt16>
        /// See ``LiteralScan/templateUse``.
        let templateUse: TemplateUse

        /// The bits of the literals `text` contains.
        func found(in text: UnsafeRawBufferPointer) -> UInt64 {
            guard text.count >= LiteralScan.minimumLength, let base = text.baseAddress else { return 0 }
            var found: UInt64 = 0
            var offset = 0
            // Four windows at a time, with one test for all four: most windows have no literal's hash.
            while offset + 4 * LiteralScan.stride <= text.count {
                let words = (base.loadUnaligned(fromByteOffset: offset, as: UInt32.self),
                             base.loadUnaligned(fromByteOffset: offset + LiteralScan.stride, as: UInt32.self),
                             base.loadUnaligned(fromByteOffset: offset + 2 * LiteralScan.stride, as: UInt32.self),
                             base.loadUnaligned(fromByteOffset: offset + 3 * LiteralScan.stride, as: UInt32.self))
                let hashes = (LiteralScan.hash(words.0), LiteralScan.hash(words.1), LiteralScan.hash(words.2),
                              LiteralScan.hash(words.3))
                if firstEntry[hashes.0] | firstEntry[hashes.1] | firstEntry[hashes.2] | firstEntry[hashes.3] != 0 {
                    if firstEntry[hashes.0] != 0 { found |= confirm(words.0, hashes.0, at: offset, in: text, found: found) }
                    if firstEntry[hashes.1] != 0 {
                        found |= confirm(words.1, hashes.1, at: offset + LiteralScan.stride, in: text, found: found)
                    }
                    if firstEntry[hashes.2] != 0 {
                        found |= confirm(words.2, hashes.2, at: offset + 2 * LiteralScan.stride, in: text, found: found)
                    }
                    if firstEntry[hashes.3] != 0 {
                        found |= confirm(words.3, hashes.3, at: offset + 3 * LiteralScan.stride, in: text, found: found)
                    }
                }
                offset += 4 * LiteralScan.stride
            }
            while offset + 4 <= text.count {
                let word = base.loadUnaligned(fromByteOffset: offset, as: UInt32.self)
                let hash = LiteralScan.hash(word)
                if firstEntry[hash] != 0 { found |= confirm(word, hash, at: offset, in: text, found: found) }
                offset += LiteralScan.stride
            }
            return found
        }

        /// The bits of the literals with a window of hash `hash` that occur where that window
        /// would put them, given the window `word` at `offset` of `text`.
        private func confirm(_ word: UInt32, _ hash: Int, at offset: Int, in text: UnsafeRawBufferPointer,
                             found: UInt64) -> UInt64 {
            var confirmed: UInt64 = 0
            var next = Int(firstEntry[hash])
            while next != 0 {
                let entry = entries[next - 1]
                next = Int(entry.next)
                let bit = UInt64(1) &<< entry.literal
                let literal = literals[Int(entry.literal)]
                let start = offset - Int(entry.offset)
                guard word | entry.fold == entry.word, found & bit == 0, start >= 0,
                      start + literal.bytes.count <= text.count
                else { continue }
                let candidate = text.baseAddress! + start
                let expected = bytes.baseAddress! + literal.bytes.lowerBound
                if literal.caseInsensitive ? Self.equalFolding(candidate, expected, count: literal.bytes.count)
                    : Self.equal(candidate, expected, count: literal.bytes.count) {
                    confirmed |= bit
                }
            }
            return confirmed
        }

        /// Whether the `count` bytes at `text` and `literal` are equal (`count` is at least 4), read
        /// eight or four at a time, the last read overlapping the one before.
        @inline(__always)
        private static func equal(_ text: UnsafeRawPointer, _ literal: UnsafeRawPointer, count: Int) -> Bool {
            guard count >= 8 else { return equal(text, literal, count: count, as: UInt32.self) }
            return equal(text, literal, count: count, as: UInt64.self)
        }

        @inline(__always)
        private static func equal<Word: FixedWidthInteger>(_ text: UnsafeRawPointer, _ literal: UnsafeRawPointer,
                                                          count: Int, as: Word.Type) -> Bool {
            let size = MemoryLayout<Word>.size
            var offset = 0
            while true {
                let start = min(offset, count - size)
                if text.loadUnaligned(fromByteOffset: start, as: Word.self)
                    != literal.loadUnaligned(fromByteOffset: start, as: Word.self) { return false }
                if start == count - size { return true }
                offset += size
            }
        }

        /// Whether the `count` bytes at `text`, ASCII lower-cased, equal those at `literal`.
        private static func equalFolding(_ text: UnsafeRawPointer, _ literal: UnsafeRawPointer, count: Int) -> Bool {
            (0..<count).allSatisfy {
                NeedleSearch.fold(text.load(fromByteOffset: $0, as: UInt8.self)) == literal.load(fromByteOffset: $0, as: UInt8.self)
            }
        }
    }
}
