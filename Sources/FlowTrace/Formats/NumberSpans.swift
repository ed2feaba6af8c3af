import CByteScan

/// The stand-alone numbers of a message: runs of ASCII digits that begin it or follow a byte
/// that is not a letter, digit or `_`, as ``MessageAnalyser`` reads them (a token that starts
/// with a digit). What ``MessageMemo`` masks, besides ``UUIDSpans``, so that messages differing
/// only in such numbers (ports, amounts, durations, statuses) share one remembered analysis.
///
/// The analysis treats these digits alike whatever their values (only whether a byte is a digit
/// steers it) as long as no vocabulary word holds such a number
/// (``VocabularyDefinition/namesNoNumbers``); the values only become number fields, which the
/// memo reads again from each message (``NumberOrigins``).
struct NumberSpans {
    /// At most this many are found, so that an index fits four bits with 0xF left for none.
    static let capacity = 15
    /// Longer runs are not spans: ``ByteClass/readInteger`` reads at most this many digits.
    static let longest = 18
    /// What a masked span's bytes become. A message holding this byte has no spans found.
    static let sentinel: UInt8 = 0x06

    private(set) var count = 0
    private var starts: (UInt64, UInt64) = (0, 0)
    private var lengths: (UInt64, UInt64) = (0, 0)

    /// No spans.
    static let none = NumberSpans()

    /// The spans of `base[0..<count]` (at most 256 bytes, readable up to `count` rounded up to
    /// sixteen), or nil when there are more than ``capacity``, one is longer than ``longest``, or
    /// the text holds the ``sentinel``.
    static func find(in base: UnsafeRawPointer, count: Int) -> NumberSpans? {
        var spans = NumberSpans()
        let found = withUnsafeMutableBytes(of: &spans.starts) { starts in
            withUnsafeMutableBytes(of: &spans.lengths) { lengths in
                flowtrace_number_spans(base.assumingMemoryBound(to: UInt8.self), count, sentinel, longest,
                                       starts.baseAddress!.assumingMemoryBound(to: UInt8.self),
                                       lengths.baseAddress!.assumingMemoryBound(to: UInt8.self), Int32(capacity))
            }
        }
        guard found >= 0 else { return nil }
        spans.count = Int(found)
        return spans
    }

    /// Where span `index` starts.
    @inline(__always)
    func start(_ index: Int) -> Int {
        Int(withUnsafeBytes(of: starts) { $0[index] })
    }

    @inline(__always)
    func length(_ index: Int) -> Int {
        Int(withUnsafeBytes(of: lengths) { $0[index] })
    }

    /// The index of the span that is exactly `start..<end`, if one is.
    func index(start: Int, end: Int) -> Int? {
        (0..<count).first { self.start($0) == start && self.start($0) + length($0) == end }
    }

    /// Whether `start..<end` overlaps a span.
    func overlaps(start: Int, end: Int) -> Bool {
        (0..<count).contains { start < self.start($0) + length($0) && self.start($0) < end }
    }

    /// The value of span `index` of `base`.
    @inline(__always)
    func value(_ index: Int, in base: UnsafeRawPointer) -> Int64 {
        var position = start(index)
        return ByteClass.readInteger(base, &position, end: position + length(index)) ?? 0
    }

    /// Replaces each span's digits in `base` with the ``sentinel``.
    func mask(_ base: UnsafeMutableRawPointer) {
        for index in 0..<count {
            let span = base + start(index)
            span.initializeMemory(as: UInt8.self, repeating: NumberSpans.sentinel, count: length(index))
        }
    }

    /// Whether `literal` could occur overlapping a span, or holds a stand-alone number itself: it
    /// starts with a digit (a run may begin before it), or holds a digit that follows a non-word
    /// byte.
    static func mayOverlap(_ literal: [UInt8]) -> Bool {
        literal.indices.contains { index in
            ByteClass.isDigit(literal[index]) && (index == 0 || !ByteClass.isWord(literal[index - 1]))
        }
    }
}
