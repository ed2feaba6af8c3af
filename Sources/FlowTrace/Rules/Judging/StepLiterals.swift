/// The literal bytes every step tests (logger prefixes and prefilter literals), kept in one pool
/// that steps refer to by range: a step is then plain values, which the per-event loop reads
/// without retaining anything.
struct StepLiterals {
    /// One prefilter literal: where its (folded) bytes are in the pool, how they are searched, and
    /// the bytes a text must contain for it to occur (none when it is searched regardless of case).
    fileprivate struct Needle {
        let bytes: Range<Int>
        let search: NeedleSearch
        let required: BytePresence
    }

    private var bytes: [UInt8] = []
    private var needles: [Needle] = []

    /// Adds `literal`; returns where its bytes are.
    mutating func add(_ literal: [UInt8]) -> Range<Int> {
        bytes += literal
        return bytes.count - literal.count..<bytes.count
    }

    /// Adds the literals of `prefilter`; returns where they are (none when it passes every line).
    mutating func add(_ prefilter: LiteralPrefilter) -> Range<Int> {
        let first = needles.count
        for needle in prefilter.needles {
            let required = needle.search.caseInsensitive ? BytePresence() : BytePresence(requiredBy: needle.bytes)
            needles.append(Needle(bytes: add(needle.bytes), search: needle.search, required: required))
        }
        return first..<needles.count
    }

    /// Calls `body` with the pool as plain pointers.
    func withView<R>(_ body: (View) throws -> R) rethrows -> R {
        try bytes.withUnsafeBytes { bytes in
            try needles.withUnsafeBufferPointer { needles in
                try BytePresence.bitOfByte.withUnsafeBufferPointer { bitOfByte in
                    try body(View(bytes: bytes, needles: needles, bitOfByte: bitOfByte.baseAddress!))
                }
            }
        }
    }

    /// The pool, valid within ``withView(_:)``.
    struct View {
        fileprivate let bytes: UnsafeRawBufferPointer
        fileprivate let needles: UnsafeBufferPointer<Needle>
        fileprivate let bitOfByte: UnsafePointer<UInt8>

        /// The bytes `text` contains, for ``mayMatch(_:present:_:)``.
        @inline(__always)
        func presence(in text: UnsafeRawBufferPointer) -> BytePresence {
            BytePresence(of: text, bitOfByte: bitOfByte)
        }

        /// Whether `text` starts with the literal at `prefix`.
        @inline(__always)
        func hasPrefix(_ text: UnsafeRawBufferPointer, _ prefix: Range<Int>) -> Bool {
            ByteSearch.hasPrefix(text, UnsafeRawBufferPointer(rebasing: bytes[prefix]))
        }

        /// Whether `line`, which has the bytes `present`, contains one of the prefilter literals at
        /// `range` (true when there are none).
        @inline(__always)
        func mayMatch(_ line: UnsafeRawBufferPointer, present: BytePresence, _ range: Range<Int>) -> Bool {
            if range.isEmpty { return true }
            for index in range {
                let needle = needles[index]
                if present.contains(needle.required),
                   needle.search.occurs(in: line, needle: UnsafeRawBufferPointer(rebasing: bytes[needle.bytes])) {
                    return true
                }
            }
            return false
        }
    }
}
