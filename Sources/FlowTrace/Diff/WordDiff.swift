/// What differs, word by word, between two messages of the same step: a longest common
/// subsequence of their words, where ids, times and durations compare equal (two requests always
/// differ there) and everything else compares as written.
public enum WordDiff {
    /// Messages longer than this many words are compared as a whole.
    static let maxWords = 400

    public static func changes(_ left: String, _ right: String) -> [WordChange] {
        let a = words(left), b = words(right)
        guard a.count <= maxWords, b.count <= maxWords else {
            return a.map(\.compared) == b.map(\.compared) ? []
                : [WordChange(left: left, right: right, leftRange: 0..<left.utf8.count, rightRange: 0..<right.utf8.count)]
        }
        let aligned = SequenceAligner.align(a.map(\.key), b.map(\.key))
        var changes: [WordChange] = []
        var removed: [Word] = [], added: [Word] = []
        var after = ""
        func flush() {
            if removed.count == added.count, removed.count > 1 {
                // As many words on each side: word for word (`1/3) region=eu` → `2/3) region=us`).
                for (index, (old, new)) in zip(removed, added).enumerated() {
                    changes.append(WordChange(left: old.text, right: new.text,
                                              after: index == 0 ? after : removed[index - 1].text,
                                              leftRange: old.range, rightRange: new.range))
                }
            } else if !removed.isEmpty || !added.isEmpty {
                changes.append(WordChange(left: removed.map(\.text).joined(separator: " "),
                                          right: added.map(\.text).joined(separator: " "), after: after,
                                          leftRange: span(of: removed), rightRange: span(of: added)))
            }
            removed = []
            added = []
        }
        for edit in aligned {
            switch edit {
            case .equal(let i, _):
                flush()
                after = a[i].text
            case .delete(let i): removed.append(a[i])
            case .insert(let j): added.append(b[j])
            }
        }
        flush()
        return changes
    }

    /// Where consecutive words are in their message, from the first one's start to the last one's end.
    private static func span(of words: [Word]) -> Range<Int>? {
        guard let first = words.first, let last = words.last else { return nil }
        return first.range.lowerBound..<last.range.upperBound
    }

    /// A word as written and as compared (noise masked), and where it is in its message.
    struct Word {
        var text: String
        var compared: String
        /// UTF-8 offsets in the message.
        var range: Range<Int>
        var key: UInt64 {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in compared.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            return hash
        }
    }

    /// The words of a message, split at spaces, with their noise masked for comparison.
    static func words(_ message: String) -> [Word] {
        var copy = message
        return copy.withUTF8 { buffer in
            let bytes = UnsafeRawBufferPointer(buffer)
            var spans: [MaskedSpan] = []
            StepMasker.spans(in: bytes, into: &spans)
            var words: [Word] = []
            var start = 0
            var spanIndex = 0
            func emit(_ end: Int) {
                guard end > start else { return }
                var compared: [UInt8] = []
                var position = start
                while spanIndex < spans.count, spans[spanIndex].start < end {
                    let span = spans[spanIndex]
                    if span.kind.isNoise, span.end > start {
                        compared.append(contentsOf: bytes[position..<max(position, span.start)])
                        compared.append(contentsOf: span.kind.placeholder.utf8)
                        position = min(span.end, end)
                    }
                    if span.end > end { break }
                    spanIndex += 1
                }
                compared.append(contentsOf: bytes[position..<end])
                words.append(Word(text: String(decoding: bytes[start..<end], as: UTF8.self),
                                  compared: String(decoding: compared, as: UTF8.self), range: start..<end))
            }
            for index in 0..<bytes.count where bytes[index] == UInt8(ascii: " ") {
                emit(index)
                start = index + 1
            }
            emit(bytes.count)
            return words
        }
    }
}
